/**
 * A spiking network as a PyNN 0.10 script (`recurrence export FILE --to pynn`), a view of the
 * compiled Program (mapping.ts). The script runs unchanged on one process or under
 * `mpirun -np K` (NEURON distributes the cells over the ranks; PyNN gathers the spikes), and
 * rank 0 writes RESULTS:
 *   {"simulator", "processes", "dt", "duration_ms", "wall_s",
 *    "populations": {"ID": {"size", "rates_hz": [per cell], "spikes": [[ms, …] per cell]}}}
 * wall_s is the wall-clock time of sim.run (building the network excluded).
 */
import type { Program } from '../../engine/index.ts';
import { packBase64 } from '../../common/base64.ts';
import { pyArray, pyList, pyNumber, pyString, UNPACK_HELPER } from '../../common/python.ts';
import { pynnNetwork, type CurrentSource, type Projection, type PynnNetwork } from './mapping.ts';

export interface PynnOptions {
  /** Simulated time (ms) the script runs by default. */
  durationMs: number;
  /** Seed of the weights and initial states (default: the document's). */
  seed?: number;
  /** Where the document came from, for the header. */
  source?: string;
}

/** The runtime part of every script: argument parsing, units per simulator, results. */
const RUNTIME = `def _fail(kind, value, tb):
    """An error on one rank ends the process at once: the other ranks are stopped by mpirun instead of waiting for it."""
    traceback.print_exception(kind, value, tb)
    sys.stderr.flush()
    os._exit(1)


sys.excepthook = _fail
parser = argparse.ArgumentParser(description=__doc__.split("\\n")[0])
parser.add_argument("--simulator", choices=["neuron", "nest", "brian2"], default="neuron", help="PyNN backend (default neuron)")
parser.add_argument("--duration", type=float, default=DEFAULT_DURATION, help=f"simulated time in ms (default {DEFAULT_DURATION:g})")
parser.add_argument("--out", default="results.json", help="results file, written by rank 0 (default results.json)")
parser.add_argument("--projections", choices=["bulk", "pynn"], default="bulk",
                    help="bulk (default): on NEURON, static synapses are made directly as NetCons of NEURON's ParallelContext, the connections PyNN's Projection makes without its Python object per synapse; pynn: PyNN's Projection for every edge")
args = parser.parse_args()
started = time.time()
INSTALL = {
    "neuron": "NEURON 8 and PyNN's NEURON mechanisms (on Debian/Ubuntu: npm run setup:python in Recurrence)",
    "nest": "NEST 3.4 with its Python module nest (Debian does not package it; PyNN 0.10 runs on NEST 3.3 and 3.4)",
    "brian2": "Brian 2 (on Debian/Ubuntu: apt-get install python3-brian)",
}
try:
    sim = importlib.import_module("pyNN." + args.simulator)
except ImportError as err:
    sys.exit(f"{sys.argv[0]}: PyNN's {args.simulator} backend cannot be loaded ({err}); install {INSTALL[args.simulator]}")
# NEURON has no IF_curr_delta: there, a jump of v becomes an exponential current with τ_syn = dt
# carrying the same charge (NEURON's fixed step delivers w·dt/(1 − e^(−dt/τ)) pC for a jump of w nA).
DELTA_NATIVE = args.simulator != "neuron"


# The simulator's step: the engine's dt, divided until it is at most 0.1 ms (NEURON's implicit
# integration of the quadratic Izhikevich model at dt = 1 ms would fire far less than the engine's Euler).
TIMESTEP = DT / max(1, int(np.ceil(DT / 0.1 - 1e-9)))


def charge_to_nA(tau):
    """Jump (nA) of an exponential current with time constant tau (ms) that carries 1 pC."""
    return (1 - np.exp(-TIMESTEP / tau)) / TIMESTEP if args.simulator == "neuron" else 1 / tau


# The export's seed for the simulator's own random draws. NEURON: PyNN seeds its random spike sources
# from rank + native_rng_baseseed (the Poisson sources here get streams of their own, see poisson());
# NEST 3: the kernel's seed, kept within 1 … 2^31 − 1 (NEST refuses 0); Brian2 draws its Poisson spikes
# and noise from numpy's generator as it runs.
RNG_OPTIONS = {"neuron": {"native_rng_baseseed": SEED}, "nest": {"rng_seed": SEED % (2**31 - 1) + 1}, "brian2": {}}
sim.setup(timestep=TIMESTEP, min_delay=MIN_DELAY, max_delay=MAX_DELAY, **RNG_OPTIONS[args.simulator])
np.random.seed(SEED)
pops, cm, tau_syn, delta_cells = {}, {}, {}, set()


def to_simulator(w, unit, post, receptor):
    """Exported weights ('nA' the engine's exponential jump, 'mV' jump of v, 'pC' one-step charge) in the
    simulator's units, carrying the charge the engine's synapse delivers."""
    if post not in cm or (unit == "mV" and post in delta_cells):
        return w
    if unit == "pC" and post in delta_cells:
        return w / cm[post]
    tau = tau_syn[post][receptor]
    if unit == "nA":
        if args.simulator == "neuron" and TIMESTEP == DT:
            return w  # NEURON steps as the engine does: the same jump carries the same charge
        charge = w * DT / (1 - np.exp(-DT / tau))  # the engine's I ← I·e^(−dt/τ) + w, summed over its steps
    else:
        charge = w * cm[post] if unit == "mV" else w
    return charge * charge_to_nA(tau)


def local_mask(population):
    """Which cells of a population this MPI rank simulates."""
    mask = np.zeros(population.size, dtype=bool)
    local = np.asarray(population.local_cells, dtype=np.int64)
    if local.size > 0:
        mask[population.id_to_index(local)] = True
    return mask


def connect_on_neuron(pre, post, receptor, pre_index, post_index, w, delay):
    """Static synapses on NEURON, in bulk: one NetCon per synapse onto this rank's cells, made through
    NEURON's ParallelContext as PyNN's Projection would (same targets, weights, delays and order, sorted
    by target), without PyNN's Python object per connection. Returns the NetCons (they live as long as
    the list)."""
    order = np.argsort(post_index.astype(float))  # the order of PyNN's FromListConnector
    pre_index, post_index, w = pre_index[order], post_index[order], w[order]
    local = local_mask(pops[post])[post_index]
    pre_gids = np.asarray(pops[pre].all_cells, dtype=np.int64)[pre_index[local]]
    cells = pops[post].all_cells
    pc = sim.simulator.state.parallel_context
    netcons, last, target = [], -1, None
    for gid, j, weight in zip(pre_gids.tolist(), post_index[local].tolist(), w[local].tolist()):
        if j != last:
            target, last = getattr(cells[j]._cell, receptor), j
        nc = pc.gid_connect(gid, target)
        nc.weight[0] = weight
        nc.delay = delay
        netcons.append(nc)
    return netcons


def project(pre, post, receptor, pre_index, post_index, weight, unit, delay, stdp=None):
    """One edge's synapses of one sign, as the engine sampled them."""
    w = to_simulator(weight, unit, post, receptor)
    if stdp is None and args.simulator == "neuron" and args.projections == "bulk":
        return connect_on_neuron(pre, post, receptor, pre_index, post_index, w, delay)
    conns = np.column_stack([pre_index, post_index, w])
    if stdp is None:
        synapse = sim.StaticSynapse(delay=delay)
    else:
        scale = to_simulator(1.0, unit, post, receptor)
        # NEURON under MPI runs STDP only with (mostly) axonal delays, and its weight adjuster hears
        # the presynaptic spike 1e-9 ms before the synapse does, which must still be ≥ dt: delay ≥ 2·dt
        ddf = 1.0
        if args.simulator == "neuron" and sim.num_processes() > 1:
            ddf, delay = 0.0, max(delay, 2 * DT)
        elif args.simulator == "brian2":
            ddf = 0.0  # PyNN's Brian2 backend takes axonal delays only for STDP
        synapse = sim.STDPMechanism(
            timing_dependence=sim.SpikePairRule(tau_plus=stdp["tau_plus"], tau_minus=stdp["tau_minus"], A_plus=stdp["A_plus"], A_minus=stdp["A_minus"]),
            weight_dependence=sim.AdditiveWeightDependence(w_min=stdp["w_min"] * scale, w_max=stdp["w_max"] * scale),
            weight=0.0, delay=delay, dendritic_delay_fraction=ddf)
    return sim.Projection(pops[pre], pops[post], sim.FromListConnector(conns, column_names=["weight"]), synapse_type=synapse, receptor_type=receptor)


NOISE_SAMPLES = 5_000_000  # at most this many noise values in all (every rank holds its cells' share)
sources_made = 0


def seed_noise(*key):
    """Seeds numpy's generator, which PyNN's noisy current sources draw from, for one source: from the
    export's seed and the source's key alone, so each cell's noise is the same on any number of ranks."""
    np.random.seed(np.random.SeedSequence([SEED, *key]).generate_state(4))


def inject(post, cells, start, waveform, per_cell=False):
    """An input signal as a current source (nA) into the cells (None: all) of a population.
    Independent noise per cell (per_cell) is made only on the rank that simulates the cell."""
    global sources_made
    source_key = sources_made
    sources_made += 1
    stop = args.duration
    if start >= stop:
        return
    kind = waveform["type"]
    if kind == "noise":
        # one source per cell (per_cell) or one shared by the cells; values change every dt, or with very
        # many values each is held longer with the variance of the mean kept per unit time
        targets = [[int(c)] for c in (range(pops[post].size) if cells is None else cells)] if per_cell else [cells]
        hold = max(DT, DT * np.ceil(len(targets) * (stop - start) / DT / NOISE_SAMPLES))
        scale = np.sqrt(DT / hold)
        means = np.broadcast_to(waveform["mean"], (len(targets),))
        stdevs = np.broadcast_to(waveform["stdev"], (len(targets),))
        local = local_mask(pops[post])
        for target, mean, stdev in zip(targets, means, stdevs):
            if per_cell and not local[target[0]]:
                continue
            seed_noise(source_key, *(target if per_cell else []))
            view = pops[post] if target is None else pops[post][[int(c) for c in target]]
            sim.NoisyCurrentSource(mean=float(mean), stdev=float(stdev) * scale, start=start, stop=stop, dt=hold).inject_into(view)
        return
    view = pops[post] if cells is None else pops[post][[int(c) for c in cells]]
    if kind == "dc":
        source = sim.DCSource(amplitude=waveform["amplitude"], start=start, stop=stop)
    elif kind == "ac":
        source = sim.ACSource(amplitude=waveform["amplitude"], offset=waveform["offset"], frequency=waveform["frequency"], phase=waveform["phase"], start=start, stop=stop)
    else:
        times = np.asarray(waveform["times"], dtype=float) + start
        keep = times < stop
        times, amplitudes = np.maximum(times[keep], DT), np.asarray(waveform["amplitudes"], dtype=float)[keep]
        if times.size == 0:
            return
        source = sim.StepCurrentSource(times=times, amplitudes=amplitudes)
    source.inject_into(view)`;

const RESULTS = `def cell_index(population, train):
    """The cell a recorded spike train belongs to: NEURON's trains carry source_index, Brian2's their cell's id (channel_id)."""
    if "source_index" in train.annotations:
        return int(train.annotations["source_index"])
    return int(population.id_to_index(int(train.annotations.get("source_id", train.annotations.get("channel_id")))))


for p in pops.values():
    p.record("spikes")
start = time.time()
built = start - started
sim.run(args.duration)
wall = time.time() - start

results = {"simulator": args.simulator, "processes": sim.num_processes(), "dt": DT, "duration_ms": args.duration, "wall_s": wall, "populations": {}}
for label, p in pops.items():
    block = p.get_data("spikes", gather=True)
    spikes = [[] for _ in range(p.size)]
    for train in block.segments[0].spiketrains:
        spikes[cell_index(p, train)] = [float(t) for t in train.magnitude]
    results["populations"][label] = {
        "size": p.size,
        "rates_hz": [len(s) * 1000.0 / args.duration for s in spikes],
        "spikes": spikes,
    }
if sim.rank() == 0:
    with open(args.out, "w") as f:
        json.dump(results, f)
    rates = ", ".join(f"{k} {np.mean(v['rates_hz']):.2f} Hz" for k, v in results["populations"].items())
    print(f"{args.simulator} on {results['processes']} process(es): built in {built:.2f} s, {args.duration:g} ms simulated in {wall:.2f} s; mean rates: {rates}; wrote {args.out}")
sim.end()`;

/** The PyNN script of a compiled spiking network (the program is reset to step 0 afterwards). */
export function pynnFromProgram(program: Program, options: PynnOptions): string {
  const seed = options.seed ?? program.doc.seed;
  program.initialise(seed);
  let net: PynnNetwork;
  try {
    net = pynnNetwork(program, seed, options.durationMs);
  } finally {
    program.initialise(seed);
  }
  const title = program.doc.title ?? 'Recurrence network';
  const lines = [
    '#!/usr/bin/env python3',
    `"""${title.replace(/"""/g, "'''")} — a spiking network exported by Recurrence as a PyNN 0.10 script.`,
    '',
    `Exported${options.source ? ` from ${options.source}` : ''} with seed ${seed}: the engine's sampled synapses and initial states are embedded.`,
    'Run:  python3 net.py [--simulator neuron|nest|brian2] [--duration MS] [--out RESULTS]',
    '      mpirun -np K python3 net.py      (NEURON distributes the network over the K ranks)',
    'Rank 0 writes RESULTS (default results.json): {"simulator", "processes", "dt", "duration_ms", "wall_s",',
    '"populations": {"ID": {"size", "rates_hz": [per cell], "spikes": [[ms, ...] per cell]}}}.',
    ...caveatLines(net),
    '"""',
    'import argparse',
    'import base64',
    'import importlib',
    'import json',
    'import os',
    'import sys',
    'import time',
    'import traceback',
    'import zlib',
    '',
    'import numpy as np',
    '',
    `DT = ${pyNumber(net.dt)}  # ms, the engine's step`,
    `SEED = ${seed}`,
    `DEFAULT_DURATION = ${pyNumber(options.durationMs)}  # ms`,
    `MIN_DELAY = ${pyNumber(minDelay(net))}  # ms: the shortest connection (MPI ranks exchange spikes this often)`,
    `MAX_DELAY = ${pyNumber(Math.max(net.maxDelay, 2 * net.dt))}  # ms`,
    '',
    '',
    UNPACK_HELPER,
    '',
    '',
    RUNTIME,
    '',
    '# ---- populations (initial states as the engine sampled them)',
    ...[...new Set(net.populations.map((p) => p.helper))].flatMap((helper) => [helper, '', '']),
    ...net.populations.map((p) => p.code),
    '',
    '# ---- projections: every synapse the engine sampled, split by sign (inhibitory weights are negative)',
    'projections = []',
    ...net.projections.map(projectionLine),
    '',
    '# ---- input signals as current sources (nA)',
    ...net.sources.map(sourceLine),
    '',
    RESULTS,
    '',
  ];
  return lines.join('\n');
}

/** The shortest delay of any projection (at least dt), how often MPI ranks must exchange spikes. */
function minDelay(net: PynnNetwork): number {
  if (net.projections.length === 0) return net.dt;
  // an STDP synapse's weight adjuster hears the spike 1e-9 ms early: count it as dt
  return Math.max(net.dt, Math.min(...net.projections.map((p) => (p.stdp ? net.dt : p.delay))));
}

function projectionLine(p: Projection): string {
  const ints = (a: Int32Array) => `unpack("${packBase64(a, 'int32')}", "<i4", (${a.length},))`;
  const stdp = p.stdp ? `, stdp={${Object.entries(p.stdp).map(([k, v]) => `"${k}": ${pyNumber(v)}`).join(', ')}}` : '';
  return [
    `# edge ${p.edge}: ${p.pre} → ${p.post}, ${p.weight.length} ${p.receptor} synapses (weights in ${p.unit})`,
    `projections.append(project(${pyString(p.pre)}, ${pyString(p.post)}, "${p.receptor}", ${ints(p.pre_index)}, ${ints(p.post_index)}, ${pyArray(p.weight, [p.weight.length])}, "${p.unit}", ${pyNumber(p.delay)}${stdp}))`,
  ].join('\n');
}

function sourceLine(s: CurrentSource): string {
  const w = s.waveform;
  const wave =
    w.type === 'steps'
      ? `{"type": "steps", "times": ${pyList(w.times)}, "amplitudes": ${pyList(w.amplitudes)}}`
      : `{${Object.entries(w)
          .map(([k, v]) => `"${k}": ${typeof v === 'string' ? pyString(v) : Array.isArray(v) ? pyArray(v, [v.length]) : pyNumber(v as number)}`)
          .join(', ')}}`;
  const cells = s.cells === null ? 'None' : s.cells.length > 16 ? `${pyArray(Int32Array.from(s.cells), [s.cells.length], 'int32')}` : `[${s.cells.join(', ')}]`;
  return `inject(${pyString(s.post)}, ${cells}, ${pyNumber(s.start)}, ${wave}${s.perCell ? ', per_cell=True' : ''})  # edge ${s.edge}`;
}

/** The header's lines on how the simulator's models depart from the engine's (none: no lines). */
function caveatLines(net: PynnNetwork): string[] {
  const caveats = net.populations.flatMap((p) => (p.caveat ? [`- ${p.caveat}.`] : []));
  return caveats.length === 0 ? [] : ['', 'Differences from the engine:', ...caveats];
}
