/**
 * The network canvas: a React Flow view derived from the open document. Moving a node writes
 * its position back to the document; everything else the canvas shows comes from the document.
 * Opening another document re-mounts the flow so it fits the new network into view.
 */
import { useCallback, useMemo, useState } from 'react';
import {
  Background,
  Controls,
  ReactFlow,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useDocumentStore, useUiStore } from '../store/index.ts';
import { nodeTypes } from './nodes/index.ts';
import { edgeTypes } from './edges/index.ts';
import { EdgeMarkers } from './edges/EdgeMarkers.tsx';
import {
  reduceEdgeChanges,
  reduceNodeChanges,
  toFlow,
  withViewState,
  type GraphFlowEdge,
  type GraphFlowNode,
  type ViewState,
} from './toFlow.ts';

const fitViewOptions = { padding: 0.35, maxZoom: 1.5 };

export function Canvas() {
  const loadCount = useDocumentStore((s) => s.loadCount);
  return <FlowView key={loadCount} />;
}

function FlowView() {
  const doc = useDocumentStore((s) => s.doc);
  const moveNode = useDocumentStore((s) => s.moveNode);
  const theme = useUiStore((s) => s.theme);
  const [nodeView, setNodeView] = useState<ViewState>({});
  const [edgeView, setEdgeView] = useState<ViewState>({});

  const flow = useMemo(() => toFlow(doc), [doc]);
  const nodes = useMemo(() => withViewState(flow.nodes, nodeView), [flow, nodeView]);
  const edges = useMemo(() => withViewState(flow.edges, edgeView), [flow, edgeView]);

  const onNodesChange = useCallback(
    (changes: NodeChange<GraphFlowNode>[]) => {
      const { view, moves } = reduceNodeChanges(nodeView, changes);
      setNodeView(view);
      for (const m of moves) moveNode(m.id, m.position);
    },
    [nodeView, moveNode],
  );
  const onEdgesChange = useCallback((changes: EdgeChange<GraphFlowEdge>[]) => setEdgeView((v) => reduceEdgeChanges(v, changes)), []);

  return (
    <div className="canvas" data-testid="canvas">
      <EdgeMarkers />
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        nodesConnectable={false}
        deleteKeyCode={null}
        colorMode={theme}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.1}
        aria-label="Network canvas"
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
