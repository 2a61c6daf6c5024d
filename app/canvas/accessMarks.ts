/**
 * What the map marks for the Analysis tab's highlight (a who-can path, an escalation path,
 * the administrators): for each principal node concerned, its place(s) on the path and
 * whether it is an administrator, with the words a screen reader hears. Pure; FlowMap lays
 * the marks over the nodes, replacing only the nodes marked.
 */
import type { AccessHighlight } from '../store/analysisSlice';
import type { WorldGraph } from '../world/graph';

export interface AccessMark {
  /** The 1-based places of the principal on the highlighted path (a principal may come back). */
  readonly steps: readonly number[];
  readonly admin: boolean;
  /** The badge an administrator carries ("Admin"), in the current language. */
  readonly adminBadge: string;
  /** Added to the node's accessible name: "step 1 of the highlighted path, administrator". */
  readonly description: string;
}

export interface AccessMarkWords {
  step(n: number): string;
  /** An administrator, for the accessible name. */
  readonly admin: string;
  /** The badge's word. */
  readonly adminBadge: string;
}

export const NO_MARKS: ReadonlyMap<string, AccessMark> = new Map();

const PRINCIPAL_KINDS = new Set(['root', 'user', 'role']);

export function accessMarks(graph: WorldGraph, highlight: AccessHighlight | null, words: AccessMarkWords): ReadonlyMap<string, AccessMark> {
  if (!highlight || (highlight.path.length === 0 && highlight.admins.length === 0)) return NO_MARKS;
  const byArn = new Map<string, string>();
  for (const n of graph.nodes) if (n.arn !== undefined && PRINCIPAL_KINDS.has(n.kind)) byArn.set(n.arn, n.id);
  const steps = new Map<string, number[]>();
  highlight.path.forEach((arn, i) => {
    const id = byArn.get(arn);
    if (id !== undefined) steps.set(id, [...(steps.get(id) ?? []), i + 1]);
  });
  const admins = new Set<string>();
  for (const arn of highlight.admins) {
    const id = byArn.get(arn);
    if (id !== undefined) admins.add(id);
  }
  const out = new Map<string, AccessMark>();
  for (const id of new Set([...steps.keys(), ...admins])) {
    const places = steps.get(id) ?? [];
    const admin = admins.has(id);
    const description = [...places.map((n) => words.step(n)), ...(admin ? [words.admin] : [])].join(', ');
    out.set(id, { steps: places, admin, adminBadge: words.adminBadge, description });
  }
  return out;
}

/** The node ids of the highlighted path, in order (what the map brings into view). */
export function pathNodeIds(marks: ReadonlyMap<string, AccessMark>): string[] {
  const withSteps = [...marks].filter(([, m]) => m.steps.length > 0);
  const ids = withSteps.length > 0 ? withSteps : [...marks];
  return ids.sort((a, b) => (a[1].steps[0] ?? 0) - (b[1].steps[0] ?? 0)).map(([id]) => id);
}
