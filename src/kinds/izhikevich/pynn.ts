/**
 * An `izhikevich` node in PyNN: the Izhikevich cell (a, b, c, d per cell). PyNN's cell has
 * C = 1 pF, so a current I of the model (mV/ms) is I/1000 nA and a synaptic weight is a jump of v
 * in mV (delta synapses only in PyNN).
 */
import { pyString } from '../../common/python.ts';
import { exp } from '../../engine/math/detmath.ts';
import { cellValues, perCellLiteral, type PynnKind, type PynnPopulation } from '../shared/pynn.ts';
import { izhikevichConstants, type IzhikevichParams } from './schema.ts';

export interface IzhikevichPopulation extends PynnPopulation {
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly c: Float64Array;
  readonly d: Float64Array;
  /** nA (i_e / 1000: PyNN's Izhikevich cell has C = 1 pF). */
  readonly iOffset: Float64Array;
  readonly v: Float64Array;
  readonly u: Float64Array;
}

const HELPER = `def izhikevich(label, size, a, b, c, d, i_offset, v, u):
    """An Izhikevich population (engine: izhikevich; PyNN's cell has C = 1 pF, weights are jumps of v in mV)."""
    cell = sim.Izhikevich(a=a, b=b, c=c, d=d, i_offset=i_offset)
    pops[label] = sim.Population(size, cell, label=label, initial_values={"v": v, "u": u})`;

/** PyNN has no integrator like the paper's 1 ms scheme: its simulators integrate the same equations at ≤ 0.1 ms. */
const IZHIKEVICH_2003_CAVEAT = (id: string) =>
  `${id} uses the integrator "izhikevich-2003" (the paper's 1 ms scheme), which PyNN cannot express: the simulator integrates the same equations at 0.1 ms, and rates can differ by tens of percent (export with "integrator": "euler" to compare rates)`;

export const izhikevichPynn: PynnKind<IzhikevichParams> = {
  population(node, q): IzhikevichPopulation {
    const k = izhikevichConstants(q);
    const n = node.size;
    const [a, b, c, d] = [k.a, k.b, k.c, k.d].map((x) => cellValues(x, n));
    const iOffset = cellValues(q.i_e, n).map((x) => x / 1000);
    const v = Float64Array.from(node.vars.v);
    const u = Float64Array.from(node.vars.u);
    const args = [a, b, c, d, iOffset, v, u].map(perCellLiteral).join(', ');
    return {
      kind: 'izhikevich',
      id: node.id,
      size: n,
      a,
      b,
      c,
      d,
      iOffset,
      v,
      u,
      helper: HELPER,
      ...(q.integrator === 'izhikevich-2003' ? { caveat: IZHIKEVICH_2003_CAVEAT(node.id) } : {}),
      code: `izhikevich(${pyString(node.id)}, ${n}, ${args})`,
      // v' = … + I (mV/ms, C = 1): a one-step current w moves v by w·dt; an exponential one by its charge
      synapse(syn, dt) {
        if (syn.type === 'delta') return { unit: 'mV', factor: 1 };
        if (syn.type === 'exponential') return { unit: 'mV', factor: dt / (1 - exp(-dt / syn.tau)) };
        return { unit: 'mV', factor: dt };
      },
      // mV/ms per unit input, /1000 nA (C = 1 pF): delta u mV per step → u·0.001/dt nA; exponential its steady current
      inputScale(syn, dt) {
        if (syn.type === 'delta') return 0.001 / dt;
        if (syn.type === 'exponential') return 1 / 1000 / (1 - exp(-dt / syn.tau));
        return 1 / 1000;
      },
    };
  },
};
