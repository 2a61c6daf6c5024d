import { latestManagedPolicies } from '../engine/data/nodeManagedPolicies';
import { nodeServiceCatalogue } from '../engine/data/nodeServiceData';
import { parsePolicy } from '../engine/policy/parse';
const cat = nodeServiceCatalogue();
const recs = latestManagedPolicies();
const mods = { A: await import('./sfA'), B: await import('./sfB'), C: await import('./sfC') };
const parsed = recs.map((r) => ({ name: r.name, p: parsePolicy(r.document, 'identity', { sizeLimit: null }) })).filter((x) => x.p.ok) as any[];
for (const x of parsed) await mods.A.loadServicesFor(x.p.policy, cat);
const codes = ['actionResourceMismatch', 'invalidArnResource', 'arnAccountNotAllowed', 'arnRegionNotAllowed', 'missingArnRegion', 'missingArnAccount'];
const keep: Record<string, Set<string>> = {};
for (const [v, m] of Object.entries(mods)) {
  const c: Record<string, number> = {}; keep[v] = new Set();
  for (const x of parsed) for (const f of m.serviceFindings(x.p.policy, 'identity', cat)) if (codes.includes(f.code)) { c[f.code] = (c[f.code] ?? 0) + 1; keep[v].add(`${x.name} ${f.code} ${f.message.slice(0, 200)}`); }
  console.log(v, JSON.stringify(c));
}
console.log('--- in B but not C'); for (const s of keep.B) if (!keep.C.has(s)) console.log(s);
console.log('--- in A but not B'); let i=0; for (const s of keep.A) if (!keep.B.has(s) && i++ < 40) console.log(s);
console.log('--- C (sample)'); i=0; for (const s of keep.C) if (i++ < 60) console.log(s);
