/**
 * Evaluating input signals (model/signals.ts). Each returns a function that writes the signal's
 * value at 0-based step t into `out` (one entry per channel).
 */
import type { Signal } from '../model/index.ts';
import type { Rng } from './rng.ts';
import { sin } from './math/detmath.ts';

/** Writes the value at 0-based step t; noise signals draw from `rng` (the node's stream). */
export type SignalFn = (t: number, out: Float64Array, rng: Rng) => void;

export function makeSignal(signal: Signal): SignalFn {
  switch (signal.type) {
    case 'constant': {
      const v = signal.value;
      return typeof v === 'number' ? (_t, out) => out.fill(v) : (_t, out) => out.set(v);
    }
    case 'sine': {
      // u(t) = offset + A·sin(2π t / P + φ); t mod P (exact in IEEE arithmetic) keeps the
      // argument small so the deterministic sin stays accurate for any run length.
      const { amplitude, period, phase, offset } = signal;
      return (t, out) => out.fill(offset + amplitude * sin((2 * Math.PI * (t % period)) / period + phase));
    }
    case 'step':
      return (t, out) => out.fill(t < signal.at ? signal.before : signal.after);
    case 'pulse':
      return (t, out) => out.fill(t >= signal.at && t < signal.at + signal.width ? signal.value : 0);
    case 'uniform': {
      return (_t, out, r) => {
        for (let i = 0; i < out.length; i++) out[i] = r.between(signal.low, signal.high);
      };
    }
    case 'gaussian': {
      return (_t, out, r) => {
        for (let i = 0; i < out.length; i++) out[i] = signal.mean + signal.std * r.gaussian();
      };
    }
    case 'sequence': {
      const { values, repeat } = signal;
      return (t, out) => {
        const k = repeat ? t % values.length : t;
        if (k >= values.length) return void out.fill(0);
        const row = values[k];
        if (typeof row === 'number') out.fill(row);
        else out.set(row);
      };
    }
  }
}
