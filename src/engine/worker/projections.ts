/**
 * Derived probes of the stepping worker: a population's output projected onto a PCA fit (the
 * phase portrait's PC1 and PC2), two values per step computed here so the page only draws them.
 * The fit itself is made on the analysis worker (analysis-session.ts, `pcaFit`) from a window
 * the page holds; the page hands it over with `EngineApi.project`. Each projection keeps its
 * source's last `window` steps (measure-requests.ts, RetainedWindows): a new fit re-projects the
 * whole window in the next frame (a frame of no steps, while paused), later frames carry only
 * their new steps. Pure (no DOM, no
 * worker globals): the worker, the in-page fallback and Node tests run this code.
 */
import type { Simulator } from '../simulator.ts';
import { RetainedWindows } from './measure-requests.ts';
import type { Frame, SubscribeResult } from './protocol.ts';

/** The part of a PCA fit a projection needs: the units used, their means and the two axes (row-major, 2 × units). */
export interface ProjectionFit {
  units: number;
  mean: Float64Array;
  axes: Float64Array;
}

/**
 * A derived probe: `source` (a probe, `ID` or `ID.VAR`) projected on `fit`, named `name` in
 * frames. The source's last `window` steps are kept from the moment the projection is set, also
 * while `fit` is null (nothing is sent then), so the first fit re-projects a full window.
 */
export interface Projection {
  name: string;
  source: string;
  window: number;
  fit: ProjectionFit | null;
  /**
   * The source's steps recorded so far (the page's window, oldest first, ending at step
   * `lastStep`): fills a new projection's window when it ends at the session's current step.
   */
  history?: { lastStep: number; steps: number; width: number; data: Float64Array };
}

/**
 * One step's coordinates along PC1 and PC2 into out[0] and out[1]: x_k = Σ_j (s_j − mean_j)·axis_kj
 * over the fit's first `units` units of the `width` values of `data` from `base` (NaN when the
 * step has fewer units). Units: those of the probed variable. Allocates nothing.
 */
export function projectRow(data: ArrayLike<number>, base: number, width: number, fit: ProjectionFit, out: Float64Array): void {
  const { units, mean, axes } = fit;
  if (width < units) {
    out[0] = NaN;
    out[1] = NaN;
    return;
  }
  let a = 0;
  let b = 0;
  for (let j = 0; j < units; j++) {
    const v = data[base + j] - mean[j];
    a += v * axes[j];
    b += v * axes[units + j];
  }
  out[0] = a;
  out[1] = b;
}

/** `rows` rows of `width` values projected on `fit`: rows × 2 values, row-major. */
export function projectRows(data: ArrayLike<number>, rows: number, width: number, fit: ProjectionFit): Float64Array {
  const out = new Float64Array(rows * 2);
  const pair = new Float64Array(2);
  for (let t = 0; t < rows; t++) {
    projectRow(data, t * width, width, fit, pair);
    out[2 * t] = pair[0];
    out[2 * t + 1] = pair[1];
  }
  return out;
}

const sameFit = (a: ProjectionFit | null, b: ProjectionFit | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.units === b.units && a.mean.length === b.mean.length && a.axes.length === b.axes.length && a.mean.every((v, i) => v === b.mean[i]) && a.axes.every((v, i) => v === b.axes[i]));

/** The stepping session's projections. */
export class Projections {
  private readonly sources = new RetainedWindows();
  private list: { projection: Projection; fresh: boolean }[] = [];

  /** Replaces the projections; one that is new, or has another fit, re-projects its whole window in the next frame. */
  set(sim: Simulator, projections: readonly Projection[]): SubscribeResult {
    const windows = new Map<string, number>();
    for (const p of projections) windows.set(p.source, Math.max(windows.get(p.source) ?? 1, Math.floor(p.window)));
    const result = this.sources.set(
      sim,
      [...windows].map(([probe, window]) => ({ probe, window })),
    );
    const failed = result.ok ? {} : result.errors;
    for (const p of projections) if (p.history?.lastStep === sim.t && !(p.source in failed)) this.sources.prefill(p.source, p.history);
    this.list = projections
      .filter((p) => !(p.source in failed))
      .map((projection) => {
        const old = this.list.find((o) => o.projection.name === projection.name);
        const fresh = !old || old.fresh || old.projection.source !== projection.source || old.projection.window !== projection.window || !sameFit(old.projection.fit, projection.fit);
        return { projection, fresh };
      });
    return result;
  }

  /** Records the current step of every source (after `sim.step()`). */
  record(): void {
    this.sources.record();
  }

  /** Back to step 0: the windows start empty. */
  clear(): void {
    this.sources.clear();
  }

  /** The network was recompiled: record the same sources from the new program (their history kept). */
  rebind(sim: Simulator): void {
    this.sources.rebind(sim);
  }

  /** Adds each projection's new steps to a frame of the live loop (its whole window after a new fit). */
  addTo(frame: Frame): void {
    const steps = frame.t - frame.firstStep + 1;
    for (const entry of this.list) {
      const { name, source, window, fit } = entry.projection;
      const w = fit && this.sources.window(source, entry.fresh ? window : Math.min(steps, window));
      if (!fit || !w) continue;
      entry.fresh = false;
      const firstStep = frame.t - w.steps + 1;
      const probe = { width: 2, count: w.steps, data: projectRows(w.data, w.steps, w.width, fit) };
      frame.probes[name] = firstStep === frame.firstStep ? probe : { ...probe, firstStep };
    }
  }
}
