/**
 * The map of the world (React Flow): accounts as boxes holding their entities, AWS
 * managed policies shared between them. Selecting a node (click, or Enter/Space on a
 * focused node) selects it in the store; the details panel follows.
 */
import { Background, Controls, ReactFlow, type NodeChange, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import { useCallback, useMemo } from 'react';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { graphOf } from '../world/useWorld';
import { layoutOf } from './layoutCache';
import { AccountNode } from './AccountNode';
import { EntityNode } from './EntityNode';
import { flowEdges, flowNodes, type FlowNode } from './flowElements';
import { Legend } from './Legend';

const nodeTypes: NodeTypes = { account: AccountNode, entity: EntityNode };

export function WorldCanvas() {
  const t = useT();
  const world = useAppStore((s) => s.world);
  const worldVersion = useAppStore((s) => s.worldVersion);
  const selectedId = useAppStore((s) => s.selectedId);
  const highlightedId = useAppStore((s) => s.highlight?.nodeId ?? null);
  const select = useAppStore((s) => s.select);

  const graph = world ? graphOf(world) : null;
  const layout = world ? layoutOf(world) : null;
  const nodes = useMemo(() => (graph && layout ? flowNodes(graph, layout, selectedId, highlightedId, t) : []), [graph, layout, selectedId, highlightedId, t]);
  const edges = useMemo(() => (graph ? flowEdges(graph, highlightedId, t) : []), [graph, highlightedId, t]);

  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('rf.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('rf.nodeHelp'),
      'edge.a11yDescription.default': t('rf.edgeHelp'),
      'controls.ariaLabel': t('rf.controls'),
      'controls.zoomIn.ariaLabel': t('rf.zoomIn'),
      'controls.zoomOut.ariaLabel': t('rf.zoomOut'),
      'controls.fitView.ariaLabel': t('rf.fitView'),
      'controls.interactive.ariaLabel': t('rf.interactive'),
      'minimap.ariaLabel': t('rf.minimap'),
      'handle.ariaLabel': t('rf.handle'),
    }),
    [t],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const picked = changes.find((c) => c.type === 'select' && c.selected);
      if (picked && picked.type === 'select') select(picked.id);
    },
    [select],
  );

  if (!graph) return null;
  if (graph.nodes.length === 0) return <p className="empty-note">{t('map.empty')}</p>;

  return (
    <div className="flow-frame">
      <div className="flow-wrap">
        <ReactFlow<FlowNode>
          key={worldVersion}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onPaneClick={() => select(null)}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          deleteKeyCode={null}
          fitView
          fitViewOptions={{ padding: 0.06, maxZoom: 1.1 }}
          minZoom={0.2}
          maxZoom={2}
          ariaLabelConfig={ariaLabelConfig}
          proOptions={{ hideAttribution: false }}
        >
          <Background gap={24} size={1.2} color="var(--dot)" />
          <Controls showInteractive={false} position="bottom-left" />
        </ReactFlow>
      </div>
      <Legend graph={graph} />
    </div>
  );
}
