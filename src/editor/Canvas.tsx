/**
 * The network canvas: a React Flow view of the open document. Every change a gesture makes
 * (connect, drop from the palette, select) goes through the command table or the editor store;
 * a drag moves nodes locally while the pointer is down and commits once when it is released
 * (useDragGesture). Besides that the canvas keeps only measured node sizes. Opening another document re-mounts
 * the flow so it fits the new network into view.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Background,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './editor.css';
import { useDocumentStore, useEditorStore, useStores, useUiStore, type AppStores } from '../store/index.ts';
import { groupsOf } from '../store/groups.ts';
import { nodeTypes } from './nodes/index.ts';
import { edgeTypes } from './edges/index.ts';
import { EdgeMarkers } from './edges/EdgeMarkers.tsx';
import { FarEdges } from './edges/FarEdges.tsx';
import { useFarEdgeClick } from './edges/useFarEdgeClick.ts';
import { connectionEnd, involvesModule } from './moduleConnection.ts';
import { useDocumentIssues } from './issues.ts';
import { createSceneBuilder, type SceneNode, type Size } from './scene.ts';
import type { GraphFlowEdge } from './toFlow.ts';
import { useCommands, type RunCommand } from './commands/appContext.ts';
import { applySelectionChanges, dropPointNode, withMovingEdges } from './canvasChanges.ts';
import { useDragGesture } from './useDragGesture.ts';
import { LoopBanner } from './LoopBanner.tsx';
import { RenameField } from './RenameField.tsx';
import { CanvasControls } from './CanvasControls.tsx';
import { EditBar } from './EditBar.tsx';
import { DEFAULT_NODE_SIZE } from './layout/nodeSize.ts';
import { FarZoomContext, useFarZoomSubscription } from './levelOfDetail.ts';
import { useFitFollow } from './useFitFollow.ts';
import { EmptyCanvasHint } from './EmptyCanvasHint.tsx';

/** Fitting leaves a fifth of the canvas as margin and never magnifies beyond 1.5. */
const fitViewOptions = { padding: 0.2, maxZoom: 1.5 };
/** Where an empty network starts: zoom 1, its origin near the top left. */
const EMPTY_VIEWPORT = { x: 80, y: 80, zoom: 1 };
/**
 * Elements (nodes + edges) above which only those in view are mounted (React Flow's
 * onlyRenderVisibleElements: zoomed in on a large network, most of it is off screen) and, zoomed
 * far out, edges are drawn as a few paths (FarEdges). Small networks keep everything mounted,
 * so panning never mounts anything.
 */
const LARGE_DOCUMENT = 600;
const NO_EDGES: GraphFlowEdge[] = [];

/**
 * A connection drawn between two canvas elements: between nodes, the `edge.connect` command;
 * to or from a collapsed module, the chooser for its member (ModuleConnectDialog).
 */
function connectOnCanvas(stores: Pick<AppStores, 'editor'>, run: RunCommand, source: string, target: string): void {
  const pending = { source: connectionEnd(source), target: connectionEnd(target) };
  if (involvesModule(pending)) stores.editor.getState().setModuleConnection(pending);
  else void run('edge.connect', { source, target });
}

/** The drag data type a palette item carries. */
export const KIND_MIME = 'application/x-recurrence-kind';

export function Canvas() {
  const loadCount = useDocumentStore((s) => s.loadCount);
  return (
    <ReactFlowProvider key={loadCount}>
      <FlowView />
    </ReactFlowProvider>
  );
}

/** Offers the viewport to commands (fit, zoom, centre, node sizes, the focused node) while the canvas is mounted. */
function useViewProvider(wrapper: React.RefObject<HTMLDivElement | null>, startsFitted: boolean) {
  const rf = useReactFlow<SceneNode, GraphFlowEdge>();
  const { provide } = useCommands();
  const follow = useFitFollow(rf, fitViewOptions, startsFitted);
  const { fit, leave } = follow;
  useEffect(
    () =>
      provide({
        view: {
          fitView: fit,
          zoomIn: () => {
            leave();
            void rf.zoomIn();
          },
          zoomOut: () => {
            leave();
            void rf.zoomOut();
          },
          centre() {
            const r = wrapper.current?.getBoundingClientRect();
            const p = r ? rf.screenToFlowPosition({ x: r.x + r.width / 2, y: r.y + r.height / 2 }) : { x: 0, y: 0 };
            return { x: p.x - DEFAULT_NODE_SIZE.width / 2, y: p.y - DEFAULT_NODE_SIZE.height / 2 };
          },
          size: (id) => {
            const m = rf.getInternalNode(id)?.measured;
            return m?.width && m.height ? { width: m.width, height: m.height } : undefined;
          },
          focusedNode: () => {
            const el = document.activeElement?.closest<HTMLElement>('.react-flow__node');
            return el && wrapper.current?.contains(el) ? (el.dataset.id ?? undefined) : undefined;
          },
        },
      }),
    [rf, wrapper, provide, fit, leave],
  );
  return { rf, follow };
}

function FlowView() {
  const doc = useDocumentStore((s) => s.doc);
  const selection = useEditorStore((s) => s.selection);
  const highlight = useEditorStore((s) => s.highlight);
  const theme = useUiStore((s) => s.theme);
  const stores = useStores();
  const { run } = useCommands();
  const [measured, setMeasured] = useState<Record<string, Size>>({});
  const wrapper = useRef<HTMLDivElement>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const onNodeDoubleClick = useCallback((_: React.MouseEvent, node: SceneNode) => setRenaming(node.id), []);
  const endRename = useCallback(() => setRenaming(null), []);
  // A network open at mount is fitted into view; an empty one starts at zoom 1 (see useFitFollow).
  const [startsFitted] = useState(() => doc.nodes.length > 0);
  const { rf, follow } = useViewProvider(wrapper, startsFitted);
  const build = useMemo(() => createSceneBuilder(), []);
  const issues = useDocumentIssues();
  const scene = useMemo(() => build({ doc, measured, selection, highlight, issues }), [build, doc, measured, selection, highlight, issues]);
  const drag = useDragGesture(scene.nodes);
  const { onPositionChanges, end: onNodeDragStop } = drag;

  const onNodesChange = useCallback(
    (changes: NodeChange<SceneNode>[]) => {
      const sized: Record<string, Size> = {};
      for (const c of changes) if (c.type === 'dimensions' && c.dimensions) sized[c.id] = c.dimensions;
      if (Object.keys(sized).length > 0) setMeasured((m) => ({ ...m, ...sized }));
      const editor = stores.editor.getState();
      const next = applySelectionChanges(editor.selection, changes, 'node');
      if (next !== editor.selection) editor.select(next);
      onPositionChanges(changes);
    },
    [onPositionChanges, stores],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<GraphFlowEdge>[]) => {
      const editor = stores.editor.getState();
      const next = applySelectionChanges(editor.selection, changes, 'edge');
      if (next !== editor.selection) editor.select(next);
    },
    [stores],
  );

  const onConnect = useCallback((c: Connection) => connectOnCanvas(stores, run, c.source, c.target), [stores, run]);
  /** Dropping a connection on a node's body (not its handle) connects to that node. */
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || state.fromHandle?.type !== 'source') return;
      const target = dropPointNode(event);
      if (target) connectOnCanvas(stores, run, state.fromNode.id, target);
    },
    [stores, run],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(KIND_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(KIND_MIME);
      if (!kind) return;
      e.preventDefault();
      e.stopPropagation();
      const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      void run('node.add', { kind, position: { x: p.x - DEFAULT_NODE_SIZE.width / 2, y: p.y - 20 } });
    },
    [rf, run],
  );

  const groupCount = useMemo(() => groupsOf(doc).length, [doc]);
  const large = doc.nodes.length + doc.edges.length > LARGE_DOCUMENT;
  const far = useFarZoomSubscription();
  /** A large network zoomed far out: its edges are drawn by FarEdges, not as React Flow edges. */
  const farEdges = far && large;
  const edges = useMemo(() => (farEdges ? NO_EDGES : withMovingEdges(scene.edges, drag.moving)), [farEdges, scene.edges, drag.moving]);
  const onFarPaneClick = useFarEdgeClick(scene.edges, scene.nodes, measured);
  return (
    <div className={far ? 'canvas canvas--far' : 'canvas'} data-testid="canvas" ref={wrapper} onDragOver={onDragOver} onDrop={onDrop}>
      <EdgeMarkers />
      <FarZoomContext value={far}>
        <ReactFlow
          nodes={drag.nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          onNodeDragStop={onNodeDragStop}
          onNodeDoubleClick={onNodeDoubleClick}
          onPaneClick={farEdges ? onFarPaneClick : undefined}
          onlyRenderVisibleElements={large}
          connectionRadius={30}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
          elevateNodesOnSelect={groupCount === 0}
          colorMode={theme}
          fitView={startsFitted}
          fitViewOptions={fitViewOptions}
          defaultViewport={startsFitted ? undefined : EMPTY_VIEWPORT}
          onMoveStart={follow.onMoveStart}
          minZoom={0.05}
          aria-label="Network canvas"
        >
          {farEdges && <FarEdges edges={scene.edges} still={scene.nodes} shown={drag.nodes} measured={measured} moving={drag.moving} />}
          {renaming && <RenameField key={renaming} flowId={renaming} onClose={endRename} />}
          <Background gap={24} />
          <CanvasControls fitViewOptions={fitViewOptions} onFit={follow.resume} onZoom={follow.leave} />
        </ReactFlow>
      </FarZoomContext>
      <EditBar />
      {doc.nodes.length === 0 && <EmptyCanvasHint />}
      <LoopBanner issues={issues} />
    </div>
  );
}
