/** Registers the built-in panel types (import once, for its effect). */
import { registerPanel } from '../registry.ts';
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

for (const p of [tracesPanel, rasterPanel, heatmapPanel, phasePanel, weightsPanel, spectrumPanel, activationHistogramPanel, firingRatePanel, isiPanel, informationPanel, aisHeatmapPanel, readoutPanel]) registerPanel(p);
