/**
 * A compact drawing of the access graph: principals on a circle, escalation edges in the
 * deny colour, can-assume edges grey, administrators with a double ring. A picture beside
 * the lists (which say everything in words): hidden from assistive technology as a whole,
 * with a caption. A large graph draws only the principals that take part in an edge.
 */
import type { AccessGraph, AccessGraphNode } from '../../engine/analysis/types';
import { useT } from '../i18n';
import { circleLayout, drawnNodes } from './graphLayout';

const SIZE = 520;
/** Room left around the circle for the principals' names. */
const LABEL_ROOM = 120;
const MAX_LABEL = 18;
const MAX_DRAWN = 40;

function short(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

export function AccessGraphView({ graph, name }: { readonly graph: AccessGraph; readonly name: (arn: string) => string }) {
  const t = useT();
  const nodes: readonly AccessGraphNode[] = drawnNodes(graph, MAX_DRAWN);
  if (nodes.length === 0) return null;
  const at = circleLayout(nodes.map((n) => n.principal.arn), SIZE / 2, SIZE / 2, SIZE / 2 - LABEL_ROOM);
  const edges = graph.edges.filter((e) => at.has(e.from) && at.has(e.to));
  return (
    <figure className="analysis-graph">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} width={SIZE} height={SIZE} aria-hidden="true" focusable="false">
        <defs>
          <marker id="analysis-arrow-esc" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0L10 5L0 10z" className="analysis-graph-head is-escalation" />
          </marker>
          <marker id="analysis-arrow-assume" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0L10 5L0 10z" className="analysis-graph-head is-assume" />
          </marker>
        </defs>
        {edges.map((e, i) => {
          const a = at.get(e.from)!;
          const b = at.get(e.to)!;
          const escalation = e.kind !== 'assumeRole';
          const cls = `analysis-graph-edge ${escalation ? 'is-escalation' : 'is-assume'}`;
          const marker = `url(#analysis-arrow-${escalation ? 'esc' : 'assume'})`;
          if (e.from === e.to) {
            // A self-escalation: a small loop outside the circle.
            const dx = a.x - SIZE / 2;
            const dy = a.y - SIZE / 2;
            const len = Math.hypot(dx, dy) || 1;
            const ox = (dx / len) * 26;
            const oy = (dy / len) * 26;
            return <path key={i} className={cls} d={`M${a.x + oy * 0.4} ${a.y - ox * 0.4} q${ox * 1.6} ${oy * 1.6} ${-oy * 0.8} ${ox * 0.8}`} markerEnd={marker} fill="none" />;
          }
          const dx = b.x - a.x;
          const dy = b.y - a.y;
          const len = Math.hypot(dx, dy) || 1;
          const r = 13;
          // Curved a little, so edges both ways between two principals stay apart.
          const mx = (a.x + b.x) / 2 - (dy / len) * 14;
          const my = (a.y + b.y) / 2 + (dx / len) * 14;
          const sx = a.x + (dx / len) * r;
          const sy = a.y + (dy / len) * r;
          const ex = b.x - (dx / len) * (r + 3);
          const ey = b.y - (dy / len) * (r + 3);
          return <path key={i} className={cls} d={`M${sx} ${sy} Q${mx} ${my} ${ex} ${ey}`} markerEnd={marker} fill="none" />;
        })}
        {nodes.map((n) => {
          const p = at.get(n.principal.arn)!;
          const right = p.x >= SIZE / 2;
          return (
            <g key={n.principal.arn} className={`analysis-graph-node kind-${n.principal.kind}${n.admin ? ' is-admin' : ''}`}>
              {n.admin ? <circle cx={p.x} cy={p.y} r={17} className="analysis-graph-ring" /> : null}
              <circle cx={p.x} cy={p.y} r={12} />
              <text x={p.x + (right ? 20 : -20)} y={p.y + 4} textAnchor={right ? 'start' : 'end'}>
                {short(name(n.principal.arn))}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="hint">
        {t('analysis.graph.drawing')}. {t('analysis.graph.drawingNote')}
        {nodes.length < graph.nodes.length ? ` ${t('analysis.graph.drawingTooBig', { shown: nodes.length, total: graph.nodes.length })}` : ''}
      </figcaption>
    </figure>
  );
}
