import { nodeServiceCatalogue } from '../engine/data/nodeServiceData';
import { parsePolicy } from '../engine/policy/parse';
import * as A from './sfA';
const cat = nodeServiceCatalogue();
const r = parsePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'apigateway:GET', Resource: ['arn:aws:apigateway:*::/v2/apis/*/routes', 'arn:aws:apigateway:*::/v2/apis'] }] }, 'identity');
if (r.ok) { await A.loadServicesFor(r.policy, cat); console.log(A.serviceFindings(r.policy, 'identity', cat).map(f => f.code + ' ' + f.params.value)); }
