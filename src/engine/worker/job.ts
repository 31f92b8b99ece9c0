/**
 * What a long computation in a worker is given: where to report progress, and a stop signal it
 * checks between slices. The page cancels a job by setting its flag: a SharedArrayBuffer shared
 * with the worker where the page is cross-origin isolated (the worker sees the flag at once,
 * even while it computes), else a plain buffer (the client then ends the worker instead).
 */
import { nextTask } from '../../common/next-task.ts';

/** Something that says whether to stop (an `AbortSignal` fits). */
export interface StopSignal {
  readonly aborted: boolean;
}

export interface JobControl {
  signal: StopSignal;
  /**
   * The fraction done, 0…1 (with an optional word on what runs). A report with `detail` (a
   * partial result the page shows as it comes, e.g. a training's epoch) is never dropped by the
   * throttle.
   */
  progress(fraction: number, text?: string, detail?: unknown): void;
  /** Blocks while the page holds the job paused (shared flags only; returns at once otherwise). */
  waitWhilePaused(): void;
  /** Between two slices: rests as long as the page's pace asks (see Pacer); `progress` and `checkStop` call it. */
  pace(): void;
  /**
   * Between two slices of a job that awaits it: rests as the pace asks without blocking the
   * worker, so jobs that arrived meanwhile run first when they are short (Pacer.acquire).
   */
  rest(): Promise<void>;
}

/** Short jobs (a PCA fit, a windowed measure) take their turn before long ones (all eigenvalues, a training). */
export type JobPriority = 'short' | 'long';

/** A progress report as it travels from the worker to the page. */
export interface ProgressMessage {
  fraction: number;
  text?: string;
  detail?: unknown;
}

/**
 * What crosses to the worker with a job: its stop flag, and where progress goes — a port of a
 * MessageChannel from a worker (transferred with the call), a function in the same thread.
 */
export interface JobHandle {
  /** Int32 flag: 0 = run, 1 = stop, 2 = pause (honoured where the flag is shared). */
  stop: SharedArrayBuffer | ArrayBuffer;
  /** Int32: the percentage of wall-clock time the worker may compute (100: all of it), see Pacer; honoured where shared. */
  pace?: SharedArrayBuffer | ArrayBuffer;
  progress?: MessagePort | ((fraction: number, text?: string, detail?: unknown) => void);
}

/** The error a stopped computation ends with. */
export class CancelledError extends Error {
  override name = 'AbortError';
  constructor() {
    super('cancelled');
  }
}

const RUN = 0;
const STOP = 1;
const PAUSE = 2;

/**
 * A stop flag for a new job: shared with the worker where the page can share memory. Only a
 * shared flag can pause a job (`pause` returns false otherwise): the worker waits on it
 * (Atomics.wait) between slices until the page sets it back.
 */
export function newStopFlag(): { buffer: SharedArrayBuffer | ArrayBuffer; shared: boolean; raise(): void; pause(paused: boolean): boolean } {
  const shared = typeof SharedArrayBuffer === 'function' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== false;
  const buffer = shared ? new SharedArrayBuffer(4) : new ArrayBuffer(4);
  const flag = new Int32Array(buffer);
  return {
    buffer,
    shared,
    raise() {
      if (!shared) return void (flag[0] = STOP);
      Atomics.store(flag, 0, STOP);
      Atomics.notify(flag, 0);
    },
    pause(paused) {
      if (!shared) return false;
      // a stopped job stays stopped
      Atomics.compareExchange(flag, 0, paused ? RUN : PAUSE, paused ? PAUSE : RUN);
      Atomics.notify(flag, 0);
      return true;
    },
  };
}

/** The page's pace for the analysis worker: the percentage of wall-clock time its jobs may compute. */
export interface PaceFlag {
  buffer: SharedArrayBuffer | ArrayBuffer;
  /** Sets the pace (1…100); a resting job wakes up to look at it. */
  set(percent: number): void;
}

export const FULL_PACE = 100;

export function newPaceFlag(): PaceFlag {
  const shared = typeof SharedArrayBuffer === 'function' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== false;
  const buffer = shared ? new SharedArrayBuffer(4) : new ArrayBuffer(4);
  const flag = new Int32Array(buffer);
  flag[0] = FULL_PACE;
  return {
    buffer,
    set(percent) {
      const value = Math.min(FULL_PACE, Math.max(1, Math.round(percent)));
      if (!shared) return void (flag[0] = value);
      Atomics.store(flag, 0, value);
      Atomics.notify(flag, 0);
    },
  };
}

/** Longest single rest, in ms (the job then looks at its stop flag and the pace again). */
const REST_WAIT_MS = 100;

/** Blocks up to `ms` or until the pace flag changes from `percent`. */
export type PaceWait = (flag: Int32Array, percent: number, ms: number) => void;

const atomicsWait: PaceWait = (flag, percent, ms) => void Atomics.wait(flag, 0, percent, ms);

/** Waits without blocking the thread, up to `ms` or until the pace flag changes from `percent`. */
export type PaceWaitAsync = (flag: Int32Array, percent: number, ms: number) => Promise<void>;

type WaitAsync = (flag: Int32Array, index: number, value: number, ms: number) => { async: boolean; value: Promise<unknown> | string };

const atomicsWaitAsync: PaceWaitAsync = (flag, percent, ms) => {
  const waitAsync = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;
  if (!waitAsync) return new Promise((resolve) => setTimeout(resolve, ms));
  const r = waitAsync(flag, 0, percent, ms);
  return r.async ? (r.value as Promise<unknown>).then(() => undefined) : Promise.resolve();
};

/** Lets the event loop take the tasks it holds (messages: new jobs) before going on. */
export type YieldTask = () => Promise<void>;

const macrotask: YieldTask = () => new Promise((resolve) => nextTask(resolve));

/** A job waiting for its turn to compute. */
interface Waiter {
  priority: JobPriority;
  pace: Int32Array | null;
  stopped(): boolean;
  start(): void;
}

/**
 * A duty cycle for one worker's jobs, and their turns. While the page's pace is below 100 %, a
 * job rests between its slices, and a new job before it starts, until its computing takes no
 * more than that share of wall-clock time (a slice of w ms at p % owes w·(100 − p)/p ms of rest).
 * So the analysis worker leaves the CPUs to the stepping worker while a network runs at full
 * speed, and runs flat out otherwise. Rests are honoured with a shared pace flag only; a cancel,
 * or the pace going back to 100 %, ends a rest within REST_WAIT_MS.
 *
 * One job computes at a time: it holds the turn from `acquire` to `release`. A job that awaits
 * `between` (JobControl.rest) gives the turn back between its slices and rests without blocking
 * the worker, so jobs that arrived meanwhile run in its rests: the turn goes to a cancelled job
 * first (it ends at once), then to a short job before a long one (but never twice in a row while
 * a long one waits), each kind in order of arrival. A job
 * that rests in `slice` (JobControl.pace) keeps the turn and blocks the worker while it rests.
 */
export class Pacer {
  private restUntil = -Infinity;
  private since: number;
  private held = false;
  private readonly waiting: Waiter[] = [];
  private pumping = false;
  /** Whom the last turn went to (a stopped job's turn does not count). */
  private lastTurn: JobPriority = 'long';

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly wait: PaceWait = atomicsWait,
    private readonly waitAsync: PaceWaitAsync = atomicsWaitAsync,
    private readonly yieldTask: YieldTask = macrotask,
  ) {
    this.since = now();
  }

  /** Resolves when the job may compute: what earlier jobs owe has been rested, and no job ahead of it waits. */
  acquire(pace: Int32Array | null, stopped: () => boolean, priority: JobPriority): Promise<void> {
    return new Promise((start) => {
      this.waiting.push({ priority, pace, stopped, start });
      void this.pump();
    });
  }

  /** The job stops computing (it ended, or rests): what it computed since its last slice is owed. */
  release(pace: Int32Array | null): void {
    this.owe(pace);
    this.held = false;
    void this.pump();
  }

  /** Between two slices of a job holding the turn: gives the turn back, lets new jobs arrive, and waits for the turn again. */
  async between(pace: Int32Array | null, stopped: () => boolean, priority: JobPriority): Promise<void> {
    this.release(pace);
    await this.yieldTask();
    await this.acquire(pace, stopped, priority);
  }

  /** Between two slices, keeping the turn: owes the time computed since the last one, and rests it (blocking). */
  slice(pace: Int32Array | null, stopped: () => boolean): void {
    this.owe(pace);
    for (;;) {
      const left = this.owed(pace);
      if (left <= 0 || stopped()) break;
      this.wait(pace!, this.percent(pace), Math.min(left, REST_WAIT_MS));
    }
    this.since = this.now();
  }

  private percent(pace: Int32Array | null): number {
    return pace && typeof SharedArrayBuffer === 'function' && pace.buffer instanceof SharedArrayBuffer ? Atomics.load(pace, 0) : FULL_PACE;
  }

  private owe(pace: Int32Array | null): void {
    const now = this.now();
    const percent = this.percent(pace);
    const worked = now - this.since;
    this.since = now;
    if (percent >= FULL_PACE) return;
    this.restUntil = Math.max(this.restUntil, now) + (worked * (FULL_PACE - percent)) / percent;
  }

  /** Milliseconds of rest still owed at this pace (none at 100 %, which forgets the debt). */
  private owed(pace: Int32Array | null): number {
    if (this.percent(pace) >= FULL_PACE) {
      this.restUntil = -Infinity;
      return 0;
    }
    return this.restUntil - this.now();
  }

  /**
   * The waiter whose turn is next: a stopped one; else a short one, unless the last turn went to
   * a short one and a long one waits (turns alternate, so a stream of short jobs cannot starve a
   * long one); else the first.
   */
  private next(): Waiter {
    const stopped = this.waiting.find((w) => w.stopped());
    if (stopped) return stopped;
    const short = this.waiting.find((w) => w.priority === 'short');
    const long = this.waiting.find((w) => w.priority === 'long');
    if (short && long) return this.lastTurn === 'short' ? long : short;
    return this.waiting[0];
  }

  /** Hands the turn on while it is free: after the rest owed, to the next waiter. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.held && this.waiting.length > 0) {
        const next = this.next();
        const left = this.owed(next.pace);
        if (left > 0 && !next.stopped()) {
          await this.waitAsync(next.pace!, this.percent(next.pace), Math.min(left, REST_WAIT_MS));
          continue;
        }
        this.waiting.splice(this.waiting.indexOf(next), 1);
        if (!next.stopped()) this.lastTurn = next.priority;
        this.held = true;
        this.since = this.now();
        next.start();
      }
    } finally {
      this.pumping = false;
    }
  }
}

/** Longest single wait of a paused job, in ms (it then looks at its flag again). */
const PAUSE_WAIT_MS = 1000;

/** Least milliseconds between two progress reports (each is a message to the page). */
const PROGRESS_EVERY_MS = 100;

/** The worker's side of a job handle; `pacer`: the worker's duty cycle and turns (none: the job never rests). */
export function jobControl(handle: JobHandle | undefined, pacer?: Pacer, priority: JobPriority = 'long'): JobControl {
  const flag = handle ? new Int32Array(handle.stop) : null;
  const shared = typeof SharedArrayBuffer === 'function' && handle?.stop instanceof SharedArrayBuffer;
  const paceFlag = handle?.pace ? new Int32Array(handle.pace) : null;
  let last = -Infinity;
  const signal = { get aborted() { return flag !== null && (shared ? Atomics.load(flag, 0) : flag[0]) === STOP; } };
  const pace = () => pacer?.slice(paceFlag, () => signal.aborted);
  return {
    signal,
    pace,
    rest: async () => pacer?.between(paceFlag, () => signal.aborted, priority),
    progress(fraction, text, detail) {
      pace();
      const now = performance.now();
      const to = handle?.progress;
      if (!to || (detail === undefined && fraction < 1 && now - last < PROGRESS_EVERY_MS)) return;
      last = now;
      const clamped = Math.min(1, Math.max(0, fraction));
      if (typeof to === 'function') to(clamped, text, detail);
      else to.postMessage({ fraction: clamped, text, ...(detail === undefined ? {} : { detail }) } satisfies ProgressMessage);
    },
    waitWhilePaused() {
      if (!flag || !shared) return;
      while (Atomics.load(flag, 0) === PAUSE) Atomics.wait(flag, 0, PAUSE, PAUSE_WAIT_MS);
    },
  };
}

/** Throws CancelledError when the job has been stopped (after resting what the pace asks). */
export function checkStop(job: JobControl): void {
  job.pace();
  if (job.signal.aborted) throw new CancelledError();
}

/**
 * Runs one job of a worker with its pacer: it waits for its turn (the rest earlier jobs owe, and
 * any job ahead of it: short ones first), and what it computes after its last slice is owed by
 * the next one (so short jobs asked for often keep the pace too).
 */
export async function pacedJob<R>(pacer: Pacer, handle: JobHandle | undefined, run: (job: JobControl) => R | Promise<R>, priority: JobPriority = 'long'): Promise<R> {
  const job = jobControl(handle, pacer, priority);
  const pace = handle?.pace ? new Int32Array(handle.pace) : null;
  await pacer.acquire(pace, () => job.signal.aborted, priority);
  try {
    return await run(job);
  } finally {
    pacer.release(pace);
  }
}
