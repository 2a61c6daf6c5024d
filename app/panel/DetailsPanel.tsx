/**
 * The side panel: the selected policy's document (Monaco, lazy) or the selected entity's
 * details. Empty, it says what to do.
 */
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { useWorldGraph } from '../world/useWorld';
import { EntityView } from './EntityView';
import { PolicyView } from './PolicyView';

export function DetailsPanel() {
  const t = useT();
  const graph = useWorldGraph();
  const selectedId = useAppStore((s) => s.selectedId);
  const select = useAppStore((s) => s.select);
  const node = graph && selectedId ? graph.nodes.find((n) => n.id === selectedId) : undefined;

  if (!graph || !node) {
    return (
      <div className="panel-empty">
        <Icon name="info" size={20} />
        <p>{t('panel.empty')}</p>
      </div>
    );
  }
  return (
    <div className="details">
      <button type="button" className="icon-button details-close" onClick={() => select(null)} aria-label={t('panel.close')} title={t('panel.close')}>
        <Icon name="close" size={16} />
      </button>
      {node.policy ? <PolicyView node={node} graph={graph} /> : <EntityView node={node} graph={graph} />}
    </div>
  );
}
