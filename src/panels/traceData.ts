/** Turning the last run's probe samples into what the trace chart draws. */
import type { ProbeFrame } from '../engine/worker/protocol.ts';
import type { TraceData } from './TraceChart.ts';

/** One series per unit of the node: "x" for a single unit, "x[0]", "x[1]", … for a population. */
export function traceDataOf(nodeId: string, probe: ProbeFrame, firstStep: number): TraceData {
  const series = Array.from({ length: probe.width }, (_, i) => {
    const values = new Float64Array(probe.count);
    for (let t = 0; t < probe.count; t++) values[t] = probe.data[t * probe.width + i];
    return { name: probe.width === 1 ? nodeId : `${nodeId}[${i}]`, values };
  });
  return { firstStep, series };
}
