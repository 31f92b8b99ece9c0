/**
 * A BPTT training is followed in panels, not in a dialog: Train opens a Loss and a Gradient flow
 * panel for the first BPTT readout (unless open already) and brings the Loss panel into view.
 */
import type { GraphDocument } from '../../model/index.ts';
import type { AppStores } from '../../store/index.ts';
import { revealPanel } from '../../panels/revealPanel.ts';

/** The first readout trained by BPTT, or null. */
export function bpttReadout(doc: GraphDocument): string | null {
  const node = doc.nodes.find((n) => (n.params as { training?: { method?: string } }).training?.method === 'bptt');
  return node?.id ?? null;
}

/** Opens the Loss and Gradient flow panels of readout `id` where missing; reveals the Loss panel. */
export function openTrainingPanels(stores: Pick<AppStores, 'panels'>, id: string): void {
  const layout = stores.panels.getState();
  const ids = (['loss', 'gradient-flow'] as const).map((type) => layout.panels.find((p) => p.type === type && p.nodes?.[0] === id)?.id ?? layout.add({ type, nodes: [id] }));
  revealPanel(ids[0]);
}
