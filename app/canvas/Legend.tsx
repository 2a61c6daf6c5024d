/** What the shapes and lines of the map mean; only the kinds this world uses. */
import { useState } from 'react';
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import type { WorldGraph } from '../world/graph';
import { EDGE_KINDS, NODE_KINDS } from './kinds';

export function Legend({ graph }: { readonly graph: WorldGraph }) {
  const t = useT();
  const [open, setOpen] = useState(true);
  const nodeKinds = [...new Set(graph.nodes.map((n) => n.kind))];
  const edgeKinds = [...new Set(graph.edges.map((e) => e.kind))];
  return (
    <section className="legend" aria-labelledby="legend-title">
      <button type="button" className="legend-toggle" aria-expanded={open} aria-controls="legend-body" onClick={() => setOpen(!open)}>
        <Icon name="legend" size={16} />
        <span id="legend-title">{t('legend.title')}</span>
      </button>
      {open ? (
        <div id="legend-body" className="legend-body">
          <ul className="legend-list">
            {nodeKinds.map((kind) => (
              <li key={kind} className={`legend-item ${NODE_KINDS[kind].tone}`}>
                <span className="legend-swatch">
                  <Icon name={NODE_KINDS[kind].icon} size={14} />
                </span>
                {t(NODE_KINDS[kind].label)}
              </li>
            ))}
          </ul>
          {edgeKinds.length > 0 ? (
            <ul className="legend-list">
              {edgeKinds.map((kind) => (
                <li key={kind} className="legend-item">
                  <svg className={`legend-line ${EDGE_KINDS[kind].line}`} width="28" height="10" aria-hidden="true">
                    <line x1="1" y1="5" x2="27" y2="5" />
                  </svg>
                  {t(EDGE_KINDS[kind].label)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
