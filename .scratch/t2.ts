import { nodeServiceCatalogue } from '../engine/data/nodeServiceData';
import { parsePolicy } from '../engine/policy/parse';
import * as B from './sfB';
const cat = nodeServiceCatalogue();
const r = parsePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b/*' }] }, 'identity');
if (r.ok) { await B.loadServicesFor(r.policy, cat); console.log(B.serviceFindings(r.policy, 'identity', cat).map(f => f.code)); }
