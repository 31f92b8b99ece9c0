/**
 * Analyses run on the analysis workers (engine/worker/analysis-client.ts), never in the stepping
 * worker: those of the running network on the analysis worker, training, memory capacity and
 * gradient flow (long runs on a copy of the network) on a task worker of their own, so a panel's
 * measure, PCA fit or spectrum never waits behind them. A run is keyed (a panel, a dialog), and a
 * newer run under the same key cancels the older one. Every outcome carries the network version
 * it was computed on, so the UI can drop or mark results of a network that has changed since.
 * Runs with a label are shown with their progress (the `analyses` state) and can be cancelled by
 * the user.
 */
import type { AnalysisApi } from '../../engine/worker/analysis-protocol.ts';
import type { AnalysisClient, AnalysisJob, AnalysisWorker, Transfer } from '../../engine/worker/analysis-client.ts';
import type { JobHandle } from '../../engine/worker/job.ts';
import type { EngineEndpoint } from '../../engine/worker/engine-link.ts';
import { messageOf, type SimulationCore } from './types.ts';

/**
 * What an analysis came to: its value and the network version it belongs to, or why there is
 * none (`stale`: the stepping worker runs a newer network than the one asked about — ask again for it).
 */
export type AnalysisOutcome<R> = { ok: true; value: R; version: number } | { ok: false; cancelled: true } | { ok: false; cancelled?: false; error: string; stale?: true };

/** A labelled run in progress, as the UI shows it. */
export interface AnalysisProgress {
  label: string;
  /** Fraction done, 0…1. */
  fraction: number;
  /** What runs now ("all 1,000 eigenvalues", "training: step 600 of 4,000"). */
  text: string | null;
  startedAt: number;
}

export interface RunOptions {
  /** Given the partial results the job sends with its progress (a training's epochs), in order. */
  onDetail?: (detail: unknown) => void;
  /** The worker that runs it (default `analysis`; `task` for runs on a copy of the network of their own). */
  worker?: AnalysisWorker;
}

export interface AnalysisRunner {
  run<R>(key: string, label: string | null, call: (api: AnalysisApi, job: JobHandle, transfer: Transfer) => Promise<R>, options?: RunOptions): Promise<AnalysisOutcome<R>>;
  cancel(key: string): void;
  /** Holds the run under `key` between two of its slices, or lets it go on; false when it cannot be paused. */
  pause(key: string, paused: boolean): boolean;
  cancelAll(): void;
  /** The percentage of wall-clock time analyses may compute on each worker (100: all they can); see AnalysisClient.pace. */
  pace(percent: number): void;
  /**
   * Where the analysis worker fetches engine data (AnalysisClient.link); again after the stepping
   * worker was started afresh. The task worker reads none: its runs compile their own copy.
   */
  link(source: () => EngineEndpoint): void;
  dispose(): void;
}

const isCancel = (err: unknown) => err instanceof Error && err.name === 'AbortError';
const isStale = (err: unknown) => err instanceof Error && err.name === 'StaleNetworkError';

/** `makeClient` makes the client of a worker, each on its first job (and again after `dispose`). */
export function createAnalysisRunner(core: SimulationCore, makeClient: (worker: AnalysisWorker) => AnalysisClient): AnalysisRunner {
  const clients = new Map<AnalysisWorker, AnalysisClient>();
  let percent = 100;
  let source: (() => EngineEndpoint) | null = null;
  const running = new Map<string, AnalysisJob<unknown>>();

  const clientOf = (worker: AnalysisWorker): AnalysisClient => {
    let client = clients.get(worker);
    if (!client) {
      client = makeClient(worker);
      client.pace(percent);
      if (source && worker === 'analysis') client.link(source);
      clients.set(worker, client);
    }
    return client;
  };

  const show = (key: string, progress: AnalysisProgress | null) => {
    const analyses = { ...core.get().analyses };
    if (progress) analyses[key] = progress;
    else delete analyses[key];
    core.set({ analyses });
  };

  return {
    async run(key, label, call, { onDetail, worker = 'analysis' } = {}) {
      running.get(key)?.cancel();
      const version = core.version;
      const startedAt = performance.now();
      const client = clientOf(worker);
      const listen = label !== null || onDetail !== undefined;
      // a job in this thread may report before `run` returns: those reports are its own
      let started: AnalysisJob<unknown> | null = null;
      const job = client.run(
        call,
        listen
          ? (fraction, text, detail) => {
              if (started !== null && running.get(key) !== started) return;
              if (detail !== undefined) onDetail?.(detail);
              if (label !== null) show(key, { label, fraction, text: text ?? core.get().analyses[key]?.text ?? null, startedAt });
            }
          : undefined,
      );
      started = job;
      running.set(key, job);
      if (label !== null) show(key, { label, fraction: 0, text: null, startedAt });
      try {
        const value = await job.result;
        return { ok: true, value, version };
      } catch (err) {
        if (isCancel(err)) return { ok: false, cancelled: true };
        return isStale(err) ? { ok: false, error: messageOf(err), stale: true } : { ok: false, error: messageOf(err) };
      } finally {
        if (running.get(key) === job) {
          running.delete(key);
          if (label !== null) show(key, null);
        }
      }
    },
    cancel(key) {
      running.get(key)?.cancel();
    },
    pause(key, paused) {
      return running.get(key)?.pause(paused) ?? false;
    },
    cancelAll() {
      for (const job of [...running.values()]) job.cancel();
    },
    pace(p) {
      percent = p;
      for (const client of clients.values()) client.pace(p);
    },
    link(next) {
      source = next;
      clients.get('analysis')?.link(next);
    },
    dispose() {
      for (const job of [...running.values()]) job.cancel();
      for (const client of clients.values()) client.dispose();
      clients.clear();
    },
  };
}
