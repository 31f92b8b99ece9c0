/** Helpers the panel types share: time axis, node facts, live redraw of a probe window. */
import { getKind, isSpikingKind, type GraphDocument } from '../../model/index.ts';
import type { NodeInfo } from '../../engine/worker/protocol.ts';
import type { ProbeSamples, ProbeWindow } from '../../store/probeWindow.ts';
import type { PanelConfig } from '../../store/index.ts';
import type { PanelContext } from '../registry.ts';

/** Whether a network has a continuous-time kind (then time is in ms, else in steps). */
export function hasContinuousTime(doc: GraphDocument): boolean {
  return doc.nodes.some((n) => getKind(n.kind)?.continuousTime === true);
}

/** Whether the open network has a continuous-time kind. */
export function isContinuousTime(ctx: PanelContext): boolean {
  return hasContinuousTime(ctx.doc());
}

/** The run's clock: "step 8,750 · t = 875 ms" for continuous time, "step 875" for a discrete map. */
export function clockText(doc: GraphDocument, step: number): string {
  const steps = `step ${step.toLocaleString('en')}`;
  if (!hasContinuousTime(doc)) return steps;
  return `${steps} · t = ${Number((step * doc.dt).toPrecision(6)).toLocaleString('en')} ms`;
}

/**
 * The time axis: "time (ms)" with ticks at step × dt when the network has a continuous-time
 * kind; otherwise the network is a discrete map and the axis counts steps ("step", ticks = step).
 * `unit` is what read-outs put after a time ("ms"), absent for steps.
 */
export function timeAxis(ctx: PanelContext): { label: string; scale: number; unit?: string } {
  return isContinuousTime(ctx) ? { label: 'time (ms)', scale: ctx.doc().dt, unit: 'ms' } : { label: 'step', scale: 1 };
}

/** Spiking populations: outputs are 0/1 spike events each step (the kind's `output`). */
export function isSpiking(node: NodeInfo): boolean {
  return isSpikingKind(node.kind);
}

/** Names of a node's units when its kind names them (Wilson–Cowan: E, I). */
export function unitNames(ctx: PanelContext, id: string): string[] | undefined {
  const node = ctx.doc().nodes.find((n) => n.id === id);
  return node && getKind(node.kind)?.unitNames?.(node.params);
}

export function nodeInfo(ctx: PanelContext, id: string | undefined): NodeInfo | undefined {
  return id === undefined ? undefined : ctx.sim().nodes.find((n) => n.id === id);
}

/** The bound node's id (first of `nodes`). */
export function boundNode(config: PanelConfig, index = 0): string | undefined {
  return config.nodes?.[index];
}

/** The samples of a probe's window (shared, read-only), or null when it has none yet. */
export function windowSamples(ctx: PanelContext, probe: string | undefined): ProbeSamples | null {
  if (probe === undefined) return null;
  const w = ctx.live.windows.get(probe);
  return w && w.count > 0 ? w.snapshot() : null;
}

/** A probe's live window (read-only; panels read its new rows), or null while it is empty. */
export function liveWindow(ctx: PanelContext, probe: string | undefined): ProbeWindow | null {
  const w = probe === undefined ? undefined : ctx.live.windows.get(probe);
  return w && w.count > 0 ? w : null;
}

