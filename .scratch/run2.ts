import { latestManagedPolicies } from '../engine/data/nodeManagedPolicies';
import { nodeServiceCatalogue } from '../engine/data/nodeServiceData';
import { parsePolicy } from '../engine/policy/parse';
import * as A from './sfA';
const cat = nodeServiceCatalogue();
const codes = ['actionResourceMismatch', 'invalidArnResource', 'arnAccountNotAllowed', 'arnRegionNotAllowed', 'missingArnRegion', 'missingArnAccount'];
const c: Record<string, number> = {};
for (const r of latestManagedPolicies()) {
  const p = parsePolicy(r.document, 'identity', { sizeLimit: null }); if (!p.ok) continue;
  await A.loadServicesFor(p.policy, cat);
  for (const f of A.serviceFindings(p.policy, 'identity', cat)) if (codes.includes(f.code)) {
    c[f.code] = (c[f.code] ?? 0) + 1;
    const st = p.policy.statements.find((s) => s.span.start <= f.span.start && f.span.end <= s.span.end)!;
    console.log(r.name, f.code, '|', f.params.action ?? f.params.value, '|', f.code === 'actionResourceMismatch' ? st.resource?.values.map((v) => v.value).join(' ').slice(0, 200) : '');
  }
}
console.log(c);
