/**
 * Node components registered by kind. A kind with no component of its own is drawn by the
 * generic GraphNode; register a specific one here when a kind needs it.
 */
import type { ComponentType } from 'react';
import type { NodeProps } from '@xyflow/react';
import { allKinds } from '../../model/index.ts';
import { nodeTypeOf, type GraphFlowNode } from '../toFlow.ts';
import { GraphNode } from './GraphNode.tsx';
import { GroupCollapsed, GroupFrame } from './GroupNodes.tsx';

type NodeComponent = ComponentType<NodeProps<GraphFlowNode>>;

/** Components of kinds that do not use the generic node (none yet). */
const specificComponents: Readonly<Record<string, NodeComponent>> = Object.freeze({});

/** React Flow's `nodeTypes`: one entry per registered kind, keyed by `nodeTypeOf(kind)` (a stable object, built once). */
export const nodeTypes: Record<string, NodeComponent> = {
  ...Object.fromEntries(allKinds().map((spec) => [nodeTypeOf(spec.kind), specificComponents[spec.kind] ?? GraphNode])),
  // Groups (editor modules) are drawn by their own components.
  groupFrame: GroupFrame as unknown as NodeComponent,
  groupCollapsed: GroupCollapsed as unknown as NodeComponent,
};
