/**
 * The page's handle on an analysis worker (analysis.worker.ts): jobs that report progress and
 * can be cancelled. The page runs two of them (AnalysisWorker): one for the analyses of the
 * running network, one for tasks that simulate a copy of their own. Cancelling raises the job's stop flag (job.ts), which the worker sees between
 * slices of its computation; where the flag cannot be shared (no cross-origin isolation) the
 * worker is ended and a fresh one starts with the next job. Either way the job's promise rejects
 * with CancelledError at once.
 */
import * as Comlink from 'comlink';
import type { AnalysisApi } from './analysis-protocol.ts';
import type { EngineEndpoint } from './engine-link.ts';
import { failingApi } from './client.ts';
import { CancelledError, newPaceFlag, newStopFlag, type JobHandle, type ProgressMessage } from './job.ts';

/**
 * Which of the page's two analysis workers runs a job: `analysis` the analyses of the running
 * network (spectra, spectral radii, PCA fits, windowed measures: they fetch engine data over the
 * link), `task` the runs that compile and simulate a copy of the network of their own (training,
 * memory capacity, gradient flow: seconds to minutes, never in the way of the panels' analyses).
 */
export type AnalysisWorker = 'analysis' | 'task';

export type ProgressListener = (fraction: number, text?: string, detail?: unknown) => void;

export interface AnalysisJob<R> {
  result: Promise<R>;
  cancel(): void;
  /** Holds the job between two of its slices, or lets it go on; false when this page cannot pause a worker (no shared memory). */
  pause(paused: boolean): boolean;
}

/** Marks a value's typed arrays to be moved to the worker, not copied (the caller gives them up); returns the value. */
export type Transfer = <T>(value: T) => T;

export interface AnalysisClient {
  /** Starts a job: `call` gets the API, the handle to pass with the call, and `transfer` for its large arguments. */
  run<R>(call: (api: AnalysisApi, job: JobHandle, transfer: Transfer) => Promise<R>, onProgress?: ProgressListener): AnalysisJob<R>;
  /**
   * The percentage of wall-clock time the worker's jobs may compute (1…100; 100: all they can),
   * running ones included: they rest between slices (job.ts, Pacer). Only where memory is shared.
   */
  pace(percent: number): void;
  /**
   * Where the worker fetches engine data (engine-link.ts): `source` makes a new endpoint to the
   * stepping worker, asked for now (when a worker runs) and for every worker started later. Call
   * it again when the stepping worker was started afresh.
   */
  link(source: () => EngineEndpoint): void;
  dispose(): void;
}

interface Connection {
  api: AnalysisApi;
  /** The handle of a job with this stop flag, pace flag and listener; `close` ends its progress reports. */
  handle(flags: Pick<JobHandle, 'stop' | 'pace'>, listener?: ProgressListener): { handle: JobHandle; close(): void };
  transfer: Transfer;
  end(): void;
  /** Whether a job can be paused (a job in another thread: one in this thread would wait for ever). */
  pausable: boolean;
}

/** The buffers of the typed arrays in a value (its own properties, one level of nesting). */
export function buffersOf(value: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (v: unknown, depth: number) => {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) out.add(v.buffer);
    } else if (v && typeof v === 'object' && depth < 2) for (const x of Object.values(v)) visit(x, depth + 1);
  };
  visit(value, 0);
  return [...out];
}

const keep: Transfer = (value) => value;

/** A job handle for the same thread: the listener itself. */
const local: Connection['handle'] = (flags, listener) => ({ handle: { ...flags, progress: listener }, close: () => undefined });

/** A client over connections made by `connect` (a new one after a connection is ended). */
export function analysisClientOf(connect: () => Connection): AnalysisClient {
  let connection: Connection | null = null;
  let source: (() => EngineEndpoint) | null = null;
  const pace = newPaceFlag();
  /** Hands the connection a new endpoint to the engine (before any job sent after it: one worker's messages keep their order). */
  const linkTo = (conn: Connection) => {
    if (!source) return;
    const endpoint = source();
    const port = typeof MessagePort === 'function' && endpoint instanceof MessagePort;
    // a worker that could not start fails each job with its reason; nothing to add here
    conn.api.link(port ? Comlink.transfer(endpoint, [endpoint]) : endpoint).catch(() => undefined);
  };
  return {
    run(call, onProgress) {
      if (!connection) {
        connection = connect();
        linkTo(connection);
      }
      const conn = connection;
      const flag = newStopFlag();
      let cancel!: () => void;
      const cancelled = new Promise<never>((_, reject) => {
        cancel = () => {
          flag.raise();
          if (!flag.shared && connection === conn) {
            conn.end();
            connection = null;
          }
          reject(new CancelledError());
        };
      });
      cancelled.catch(() => undefined);
      // a job in this thread is never paced: it would block the thread that sets the pace
      const job = conn.handle({ stop: flag.buffer, pace: conn.pausable ? pace.buffer : undefined }, onProgress);
      const result = Promise.race([call(conn.api, job.handle, conn.transfer), cancelled]);
      void result.then(job.close, job.close);
      return { result, cancel, pause: (paused) => conn.pausable && flag.pause(paused) };
    },
    pace(percent) {
      pace.set(percent);
    },
    link(next) {
      source = next;
      if (connection) linkTo(connection);
    },
    dispose() {
      connection?.end();
      connection = null;
    },
  };
}

/** A new analysis worker of `kind`, named so in the browser's tools (the bundler reads each worker's options literally). */
function startWorker(kind: AnalysisWorker): Worker {
  return kind === 'task'
    ? new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'recurrence-task' })
    : new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'recurrence-analysis' });
}

/** One of the app's analysis workers (both run analysis.worker.ts). */
export function createAnalysisClient(kind: AnalysisWorker = 'analysis'): AnalysisClient {
  return analysisClientOf(() => {
    try {
      const worker = startWorker(kind);
      return {
        api: Comlink.wrap<AnalysisApi>(worker) as unknown as AnalysisApi,
        handle(flags, listener) {
          if (!listener) return { handle: flags, close: () => undefined };
          const channel = new MessageChannel();
          channel.port1.onmessage = (e: MessageEvent<ProgressMessage>) => listener(e.data.fraction, e.data.text, e.data.detail);
          const handle = Comlink.transfer({ ...flags, progress: channel.port2 }, [channel.port2]);
          return { handle, close: () => channel.port1.close() };
        },
        transfer: (value) => Comlink.transfer(value, buffersOf(value)),
        end: () => worker.terminate(),
        pausable: true,
      };
    } catch (err) {
      const reason = `this browser could not start the ${kind} worker (${err instanceof Error ? err.message : String(err)})`;
      return { api: failingApi<AnalysisApi>(reason), handle: local, transfer: keep, end: () => undefined, pausable: false };
    }
  });
}

/** A client calling an API in the same thread (Node tests; the page never runs one). */
export function localAnalysisClient(api: AnalysisApi): AnalysisClient {
  return analysisClientOf(() => ({ api, handle: local, transfer: keep, end: () => undefined, pausable: false }));
}
