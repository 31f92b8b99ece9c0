/** A `poisson` node in PyNN: a SpikeSourcePoisson population (rate in Hz per cell). */
import { pyString } from '../../common/python.ts';
import { cellValues, perCellLiteral, type PynnKind, type PynnPopulation } from '../shared/pynn.ts';
import type { PoissonParams } from './schema.ts';

export interface PoissonPopulation extends PynnPopulation {
  /** Hz per cell (at most 1000/dt: the engine fires at most once per step). */
  readonly rate: Float64Array;
}

const HELPER = `def poisson(label, size, rate):
    """Poisson spike trains (engine: poisson), rate in Hz per cell."""
    pops[label] = sim.Population(size, sim.SpikeSourcePoisson(rate=rate, start=0.0, duration=args.duration), label=label)`;

export const poissonPynn: PynnKind<PoissonParams> = {
  population(node, p, ctx): PoissonPopulation {
    const rate = cellValues(p.rate, node.size).map((x) => Math.min(x, 1000 / ctx.dt));
    return { kind: 'poisson', id: node.id, size: node.size, rate, helper: HELPER, code: `poisson(${pyString(node.id)}, ${node.size}, ${perCellLiteral(rate)})` };
  },
};
