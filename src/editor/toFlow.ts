/**
 * The canvas is a view of the document: React Flow nodes and edges are derived from it here, in
 * pure functions, plus the little view state React Flow keeps per element (measured size,
 * selection) that the document does not hold.
 */
import type { Edge, EdgeChange, Node, NodeChange } from '@xyflow/react';
import { connectivityText, getKind, type EdgeParams, type GraphDocument, type GraphEdge, type GraphNode, type WeightOptionKey } from '../model/index.ts';

/** What a node component shows. */
export interface GraphNodeData extends Record<string, unknown> {
  kind: string;
  /** The kind's display name ("Rate population"). */
  kindLabel: string;
  /** Palette group of the kind (inputs, rate, …): the component colours by it. */
  group: string;
  /** The node's label, or its id when it has none. */
  title: string;
  id: string;
  /** Units in the node (1 for a single neuron). */
  size: number;
  /** Key parameters, from the kind's `summary(params)`. */
  summary: string;
  acceptsInput: boolean;
  /** Validation problems of this node ("params.leak: must be in (0, 1]"), shown on the node. */
  errors?: readonly string[];
}

/** What an edge component shows. */
export interface GraphEdgeData extends Record<string, unknown> {
  /** Whole steps of delay (0 = same step). */
  delay: number;
  /** Short description of the weight initialisation ("0.5", "U[-1, 1]"). */
  weight: string;
  /** The edge's own label, if it has one. */
  label?: string;
  /** Drawn as part of a loop with no delay, or with validation errors (red, with a red arrowhead). */
  alert?: boolean;
}

export type GraphFlowNode = Node<GraphNodeData, string>;
export type GraphFlowEdge = Edge<GraphEdgeData, EdgeType>;
export type EdgeType = 'signal' | 'selfLoop';

export interface FlowView {
  nodes: GraphFlowNode[];
  edges: GraphFlowEdge[];
}

const superscripts: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** "z⁻³" for a delay of 3 steps (the z-transform's delay operator); empty for delay 0. */
export function delayLabel(delay: number): string {
  if (delay < 1) return '';
  return `z⁻${[...String(delay)].map((d) => superscripts[d] ?? d).join('')}`;
}

/** A short description of an edge's weights (initialisation and options), for its label and tooltip. */
export function weightSummary(params: Pick<EdgeParams, 'weight' | WeightOptionKey>): string {
  const { weight: w, connectivity, spectralRadius, scale } = params;
  const base = (() => {
    switch (w.type) {
      case 'constant':
        return String(w.value);
      case 'uniform':
        return `U[${w.low}, ${w.high}]`;
      case 'normal':
        return `N(${w.mean}, ${w.std})`;
      case 'matrix':
        return `${w.values.length}×${w.values[0]?.length ?? 0} matrix`;
      case 'identity':
        return w.value === 1 ? 'I' : `${w.value}·I`;
      case 'hebbian':
        return `Hebbian (${w.patterns.length} pattern${w.patterns.length === 1 ? '' : 's'})`;
    }
  })();
  const extras = [
    connectivity !== undefined && connectivity !== 1 ? connectivityText(connectivity) : '',
    spectralRadius !== undefined ? `ρ ${spectralRadius}` : '',
    scale !== undefined && scale !== 1 ? `×${scale}` : '',
  ].filter(Boolean);
  return extras.length > 0 ? `${base} · ${extras.join(' · ')}` : base;
}

/** The React Flow edge of a document edge. */
export function toFlowEdge(edge: GraphEdge): GraphFlowEdge {
  const delay = edge.params.delay;
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: edge.source === edge.target ? 'selfLoop' : 'signal',
    data: { delay, weight: weightSummary(edge.params), ...(edge.label ? { label: edge.label } : {}) },
  };
}

/**
 * React Flow node type of a kind. Prefixed, because React Flow styles its own built-in types
 * ("input", "output", "default") through the class `react-flow__node-<type>`.
 */
export function nodeTypeOf(kind: string): string {
  return `graph-${kind}`;
}

/** The React Flow node of a document node; its `type` is `nodeTypeOf(kind)`. */
export function toFlowNode(node: GraphNode): GraphFlowNode {
  const spec = getKind(node.kind);
  const params = node.params as unknown as Record<string, unknown>;
  const size = typeof params.size === 'number' ? params.size : (spec?.outputSize(node.params) ?? 1);
  return {
    id: node.id,
    type: nodeTypeOf(node.kind),
    position: { x: node.position.x, y: node.position.y },
    data: {
      kind: node.kind,
      kindLabel: spec?.label ?? node.kind,
      group: spec?.group ?? 'other',
      title: node.label ?? node.id,
      id: node.id,
      size,
      summary: spec?.summary(node.params) ?? '',
      acceptsInput: spec?.role !== 'source',
    },
  };
}

/** React Flow nodes and edges of a (valid) document. */
export function toFlow(doc: GraphDocument): FlowView {
  return { nodes: doc.nodes.map(toFlowNode), edges: doc.edges.map(toFlowEdge) };
}

/** Per-element state React Flow reports that the document does not hold. */
export interface ElementViewState {
  measured?: { width?: number; height?: number };
  selected?: boolean;
  dragging?: boolean;
}
export type ViewState = Readonly<Record<string, ElementViewState>>;

/** Lays the view state over derived elements (elements without state are returned as they are). */
export function withViewState<T extends { id: string }>(elements: T[], view: ViewState): T[] {
  return elements.map((el) => {
    const v = view[el.id];
    return v ? { ...el, ...v } : el;
  });
}

export interface NodeMove {
  id: string;
  position: { x: number; y: number };
}

/**
 * Splits React Flow's node changes into view-state updates and moves of nodes (which belong in
 * the document). Removals and additions are ignored: the canvas is read-only apart from moving.
 */
export function reduceNodeChanges(view: ViewState, changes: readonly NodeChange<GraphFlowNode>[]): { view: ViewState; moves: NodeMove[] } {
  const next: Record<string, ElementViewState> = { ...view };
  const moves: NodeMove[] = [];
  const patch = (id: string, p: ElementViewState) => {
    next[id] = { ...next[id], ...p };
  };
  for (const c of changes) {
    switch (c.type) {
      case 'dimensions':
        if (c.dimensions) patch(c.id, { measured: { width: c.dimensions.width, height: c.dimensions.height } });
        break;
      case 'select':
        patch(c.id, { selected: c.selected });
        break;
      case 'position':
        if (c.position) moves.push({ id: c.id, position: c.position });
        if (c.dragging !== undefined) patch(c.id, { dragging: c.dragging });
        break;
      default:
        break;
    }
  }
  return { view: next, moves };
}

/** Edge selection is the only edge state the canvas keeps for now. */
export function reduceEdgeChanges(view: ViewState, changes: readonly EdgeChange<GraphFlowEdge>[]): ViewState {
  const next: Record<string, ElementViewState> = { ...view };
  for (const c of changes) if (c.type === 'select') next[c.id] = { ...next[c.id], selected: c.selected };
  return next;
}
