/**
 * The app's store instances. The app opens with the leaky-unit preset; opening another document
 * forgets the previous run.
 */
import leakyUnit from '../../presets/leaky-unit.json';
import { formatIssue, validateDocument, type GraphDocument } from '../model/index.ts';
import { createEngineClient } from '../engine/worker/client.ts';
import { createDocumentStore, type LoadOutcome } from './documentStore.ts';
import { createSimulationStore, type RunOutcome } from './simulationStore.ts';
import { useUiStore } from './uiStore.ts';
import { createPanelLayoutStore, defaultPanels, panelsOf } from './panelLayout.ts';
import { createTaskResultsStore } from './taskResults.ts';
export { isStale, type TaskResult } from './taskResults.ts';

function requireValid(raw: unknown, name: string): GraphDocument {
  const result = validateDocument(raw);
  if (!result.ok) throw new Error(`preset ${name} is invalid:\n${result.errors.map(formatIssue).join('\n')}`);
  return result.doc;
}

export const useDocumentStore = createDocumentStore(requireValid(leakyUnit, 'leaky-unit.json'));
export const useSimulationStore = createSimulationStore(createEngineClient);
export { useUiStore };
/** Train and memory capacity: the runs and their last results. */
export const useTaskResults = createTaskResultsStore(
  () => useSimulationStore.getState(),
  () => useDocumentStore.getState().doc,
);

/** The open panels; a changed layout is saved into the document (outside undo history). */
export const usePanelLayout = createPanelLayoutStore((panels) => {
  const docs = useDocumentStore.getState();
  docs.commit({ ...docs.doc, panels }, { label: 'Panel layout', undo: 'never' });
});
usePanelLayout.getState().replace(panelsOf(useDocumentStore.getState().doc) ?? defaultPanels(useDocumentStore.getState().doc));

useSimulationStore.connect(() => useDocumentStore.getState().doc);
// Reseed writes its seed into the document (outside undo history, like loading): the file and
// the share link then reproduce the run. The engine already runs with it (no reset follows).
useSimulationStore.onReseed((seed) => {
  const docs = useDocumentStore.getState();
  docs.commit({ ...docs.doc, seed }, { label: 'Reseed', undo: 'never' });
});
useSimulationStore.getState().documentChanged(useDocumentStore.getState().doc, true);
useDocumentStore.subscribe((state, prev) => {
  if (state.loadCount !== prev.loadCount) {
    usePanelLayout.getState().replace(panelsOf(state.doc) ?? defaultPanels(state.doc));
    useTaskResults.getState().clear();
    useSimulationStore.getState().documentChanged(state.doc, true);
  } else if (state.doc !== prev.doc) useSimulationStore.getState().documentChanged(state.doc, false);
});

/**
 * Opens a document the user chose (file, test bridge): raw JSON text or an already parsed value.
 * A bad document leaves the open one untouched and shows its errors in the load-error dialog.
 */
export function openDocument(input: { text: string } | { value: unknown }, source: string): LoadOutcome {
  const docs = useDocumentStore.getState();
  const outcome = 'text' in input ? docs.loadText(input.text) : docs.load(input.value);
  if (!outcome.ok) useUiStore.getState().showLoadError({ source, errors: outcome.errors });
  return outcome;
}

/** Runs the open document for `steps` steps from its seed. */
export function runOpenDocument(steps: number): Promise<RunOutcome> {
  return useSimulationStore.getState().runFromSeed(steps);
}

export type { LoadOutcome, RunOutcome };
export { SPEEDS } from './simulationStore.ts';
export type { DocumentState } from './documentStore.ts';
export type { SimulationState, FrameSummary, SimulationStatus } from './simulationStore.ts';
export type { Theme, LoadErrorReport } from './uiStore.ts';
export type { PanelConfig, NewPanel } from './panelLayout.ts';
