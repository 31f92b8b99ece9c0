/**
 * What the panels of one app share: the context panel views read (live windows, the simulation,
 * the open document, node tints) and the animation-frame scheduler they draw on. The panels
 * region makes it from the app's stores and provides it to its cards.
 */
import { createContext, useContext } from 'react';
import { atFullSpeed, type AppStores } from '../store/index.ts';
import { createDrawScheduler, type DrawScheduler } from './chart/scheduler.ts';
import type { PanelContext } from './registry.ts';

/**
 * Least milliseconds between two live redraws of the panels while a network runs at full speed
 * (20 redraws a second): there a redraw shows thousands of new steps at once, and every redraw
 * is laid out and rasterised on the CPUs the stepping worker needs (bench `runtime`).
 */
export const FULL_SPEED_DRAW_INTERVAL_MS = 50;
/** Most milliseconds between two live redraws at full speed (5 redraws a second: panels stay live). */
export const FULL_SPEED_SLOWEST_DRAW_MS = 200;
/**
 * Redraw interval at full speed per millisecond a redraw costs on the page's thread (its script,
 * style, layout and paint, measured). Rasterising and collecting its garbage on other threads
 * cost about as much again, so 20 keeps the panels' drawing near a tenth of the CPU time, which
 * the stepping worker keeps when other programs share the machine's CPUs.
 */
export const DRAW_COST_FACTOR = 20;

/** Least milliseconds between two live redraws of the panels, given a redraw's measured cost (ms). */
export function drawInterval(sim: { status: string; speed: number }, cost: number): number {
  if (!atFullSpeed(sim)) return 0;
  return Math.min(FULL_SPEED_SLOWEST_DRAW_MS, Math.max(FULL_SPEED_DRAW_INTERVAL_MS, DRAW_COST_FACTOR * cost));
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
    scheduler: createDrawScheduler((cost) => drawInterval(stores.sim.getState(), cost)),
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
