/**
 * The engine session behind the worker protocol: a pure module (no DOM, no worker globals),
 * so the worker and Node tests run exactly the same code.
 */
import { expectedSynapses, getKind, type GraphDocument, type ValidationIssue } from '../../model/index.ts';
import { compile, describeSchedule, type Program } from '../compile/compile.ts';
import { CompileError, LoadCancelled } from '../compile/errors.ts';
import type { SamplingThread } from '../compile/sampling-thread.ts';
import { DivergenceError, Simulator } from '../simulator.ts';
import { parseProbe, ProbeError, Recorder, type ProbeSpec } from '../probes.ts';
import { applyParams, classifyChange, transferState } from '../live-update.ts';
import { BufferPool } from './buffer-pool.ts';
import { weightBlocks } from './weightBlocks.ts';
import { measureWindows, RetainedWindows } from './measure-requests.ts';
import type { MatrixSnapshot, TrainedWeights } from './analysis-protocol.ts';
import { applyTrainedWeights } from './trained-weights.ts';
import { Projections, type Projection } from './projections.ts';
import { takeProbes } from './probe-requests.ts';
import { serveEngineLink, staleReply, type EngineLink, type Fetched } from './engine-link.ts';
import type {
  EdgeFacts,
  EngineApi,
  LoadCancel,
  LoadProgress,
  Frame,
  LoadResult,
  SubscribeResult,
  Subscription,
  UpdateResult,
  WeightsSnapshot,
} from './protocol.ts';

type Compiled = { ok: true; program: Program } | { ok: false; errors: ValidationIssue[] };

/** Share of a load's progress given to building the program; sampling the weights takes the rest. */
const COMPILE_SHARE = 0.1;
/** Least milliseconds between two progress reports of a load (each is a message to the page). */
const PROGRESS_EVERY_MS = 100;

/** `report`, called at most every PROGRESS_EVERY_MS (the first call always passes). */
function throttled(report: LoadProgress): LoadProgress {
  let last = -Infinity;
  return (fraction, text) => {
    const now = performance.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    void report(fraction, text);
  };
}

/**
 * Potential synapses (rows × cols × connectivity of the largest edge) from which a session asks
 * for a second thread: a helper worker sharing the weights (kernels/wasm-kernels.ts). Smaller
 * networks step faster on one thread than the hand-over costs.
 */
export const TWO_THREADS_MIN_SYNAPSES = 1 << 18;

/** Threads to ask for: 2 for large networks (the kernels fall back to 1 where they cannot). */
export function threadsFor(doc: GraphDocument): number {
  const size = new Map(doc.nodes.map((n) => [n.id, Number((n.params as { size?: unknown }).size ?? 1) || 1]));
  let largest = 0;
  for (const e of doc.edges) {
    largest = Math.max(largest, expectedSynapses(e.params.connectivity, size.get(e.target) ?? 1, size.get(e.source) ?? 1));
  }
  return largest >= TWO_THREADS_MIN_SYNAPSES ? 2 : 1;
}

/**
 * Compiles a valid document (with `threads` threads: by default as its size asks, threadsFor; and
 * a helper thread for sampling large edges, if given).
 */
export function compileDocument(doc: GraphDocument, threads = threadsFor(doc), samplingThread: SamplingThread | null = null): Compiled {
  try {
    return { ok: true, program: compile(doc, { threads, samplingThread }) };
  } catch (err) {
    if (err instanceof CompileError) return { ok: false, errors: [{ path: err.path, message: err.message.slice(err.path.length + 2) }] };
    throw err;
  }
}

/**
 * A simulator of a compiled program: sampling its weights may still fail (a spectral-radius
 * rescale of a matrix whose radius is 0), which is refused like a compile error, naming the field.
 */
function startSimulator(program: Program, seed: number, progress?: (fraction: number) => void): { ok: true; sim: Simulator } | { ok: false; errors: ValidationIssue[]; cancelled?: true } {
  try {
    return { ok: true, sim: new Simulator(program, seed, progress) };
  } catch (err) {
    program.dispose();
    if (err instanceof CompileError) return { ok: false, errors: [{ path: err.path, message: err.message.slice(err.path.length + 2) }] };
    if (err instanceof LoadCancelled) return CANCELLED;
    throw err;
  }
}

const CANCELLED = { ok: false, errors: [], cancelled: true } as const satisfies LoadResult;

function describe(program: Program) {
  return {
    nodes: program.nodes.map((n) => ({ id: n.id, kind: n.kind, size: n.size, variables: Object.keys(n.vars), spiking: n.spiking === true })),
    edges: program.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, rows: e.rows, cols: e.cols, plastic: e.plastic })),
    schedule: describeSchedule(program.schedule),
  };
}

export interface EngineSessionOptions {
  /** A helper thread for sampling large edges' weights (resolves to null where none can run). */
  samplingThread?: Promise<SamplingThread | null>;
}

export class EngineSession implements EngineApi {
  private sim: Simulator | null = null;
  private readonly samplingThread: Promise<SamplingThread | null>;
  private doc: GraphDocument | null = null;
  private subscriptions: { probe: string; spec: ProbeSpec; window: number }[] = [];
  /** Windows kept across batches for measure requests. */
  private retained = new RetainedWindows();
  /** Derived probes (PCA projections) added to the live loop's frames. */
  private projections = new Projections();
  /** What applyTraining put into the program (until the next load or recompile). */
  private trained: TrainedWeights | null = null;
  /** Probe buffers of earlier frames the page gave back, recorded into again. */
  private readonly buffers = new BufferPool();
  /** The network's version as the page counts them (loads and live edits that changed it); the analysis worker's requests name it. */
  private version = 0;
  /** Ends the port the analysis worker's requests come in on. */
  private unlink: () => void = () => undefined;

  constructor(options: EngineSessionOptions = {}) {
    this.samplingThread = options.samplingThread ?? Promise.resolve(null);
  }

  /** The version of the network now (see engine-link.ts). */
  get networkVersion(): number {
    return this.version;
  }

  async load(doc: GraphDocument, report?: LoadProgress, version = this.version + 1, cancel?: LoadCancel): Promise<LoadResult> {
    const cancelled = () => cancel !== undefined && Atomics.load(cancel.flag, 0) !== cancel.token;
    if (cancelled()) return CANCELLED;
    const progress = report && throttled(report);
    const units = doc.nodes.reduce((sum, n) => sum + (getKind(n.kind)?.outputSize(n.params) ?? 1), 0);
    const what = `compiling ${units.toLocaleString('en')} neuron${units === 1 ? '' : 's'}`;
    progress?.(0, what);
    const compiled = compileDocument(doc, threadsFor(doc), await this.samplingThread);
    if (!compiled.ok) return compiled;
    if (cancelled()) {
      compiled.program.dispose();
      return CANCELLED;
    }
    progress?.(COMPILE_SHARE, what);
    // the old network goes first (memory); a failed start leaves none
    this.sim?.program.dispose();
    this.sim = null;
    this.doc = null;
    // the sampling asks after every chunk whether the load still matters
    const started = startSimulator(compiled.program, doc.seed, (f) => {
      if (cancelled()) throw new LoadCancelled();
      progress?.(COMPILE_SHARE + (1 - COMPILE_SHARE) * f, what);
    });
    if (!started.ok) return started;
    this.sim = started.sim;
    this.doc = doc;
    this.retained = new RetainedWindows();
    this.projections = new Projections();
    this.trained = null;
    this.version = version;
    return { ok: true, ...describe(compiled.program) };
  }

  async reset(seed?: number): Promise<{ t: number; seed: number }> {
    const sim = this.require();
    sim.reset(seed ?? sim.seed);
    this.retained.clear();
    this.projections.clear();
    return { t: sim.t, seed: sim.seed };
  }

  async run(steps: number, probes: string[]): Promise<Frame> {
    return this.runSync(steps, probes);
  }

  /** Synchronous core of `run`, for callers in the same thread. */
  runSync(steps: number, probes: string[]): Frame {
    const specs = probes.map((p) => {
      try {
        return parseProbe(p);
      } catch (err) {
        if (err instanceof ProbeError) throw new Error(err.message, { cause: err });
        throw err;
      }
    });
    return this.record(
      steps,
      specs.map((spec, i) => ({ probe: probes[i], spec, window: Math.max(1, steps) })),
    );
  }

  async subscribe(subscriptions: Subscription[]): Promise<SubscribeResult> {
    const sim = this.require();
    const { kept, result } = takeProbes(
      subscriptions,
      (s) => s.probe,
      (s) => {
        const spec = parseProbe(s.probe);
        new Recorder(sim, spec, 1); // checks the node, variable and unit exist
        return { probe: s.probe, spec, window: Math.max(1, Math.floor(s.window)) };
      },
    );
    this.subscriptions = kept;
    return result;
  }

  async advance(steps: number, budgetMs?: number, spare?: ArrayBuffer[]): Promise<Frame> {
    return this.advanceSync(steps, budgetMs, spare);
  }

  /** Synchronous core of `advance`. */
  advanceSync(steps: number, budgetMs?: number, spare?: ArrayBuffer[]): Frame {
    if (spare) this.buffers.give(spare);
    // a projection's source that is not subscribed is recorded for the projection alone
    const unprobed = this.projections.unprobed(new Set(this.subscriptions.map((s) => s.probe)));
    const frame = this.record(steps, unprobed.length === 0 ? this.subscriptions : [...this.subscriptions, ...unprobed], budgetMs);
    this.projections.addTo(frame);
    for (const s of unprobed) {
      this.buffers.give([frame.probes[s.probe].data.buffer as ArrayBuffer]);
      delete frame.probes[s.probe];
    }
    return frame;
  }

  async project(projections: Projection[]): Promise<SubscribeResult> {
    return this.projections.set(this.require(), projections);
  }

  async update(next: GraphDocument, version = this.version + 1): Promise<UpdateResult> {
    if (!this.sim || !this.doc) {
      const loaded = await this.load(next, undefined, version);
      if (!loaded.ok) return loaded;
      const { nodes, edges, schedule } = loaded;
      return { ok: true, change: 'recompiled', t: 0, message: 'compiled', kept: [], nodes, edges, schedule };
    }
    const sim = this.sim;
    const change = classifyChange(this.doc, next);
    if (change.type === 'none') {
      this.doc = next;
      return { ok: true, change: 'none', t: sim.t, message: 'nothing the simulation uses changed' };
    }
    if (change.type === 'params' && applyParams(sim.program, next, change)) {
      this.doc = next;
      this.version = version;
      const what = [...change.nodes, ...change.edges.map((e) => e.id)].join(', ');
      return { ok: true, change: 'params', t: sim.t, message: `applied to ${what} from step ${sim.t + 1}` };
    }
    const compiled = compileDocument(next, threadsFor(next), await this.samplingThread);
    if (!compiled.ok) return compiled;
    const started = startSimulator(compiled.program, sim.seed);
    if (!started.ok) return started;
    const replacement = started.sim;
    const kept = transferState(sim.program, compiled.program);
    sim.program.dispose();
    replacement.t = sim.t;
    this.sim = replacement;
    this.trained = null;
    this.retained.rebind(replacement);
    this.projections.rebind(replacement);
    this.doc = next;
    this.version = version;
    const reason = change.type === 'structural' ? change.reason : 'a node cannot change these parameters live';
    const keptText = kept.length > 0 ? `kept the state of ${kept.join(', ')}` : 'no state could be kept';
    return { ok: true, change: 'recompiled', t: sim.t, message: `recompiled (${reason}); ${keptText}`, kept, ...describe(compiled.program) };
  }

  async weights(edge: string, max?: { rows: number; cols: number }): Promise<WeightsSnapshot | null> {
    return this.weightsSync(edge, max);
  }

  /** An edge's weights, in blocks of at most max.rows × max.cols cells (never a dense copy of a large sparse edge). */
  weightsSync(edgeId: string, max?: { rows: number; cols: number }): WeightsSnapshot | null {
    const sim = this.require();
    const edge = sim.program.edges.find((e) => e.id === edgeId);
    if (!edge) return null;
    const b = weightBlocks(edge.weights, max?.rows, max?.cols);
    return { edge: edgeId, rows: b.rows, cols: b.cols, data: b.data, blockRows: b.blockRows, blockCols: b.blockCols, sourceRows: edge.rows, sourceCols: edge.cols, t: sim.t };
  }

  /** A copy of an edge's current weights, as stored (dense or CSR), for the analysis worker. */
  matrixSync(edgeId: string): MatrixSnapshot | null {
    const edge = this.require().program.edges.find((e) => e.id === edgeId);
    if (!edge) return null;
    const w = edge.weights;
    return w.format === 'dense'
      ? { format: 'dense', rows: w.rows, cols: w.cols, data: w.data.slice() }
      : { format: 'csr', rows: w.rows, cols: w.cols, rowPtr: w.rowPtr.slice(), colIdx: w.colIdx.slice(), values: w.values.slice() };
  }

  async edgeFacts(edgeId: string): Promise<EdgeFacts | null> {
    const sim = this.require();
    const edge = sim.program.edges.find((e) => e.id === edgeId);
    if (!edge) return null;
    const w = edge.weights;
    const values = w.format === 'dense' ? w.data : w.values;
    let nonzeros = 0;
    for (let k = 0; k < values.length; k++) if (values[k] !== 0) nonzeros++;
    const expected = expectedSynapses(edge.spec.connectivity, edge.rows, edge.cols, edge.spec.init.type === 'identity');
    return { edge: edgeId, rows: edge.rows, cols: edge.cols, nonzeros, expected, t: sim.t };
  }

  async retain(subscriptions: Subscription[]): Promise<SubscribeResult> {
    return this.retained.set(this.require(), subscriptions);
  }

  async link(port: MessagePort): Promise<void> {
    this.unlink();
    this.unlink = serveEngineLink(this.engineLink(), port);
  }

  /** What the analysis worker asks of this session, answered in this thread (served on a port by `link`). */
  engineLink(): EngineLink {
    const at = <T>(version: number, fetch: (sim: Simulator) => Fetched<T>): Promise<Fetched<T>> => {
      if (!this.sim) return Promise.resolve({ ok: false, error: 'no network is loaded' });
      return Promise.resolve(version === this.version ? fetch(this.sim) : staleReply(version, this.version));
    };
    return {
      matrix: (edge, version) =>
        at(version, (sim) => {
          const matrix = this.matrixSync(edge);
          return matrix ? { ok: true, value: { matrix, t: sim.t } } : { ok: false, error: `no edge "${edge}"` };
        }),
      measureWindows: (request, version) => at(version, (sim) => ({ ok: true, value: measureWindows(this.retained, sim.t, request) })),
    };
  }

  /**
   * Sets what a training on the task worker changed (readouts' weights; BPTT's edges and node
   * parameters, which then survive resets) and goes back to step 0. Nothing is changed when any
   * part does not fit this network (it was edited meanwhile).
   */
  async applyTraining(trained: TrainedWeights): Promise<{ ok: true } | { ok: false; error: string }> {
    const sim = this.require();
    const misfit = applyTrainedWeights(sim.program, trained);
    if (misfit) return { ok: false, error: misfit };
    this.trained = trained;
    sim.reset();
    this.retained.clear();
    this.projections.clear();
    return { ok: true };
  }

  /** What the last training put into the running network (null: none, or recompiled since), for the app's export. */
  async trainedWeights(): Promise<TrainedWeights | null> {
    return this.trained;
  }

  /**
   * Runs up to `steps` steps, recording each subscription into a ring of its window; stops early
   * when `budgetMs` has passed or a state diverges. Each probe's samples come out oldest first.
   */
  private record(steps: number, subs: EngineSession['subscriptions'], budgetMs?: number): Frame {
    const sim = this.require();
    const started = performance.now();
    const firstStep = sim.t + 1;
    const take = (length: number) => this.buffers.take(length);
    const recorders = subs.map((s) => new Recorder(sim, s.spec, Math.max(1, Math.min(steps, s.window)), take));
    let divergence: Frame['divergence'];
    try {
      for (let i = 0; i < steps; i++) {
        sim.step();
        for (const r of recorders) r.record();
        this.retained.record();
        if (budgetMs !== undefined && (i & 3) === 3 && performance.now() - started > budgetMs) break;
      }
    } catch (err) {
      if (!(err instanceof DivergenceError)) throw err;
      divergence = { node: err.node, step: err.step, message: err.message };
    }
    const frame: Frame = { t: sim.t, firstStep, probes: {}, elapsedMs: performance.now() - started };
    const recorded = recorders[0]?.count ?? 0;
    subs.forEach((s, i) => {
      const r = recorders[i];
      const count = Math.min(r.count, r.capacity);
      const probe = { width: r.width, count, data: orderedSamples(r, take) };
      // a ring that wrapped was copied out in order: its buffer stays here for the next batch
      if (probe.data.buffer !== r.data.buffer) this.buffers.give([r.data.buffer as ArrayBuffer]);
      frame.probes[s.probe] = count < recorded ? { ...probe, firstStep: firstStep + recorded - count } : probe;
    });
    if (divergence) frame.divergence = divergence;
    return frame;
  }

  private require(): Simulator {
    if (!this.sim) throw new Error('no document loaded');
    return this.sim;
  }
}

/** A recorder's samples, oldest first (a copy into `storage` only when the ring has wrapped). */
export function orderedSamples(r: Recorder, storage: (length: number) => Float64Array = (length) => new Float64Array(length)): Float64Array {
  const count = Math.min(r.count, r.capacity);
  if (r.count <= r.capacity) return r.data.subarray(0, count * r.width);
  const out = storage(count * r.width);
  const head = (r.count % r.capacity) * r.width;
  out.set(r.data.subarray(head));
  out.set(r.data.subarray(0, head), r.data.length - head);
  return out;
}

/** The typed arrays of a frame, for transferring it without a copy. */
export function frameTransferables(frame: Frame): ArrayBuffer[] {
  return [...new Set(Object.values(frame.probes).map((p) => p.data.buffer as ArrayBuffer))];
}

/** A trainable parameter array of a node, by name ("bias", "W_out"). */
