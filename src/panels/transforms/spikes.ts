/**
 * Spike events, firing rates and inter-spike intervals from samples (pure functions, no DOM).
 * A raster shows, per mode: "spikes" — outputs ≠ 0 (spiking kinds emit 1 in a step with a
 * spike); "state" — outputs above a threshold (binary units); "crossing" — upward crossings of a
 * threshold (rate units).
 */
import type { ProbeSamples } from '../../store/probeWindow.ts';

export type EventMode = 'spikes' | 'state' | 'crossing';

/** Whether a unit's value v (previous step: prev, NaN at the first) is an event in this mode. */
export function eventTest(mode: EventMode, threshold: number): (v: number, prev: number) => boolean {
  if (mode === 'spikes') return (v) => v !== 0 && v - v === 0;
  if (mode === 'state') return (v) => v > threshold;
  return (v, prev) => v > threshold && prev <= threshold;
}

/**
 * Firing rate of each unit over the samples: spikes ÷ (count · dt), in spikes per ms of dt
 * times 1000, i.e. Hz when dt is in ms.
 */
export function firingRates(s: ProbeSamples, dtMs: number): Float64Array {
  const rates = new Float64Array(s.width);
  if (s.count === 0) return rates;
  for (let t = 0; t < s.count; t++) for (let i = 0; i < s.width; i++) if (s.data[t * s.width + i] !== 0) rates[i]++;
  const seconds = (s.count * dtMs) / 1000;
  for (let i = 0; i < s.width; i++) rates[i] /= seconds;
  return rates;
}

/** Every interval between consecutive spikes of the same unit, in ms (steps × dt). */
export function interSpikeIntervals(s: ProbeSamples, dtMs: number): Float64Array {
  const last = new Int32Array(s.width).fill(-1);
  const out: number[] = [];
  for (let t = 0; t < s.count; t++) {
    for (let i = 0; i < s.width; i++) {
      if (s.data[t * s.width + i] === 0) continue;
      if (last[i] >= 0) out.push((t - last[i]) * dtMs);
      last[i] = t;
    }
  }
  return Float64Array.from(out);
}
