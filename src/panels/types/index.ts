/** The built-in panel types, by their `type` string (a new panel type is one line of this list). */
import type { PanelType } from '../registry.ts';
import { tracesPanel } from './traces.ts';
import { rasterPanel } from './raster.ts';
import { heatmapPanel } from './heatmap.ts';
import { phasePanel } from './phase.ts';
import { weightsPanel } from './weights.ts';
import { spectrumPanel } from './spectrum.ts';
import { activationHistogramPanel, firingRatePanel, isiPanel } from './histograms.ts';
import { informationPanel } from './information.ts';
import { aisHeatmapPanel } from './aisHeatmap.ts';
import { readoutPanel } from './readout.ts';
import { gradientFlowPanel, lossPanel } from './training.ts';

/** Every panel type, in the Add-panel menu's order. */
export const panelTypes: readonly PanelType[] = Object.freeze([
  tracesPanel,
  rasterPanel,
  heatmapPanel,
  phasePanel,
  weightsPanel,
  spectrumPanel,
  activationHistogramPanel,
  firingRatePanel,
  isiPanel,
  informationPanel,
  aisHeatmapPanel,
  readoutPanel,
  lossPanel,
  gradientFlowPanel,
]);

const byType: ReadonlyMap<string, PanelType> = new Map(panelTypes.map((p) => [p.type, p]));
if (byType.size !== panelTypes.length) throw new Error('two panel types share a type name');

export function getPanelType(type: string): PanelType | undefined {
  return byType.get(type);
}
