/**
 * A `lif` node in PyNN: IF_curr_exp (with exponential synapses; one τ_syn per receptor) or
 * IF_curr_delta. The engine's LIF uses mV, ms, MΩ and nA; PyNN mV, ms, nF and nA, so
 * cm = τ_m / r_m (ms / MΩ = nF), i_offset = i_e.
 */
import { ExportError } from '../../common/export-error.ts';
import { pyNumber, pyString } from '../../common/python.ts';
import { exp } from '../../engine/math/detmath.ts';
import { cellValues, perCellLiteral, signs, synapseOf, type PynnContext, type PynnKind, type PynnPopulation } from '../shared/pynn.ts';
import type { LifParams } from './schema.ts';

export interface LifPopulation extends PynnPopulation {
  /** PyNN parameters: cm (nF), tau_m (ms), v_rest, v_reset, v_thresh (mV), tau_refrac (ms). */
  readonly params: { cm: number; tau_m: number; v_rest: number; v_reset: number; v_thresh: number; tau_refrac: number };
  /** i_offset (nA) per cell. */
  readonly iOffset: Float64Array;
  /** τ_syn (ms) of each receptor's exponential synapses; null where it only takes jumps and charges. */
  readonly tauSyn: { E: number | null; I: number | null };
  /** Initial membrane potential (mV) per cell, as the engine sampled it. */
  readonly v: Float64Array;
}

const HELPER = `def lif(label, size, params, i_offset, taus, v):
    """A LIF population (engine: lif). taus: τ_syn (ms) of the exponential synapses per receptor, None for none."""
    if taus["E"] is None and taus["I"] is None and DELTA_NATIVE:
        cell = sim.IF_curr_delta(i_offset=i_offset, **params)
        delta_cells.add(label)
    else:
        cell = sim.IF_curr_exp(i_offset=i_offset, tau_syn_E=taus["E"] or DT, tau_syn_I=taus["I"] or DT, **params)
    pops[label] = sim.Population(size, cell, label=label, initial_values={"v": v})
    cm[label] = params["cm"]
    tau_syn[label] = {"excitatory": taus["E"] or DT, "inhibitory": taus["I"] or DT}`;

export const lifPynn: PynnKind<LifParams> = {
  population(node, q, ctx): LifPopulation {
    const params = { cm: q.tau_m / q.r_m, tau_m: q.tau_m, v_rest: q.v_rest, v_reset: q.v_reset, v_thresh: q.v_th, tau_refrac: q.t_ref };
    const iOffset = cellValues(q.i_e, node.size);
    const tauSyn = exponentialTaus(node.id, ctx);
    const v = Float64Array.from(node.vars.v);
    const tau = (t: number | null) => (t === null ? 'None' : pyNumber(t));
    const literal = Object.entries(params)
      .map(([k, x]) => `"${k}": ${pyNumber(x)}`)
      .join(', ');
    return {
      kind: 'lif',
      id: node.id,
      size: node.size,
      params,
      iOffset,
      tauSyn,
      v,
      helper: HELPER,
      code: `lif(${pyString(node.id)}, ${node.size}, {${literal}}, ${perCellLiteral(iOffset)}, {"E": ${tau(tauSyn.E)}, "I": ${tau(tauSyn.I)}}, ${perCellLiteral(v)})`,
      synapse(syn, dt) {
        if (syn.type === 'exponential') return { unit: 'nA', factor: 1 };
        if (syn.type === 'delta') return { unit: 'mV', factor: 1 };
        // a current for one step: a charge w·dt (pC), or with delta synapses only, the jump w·dt/cm (mV)
        return tauSyn.E === null && tauSyn.I === null ? { unit: 'mV', factor: dt / params.cm } : { unit: 'pC', factor: dt };
      },
      // current edges carry u nA, delta edges the jump u mV per step (a current u·cm/dt), exponential ones their steady current u/(1 − e^(−dt/τ))
      inputScale(syn, dt) {
        if (syn.type === 'delta') return params.cm / dt;
        if (syn.type === 'exponential') return 1 / (1 - exp(-dt / syn.tau));
        return 1;
      },
    };
  },
};

/** τ of the exponential synapses of each sign into a LIF population (one per receptor in PyNN). */
function exponentialTaus(id: string, ctx: PynnContext): { E: number | null; I: number | null } {
  const found: Record<'E' | 'I', { tau: number; edge: string }[]> = { E: [], I: [] };
  for (const e of ctx.program.edges) {
    const syn = synapseOf(e, ctx);
    if (e.target !== id || syn.type !== 'exponential' || !ctx.program.nodeById.get(e.source)!.spiking) continue;
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
