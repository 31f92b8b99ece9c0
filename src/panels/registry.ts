/**
 * What a panel type is, by its `type` string (the `type` of a document's `panels` entry). A type
 * says what it binds (a node, two nodes, an edge) and builds a PanelView: an imperative object
 * that owns a chart and redraws it from the live probe windows. The built-in types are listed
 * in types/index.ts; a new panel plugs in with one line there.
 */
import type { GraphDocument } from '../model/index.ts';
import type { EdgeInfo, NodeInfo } from '../engine/worker/protocol.ts';
import type { LiveData, LiveEvent } from '../store/probeWindow.ts';
import type { PanelConfig, SimulationState } from '../store/index.ts';
import type { AnalysisProgress, TrainingView } from '../store/simulationStore.ts';
import type { NodeTint } from '../store/nodeTint.ts';
import type { ChartBase } from './chart/ChartBase.ts';

export interface PanelContext {
  live: LiveData;
  /** The simulation store's state now (nodes, edges, weights(), spectrum(), subscribe()). */
  sim(): SimulationState;
  /** The open document now. */
  doc(): GraphDocument;
  /** Tints a canvas node by a live value (null: removes its tint). */
  setTint(node: string, tint: NodeTint | null): void;
  /** Calls `listener` with the progress of the analysis under `key` whenever it changes (null: none runs); returns the unsubscribe function. */
  watchAnalysis(key: string, listener: (progress: AnalysisProgress | null) => void): () => void;
  /** Calls `listener` whenever the training view changes (an epoch arrived, paused, done); returns the unsubscribe function. */
  watchTraining(listener: (training: TrainingView | null) => void): () => void;
}

export interface PanelView {
  /** Redraws from the live data (called at most once per animation frame). */
  draw(event: LiveEvent): void;
  /** The chart, for exports. */
  readonly chart: ChartBase<unknown>;
  destroy(): void;
}

export type PanelBinding = 'node' | 'node-pair' | 'edge' | 'square-edge';

export interface PanelOption {
  key: string;
  label: string;
  choices: { value: string; label: string }[];
  /** Whether the card shows this option for a config (default: always). */
  visible?(config: PanelConfig): boolean;
  /** Shown under the card's "Advanced" fold (estimator parameters), not in its one line of settings. */
  advanced?: boolean;
  /** Shown before the bound node pickers, so the line reads as a phrase ("AIS of res over 1000 steps"). */
  lead?: boolean;
  /** The select says what it is by itself: its label is for screen readers only. */
  hideLabel?: boolean;
}

export interface PanelType {
  type: string;
  title: string;
  /** One line for the Add-panel menu. */
  description: string;
  binding: PanelBinding;
  /** Which nodes the pickers offer (default: all). */
  accepts?(node: NodeInfo): boolean;
  /**
   * The node picker also offers edges' weights (`EDGE.w`, edges of at most
   * LIMITS.maxWeightProbeEntries entries): the panel then shows the synapses, row-major, as units.
   */
  weightProbes?: boolean;
  /** Which edges the picker offers (default: all; square-edge: square ones). */
  acceptsEdge?(edge: EdgeInfo): boolean;
  /** Labels of the node pickers of a node-pair binding (default "a", "b"). */
  bindingLabels?: [string, string];
  /** Whether the second node picker applies to this config (default: always), e.g. only for a pair measure. */
  usesSecondNode?(config: PanelConfig): boolean;
  /** Choices shown in the card header (stored in the config under `key`). */
  options?: PanelOption[];
  /** Cards of this type start wider (a longer line of settings, a heatmap). */
  wide?: boolean;
  create(el: HTMLElement, config: PanelConfig, ctx: PanelContext): PanelView;
}
