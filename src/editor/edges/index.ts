/** React Flow's `edgeTypes`: the types toFlow assigns. */
import type { EdgeTypes } from '@xyflow/react';
import type { EdgeType } from '../toFlow.ts';
import { SelfLoopEdge } from './SelfLoopEdge.tsx';
import { SignalEdge } from './SignalEdge.tsx';

export const edgeTypes = { signal: SignalEdge, selfLoop: SelfLoopEdge } satisfies Record<EdgeType, EdgeTypes[string]>;
