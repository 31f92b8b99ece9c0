/** A `poisson` node in PyNN: a SpikeSourcePoisson population (rate in Hz per cell). */
import { pyString } from '../../common/python.ts';
import { cellValues, perCellLiteral, type PynnKind, type PynnPopulation } from '../shared/pynn.ts';
import type { PoissonParams } from './schema.ts';

export interface PoissonPopulation extends PynnPopulation {
  /** Hz per cell (at most 1000/dt: the engine fires at most once per step). */
  readonly rate: Float64Array;
}

const HELPER = `poisson_streams = []  # NEURON's random streams of the Poisson cells, kept for the run


def poisson(label, size, rate):
    """Poisson spike trains (engine: poisson), rate in Hz per cell. On NEURON each cell draws its intervals
    from a Random123 stream of its own, keyed by (SEED, the population's label, the cell): the realisation is
    chosen by the export's seed alone, the same on any number of MPI ranks (PyNN would seed every source
    of a rank with rank + native_rng_baseseed and let them share that rank's one stream)."""
    pops[label] = sim.Population(size, sim.SpikeSourcePoisson(rate=rate, start=0.0, duration=args.duration), label=label)
    if args.simulator != "neuron":
        return
    key = zlib.crc32(label.encode())
    for cell in pops[label].local_cells:
        stream = sim.simulator.h.Random()
        stream.Random123(SEED, key, int(pops[label].id_to_index(cell)))
        stream.negexp(1)  # NetStimFD draws its intervals as mean · negexp(1)
        cell._cell.noiseFromRandom(stream)
        poisson_streams.append(stream)`;

export const poissonPynn: PynnKind<PoissonParams> = {
  population(node, p, ctx): PoissonPopulation {
    const rate = cellValues(p.rate, node.size).map((x) => Math.min(x, 1000 / ctx.dt));
    return { kind: 'poisson', id: node.id, size: node.size, rate, helper: HELPER, code: `poisson(${pyString(node.id)}, ${node.size}, ${perCellLiteral(rate)})` };
  },
};
