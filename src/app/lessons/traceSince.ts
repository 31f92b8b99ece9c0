/**
 * What the run recorded since the network last changed: the probe windows from the step after
 * the last edit (or load, or reset). "Set w to 0.9 and the pulse fades" is judged on the steps
 * run with w = 0.9 only.
 */
import type { AppStores } from '../../store/index.ts';
import type { TraceSamples } from './checks.ts';

export interface TraceSince {
  trace(probe: string): TraceSamples | null;
  /** The step the network last changed at (0 after a reset or before any step). */
  changedAt(): number;
  dispose(): void;
}

export function trackTraceSinceChange(stores: Pick<AppStores, 'docs' | 'sim'>): TraceSince {
  const live = stores.sim.live;
  let changedAt = 0;
  const unsubscribeDoc = stores.docs.subscribe((s, prev) => {
    if (s.loadCount !== prev.loadCount || s.doc.nodes !== prev.doc.nodes || s.doc.edges !== prev.doc.edges) changedAt = live.t;
  });
  const unsubscribeLive = live.subscribe((event) => {
    if (event === 'reset') changedAt = 0;
  });
  return {
    trace(probe) {
      const w = live.windows.get(probe);
      if (!w || w.count === 0) return null;
      return w.slice(Math.max(w.firstStep, changedAt + 1));
    },
    changedAt: () => changedAt,
    dispose() {
      unsubscribeDoc();
      unsubscribeLive();
    },
  };
}
