/**
 * The document → simulation glue: what follows when the open document changes. Opening another
 * document shows its panel layout (or a first one), forgets the task results of the old one and
 * the editor's selection and messages about it, and starts a fresh run; an edit reaches the
 * running network (live patch or recompile). A function of the stores, so tests drive it headless.
 */
import type { DocumentStore } from './documentStore.ts';
import type { EditorStore } from './editorStore.ts';
import type { PanelLayoutStore } from './panelLayout.ts';
import type { SimulationStore } from './simulationStore.ts';
import type { TaskResultsStore } from './taskResults.ts';

export interface GluedStores {
  docs: DocumentStore;
  sim: SimulationStore;
  panels: PanelLayoutStore;
  tasks: TaskResultsStore;
  editor: EditorStore;
}

/** Starts following the document store (the open document is taken as just opened); returns the function that stops it. */
export function connectDocumentToSimulation({ docs, sim, panels, tasks, editor }: GluedStores): () => void {
  const opened = () => {
    const { doc } = docs.getState();
    editor.getState().documentOpened();
    panels.getState().open(doc);
    tasks.getState().clear();
    sim.getState().documentChanged(doc, true);
  };
  opened();
  return docs.subscribe((state, prev) => {
    if (state.loadCount !== prev.loadCount) opened();
    else if (state.doc !== prev.doc) sim.getState().documentChanged(state.doc, false);
  });
}
