/** Where the access graph's drawing puts each principal: pure, so it is tested without a DOM. */
import type { AccessGraph, AccessGraphNode } from '../../engine/analysis/types';

/**
 * The principals worth drawing, at most `max`: those on an escalation path first, then
 * administrators, then any other principal with an edge, then the rest (a lone principal
 * says little in a picture; the lists name every one).
 */
export function drawnNodes(graph: AccessGraph, max: number): AccessGraphNode[] {
  const onPath = new Set(graph.escalations.flatMap((p) => [p.from, p.to, ...p.edges.map((e) => e.to)]));
  const withEdge = new Set(graph.edges.flatMap((e) => [e.from, e.to]));
  const rank = (n: AccessGraphNode) => (onPath.has(n.principal.arn) ? 0 : n.admin ? 1 : withEdge.has(n.principal.arn) ? 2 : 3);
  const ranked = graph.nodes.map((n, i) => ({ n, i, r: rank(n) }));
  ranked.sort((a, b) => a.r - b.r || a.i - b.i);
  // Keep the graph's own order among those drawn, so the circle reads like the lists.
  return ranked
    .slice(0, max)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.n);
}

/** Evenly on a circle, the first at the top, clockwise. */
export function circleLayout(ids: readonly string[], cx: number, cy: number, radius: number): Map<string, { readonly x: number; readonly y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  ids.forEach((id, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(ids.length, 1);
    out.set(id, { x: Math.round((cx + radius * Math.cos(angle)) * 10) / 10, y: Math.round((cy + radius * Math.sin(angle)) * 10) / 10 });
  });
  return out;
}
