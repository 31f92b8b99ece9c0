/**
 * The mapping of a spiking network onto PyNN 0.10 (Davison et al. 2009, Front. Neuroinform.
 * 2:11), read from the compiled Program: each node becomes what its kind declares (`pynn` in
 * src/kinds/<kind>/pynn.ts: a population with its initial state, or current sources along its
 * edges), and every edge between populations the engine's sampled synapses as explicit connection
 * lists split by sign. Weight units: src/kinds/shared/pynn.ts.
 */
import type { SynapticRule } from '../../model/index.ts';
import { edgeRules } from '../../model/index.ts';
import type { Program } from '../../engine/index.ts';
import type { CompiledEdge } from '../../engine/compile/compile.ts';
import { KINDS, kindOf } from '../../kinds/registry.ts';
import { forEachSynapse, synapseOf, type CurrentSource, type PynnContext, type PynnPopulation, type Receptor, type WeightUnit } from '../../kinds/shared/pynn.ts';
import { ExportError, listItems } from '../../common/export-error.ts';

export type { CurrentSource, PynnPopulation, Receptor, WeightUnit, Waveform } from '../../kinds/shared/pynn.ts';

/** The kinds PyNN can express (those declaring a `pynn` mapping), in the registry's order. */
export function pynnKinds(): string[] {
  return KINDS.filter((k) => k.pynn).map((k) => k.kind);
}

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

export interface PynnNetwork {
  dt: number;
  seed: number;
  populations: PynnPopulation[];
  projections: Projection[];
  sources: CurrentSource[];
  maxDelay: number;
}

/** Throws an ExportError when PyNN cannot express the network (one line, naming what it cannot). */
export function checkPynn(program: Program): void {
  const bad = program.nodes.filter((n) => !kindOf(n.kind)?.pynn);
  if (bad.length > 0) {
    throw new ExportError(
      `cannot export to PyNN: ${bad.length === 1 ? 'node' : 'nodes'} ${listItems(bad.map((n) => ({ id: n.id, what: n.kind })))} ${bad.length === 1 ? 'is' : 'are'} not of a kind PyNN can run (it can: ${pynnKinds().join(', ')}); rate-family networks export as a notebook (--to notebook)`,
    );
  }
  const rules = program.doc.edges.flatMap((e) => edgeRules(e.params.plasticity).filter((r) => r.rule !== 'stdp').map((r) => ({ id: e.id, what: r.rule })));
  if (rules.length > 0) {
    throw new ExportError(`cannot export to PyNN: ${rules.length === 1 ? 'edge' : 'edges'} ${listItems(rules)} use plasticity PyNN cannot express (it has stdp); export as a notebook (--to notebook) for rate networks`);
  }
}

/** Reads the PyNN network from a program initialised with its seed (weights and states sampled). */
export function pynnNetwork(program: Program, seed: number, durationMs: number): PynnNetwork {
  checkPynn(program);
  const dt = program.doc.dt;
  const ctx: PynnContext = { program, dt, durationMs, docEdges: new Map(program.doc.edges.map((e) => [e.id, e])) };
  const params = new Map(program.doc.nodes.map((n) => [n.id, n.params as never]));
  const populations = program.nodes.flatMap((n) => kindOf(n.kind)!.pynn!.population?.(n, params.get(n.id)!, ctx) ?? []);
  const projections: Projection[] = [];
  const sources: CurrentSource[] = [];
  for (const e of program.edges) {
    const sourceKind = kindOf(program.nodeById.get(e.source)!.kind)!.pynn!;
    const target = populations.find((p) => p.id === e.target);
    if (!target) throw new ExportError(`cannot export to PyNN: edge "${e.id}" ends at "${e.target}", which is no population`);
    if (sourceKind.currentSources) sources.push(...sourceKind.currentSources(e, params.get(e.source)!, target, ctx));
    else projections.push(...projectionsOf(e, ctx, populations));
  }
  const maxDelay = Math.max(dt, ...projections.map((p) => p.delay));
  return { dt, seed, populations, projections, sources, maxDelay };
}

function projectionsOf(e: CompiledEdge, ctx: PynnContext, populations: PynnPopulation[]): Projection[] {
  const target = populations.find((p) => p.id === e.target)!;
  if (!target.synapse) throw new ExportError(`cannot export to PyNN: edge "${e.id}" ends at "${target.id}" (${target.kind}), which takes no synapses`);
  const { unit, factor } = target.synapse(synapseOf(e, ctx), ctx.dt);
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
