import { nodeServiceCatalogue } from '../engine/data/nodeServiceData';
const cat = nodeServiceCatalogue(); await cat.loadServiceData('apigateway');
const d = cat.loadedService('apigateway')!;
for (const t of d.resourceTypes.values()) if (/\$\{Account\}/.test(t.arnFormat)) console.log(t.name, t.arnFormat);
