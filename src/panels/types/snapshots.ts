/**
 * Panels that show a snapshot fetched from the workers (weights, eigenvalues) rather than probe
 * windows: fetched again after a reset, load or live edit, and — for an edge whose weights
 * learn — every `intervalMs` while frames arrive. One request at a time; a result of a network
 * that has changed since (its version is older), or a request the stepping worker refused as
 * stale (it runs a newer network already), is dropped and fetched again — up to
 * STALE_RETRIES times in a row: a page and a worker that keep disagreeing about the network is a
 * fault to show (with "Compute again"), not a loop to hide.
 */
import type { AnalysisOutcome } from '../../store/simulationStore.ts';
import type { LiveEvent } from '../../store/probeWindow.ts';
import type { PanelContext } from '../registry.ts';

export interface SnapshotFetcherOptions<S> {
  edge: string | undefined;
  fetch(edge: string): Promise<AnalysisOutcome<S>>;
  show(s: S | null): void;
  /** Told that a fetch was cancelled or failed (default: the chart shows nothing). */
  stopped?(message: string): void;
  intervalMs: number;
}

/** A plain fetch of the stepping worker as an outcome of the current network version. */
export function current<S>(ctx: PanelContext, fetched: Promise<S | null>): Promise<AnalysisOutcome<S>> {
  const version = ctx.sim().version;
  return fetched.then((value) => (value === null ? { ok: false, error: 'nothing to show' } : { ok: true, value, version }));
}

/** Most fetches in a row answered for another network version before the panel says so and stops asking. */
export const STALE_RETRIES = 20;

export function snapshotFetcher<S>(ctx: PanelContext, o: SnapshotFetcherOptions<S>) {
  let busy = false;
  let last = -Infinity;
  let epoch = -1;
  let destroyed = false;
  let staleInRow = 0;
  const stop = (message: string) => (o.stopped ? o.stopped(message) : o.show(null));
  const fetcher = {
    draw(event: LiveEvent) {
      const edge = o.edge;
      if (edge === undefined) return o.show(null);
      const plastic = ctx.sim().edges.find((e) => e.id === edge)?.plastic ?? false;
      const due = epoch !== ctx.live.epoch || (event === 'frame' && plastic && performance.now() - last > o.intervalMs);
      if (!due || busy) return;
      busy = true;
      epoch = ctx.live.epoch;
      last = performance.now();
      o.fetch(edge)
        .then((out) => {
          if (destroyed) return;
          const stale = (out.ok && out.version !== ctx.sim().version) || (!out.ok && !out.cancelled && out.stale === true);
          staleInRow = stale ? staleInRow + 1 : 0;
          if (stale && staleInRow <= STALE_RETRIES) epoch = -1; // asked of another network version: fetch again
          else if (stale) stop(`still of another network version after ${STALE_RETRIES} tries`);
          else if (out.ok) o.show(out.value);
          else stop(out.cancelled ? 'Cancelled.' : out.error);
        })
        .catch((err: unknown) => stop(err instanceof Error ? err.message : String(err)))
        .finally(() => {
          busy = false;
          if (!destroyed && epoch === -1) fetcher.draw('structure');
        });
    },
    /** Fetches again now (after a cancel). */
    retry() {
      epoch = -1;
      staleInRow = 0;
      fetcher.draw('structure');
    },
    destroy() {
      destroyed = true;
    },
  };
  return fetcher;
}
