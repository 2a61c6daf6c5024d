/**
 * The side panel: the inspector of the selected node. A policy shows what it is (its
 * PolicyMeta: name, attachments, owner) above its document in the editor (PolicyView); any
 * other node shows its EntityView. Empty, it says what to do.
 */
import { lazy, Suspense, useEffect } from 'react';
import { Icon } from '../components/Icon';
import { useInspectorKey } from '../inspector/follow';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { useWorldGraph } from '../world/useWorld';
import { HeadingShown, NodeHeading } from './NodeHeading';
import { PolicyView } from './PolicyView';
import '../styles/inspector.css';

const loadViews = () => import('../inspector/views');
const EntityView = lazy(() => loadViews().then((m) => ({ default: m.EntityView })));
const PolicyMeta = lazy(() => loadViews().then((m) => ({ default: m.PolicyMeta })));

export function DetailsPanel() {
  const t = useT();
  const graph = useWorldGraph();
  const world = useAppStore((s) => s.world);
  const selectedId = useAppStore((s) => s.selectedId);
  const select = useAppStore((s) => s.select);
  // Stays the same when the selected node is renamed, so the inspector keeps focus and state.
  const key = useInspectorKey(selectedId);
  const node = graph && selectedId ? graph.nodes.find((n) => n.id === selectedId) : undefined;

  // Not needed for the first paint, wanted at the first selection: fetched right after the first render.
  useEffect(() => {
    void loadViews();
  }, []);

  // Opening another item from inside the panel replaces what had focus: the keyboard lands on the new heading, not on the page.
  useEffect(() => {
    if (document.activeElement === null || document.activeElement === document.body) document.getElementById('details-title')?.focus();
  }, [key]);

  if (!graph || !world || !node) {
    return (
      <div className="panel-empty">
        <Icon name="info" size={20} />
        <p>{t('panel.empty')}</p>
      </div>
    );
  }
  return (
    <div className="details" key={key}>
      <button type="button" className="icon-button details-close" onClick={() => select(null)} aria-label={t('panel.close')} title={t('panel.close')}>
        <Icon name="close" size={16} />
      </button>
      {node.policy ? (
        <div className="policy-panel">
          <NodeHeading node={node} />
          <HeadingShown.Provider value={true}>
            <Suspense fallback={null}>
              <PolicyMeta world={world} graph={graph} node={node} />
            </Suspense>
            <PolicyView node={node} graph={graph} />
          </HeadingShown.Provider>
        </div>
      ) : (
        <Suspense fallback={<NodeHeading node={node} />}>
          <EntityView node={node} graph={graph} world={world} />
        </Suspense>
      )}
    </div>
  );
}
