/**
 * Statistics of a spiking population that characterise Brunel's (2000) states: the mean rate, the
 * mean coefficient of variation of the inter-spike intervals (≈ 1 for Poisson-like, irregular
 * firing) and the synchrony χ of the membrane potentials (Golomb 2007: χ² = Var_t(V̄(t)) /
 * mean_i Var_t(V_i(t)); ≈ 0 asynchronous, 1 fully synchronous).
 */
import type { Simulator } from '../engine/index.ts';

export interface PopulationStats {
  /** Mean rate (Hz) over the neurons and the measured window. */
  rate: number;
  /** Mean CV of the ISIs over the neurons with at least `minIntervals` intervals. */
  cv: number;
  /** Neurons that entered the CV. */
  cvNeurons: number;
  /** Golomb's χ over the first `chiNeurons` neurons' potentials. */
  chi: number;
}

/**
 * Runs `steps` steps of `sim` and measures node `id` (a spiking node with a potential `v`) after
 * the first `transient` steps. ISIs in ms (the document's dt).
 */
export function measurePopulation(sim: Simulator, id: string, steps: number, transient: number, options: { chiNeurons?: number; minIntervals?: number } = {}): PopulationStats {
  const node = sim.node(id);
  const n = node.size;
  const dt = sim.program.doc.dt;
  const m = Math.min(n, options.chiNeurons ?? 500);
  const minIntervals = options.minIntervals ?? 3;
  const lastSpike = new Float64Array(n).fill(-1);
  const isiSum = new Float64Array(n);
  const isiSq = new Float64Array(n);
  const isiCount = new Float64Array(n);
  const vSum = new Float64Array(m);
  const vSq = new Float64Array(m);
  let spikes = 0;
  let popSum = 0;
  let popSq = 0;
  sim.run(steps, (t) => {
    if (t <= transient) return;
    const out = node.output;
    const v = node.vars.v;
    for (let i = 0; i < n; i++) {
      if (out[i] === 0) continue;
      spikes++;
      if (lastSpike[i] >= 0) {
        const isi = (t - lastSpike[i]) * dt;
        isiSum[i] += isi;
        isiSq[i] += isi * isi;
        isiCount[i]++;
      }
      lastSpike[i] = t;
    }
    let pop = 0;
    for (let i = 0; i < m; i++) {
      vSum[i] += v[i];
      vSq[i] += v[i] * v[i];
      pop += v[i];
    }
    pop /= m;
    popSum += pop;
    popSq += pop * pop;
  });
  const samples = steps - transient;
  let cvSum = 0;
  let cvNeurons = 0;
  for (let i = 0; i < n; i++) {
    if (isiCount[i] < minIntervals) continue;
    const mu = isiSum[i] / isiCount[i];
    cvSum += Math.sqrt(Math.max(0, isiSq[i] / isiCount[i] - mu * mu)) / mu;
    cvNeurons++;
  }
  let meanVar = 0;
  for (let i = 0; i < m; i++) meanVar += vSq[i] / samples - (vSum[i] / samples) ** 2;
  meanVar /= m;
  const chi = Math.sqrt((popSq / samples - (popSum / samples) ** 2) / meanVar);
  return { rate: spikes / n / ((samples * dt) / 1000), cv: cvNeurons > 0 ? cvSum / cvNeurons : NaN, cvNeurons, chi };
}
