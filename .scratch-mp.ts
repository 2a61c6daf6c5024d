import { latestManagedPolicies } from './engine/data/nodeManagedPolicies';
import { nodeServiceCatalogue } from './engine/data/nodeServiceData';
import { parsePolicy } from './engine/policy/parse';
import { loadServicesFor, serviceFindings } from './.scratch/sfA';
const cat = nodeServiceCatalogue();
const counts = new Map<string, number>(); const samples = new Map<string, string[]>();
const recs = latestManagedPolicies();
let n = 0; const t0 = Date.now();
for (const r of recs) {
  const p = parsePolicy((r as any).document, 'identity', { sizeLimit: null });
  if (!p.ok) continue;
  await loadServicesFor(p.policy, cat);
  for (const f of serviceFindings(p.policy, 'identity', cat)) {
    counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
    const s = samples.get(f.code) ?? []; if (s.length < 12) s.push(`${(r as any).name}: ${f.message}`); samples.set(f.code, s);
  }
  n++;
}
console.log(n, 'policies', Date.now() - t0, 'ms');
for (const [c, k] of [...counts].sort((a,b)=>b[1]-a[1])) { console.log(k, c); for (const s of samples.get(c)!) console.log('     ', s.slice(0, 260)); }
