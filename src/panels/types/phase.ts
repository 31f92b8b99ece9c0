/**
 * Phase portrait: unit a against unit b (of one node or two), or a population's first two
 * principal components, with a trail fading with age. A single unit (a 1-unit node against
 * itself) is shown as its return map x[t] → x[t+1]. Where the plane is a whole 2-D rate system
 * (phaseSystem.ts) the nullclines and fixed points are drawn over the trail, else a note says
 * why not. The PCA axes are fitted on the analysis worker, again every REFIT_FRAMES frames (and
 * after a reset); the stepping worker projects each step onto the last fit (pcaView), and a pair
 * of units reads just those two units of the window.
 */
import { PhaseChart, type PhaseData } from '../chart/PhaseChart.ts';
import { finiteExtent } from '../transforms/stats.ts';
import type { PcaFit } from '../../engine/worker/analysis-protocol.ts';
import type { ProjectionFit } from '../../engine/worker/protocol.ts';
import type { ProbeWindow } from '../../store/probeWindow.ts';
import type { PanelConfig } from '../../store/index.ts';
import type { PanelContext, PanelType } from '../registry.ts';
import { boundNode, liveWindow, nodeInfo, unitNames } from './common.ts';
import { PhaseOverlay } from './phaseOverlay.ts';

const REFIT_FRAMES = 30;
const unitChoices = Array.from({ length: 10 }, (_, i) => ({ value: String(i), label: String(i) }));
const unitsMode = (config: PanelConfig) => config.mode !== 'pca';

type Trajectory = Pick<PhaseData, 'firstStep' | 'x' | 'y' | 'xName' | 'yName'>;

export const phasePanel: PanelType = {
  type: 'phase',
  title: 'Phase portrait',
  description: 'Unit a vs unit b (nullclines and fixed points of 2-D rate systems), or PC1 vs PC2, with a fading trail',
  binding: 'node-pair',
  options: [
    {
      key: 'mode',
      label: 'Axes',
      choices: [
        { value: 'units', label: 'unit a vs b' },
        { value: 'pca', label: 'PC1 vs PC2' },
      ],
    },
    { key: 'unitA', label: 'a', choices: unitChoices, visible: unitsMode },
    { key: 'unitB', label: 'b', choices: unitChoices, visible: unitsMode },
  ],
  create(el, config, ctx) {
    const a = boundNode(config, 0);
    const b = boundNode(config, 1) ?? a;
    const ua = Number(config.unitA ?? 0);
    const single = a === b && nodeInfo(ctx, a)?.size === 1;
    const ub = single ? 0 : Number(config.unitB ?? (a === b ? 1 : 0));
    // Units with names of their own (Wilson–Cowan's E and I) are "E (id)"; others id[unit] (id alone for one unit).
    const unitName = (id: string, u: number) => {
      const named = unitNames(ctx, id)?.[u];
      return named !== undefined ? `${named} (${id})` : nodeInfo(ctx, id)?.size === 1 ? id : `${id}[${u}]`;
    };
    const chart = new PhaseChart(el, { title: `Phase portrait of ${a ?? 'no node'}`, xLabel: single ? `${a}[t]` : `${a}[${ua}]`, yLabel: single ? `${a}[t+1]` : `${b}[${ub}]` });
    if (config.mode === 'pca') return pcaView(chart, ctx, a, `panel:${config.id}`);
    let last: PhaseData | null = null;
    const overlay = a === undefined || b === undefined ? null : new PhaseOverlay(ctx, { a, b, ua, ub }, () => last && chart.update({ ...last, ...overlay!.overlay('frame', viewOf(last)) }));
    return {
      chart,
      draw(event) {
        const sa = liveWindow(ctx, a);
        const sb = b === a ? sa : liveWindow(ctx, b);
        const t = sa && sb && (single ? returnMap(sa, a!) : unitPair(sa, sb, ua, ub, unitName(a!, ua), unitName(b!, ub)));
        if (!t) return chart.update((last = null));
        last = t;
        chart.update({ ...t, ...overlay?.overlay(event, viewOf(t)) });
      },
      destroy: () => (overlay?.destroy(), chart.destroy()),
    };
  },
};

function viewOf(t: Trajectory) {
  return { x: finiteExtent(t.x), y: finiteExtent(t.y) };
}

/** Unit ua of window sa against unit ub of sb, on their common steps. */
function unitPair(sa: ProbeWindow, sb: ProbeWindow, ua: number, ub: number, xName: string, yName: string): Trajectory | null {
  if (ua >= sa.width || ub >= sb.width) return null;
  const first = Math.max(sa.firstStep, sb.firstStep);
  const last = Math.min(sa.firstStep + sa.count, sb.firstStep + sb.count) - 1;
  const x = sa.unitSeries(ua).subarray(first - sa.firstStep, last - sa.firstStep + 1);
  const y = sb.unitSeries(ub).subarray(first - sb.firstStep, last - sb.firstStep + 1);
  return { firstStep: first, x, y, xName, yName };
}

/** A single unit's return map: (x[t], x[t+1]) for each pair of steps in the window. */
function returnMap(s: ProbeWindow, id: string): Trajectory | null {
  if (s.count < 2) return null;
  const v = s.unitSeries(0);
  return { firstStep: s.firstStep, x: v.subarray(0, s.count - 1), y: v.subarray(1), xName: `${id}[t]`, yName: `${id}[t+1]` };
}

/**
 * PC1 against PC2 of a population (no nullclines: the axes are not state variables). The fit is
 * made on the analysis worker from the live window; the stepping worker projects every step on
 * the last fit and streams the two columns (a live window of its own), so the page only draws.
 * The axes are labelled with the explained variance of the fit the drawn points lie on
 * (`projectedFit`), so labels and points change together.
 */
function pcaView(chart: PhaseChart, ctx: PanelContext, a: string | undefined, key: string) {
  let fit: PcaFit | null = null;
  let fitting = false;
  let frames = 0;
  let destroyed = false;
  const projection = `pca:${key}`;
  /** Explained variance of each fit handed to the stepping worker. */
  const explainedOf = new WeakMap<ProjectionFit, PcaFit['explained']>();
  const remove = a === undefined ? () => undefined : ctx.sim().project(projection, a, null);
  const pct = (r: number) => `${(100 * r).toFixed(0)}%`;
  /** Draws the projected window; false when there is nothing on a known fit to draw. */
  const show = (): boolean => {
    const on = ctx.sim().projectedFit(projection);
    const explained = on && explainedOf.get(on);
    const p = ctx.live.windows.get(projection);
    if (!explained || !p || p.count === 0) return false;
    chart.update({ firstStep: p.firstStep, x: p.unitSeries(0), y: p.unitSeries(1), xName: `PC1 (${pct(explained[0])})`, yName: `PC2 (${pct(explained[1])})` });
    return true;
  };
  const setFit = (f: PcaFit | null) => {
    if (f === fit) return;
    fit = f;
    if (a === undefined) return;
    const handed = f && { units: f.units, mean: f.mean, axes: f.axes };
    if (f && handed) explainedOf.set(handed, f.explained);
    ctx.sim().project(projection, a, handed);
  };
  const refit = (w: ProbeWindow) => {
    fitting = true;
    const version = ctx.sim().version;
    void ctx
      .sim()
      .pca(key, w.slice())
      .then((out) => {
        if (destroyed || !out.ok || out.version !== version) return;
        setFit(out.value);
        if (!fit) chart.update(null);
      })
      .finally(() => {
        fitting = false;
      });
  };
  return {
    chart,
    draw(event: string) {
      const w = liveWindow(ctx, a);
      if (!w) {
        setFit(null);
        chart.setEmptyText(null);
        return chart.update(null);
      }
      if (event !== 'frame') setFit(null);
      if (!fitting && (!fit || frames++ % REFIT_FRAMES === 0)) refit(w);
      if (!fit || !show()) chart.setEmptyText(fitting || fit ? 'Fitting the PCA axes…' : null);
    },
    destroy() {
      destroyed = true;
      remove();
      chart.destroy();
    },
  };
}
