/**
 * What the lines of the map mean (every card already says its kind in words; the list of
 * kinds with their colours is one click away), only for what this world uses. A bar under
 * the map rather than an overlay, so it never hides a node.
 */
import { useState } from 'react';
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { isContainer, type WorldGraph } from '../world/graph';
import { EDGE_KINDS, NODE_KINDS } from './kinds';

export function Legend({ graph }: { readonly graph: WorldGraph }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const nodeKinds = [...new Set(graph.nodes.filter((n) => !isContainer(n)).map((n) => n.kind))];
  const edgeKinds = [...new Set(graph.edges.map((e) => e.kind))];
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h3 className="visually-hidden" id="legend-title">
        {t('legend.title')}
      </h3>
      <div className="legend-body">
        {edgeKinds.length > 0 ? (
          <ul className="legend-list">
            {edgeKinds.map((kind) => (
              <li key={kind} className="legend-item">
                <svg className={`legend-line ${EDGE_KINDS[kind].line}`} width="26" height="10" aria-hidden="true">
                  <line x1="1" y1="5" x2="25" y2="5" />
                </svg>
                {t(EDGE_KINDS[kind].label)}
              </li>
            ))}
          </ul>
        ) : null}
        <ul className="legend-list" id="legend-kinds" hidden={!open}>
            {nodeKinds.map((kind) => (
              <li key={kind} className={`legend-item ${NODE_KINDS[kind].tone}`}>
                <span className="legend-swatch">
                  <Icon name={NODE_KINDS[kind].icon} size={13} />
                </span>
                {t(NODE_KINDS[kind].label)}
              </li>
            ))}
        </ul>
      </div>
      <button type="button" className="legend-toggle" aria-expanded={open} aria-controls="legend-kinds" onClick={() => setOpen(!open)}>
        <Icon name="legend" size={14} />
        {open ? t('legend.hideKinds') : t('legend.showKinds')}
      </button>
    </section>
  );
}
