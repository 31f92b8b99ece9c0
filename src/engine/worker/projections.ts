/**
 * Derived probes of the stepping worker: a population's output projected onto a PCA fit (the
 * phase portrait's PC1 and PC2), two values per step computed here so the page only draws them.
 * The fit itself is made on the analysis worker (analysis-session.ts, `pcaFit`) from a window
 * the page holds; the page hands it over with `EngineApi.project`, together with the rows of the
 * source it holds (`history`), which are projected once. Each batch is projected from the rows
 * its frame already carries for the source, once, as the frame is assembled: nothing is recorded
 * per step for a projection. Pure (no DOM, no worker globals): the worker, the in-page fallback
 * and Node tests run this code.
 */
import type { Simulator } from '../simulator.ts';
import { parseProbe, Recorder, type ProbeSpec } from '../probes.ts';
import { takeProbes } from './probe-requests.ts';
import type { Frame, ProbeFrame, SubscribeResult } from './protocol.ts';

/** The part of a PCA fit a projection needs: the units used, their means and the two axes (row-major, 2 × units). */
export interface ProjectionFit {
  units: number;
  mean: Float64Array;
  axes: Float64Array;
}

/** Rows of a probe over consecutive steps, the last being step `lastStep`, oldest first. */
export interface ProjectionHistory {
  lastStep: number;
  steps: number;
  /** Values per row (at least the fit's `units`: only the leading `units` values are read). */
  width: number;
  data: Float64Array;
}

/**
 * A derived probe: `source` (a probe, `ID` or `ID.VAR`) projected on `fit`, named `name` in
 * frames, at most `window` steps per frame. `fitId` names the fit: every frame's rows of the
 * projection carry it (`ProbeFrame.fitId`), so the page knows which fit the points it holds lie on.
 */
export interface Projection {
  name: string;
  source: string;
  window: number;
  fit: ProjectionFit | null;
  fitId: number;
  /**
   * The source's rows the page holds, sent with a new fit: projected once and sent, with the
   * next batch's, in the next frame, when they end at the session's current step (else ignored:
   * the projection starts with the next batch).
   */
  history?: ProjectionHistory;
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

/** Projected steps: `count` rows of (PC1, PC2) from step `firstStep`. */
interface Projected {
  firstStep: number;
  count: number;
  data: Float64Array;
}

/** `before` followed by `after` when they are consecutive (else `after` alone), cut to the last `window` steps. */
function joined(before: Projected | null, after: Projected | null, window: number): Projected | null {
  let all = after ?? before;
  if (before && after && after.count > 0 && before.firstStep + before.count === after.firstStep) {
    const data = new Float64Array(2 * (before.count + after.count));
    data.set(before.data);
    data.set(after.data, before.data.length);
    all = { firstStep: before.firstStep, count: before.count + after.count, data };
  }
  if (!all || all.count <= window) return all;
  const skip = all.count - window;
  return { firstStep: all.firstStep + skip, count: window, data: all.data.subarray(2 * skip) };
}

interface Entry {
  projection: Projection;
  spec: ProbeSpec;
  /** The history projected on the fit, sent in the next frame. */
  pending: Projected | null;
}

/** The stepping session's projections. */
export class Projections {
  private list: Entry[] = [];

  /** Replaces the projections (a source that cannot be recorded is refused, naming it); projects the histories sent. */
  set(sim: Simulator, projections: readonly Projection[]): SubscribeResult {
    const { kept, result } = takeProbes(
      projections,
      (p) => p.source,
      (projection) => {
        const spec = parseProbe(projection.source);
        new Recorder(sim, spec, 1); // checks the node, variable and unit exist
        const old = this.list.find((e) => e.projection.name === projection.name && e.projection.fitId === projection.fitId);
        const { history: _sent, ...rest } = projection; // projected once here, not kept
        return { projection: rest, spec, pending: historyOf(projection, sim.t) ?? old?.pending ?? null };
      },
    );
    this.list = kept;
    return result;
  }

  /**
   * Sources of projections with a fit that are not among `probed` (the subscriptions): the session
   * records them in the batch too, for the projection alone (frames do not carry them).
   */
  unprobed(probed: ReadonlySet<string>): { probe: string; spec: ProbeSpec; window: number }[] {
    const out = new Map<string, { probe: string; spec: ProbeSpec; window: number }>();
    for (const { projection: p, spec } of this.list) {
      if (!p.fit || probed.has(p.source)) continue;
      const window = Math.max(out.get(p.source)?.window ?? 1, Math.floor(p.window));
      out.set(p.source, { probe: p.source, spec, window });
    }
    return [...out.values()];
  }

  /** Back to step 0: histories sent before are of another run. */
  clear(): void {
    for (const e of this.list) e.pending = null;
  }

  /** The network was recompiled: projections of a source the new program lacks are dropped. */
  rebind(sim: Simulator): void {
    this.set(
      sim,
      this.list.map((e) => e.projection),
    );
  }

  /**
   * Adds each projection with a fit to a frame: its source's rows in the frame projected on the
   * fit, after the history sent with the fit (the first frame after it only).
   */
  addTo(frame: Frame): void {
    for (const entry of this.list) {
      const { name, source, window, fit, fitId } = entry.projection;
      if (!fit) continue;
      const rows = frame.probes[source];
      const batch = rows && rows.count > 0 ? { firstStep: rows.firstStep ?? frame.firstStep, count: rows.count, data: projectRows(rows.data, rows.count, rows.width, fit) } : null;
      const all = joined(entry.pending, batch, Math.max(1, Math.floor(window)));
      entry.pending = null;
      if (!all) continue;
      const probe: ProbeFrame = { width: 2, count: all.count, data: all.data, fitId };
      frame.probes[name] = all.firstStep === frame.firstStep ? probe : { ...probe, firstStep: all.firstStep };
    }
  }
}

/** A projection's history projected on its fit, when both are there and the history ends at step `t`. */
function historyOf(p: Projection, t: number): Projected | null {
  const h = p.history;
  if (!p.fit || !h || h.steps === 0 || h.lastStep !== t) return null;
  const steps = Math.min(h.steps, Math.max(1, Math.floor(p.window)));
  const rows = h.data.subarray((h.steps - steps) * h.width, h.steps * h.width);
  return { firstStep: t - steps + 1, count: steps, data: projectRows(rows, steps, h.width, p.fit) };
}
