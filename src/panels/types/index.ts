/** Registers the built-in panel types (import once, for its effect). */
import { registerPanel } from '../registry.ts';
import { tracesPanel } from './traces.ts';
import { rasterPanel } from './raster.ts';
import { heatmapPanel } from './heatmap.ts';
import { phasePanel } from './phase.ts';
import { weightsPanel } from './weights.ts';
import { spectrumPanel } from './spectrum.ts';
import { activationHistogramPanel, firingRatePanel, isiPanel } from './histograms.ts';

for (const p of [tracesPanel, rasterPanel, heatmapPanel, phasePanel, weightsPanel, spectrumPanel, activationHistogramPanel, firingRatePanel, isiPanel]) registerPanel(p);
