/** Helpers the panel types share: time axis, node facts, live redraw of a probe window. */
import { getKind } from '../../model/index.ts';
import type { NodeInfo } from '../../engine/worker/protocol.ts';
import type { ProbeSamples } from '../../store/probeWindow.ts';
import type { PanelConfig } from '../../store/index.ts';
import type { PanelContext } from '../registry.ts';

/** The x-axis label: steps for discrete-time networks (dt = 1 and nothing spiking), else ms. */
export function timeLabel(ctx: PanelContext): string {
  const spiking = ctx.sim().nodes.some(isSpiking);
  return ctx.doc().dt === 1 && !spiking ? 'time (steps)' : 'time (ms)';
}

/** Spiking populations: outputs are 0/1 spike events each step. */
export function isSpiking(node: NodeInfo): boolean {
  return node.spiking || getKind(node.kind)?.group === 'spiking';
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

/** A node's label for titles and legends ("reservoir (res)"). */
export function nodeName(ctx: PanelContext, id: string): string {
  const label = ctx.doc().nodes.find((n) => n.id === id)?.label;
  return label ? `${label} (${id})` : id;
}
