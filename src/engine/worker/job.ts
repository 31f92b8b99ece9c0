/**
 * What a long computation in a worker is given: where to report progress, and a stop signal it
 * checks between slices. The page cancels a job by setting its flag: a SharedArrayBuffer shared
 * with the worker where the page is cross-origin isolated (the worker sees the flag at once,
 * even while it computes), else a plain buffer (the client then ends the worker instead).
 */

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
}

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

/** Longest single wait of a paused job, in ms (it then looks at its flag again). */
const PAUSE_WAIT_MS = 1000;

/** Least milliseconds between two progress reports (each is a message to the page). */
const PROGRESS_EVERY_MS = 100;

/** The worker's side of a job handle. */
export function jobControl(handle: JobHandle | undefined): JobControl {
  const flag = handle ? new Int32Array(handle.stop) : null;
  const shared = typeof SharedArrayBuffer === 'function' && handle?.stop instanceof SharedArrayBuffer;
  let last = -Infinity;
  return {
    signal: { get aborted() { return flag !== null && (shared ? Atomics.load(flag, 0) : flag[0]) === STOP; } },
    progress(fraction, text, detail) {
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

/** Throws CancelledError when the job has been stopped. */
export function checkStop(job: JobControl): void {
  if (job.signal.aborted) throw new CancelledError();
}
