/**
 * The panel each "try this" step talks about ("Look at the phase portrait…"), per lesson (keyed by
 * preset name, steps from 1). When such a step is shown, the panel is brought into view — opened
 * first when the layout lacks it — so a student never hunts for it in the panels region.
 */
import type { AppStores, NewPanel, PanelConfig } from '../../store/index.ts';
import { revealPanel } from '../../panels/revealPanel.ts';

export interface StepPanel {
  /** What the step calls it ("phase portrait"), for the step's button. */
  name: string;
  /** The panel: type and binding, and options used when it has to be opened. */
  panel: NewPanel;
}

const phase = (a: string, b: string, extra: Partial<PanelConfig> = {}): NewPanel => ({ type: 'phase', nodes: [a, b], ...extra });

export const stepPanels: Record<string, Record<number, StepPanel>> = {
  'single-neuron': { 1: { name: 'phase portrait', panel: phase('u', 'y', { mode: 'units', unitA: '0', unitB: '0' }) } },
  'single-lif': { 1: { name: 'trace of n', panel: { type: 'traces', nodes: ['n'] } }, 2: { name: 'ISI histogram', panel: { type: 'isi', nodes: ['n'] } } },
  'ff-vs-recurrent': { 1: { name: 'recurrent unit’s trace', panel: { type: 'traces', nodes: ['rec'] } } },
  'self-connected-unit': Object.fromEntries([1, 2, 3, 4].map((step) => [step, { name: 'trace of x', panel: { type: 'traces', nodes: ['x'] } }])),
  'ctrnn-oscillator': { 1: { name: 'phase portrait', panel: phase('c', 'c', { mode: 'units', unitA: '0', unitB: '1' }) } },
  cpg: { 1: { name: 'traces of y', panel: { type: 'traces', nodes: ['y'] } } },
  'wilson-cowan': { 1: { name: 'phase portrait', panel: phase('wc', 'wc', { mode: 'units', unitA: '0', unitB: '1' }) } },
  elman: { 1: { name: 'context heatmap', panel: { type: 'heatmap', nodes: ['context'] } } },
  jordan: { 1: { name: 'Loss panel', panel: { type: 'loss', nodes: ['y'] } } },
  'xor-memory': { 1: { name: 'Loss panel', panel: { type: 'loss', nodes: ['out'] } }, 2: { name: 'Weights panel on rec', panel: { type: 'weights', edge: 'rec' } } },
  hopfield: { 1: { name: 'raster', panel: { type: 'raster', nodes: ['h'] } } },
  'esn-ip': { 1: { name: 'activation histogram', panel: { type: 'histogram', nodes: ['res'], over: 'window', target: 'auto' } } },
  'edge-of-chaos': {
    1: { name: 'AIS panel', panel: { type: 'information', nodes: ['res', 'res'], measure: 'ais', estimator: 'ksg', k: '2', unit: 'first8', window: '1000' } },
    2: { name: 'traces', panel: { type: 'traces', nodes: ['res'] } },
  },
  sorn: { 3: { name: 'weight matrix', panel: { type: 'weights', edge: 'EE' } } },
  brunel: { 1: { name: 'raster', panel: { type: 'raster', nodes: ['E'] } } },
  'izhikevich-1000': { 1: { name: 'raster', panel: { type: 'raster', nodes: ['E'] } } },
};

/** Whether an open panel is the one a step means: same type, same nodes or edge. */
export function isStepPanel(open: PanelConfig, want: NewPanel): boolean {
  if (open.type !== want.type) return false;
  if (want.edge !== undefined && open.edge !== want.edge) return false;
  return want.nodes === undefined || JSON.stringify(open.nodes) === JSON.stringify(want.nodes);
}

export function stepPanel(lesson: string, step: number): StepPanel | undefined {
  return stepPanels[lesson]?.[step];
}

/** Brings a step's panel into view, opening it when missing; returns its id (undefined: the step names none). */
export function showStepPanel(stores: Pick<AppStores, 'panels'>, lesson: string, step: number): string | undefined {
  const entry = stepPanel(lesson, step);
  if (!entry) return undefined;
  const layout = stores.panels.getState();
  const id = layout.panels.find((p) => isStepPanel(p, entry.panel))?.id ?? layout.add(entry.panel);
  revealPanel(id);
  return id;
}
