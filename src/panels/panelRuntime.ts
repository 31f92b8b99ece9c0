/**
 * What the panels of one app share: the context panel views read (live windows, the simulation,
 * the open document, node tints) and the animation-frame scheduler they draw on. The panels
 * region makes it from the app's stores and provides it to its cards.
 */
import { createContext, useContext } from 'react';
import type { AppStores } from '../store/index.ts';
import { createDrawScheduler, type DrawScheduler } from './chart/scheduler.ts';
import type { PanelContext } from './registry.ts';

/**
 * Least milliseconds between two live redraws of the panels while a network runs at full speed
 * (20 redraws a second): there a redraw shows thousands of new steps at once, and every redraw
 * is laid out and rasterised on the CPUs the stepping worker needs (bench `runtime`).
 */
export const FULL_SPEED_DRAW_INTERVAL_MS = 50;

/** Whether the simulation steps as fast as it can (speed "max"), so that panels redraw less often. */
export function atFullSpeed(sim: { status: string; speed: number }): boolean {
  return sim.status === 'running' && sim.speed === 0;
}

export interface PanelRuntime {
  context: PanelContext;
  scheduler: DrawScheduler;
  /** The views drawn now, by panel id (the test bridge reads their CSV). */
  views: AppStores['panels']['views'];
}

export function createPanelRuntime(stores: Pick<AppStores, 'sim' | 'docs' | 'tints' | 'panels'>): PanelRuntime {
  return {
    context: {
      live: stores.sim.live,
      sim: () => stores.sim.getState(),
      doc: () => stores.docs.getState().doc,
      setTint: (node, tint) => stores.tints.getState().setTint(node, tint),
      watchAnalysis: (key, listener) =>
        stores.sim.subscribe((s, prev) => {
          if (s.analyses[key] !== prev.analyses[key]) listener(s.analyses[key] ?? null);
        }),
      watchTraining: (listener) =>
        stores.sim.subscribe((s, prev) => {
          if (s.training !== prev.training) listener(s.training);
        }),
    },
    scheduler: createDrawScheduler(() => (atFullSpeed(stores.sim.getState()) ? FULL_SPEED_DRAW_INTERVAL_MS : 0)),
    views: stores.panels.views,
  };
}

const PanelRuntimeContext = createContext<PanelRuntime | null>(null);

export const PanelRuntimeProvider = PanelRuntimeContext.Provider;

export function usePanelRuntime(): PanelRuntime {
  const runtime = useContext(PanelRuntimeContext);
  if (!runtime) throw new Error('usePanelRuntime: no <PanelRuntimeProvider> above this component');
  return runtime;
}
