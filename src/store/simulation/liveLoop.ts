/**
 * The live loop: one `advance(speed)` batch per animation frame while running, asked for
 * batches ahead, each batch's new probe samples appended to the live windows (probeWindow.ts) that panels read when they draw.
 * Hot values (the current step, steps/s, samples) live in `live`, never in the zustand state,
 * so a running network does not re-render React. Also Step (exactly n steps) and the probe
 * subscriptions the loop records.
 */
import type { Frame, ProjectionFit } from '../../engine/worker/protocol.ts';
import type { ProbeWindow } from '../probeWindow.ts';
import { addSubscriber, defaultWindows, mergeSubscriptions, type SubscriptionTable } from '../subscriptions.ts';
import type { EngineSync } from './engineSync.ts';
import { messageOf, summarizeFrame, type RunOutcome, type SimulationCore } from './types.ts';

/** Wall-clock milliseconds one batch may take at full speed (keeps the page fed with frames). */
const MAX_SPEED_BUDGET_MS = 30;
/** Wall-clock milliseconds any live batch may take. */
const BATCH_BUDGET_MS = 60;
/** Batches asked for ahead of the one being drawn. */
const AHEAD = 2;

/** A batch asked for: its frame, and what to call once that frame has been applied (or dropped). */
interface Asked {
  frame: Promise<Frame | null>;
  done: () => void;
}

/** Waits for the next animation frame (a short timeout where there are none, e.g. Node tests). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && !document.hidden) requestAnimationFrame(() => resolve());
    else setTimeout(resolve, 16);
  });
}

export interface LiveLoop {
  start(): Promise<void>;
  /** Stops the loop; resolves once the batch in flight has been applied. */
  stop(): Promise<void>;
  step(n: number): Promise<RunOutcome>;
  subscribe(probe: string, window: number): () => void;
  retain(probe: string, window: number): () => void;
  /** Sets a projection the engine streams (SimulationActions.project); returns its removal. */
  project(name: string, source: string, fit: ProjectionFit | null): () => void;
  /** The fit the points of a projection's live window lie on (SimulationActions.projectedFit). */
  projectedFit(name: string): ProjectionFit | null;
  /** The engine's network changed: send the subscriptions again before the next batch. */
  resubscribe(): void;
}

/**
 * A PCA projection the engine streams. `fitId` names the fit last set; `dirty`: not sent since
 * (it goes with the source's rows the page holds); `shown`: the fit of the points in the window.
 */
interface ProjectionEntry {
  source: string;
  fit: ProjectionFit | null;
  fitId: number;
  dirty: boolean;
  /** Fits sent whose rows may still arrive, by id. */
  sent: Map<number, ProjectionFit>;
  shown: ProjectionFit | null;
  shownId: number;
}

/** The leading `units` values of each row of a window (a projection reads no others), oldest first. */
function leadingColumns(w: ProbeWindow, units: number): { lastStep: number; steps: number; width: number; data: Float64Array } {
  const width = Math.min(units, w.width);
  const data = new Float64Array(w.count * width);
  for (let r = 0; r < w.count; r++) data.set(w.row(w.firstStep + r).subarray(0, width), r * width);
  return { lastStep: w.lastStep, steps: w.count, width, data };
}

export function createLiveLoop(core: SimulationCore, engine: EngineSync): LiveLoop {
  let loop: Promise<void> | null = null;
  const extra: SubscriptionTable = new Map();
  /** Probes the engine keeps for measures. */
  const retained: SubscriptionTable = new Map();
  /** PCA projections the engine streams, by name (projections.ts). */
  const projections = new Map<string, ProjectionEntry>();
  let nextToken = 1;
  let nextFitId = 1;
  let synced = '';
  /** The projections changed since they were last sent. */
  let projectionsChanged = false;

  const wanted = () => mergeSubscriptions(defaultWindows(core.get().nodes, core.get().window), extra);

  /** Window of each probe the frames carry: the subscriptions', and a projection's that of its source. */
  function capacities(): Map<string, number> {
    const capacity = new Map(wanted().map((s) => [s.probe, s.window]));
    for (const [name, p] of projections) capacity.set(name, capacity.get(p.source) ?? core.get().window);
    return capacity;
  }

  /**
   * Sends the subscriptions and projections to the engine when they changed since the last batch.
   * A new fit goes with the source's rows the page holds, which must reach the step the engine is
   * at: `drained` resolves once the frames asked for before have been applied.
   */
  async function syncSubscriptions(drained?: Promise<void>): Promise<void> {
    if (drained && [...projections.values()].some((p) => p.dirty && p.fit)) await drained;
    const subs = wanted();
    const kept = mergeSubscriptions([], retained);
    const key = JSON.stringify([subs, kept]);
    if (key === synced && !projectionsChanged) return;
    synced = key;
    projectionsChanged = false;
    for (const s of subs) {
      const node = core.get().nodes.find((n) => n.id === s.probe);
      if (node) core.live.ensure(s.probe, node.size, s.window);
    }
    const capacity = capacities();
    const projected = [...projections].map(([name, p]) => {
      const w = p.dirty && p.fit ? core.live.windows.get(p.source) : undefined;
      p.dirty = false;
      const history = w && p.fit && w.count > 0 ? leadingColumns(w, p.fit.units) : undefined;
      return { name, source: p.source, window: capacity.get(name)!, fit: p.fit, fitId: p.fitId, history };
    });
    for (const p of projected) core.live.ensure(p.name, 2, p.window);
    const api = core.api();
    const results = [await api.subscribe(subs), await api.retain(kept), await api.project(projected)];
    const errors = results.flatMap((r) => (r.ok ? [] : Object.values(r.errors)));
    if (errors.length > 0) core.set({ notice: errors.join('; ') });
  }

  /** Applies a frame of this generation; false when the run must stop (divergence, stale). */
  function applyFrame(frame: Frame, gen: number): boolean {
    if (gen !== core.generation) return false;
    for (const [name, p] of projections) {
      const fitId = frame.probes[name]?.fitId;
      if (fitId === undefined || fitId === p.shownId) continue;
      // rows on another fit: the window starts afresh with them
      core.live.windows.get(name)?.clear();
      p.shown = p.sent.get(fitId) ?? null;
      p.shownId = fitId;
      for (const id of p.sent.keys()) if (id < fitId) p.sent.delete(id);
    }
    const capacity = capacities();
    for (const [probe, p] of Object.entries(frame.probes)) core.live.ensure(probe, p.width, capacity.get(probe) ?? Math.max(1, p.count));
    core.live.apply(frame);
    if (frame.divergence) {
      core.set({ status: 'diverged', divergence: frame.divergence });
      return false;
    }
    return true;
  }

  /**
   * Batches ahead: AHEAD batches are asked for at once and another each time one arrives, so the
   * worker always has the next batch to step while the page applies and draws the last (stepping
   * is never behind drawing). Batches that arrive after Pause are still applied: the windows hold
   * every step the engine took (none after a divergence or of an older run).
   */
  async function run(gen: number): Promise<void> {
    let carry = 0;
    /** Probe buffers of applied frames (copied into the windows), given back to the worker with the next request. */
    const spare: ArrayBuffer[] = [];
    /** The run's first batch is one step, so its first frame comes after one step (a large network's step takes tens of ms). */
    let first = true;
    /** Resolves once the last batch asked for has been sent: batches are sent (and stepped) in order. */
    let sent: Promise<unknown> = Promise.resolve();
    /** Resolves once the frames of every batch asked for so far have been applied (or dropped). */
    let handled: Promise<void> = Promise.resolve();
    const request = (): Asked => {
      const before = handled;
      let done!: () => void;
      handled = new Promise((resolve) => (done = resolve));
      const sending = sent.then(async () => {
        await syncSubscriptions(before);
        const speed = core.get().speed;
        carry += speed === 0 ? 0 : speed;
        const whole = speed === 0 ? 1e9 : Math.floor(carry);
        const n = first && whole > 1 ? 1 : whole;
        if (n > 0) first = false;
        carry -= speed === 0 ? 0 : n;
        const giving = n > 0 ? spare.splice(0) : [];
        // wrapped, so that `sent` resolves when the call is sent, not when its frame is back
        return { frame: n > 0 ? core.api().advance(n, speed === 0 ? MAX_SPEED_BUDGET_MS : BATCH_BUDGET_MS, core.transfer(giving, giving)) : null };
      });
      sent = sending.catch(() => undefined);
      return { frame: sending.then((s) => s.frame), done };
    };
    const going = () => core.get().status === 'running' && gen === core.generation;
    const queue: Asked[] = [];
    for (let i = 0; i < AHEAD; i++) queue.push(request());
    let ended = false;
    try {
      while (queue.length > 0) {
        const asked = queue.shift()!;
        try {
          const frame = await asked.frame;
          if (frame && !applyFrame(frame, gen)) {
            ended = true;
            break;
          }
          if (frame) for (const p of Object.values(frame.probes)) if (!spare.includes(p.data.buffer as ArrayBuffer)) spare.push(p.data.buffer as ArrayBuffer);
        } finally {
          asked.done();
        }
        if (!going()) break;
        queue.push(request());
        await nextFrame();
      }
    } finally {
      for (const pending of queue) {
        const frame = await pending.frame.catch(() => null);
        if (frame && !ended) ended = !applyFrame(frame, gen);
        pending.done();
      }
      core.live.idle();
    }
  }

  /** Projections change while paused: a batch of no steps brings a new fit's window (the loop's next batch does while running). */
  let showing: Promise<void> = Promise.resolve();
  function showProjections(): void {
    if (core.get().status === 'running' || !engine.loaded()) return;
    const gen = core.generation;
    showing = showing
      .then(async () => {
        await loop; // a run winding down: its last frames first, so the page's rows reach the engine's step
        if (core.get().status === 'running' || gen !== core.generation) return;
        await syncSubscriptions();
        const frame = await core.api().advance(0);
        if (core.get().status !== 'running') {
          applyFrame(frame, gen);
          core.live.idle();
        }
      })
      .catch(() => undefined);
  }

  const live: LiveLoop = {
    async start() {
      if (core.get().status === 'running' || core.get().status === 'diverged') return;
      await live.stop();
      if (!(await engine.ensure())) return;
      core.set({ status: 'running', error: null });
      loop = run(core.generation);
      await Promise.resolve();
    },
    async stop() {
      if (core.get().status === 'running') core.set({ status: 'paused' });
      await loop;
      loop = null;
    },
    async step(n) {
      await live.stop();
      if (core.get().status === 'diverged') return { ok: false, error: 'the network diverged: reset it first' };
      if (!(await engine.ensure())) return { ok: false, error: core.get().error ?? core.get().notice ?? 'cannot run' };
      try {
        await syncSubscriptions();
        const gen = core.generation;
        const frame = await core.api().advance(Math.max(1, Math.floor(n)));
        applyFrame(frame, gen);
        const summary = summarizeFrame(frame);
        core.set({ frame: summary, status: core.get().status === 'diverged' ? 'diverged' : 'paused' });
        return { ok: true, frame: summary };
      } catch (err) {
        return core.fail(messageOf(err));
      }
    },
    subscribe: (probe, window) => addSubscriber(extra, nextToken++, probe, window),
    retain: (probe, window) => addSubscriber(retained, nextToken++, probe, window),
    project(name, source, fit) {
      const old = projections.get(name);
      const fitId = nextFitId++;
      const sent = old?.source === source ? old.sent : new Map<number, ProjectionFit>();
      if (fit) sent.set(fitId, fit);
      projections.set(name, { source, fit, fitId, dirty: true, sent, shown: old?.source === source ? old.shown : null, shownId: old?.source === source ? old.shownId : 0 });
      projectionsChanged = true;
      if (fit) showProjections();
      return () => {
        if (!projections.delete(name)) return;
        projectionsChanged = true;
        core.live.drop(name);
      };
    },
    resubscribe() {
      synced = '';
      projectionsChanged = true;
      for (const p of projections.values()) p.dirty = true;
    },
    projectedFit: (name) => projections.get(name)?.shown ?? null,
  };
  return live;
}
