/**
 * The mapping of a spiking network onto PyNN 0.10's standard models (Davison et al. 2009,
 * Front. Neuroinform. 2:11), read from the compiled Program: populations with their initial
 * states, the engine's sampled synapses as explicit connection lists, and input signals as current
 * sources. Units: the engine's LIF uses mV, ms, MΩ and nA; PyNN uses mV, ms, nF and nA, so
 * cm = τ_m / r_m (ms / MΩ = nF). Izhikevich cells in PyNN have C = 1 pF, so a current I of the
 * model (mV/ms) is I/1000 nA and a synaptic weight is a jump of v in mV.
 *
 * Synaptic weights leave in one of three units, converted by the script for the simulator that
 * runs it (see PYNN_RUNTIME in script.ts):
 *   "nA" — the jump of an exponential current (native to IF_curr_exp; the engine's exponential
 *          synapse I_s ← I_s·e^(−dt/τ) + w carries the same charge w·dt/(1 − e^(−dt/τ)) as NEURON's);
 *   "mV" — a jump of the membrane potential (delta synapses; IF_curr_delta, Izhikevich);
 *   "pC" — a charge: a "current" edge delivers w nA for one step, i.e. w·dt pC.
 */
import type { Signal, SynapticRule } from '../../model/index.ts';
import { edgeRules, isTaskSignal } from '../../model/index.ts';
import { izhikevichConstants, type IzhikevichParams } from '../../kinds/izhikevich/schema.ts';
import type { LifParams } from '../../kinds/lif/schema.ts';
import type { PoissonParams } from '../../kinds/poisson/schema.ts';
import type { NodeRuntime, Program } from '../../engine/index.ts';
import type { CompiledEdge } from '../../engine/compile/compile.ts';
import { exp } from '../../engine/math/detmath.ts';
import { ExportError, listItems } from '../errors.ts';

export const PYNN_KINDS = ['input', 'lif', 'izhikevich', 'poisson'] as const;

export type WeightUnit = 'nA' | 'mV' | 'pC';
export type Receptor = 'excitatory' | 'inhibitory';

export interface LifPopulation {
  kind: 'lif';
  id: string;
  size: number;
  /** PyNN parameters: cm (nF), tau_m (ms), v_rest, v_reset, v_thresh (mV), tau_refrac (ms); i_offset (nA) per cell. */
  params: { cm: number; tau_m: number; v_rest: number; v_reset: number; v_thresh: number; tau_refrac: number };
  iOffset: Float64Array;
  /** τ_syn (ms) of each receptor's exponential synapses; null where it only takes jumps and charges. */
  tauSyn: { E: number | null; I: number | null };
  v: Float64Array;
}

export interface IzhikevichPopulation {
  kind: 'izhikevich';
  id: string;
  size: number;
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
  d: Float64Array;
  /** nA (i_e / 1000: PyNN's Izhikevich cell has C = 1 pF). */
  iOffset: Float64Array;
  v: Float64Array;
  u: Float64Array;
}

export interface PoissonPopulation {
  kind: 'poisson';
  id: string;
  size: number;
  /** Hz per cell (at most 1000/dt: the engine fires at most once per step). */
  rate: Float64Array;
}

export type Population = LifPopulation | IzhikevichPopulation | PoissonPopulation;

export interface Projection {
  edge: string;
  pre: string;
  post: string;
  receptor: Receptor;
  /** Presynaptic and postsynaptic cell indices, and weights in `unit` (negative for inhibitory). */
  pre_index: Int32Array;
  post_index: Int32Array;
  weight: Float64Array;
  unit: WeightUnit;
  /** ms: d·dt, at least one dt. */
  delay: number;
  stdp?: { tau_plus: number; tau_minus: number; A_plus: number; A_minus: number; w_min: number; w_max: number };
}

/** A current waveform in nA (before any edge delay). */
export type Waveform =
  | { type: 'dc'; amplitude: number }
  | { type: 'ac'; amplitude: number; offset: number; frequency: number; phase: number }
  | { type: 'steps'; times: number[]; amplitudes: number[] }
  | { type: 'noise'; mean: number | number[]; stdev: number | number[] };

export interface CurrentSource {
  edge: string;
  post: string;
  /** Cells it is injected into (null: all). */
  cells: number[] | null;
  waveform: Waveform;
  /** Noise with one independent draw per cell (a multi-channel noise input), else one waveform shared by the cells. */
  perCell: boolean;
  /** ms from which it acts (the edge's delay). */
  start: number;
}

export interface PynnNetwork {
  dt: number;
  seed: number;
  populations: Population[];
  projections: Projection[];
  sources: CurrentSource[];
  maxDelay: number;
}

/** Throws an ExportError when PyNN cannot express the network (one line, naming what it cannot). */
export function checkPynn(program: Program): void {
  const bad = program.nodes.filter((n) => !(PYNN_KINDS as readonly string[]).includes(n.kind));
  if (bad.length > 0) {
    throw new ExportError(
      `cannot export to PyNN: ${bad.length === 1 ? 'node' : 'nodes'} ${listItems(bad.map((n) => ({ id: n.id, what: n.kind })))} ${bad.length === 1 ? 'is' : 'are'} not of a kind PyNN can run (it can: ${PYNN_KINDS.join(', ')}); rate-family networks export as a notebook (--to notebook)`,
    );
  }
  const rules = program.doc.edges.flatMap((e) => edgeRules(e.params.plasticity).filter((r) => r.rule !== 'stdp').map((r) => ({ id: e.id, what: r.rule })));
  if (rules.length > 0) {
    throw new ExportError(`cannot export to PyNN: ${rules.length === 1 ? 'edge' : 'edges'} ${listItems(rules)} use plasticity PyNN cannot express (it has stdp); export as a notebook (--to notebook) for rate networks`);
  }
}

interface Ctx {
  program: Program;
  dt: number;
  params: Map<string, Record<string, unknown>>;
  docEdges: Map<string, Program['doc']['edges'][number]>;
}

/** Reads the PyNN network from a program initialised with its seed (weights and states sampled). */
export function pynnNetwork(program: Program, seed: number, durationMs: number): PynnNetwork {
  checkPynn(program);
  const dt = program.doc.dt;
  const ctx: Ctx = {
    program,
    dt,
    params: new Map(program.doc.nodes.map((n) => [n.id, n.params as Record<string, unknown>])),
    docEdges: new Map(program.doc.edges.map((e) => [e.id, e])),
  };
  const populations = program.nodes.filter((n) => n.kind !== 'input').map((n) => population(n, ctx));
  const projections: Projection[] = [];
  const sources: CurrentSource[] = [];
  for (const e of program.edges) {
    const src = program.nodeById.get(e.source)!;
    if (src.kind === 'input') sources.push(...currentSources(e, ctx, populations, durationMs));
    else projections.push(...projectionsOf(e, ctx, populations));
  }
  const maxDelay = Math.max(dt, ...projections.map((p) => p.delay));
  return { dt, seed, populations, projections, sources, maxDelay };
}

function population(n: NodeRuntime, ctx: Ctx): Population {
  const p = ctx.params.get(n.id)!;
  if (n.kind === 'poisson') {
    const rate = (p as PoissonParams).rate;
    const r = typeof rate === 'number' ? new Float64Array(n.size).fill(rate) : Float64Array.from(rate);
    return { kind: 'poisson', id: n.id, size: n.size, rate: r.map((x) => Math.min(x, 1000 / ctx.dt)) };
  }
  if (n.kind === 'izhikevich') {
    const q = p as IzhikevichParams;
    const k = izhikevichConstants(q);
    const per = (v: number | number[]) => (typeof v === 'number' ? new Float64Array(n.size).fill(v) : Float64Array.from(v));
    return {
      kind: 'izhikevich',
      id: n.id,
      size: n.size,
      a: per(k.a),
      b: per(k.b),
      c: per(k.c),
      d: per(k.d),
      iOffset: per(q.i_e).map((x) => x / 1000),
      v: Float64Array.from(n.vars.v),
      u: Float64Array.from(n.vars.u),
    };
  }
  const q = p as LifParams;
  const ie = typeof q.i_e === 'number' ? new Float64Array(n.size).fill(q.i_e) : Float64Array.from(q.i_e as number[]);
  return {
    kind: 'lif',
    id: n.id,
    size: n.size,
    params: { cm: q.tau_m / q.r_m, tau_m: q.tau_m, v_rest: q.v_rest, v_reset: q.v_reset, v_thresh: q.v_th, tau_refrac: q.t_ref },
    iOffset: ie,
    tauSyn: exponentialTaus(n.id, ctx),
    v: Float64Array.from(n.vars.v),
  };
}

/** τ of the exponential synapses of each sign into a LIF population (one per receptor in PyNN). */
function exponentialTaus(id: string, ctx: Ctx): { E: number | null; I: number | null } {
  const found: Record<'E' | 'I', { tau: number; edge: string }[]> = { E: [], I: [] };
  for (const e of ctx.program.edges) {
    const syn = ctx.docEdges.get(e.id)!.params.synapse;
    if (e.target !== id || syn?.type !== 'exponential' || ctx.program.nodeById.get(e.source)!.kind === 'input') continue;
    const { pos, neg } = signs(e);
    if (pos) found.E.push({ tau: syn.tau, edge: e.id });
    if (neg) found.I.push({ tau: syn.tau, edge: e.id });
  }
  const one = (list: { tau: number; edge: string }[], what: string) => {
    const taus = [...new Set(list.map((x) => x.tau))];
    if (taus.length > 1) {
      throw new ExportError(
        `cannot export to PyNN: the ${what} exponential synapses into "${id}" have different time constants (${list.map((x) => `"${x.edge}" τ = ${x.tau} ms`).join(', ')}); PyNN's IF_curr_exp has one τ_syn per receptor`,
      );
    }
    return taus[0] ?? null;
  };
  return { E: one(found.E, 'excitatory'), I: one(found.I, 'inhibitory') };
}

function signs(e: CompiledEdge): { pos: boolean; neg: boolean } {
  const values = e.weights.format === 'dense' ? e.weights.data : e.weights.values;
  let pos = false;
  let neg = false;
  for (const v of values) {
    if (v > 0) pos = true;
    else if (v < 0) neg = true;
  }
  return { pos, neg };
}

/** Per exported synapse: the unit and factor from the engine's weight, by target model and synapse type. */
function weightUnit(e: CompiledEdge, ctx: Ctx, target: Population): { unit: WeightUnit; factor: number } {
  const syn = ctx.docEdges.get(e.id)!.params.synapse ?? { type: 'current' as const };
  const dt = ctx.dt;
  if (target.kind === 'izhikevich') {
    // v' = … + I (mV/ms, C = 1): a one-step current w moves v by w·dt; an exponential one by its charge
    if (syn.type === 'delta') return { unit: 'mV', factor: 1 };
    if (syn.type === 'exponential') return { unit: 'mV', factor: dt / (1 - exp(-dt / syn.tau)) };
    return { unit: 'mV', factor: dt };
  }
  if (target.kind !== 'lif') throw new ExportError(`cannot export to PyNN: edge "${e.id}" ends at "${target.id}", which takes no synapses`);
  if (syn.type === 'exponential') return { unit: 'nA', factor: 1 };
  if (syn.type === 'delta') return { unit: 'mV', factor: 1 };
  // a current for one step: a charge w·dt (pC), or with delta synapses only, the jump w·dt/cm (mV)
  const delta = target.tauSyn.E === null && target.tauSyn.I === null;
  return delta ? { unit: 'mV', factor: dt / target.params.cm } : { unit: 'pC', factor: dt };
}

function projectionsOf(e: CompiledEdge, ctx: Ctx, populations: Population[]): Projection[] {
  const target = populations.find((p) => p.id === e.target)!;
  const { unit, factor } = weightUnit(e, ctx, target);
  const rule = edgeRules(ctx.docEdges.get(e.id)!.params.plasticity).find((r): r is Extract<SynapticRule, { rule: 'stdp' }> => r.rule === 'stdp');
  if (rule && (rule.w_min < 0 || rule.w_max <= 0)) {
    throw new ExportError(`cannot export to PyNN: edge "${e.id}" has STDP with bounds [${rule.w_min}, ${rule.w_max}]; PyNN's additive STDP needs 0 ≤ w_min < w_max (excitatory weights)`);
  }
  const delay = Math.max(e.delay, 1) * ctx.dt;
  const out: Projection[] = [];
  for (const receptor of ['excitatory', 'inhibitory'] as const) {
    const pre: number[] = [];
    const post: number[] = [];
    const weight: number[] = [];
    forEachSynapse(e, (i, j, w) => {
      if ((receptor === 'excitatory' && w > 0) || (receptor === 'inhibitory' && w < 0) || (rule && receptor === 'excitatory' && w === 0)) {
        pre.push(j);
        post.push(i);
        weight.push(w * factor);
      }
    });
    if (pre.length === 0) continue;
    out.push({
      edge: e.id,
      pre: e.source,
      post: e.target,
      receptor,
      pre_index: Int32Array.from(pre),
      post_index: Int32Array.from(post),
      weight: Float64Array.from(weight),
      unit,
      delay,
      ...(rule
        ? {
            stdp: {
              tau_plus: rule.tau_plus,
              tau_minus: rule.tau_minus,
              // PyNN's additive rule changes w by w_max·A (NEURON's StdwaSA): A = η·a / w_max
              A_plus: (rule.eta * rule.a_plus) / rule.w_max,
              A_minus: (rule.eta * rule.a_minus) / rule.w_max,
              w_min: rule.w_min * factor,
              w_max: rule.w_max * factor,
            },
          }
        : {}),
    });
  }
  return out;
}

/** Calls f(row, column, weight) for every synapse the edge has (plastic dense edges: every entry). */
function forEachSynapse(e: CompiledEdge, f: (i: number, j: number, w: number) => void): void {
  const w = e.weights;
  if (w.format === 'dense') {
    for (let i = 0; i < w.rows; i++) for (let j = 0; j < w.cols; j++) f(i, j, w.data[i * w.cols + j]);
  } else {
    for (let i = 0; i < w.rows; i++) for (let k = w.rowPtr[i]; k < w.rowPtr[i + 1]; k++) f(i, w.colIdx[k], w.values[k]);
  }
}

/**
 * The current (nA) a unit input value u makes in a target cell through one synapse of weight 1:
 * lif — current edges carry u nA, delta edges the jump u mV per step (a current u·cm/dt), and
 * exponential ones their steady current u/(1 − e^(−dt/τ)); izhikevich — the same in mV/ms, /1000 nA.
 */
function inputScale(e: CompiledEdge, ctx: Ctx, target: Population): number {
  const syn = ctx.docEdges.get(e.id)!.params.synapse ?? { type: 'current' as const };
  const dt = ctx.dt;
  const cm = target.kind === 'lif' ? target.params.cm : 0.001;
  const perModel = target.kind === 'izhikevich' ? 1 / 1000 : 1;
  if (syn.type === 'delta') return cm / dt;
  if (syn.type === 'exponential') return perModel / (1 - exp(-dt / syn.tau));
  return perModel;
}

/** Input signals as current sources: one per distinct drive, or one per cell for independent noise. */
function currentSources(e: CompiledEdge, ctx: Ctx, populations: Population[], durationMs: number): CurrentSource[] {
  const target = populations.find((p) => p.id === e.target)!;
  if (target.kind === 'poisson') throw new ExportError(`cannot export to PyNN: edge "${e.id}" drives the Poisson source "${target.id}"`);
  const signal = (ctx.params.get(e.source) as { signal: Signal }).signal;
  const k = inputScale(e, ctx, target);
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
    case 'gaussian': {
      const mean = signal.type === 'gaussian' ? signal.mean : (signal.low + signal.high) / 2;
      const sd = signal.type === 'gaussian' ? signal.std : (signal.high - signal.low) / Math.sqrt(12);
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
      const series = inputSeries(e.source, ctx, Math.max(1, Math.round(durationMs / dt)));
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
function inputSeries(id: string, ctx: Ctx, steps: number): Float64Array {
  const node = ctx.program.nodeById.get(id)!;
  const signal = (ctx.params.get(id) as { signal: Signal }).signal;
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

function denseRows(e: CompiledEdge): number[][] {
  const rows = Array.from({ length: e.rows }, () => new Array<number>(e.cols).fill(0));
  forEachSynapse(e, (i, j, w) => (rows[i][j] = w));
  return rows;
}
