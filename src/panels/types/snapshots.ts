/**
 * Panels that show a snapshot fetched from the engine (weights, eigenvalues) rather than probe
 * windows: fetched again after a reset, load or live edit, and — for an edge whose weights
 * learn — every `intervalMs` while frames arrive. One request at a time.
 */
import type { LiveEvent } from '../../store/probeWindow.ts';
import type { PanelContext } from '../registry.ts';

export function snapshotFetcher<S>(ctx: PanelContext, edge: string | undefined, fetch: (edge: string) => Promise<S | null>, show: (s: S | null) => void, intervalMs: number) {
  let busy = false;
  let last = -Infinity;
  let epoch = -1;
  let destroyed = false;
  return {
    draw(event: LiveEvent) {
      if (edge === undefined) return show(null);
      const plastic = ctx.sim().edges.find((e) => e.id === edge)?.plastic ?? false;
      const due = epoch !== ctx.live.epoch || (event === 'frame' && plastic && performance.now() - last > intervalMs);
      if (!due || busy) return;
      busy = true;
      epoch = ctx.live.epoch;
      last = performance.now();
      fetch(edge)
        .then((s) => {
          if (!destroyed) show(s);
        })
        .catch(() => show(null))
        .finally(() => {
          busy = false;
        });
    },
    destroy() {
      destroyed = true;
    },
  };
}
