/**
 * Stepping a spiking network for a benchmark, in Node or in a browser worker (no Node APIs): a
 * warm-up, then batches of 100 steps until `minSeconds` of wall time have passed, counting the
 * spikes of the given nodes for their mean rate.
 */
import type { Simulator } from '../src/engine/index.ts';

export interface SpikingRun {
  steps: number;
  wallSeconds: number;
  /** Mean rate (Hz) over the nodes' units and the timed steps. */
  rateHz: number;
  simulatedSecondsPerWallSecond: number;
}

export function runSpiking(sim: Simulator, ids: string[], minSeconds: number, warmupSteps = 500): SpikingRun {
  const outputs = ids.map((id) => sim.node(id).output);
  const units = outputs.reduce((n, y) => n + y.length, 0);
  sim.run(warmupSteps);
  let spikes = 0;
  let steps = 0;
  const count = () => {
    for (const y of outputs) for (let i = 0; i < y.length; i++) spikes += y[i];
  };
  const w0 = performance.now();
  while (performance.now() - w0 < minSeconds * 1000) {
    sim.run(100, count);
    steps += 100;
  }
  const wallSeconds = (performance.now() - w0) / 1000;
  const simulated = (steps * sim.program.doc.dt) / 1000;
  return { steps, wallSeconds, rateHz: spikes / units / simulated, simulatedSecondsPerWallSecond: simulated / wallSeconds };
}
