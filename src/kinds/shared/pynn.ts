/**
 * What a kind declares to be mapped onto PyNN 0.10's standard models (Davison et al. 2009, Front.
 * Neuroinform. 2:11): its `pynn` export (src/kinds/<kind>/pynn.ts) makes either a population (a
 * PyNN cell type with its parameters and initial state, written as a call of a Python helper the
 * kind also declares) or current sources (an input signal driving a population).
 * src/export/pynn writes the script from them.
 *
 * Synaptic weights leave in one of three units, converted by the script for the simulator that
 * runs it (`to_simulator` in src/export/pynn/script.ts):
 *   "nA" — the jump of an exponential current (native to IF_curr_exp; the engine's exponential
 *          synapse I_s ← I_s·e^(−dt/τ) + w carries the same charge w·dt/(1 − e^(−dt/τ)) as NEURON's);
 *   "mV" — a jump of the membrane potential (delta synapses; IF_curr_delta, Izhikevich);
 *   "pC" — a charge: a "current" edge delivers w nA for one step, i.e. w·dt pC.
 */
import type { GraphDocument, SynapseSpec } from '../../model/index.ts';
import type { NodeRuntime, Program } from '../../engine/index.ts';
import type { CompiledEdge } from '../../engine/compile/compile.ts';
import { pyArray, pyNumber } from '../../common/python.ts';

export type WeightUnit = 'nA' | 'mV' | 'pC';
export type Receptor = 'excitatory' | 'inhibitory';

/** What every kind's mapping reads: the program (initialised with the export's seed) and the run's length. */
export interface PynnContext {
  readonly program: Program;
  /** The document's step (ms). */
  readonly dt: number;
  readonly docEdges: ReadonlyMap<string, GraphDocument['edges'][number]>;
  /** Simulated time the script runs by default (ms). */
  readonly durationMs: number;
}

/** A population of the script. */
export interface PynnPopulation {
  /** The engine's kind string. */
  readonly kind: string;
  readonly id: string;
  readonly size: number;
  /** The Python statement that makes it (a call of `helper`'s function; registers it in `pops`). */
  readonly code: string;
  /** The Python function `code` calls, defined once in the script. */
  readonly helper: string;
  /** A way the simulator's model departs from the engine's for this node, said in the script's header. */
  readonly caveat?: string;
  /** How an engine weight of a synapse of this type into the population leaves: unit and factor. Absent: it takes no synapses. */
  synapse?(synapse: SynapseSpec, dt: number): { unit: WeightUnit; factor: number };
  /** The current (nA) a unit input value makes through a weight-1 synapse of this type. Absent: no current source can drive it. */
  inputScale?(synapse: SynapseSpec, dt: number): number;
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

/** A kind's PyNN mapping: a population of its nodes, or current sources along its edges. */
export interface PynnKind<P> {
  /** The population a node of this kind becomes (from the program initialised with the export's seed). */
  population?(node: NodeRuntime, params: P, ctx: PynnContext): PynnPopulation;
  /** The current sources an edge from a node of this kind into `target` becomes. */
  currentSources?(edge: CompiledEdge, params: P, target: PynnPopulation, ctx: PynnContext): CurrentSource[];
}

/** The synapse model of an edge (current when the edge names none). */
export function synapseOf(edge: CompiledEdge, ctx: PynnContext): SynapseSpec {
  return ctx.docEdges.get(edge.id)!.params.synapse ?? { type: 'current' };
}

/** Calls f(row, column, weight) for every synapse the edge has (plastic dense edges: every entry). */
export function forEachSynapse(e: CompiledEdge, f: (i: number, j: number, w: number) => void): void {
  const w = e.weights;
  if (w.format === 'dense') {
    for (let i = 0; i < w.rows; i++) for (let j = 0; j < w.cols; j++) f(i, j, w.data[i * w.cols + j]);
  } else {
    for (let i = 0; i < w.rows; i++) for (let k = w.rowPtr[i]; k < w.rowPtr[i + 1]; k++) f(i, w.colIdx[k], w.values[k]);
  }
}

/** Whether an edge has positive and negative weights. */
export function signs(e: CompiledEdge): { pos: boolean; neg: boolean } {
  const values = e.weights.format === 'dense' ? e.weights.data : e.weights.values;
  let pos = false;
  let neg = false;
  for (const v of values) {
    if (v > 0) pos = true;
    else if (v < 0) neg = true;
  }
  return { pos, neg };
}

/** A per-cell parameter as one Python number when all cells share it, else an embedded array. */
export function perCellLiteral(values: Float64Array): string {
  return values.every((v) => v === values[0]) ? pyNumber(values[0]) : pyArray(values, [values.length]);
}

/** A per-unit parameter of a node (one number or one per unit) as one value per cell. */
export function cellValues(value: number | readonly number[], size: number): Float64Array {
  return typeof value === 'number' ? new Float64Array(size).fill(value) : Float64Array.from(value);
}
