/**
 * An `input` node in PyNN: its signal along each edge as current sources (nA) into the target
 * population — DC, AC, step currents (sequences and task series: the engine's own values for the
 * exported duration) or noisy currents with the engine's mean and variance per step (uniform,
 * Gaussian and Poisson-count noise).
 */
import type { Signal } from '../../model/index.ts';
import { isTaskSignal } from '../../model/index.ts';
import type { CompiledEdge } from '../../engine/compile/compile.ts';
import { ExportError } from '../../common/export-error.ts';
import { forEachSynapse, synapseOf, type CurrentSource, type PynnContext, type PynnKind, type PynnPopulation, type Waveform } from '../shared/pynn.ts';
import type { InputParams } from './schema.ts';

export const inputPynn: PynnKind<InputParams> = {
  currentSources: (edge, p, target, ctx) => currentSources(edge, p, target, ctx),
};

/** Input signals as current sources: one per distinct drive, or one per cell for independent noise. */
function currentSources(e: CompiledEdge, p: InputParams, target: PynnPopulation, ctx: PynnContext): CurrentSource[] {
  if (!target.inputScale) throw new ExportError(`cannot export to PyNN: edge "${e.id}" drives "${target.id}" (${target.kind}), which takes no current`);
  const signal = p.signal;
  const k = target.inputScale(synapseOf(e, ctx), ctx.dt);
  const W = denseRows(e);
  const start = e.delay * ctx.dt;
  const dt = ctx.dt;
  const base = { edge: e.id, post: e.target, start };
  const rowSums = W.map((row) => row.reduce((s, w) => s + w, 0));
  const grouped = (waveformOf: (factor: number) => Waveform | null, factors: number[]): CurrentSource[] => {
    const groups = new Map<number, number[]>();
    factors.forEach((f, i) => {
      if (f !== 0) groups.set(f, [...(groups.get(f) ?? []), i]);
    });
    return [...groups].flatMap(([f, cells]) => {
      const waveform = waveformOf(f);
      return waveform ? [{ ...base, cells: cells.length === target.size ? null : cells, waveform, perCell: false }] : [];
    });
  };
  switch (signal.type) {
    case 'constant': {
      const c = signal.value;
      const values = typeof c === 'number' ? rowSums.map((s) => s * c) : W.map((row) => row.reduce((s, w, j) => s + w * c[j], 0));
      return grouped((f) => ({ type: 'dc', amplitude: f * k }), values);
    }
    case 'sine':
      return grouped(
        (f) => ({ type: 'ac', amplitude: f * k * signal.amplitude, offset: f * k * signal.offset, frequency: 1000 / (signal.period * dt), phase: (signal.phase * 180) / Math.PI }),
        rowSums,
      );
    case 'step':
      return grouped((f) => ({ type: 'steps', times: [0, signal.at * dt], amplitudes: [f * k * signal.before, f * k * signal.after] }), rowSums);
    case 'pulse':
      return grouped((f) => ({ type: 'steps', times: [signal.at * dt, (signal.at + signal.width) * dt], amplitudes: [f * k * signal.value, 0] }), rowSums);
    case 'uniform':
    case 'gaussian':
    case 'poisson': {
      const { mean, sd } = noiseMoments(signal);
      if (e.cols === 1) return grouped((f) => ({ type: 'noise', mean: f * k * mean, stdev: Math.abs(f * k) * sd }), rowSums);
      // independent channels: each cell gets the sum of its channels' noise, Gaussian with that mean and variance
      const cells = W.flatMap((row, i) => (row.some((w) => w !== 0) ? [i] : []));
      if (cells.length === 0) return [];
      const means = cells.map((i) => rowSums[i] * k * mean);
      const stdevs = cells.map((i) => Math.sqrt(W[i].reduce((s, w) => s + w * w, 0)) * Math.abs(k) * sd);
      return [{ ...base, cells: cells.length === target.size ? null : cells, waveform: { type: 'noise', mean: means, stdev: stdevs }, perCell: true }];
    }
    default: {
      // sequences and task series: the engine's own values for the exported duration, as steps
      const series = inputSeries(e.source, signal, ctx, Math.max(1, Math.round(ctx.durationMs / dt)));
      const m = e.cols;
      const byCell = W.map((row) => {
        const times: number[] = [];
        const amps: number[] = [];
        for (let t = 0; t < series.length / m; t++) {
          let v = 0;
          for (let j = 0; j < m; j++) v += row[j] * series[t * m + j];
          v *= k;
          if (amps.length === 0 || amps[amps.length - 1] !== v) {
            times.push(t * dt);
            amps.push(v);
          }
        }
        return JSON.stringify({ times, amps });
      });
      const groups = new Map<string, number[]>();
      byCell.forEach((key, i) => groups.set(key, [...(groups.get(key) ?? []), i]));
      return [...groups].map(([key, cells]) => {
        const { times, amps } = JSON.parse(key) as { times: number[]; amps: number[] };
        return { ...base, cells: cells.length === target.size ? null : cells, waveform: { type: 'steps' as const, times, amplitudes: amps }, perCell: false };
      });
    }
  }
}

/** The values an input node delivers over `steps` steps (the engine's, from a fresh reset). */
function inputSeries(id: string, signal: Signal, ctx: PynnContext, steps: number): Float64Array {
  const node = ctx.program.nodeById.get(id)!;
  const out = new Float64Array(steps * node.size);
  if (signal.type === 'sequence' || isTaskSignal(signal)) {
    // the input's update depends only on t and its own stream, so it can be stepped alone
    const update = ctx.program.schedule.find((op) => op.type === 'update' && op.node === id)!;
    for (let t = 0; t < steps; t++) {
      update.run(t);
      out.set(node.output, t * node.size);
    }
  }
  return out;
}

/** Mean and standard deviation per step of a noise signal (Poisson counts: λ and √λ). */
function noiseMoments(signal: Extract<Signal, { type: 'uniform' | 'gaussian' | 'poisson' }>): { mean: number; sd: number } {
  switch (signal.type) {
    case 'gaussian':
      return { mean: signal.mean, sd: signal.std };
    case 'uniform':
      return { mean: (signal.low + signal.high) / 2, sd: (signal.high - signal.low) / Math.sqrt(12) };
    case 'poisson':
      return { mean: signal.mean, sd: Math.sqrt(signal.mean) };
  }
}

function denseRows(e: CompiledEdge): number[][] {
  const rows = Array.from({ length: e.rows }, () => new Array<number>(e.cols).fill(0));
  forEachSynapse(e, (i, j, w) => (rows[i][j] = w));
  return rows;
}
