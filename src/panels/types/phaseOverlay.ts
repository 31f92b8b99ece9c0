/**
 * The nullclines and fixed points a phase portrait draws over its trajectory: it fetches the
 * weights of the edges into the plane's nodes from the engine (again after a reset, load or live
 * edit, and every second for plastic edges), reads the document's parameters and the inputs'
 * current values, and analyses the system (phaseSystem.ts, transforms/nullclines.ts). The
 * analysis is cached until one of those or the (snapped) view changes.
 */
import type { LiveEvent } from '../../store/probeWindow.ts';
import type { Interval, PlaneSystem } from '../../model/index.ts';
import { analysePlane, analyseReturnMap, mapAnalysis, type PlaneAnalysis } from '../transforms/nullclines.ts';
import type { PhaseData } from '../chart/PhaseChart.ts';
import type { PanelContext } from '../registry.ts';
import { neededEdges, phaseModel, systemNodes, type PhaseSelection, type ShownAxes, type WeightMatrix } from './phaseSystem.ts';

const PLASTIC_REFETCH_MS = 1000;

export type Overlay = Pick<PhaseData, 'nullclines' | 'fixedPoints' | 'note'>;

export class PhaseOverlay {
  private readonly weights = new Map<string, WeightMatrix>();
  private epoch = -1;
  private fetchedAt = 0;
  private busy = false;
  private destroyed = false;
  private version = 0;
  private cache: { key: string; doc: unknown; overlay: Overlay } | null = null;

  constructor(
    private readonly ctx: PanelContext,
    private readonly sel: PhaseSelection,
    /** Called when fetched weights arrive (redraw). */
    private readonly onWeights: () => void,
  ) {}

  /** The overlay for the view (x and y extents of the trajectory shown). */
  overlay(event: LiveEvent, view: { x: Interval; y: Interval }): Overlay {
    const doc = this.ctx.doc();
    const small = systemNodes(this.sel).every((id) => (this.ctx.sim().nodes.find((n) => n.id === id)?.size ?? Infinity) <= 2);
    if (small) this.refresh(event);
    const model = phaseModel(doc, this.sel, {
      weights: (e) => this.weights.get(e),
      inputNow: (id) => {
        const w = this.ctx.live.windows.get(id);
        return w && w.count > 0 ? Array.from({ length: w.width }, (_, k) => w.at(w.lastStep, k)) : null;
      },
    });
    if (model.kind === 'none') return { note: `No nullclines: ${model.reason}` };
    const region = { x: snap(view.x), y: snap(view.y) };
    const key = `${this.version}|${model.note ?? ''}|${region.x.join()}|${region.y.join()}`;
    if (this.cache?.key === key && this.cache.doc === doc) return this.cache.overlay;
    const a: PlaneAnalysis = model.kind === 'return-map' ? analyseReturnMap(model.map, region.x) : analyseShown(model.system, region, model.axes);
    const overlay: Overlay = { nullclines: a.nullclines, fixedPoints: a.fixedPoints, note: model.note };
    this.cache = { key, doc, overlay };
    return overlay;
  }

  destroy(): void {
    this.destroyed = true;
  }

  /** Fetches the weights after a reset / edit, and periodically while plastic edges learn. */
  private refresh(event: LiveEvent): void {
    const edges = neededEdges(this.ctx.doc(), this.sel);
    const plastic = this.ctx.sim().edges.some((e) => e.plastic && edges.includes(e.id));
    const due = this.epoch !== this.ctx.live.epoch || (event === 'frame' && plastic && performance.now() - this.fetchedAt > PLASTIC_REFETCH_MS);
    if (!due || this.busy) return;
    this.busy = true;
    this.epoch = this.ctx.live.epoch;
    this.fetchedAt = performance.now();
    Promise.all(edges.map((e) => this.ctx.sim().weights(e)))
      .then((snapshots) => {
        if (this.destroyed) return;
        snapshots.forEach((w, k) => (w ? this.weights.set(edges[k], w) : this.weights.delete(edges[k])));
        this.version++;
        this.onWeights();
      })
      .catch(() => undefined)
      .finally(() => {
        this.busy = false;
      });
  }
}

/** The analysis of a plane in the coordinates the probes show (the view mapped back to states first). */
function analyseShown(system: PlaneSystem, view: { x: Interval; y: Interval }, axes?: ShownAxes): PlaneAnalysis {
  if (!axes) return analysePlane(system, view);
  const back = (f: (v: number) => number, [lo, hi]: Interval): Interval => {
    const [a, b] = [f(lo), f(hi)].map((v) => (Number.isFinite(v) ? v : 0));
    return a <= b ? [a, b] : [b, a];
  };
  const [fx, fy] = axes.fromShown;
  const states = analysePlane(system, { x: back(fx, clampUnit(view.x)), y: back(fy, clampUnit(view.y)) });
  return mapAnalysis(states, axes.toShown[0], axes.toShown[1]);
}

/** An output interval kept inside (0, 1), where the logistic has an inverse. */
function clampUnit([lo, hi]: Interval): Interval {
  const c = (v: number) => Math.min(1 - 1e-6, Math.max(1e-6, v));
  return [c(lo), c(hi)];
}

/** A view interval snapped outwards to eighths of its span (re-analyse only when it moves). */
function snap([lo, hi]: Interval): Interval {
  const step = 2 ** Math.ceil(Math.log2(Math.max(1e-9, hi - lo) / 8));
  return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
}
