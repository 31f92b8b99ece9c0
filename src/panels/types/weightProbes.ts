/**
 * Edge weights as a panel's signal: the probe `EDGE.w` records an edge's matrix row-major (rows =
 * target units, absent synapses 0) after every step, so a Traces or heatmap panel can follow
 * synapses as it follows units — e.g. weights moving under STDP.
 */
import { LIMITS } from '../../model/index.ts';
import type { EdgeInfo } from '../../engine/worker/protocol.ts';
import { WINDOW_BUDGET } from '../../store/index.ts';
import type { PanelContext } from '../registry.ts';

const SUFFIX = '.w';

/** Entries an edge's weight probe records per step. */
const entries = (e: EdgeInfo) => e.rows * e.cols;

/** The picker's choices: the weights of every edge within the probe's size limit. */
export function weightProbeChoices(edges: readonly EdgeInfo[]): { value: string; label: string }[] {
  return edges
    .filter((e) => entries(e) <= LIMITS.maxWeightProbeEntries)
    .map((e) => ({ value: `${e.id}${SUFFIX}`, label: `${e.id}${SUFFIX} (weights, ${entries(e).toLocaleString('en')})` }));
}

/** The edge a probe names the weights of (`EDGE.w`, an edge of the running network), or undefined. */
export function weightProbeEdge(ctx: PanelContext, probe: string | undefined): EdgeInfo | undefined {
  if (!probe?.endsWith(SUFFIX)) return undefined;
  const id = probe.slice(0, -SUFFIX.length);
  return ctx.sim().edges.find((e) => e.id === id);
}

/**
 * Asks the live loop to record an edge's weights (only node outputs are recorded by default),
 * with the run's window shortened so the record stays within the sample budget of a default
 * window; returns the function that releases it.
 */
export function recordWeights(ctx: PanelContext, edge: EdgeInfo): () => void {
  const window = Math.max(1, Math.min(ctx.sim().window, Math.floor(WINDOW_BUDGET / entries(edge))));
  return ctx.sim().subscribe(`${edge.id}${SUFFIX}`, window);
}
