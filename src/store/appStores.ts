/**
 * `createAppStores()` makes every store of one app and wires them explicitly: the open document
 * (with its undo history and the classroom edit lock), the simulation, the panel layout, the
 * task results, the editor's and the page's UI state, node tints, the course. Nothing is kept
 * at module level: two calls make two independent apps (tests make one each), and components
 * reach their app's stores through the provider in context.tsx.
 */
import leakyUnit from '../../presets/leaky-unit.json';
import { formatIssue, validateDocument, type GraphDocument } from '../model/index.ts';
import { createEngineClient, type EngineClient } from '../engine/worker/client.ts';
import { createAnalysisClient, type AnalysisClient, type AnalysisWorker } from '../engine/worker/analysis-client.ts';
import { createCourseStore, type CourseStore } from './courseStore.ts';
import { createDocumentStore, type DocumentStore, type LoadOutcome } from './documentStore.ts';
import { installEditLock, type EditLock } from './editLock.ts';
import { createEditorStore, type EditorStore } from './editorStore.ts';
import { createLessonMeasurementsStore, type LessonMeasurementsStore } from './lessonMeasurements.ts';
import { createNodeTintStore, type NodeTintStore } from './nodeTint.ts';
import { createPanelLayoutStore, type PanelLayoutStore } from './panelLayout.ts';
import { createSimulationStore, type RunOutcome, type SimulationStore } from './simulationStore.ts';
import { createTaskResultsStore, type TaskResultsStore } from './taskResults.ts';
import { createUiStore, type Theme, type UiStore } from './uiStore.ts';
import { connectDocumentToSimulation } from './wiring.ts';

export interface AppStores {
  /** The open document and its undo history. */
  docs: DocumentStore;
  sim: SimulationStore;
  /** The open panels (saved in the document). */
  panels: PanelLayoutStore;
  /** Train and memory capacity: the runs and their last results. */
  tasks: TaskResultsStore;
  ui: UiStore;
  editor: EditorStore;
  tints: NodeTintStore;
  course: CourseStore;
  lessonMeasurements: LessonMeasurementsStore;
  /** Classroom mode's lock on edits of the network. */
  lock: EditLock;
  /** Stops the wiring and ends the engine. */
  dispose(): void;
}

export interface AppStoreOptions {
  /** The document open at start (default: the leaky-unit preset). */
  doc?: GraphDocument;
  /** Makes the stepping worker's client (default: a Web Worker). */
  engine?: () => EngineClient;
  /** Makes the analysis worker's and the task worker's clients (default: a Web Worker of its own each). */
  analysis?: (worker: AnalysisWorker) => AnalysisClient;
  theme?: Theme;
}

/** At most one "locked" message in this many ms. */
const LOCK_MESSAGE_GAP_MS = 4000;

/** The preset the app opens with. */
export function defaultDocument(): GraphDocument {
  const result = validateDocument(structuredClone(leakyUnit));
  if (!result.ok) throw new Error(`preset leaky-unit.json is invalid:\n${result.errors.map(formatIssue).join('\n')}`);
  return result.doc;
}

export function createAppStores(options: AppStoreOptions = {}): AppStores {
  const docs = createDocumentStore(options.doc ?? defaultDocument());
  const editor = createEditorStore();
  const sim = createSimulationStore({
    engine: options.engine ?? createEngineClient,
    analysis: options.analysis ?? createAnalysisClient,
    doc: () => docs.getState().doc,
    checked: (doc) => docs.getState().checked(doc),
    // Reseed writes its seed into the document (outside undo history, like loading): the file
    // and the share link then reproduce the run. The engine already runs with it.
    onReseed: (seed) => docs.getState().commit({ ...docs.getState().doc, seed }, { label: 'Reseed', undo: 'never' }),
  });
  const panels = createPanelLayoutStore((layout) => docs.getState().commit({ ...docs.getState().doc, panels: layout }, { label: 'Panel layout', undo: 'never' }));
  const tasks = createTaskResultsStore(
    () => sim.getState(),
    () => docs.getState().doc,
  );
  let lastLockMessage = -Infinity;
  const lock = installEditLock(docs, (label) => {
    const now = Date.now();
    if (now - lastLockMessage < LOCK_MESSAGE_GAP_MS) return;
    lastLockMessage = now;
    editor.getState().toast(`${label}: the network is locked in classroom mode. Use the sliders, or open the link without lock=1 to edit.`, 'info');
  });
  const stores = {
    docs,
    sim,
    panels,
    tasks,
    ui: createUiStore(options.theme),
    editor,
    tints: createNodeTintStore(),
    course: createCourseStore(),
    lessonMeasurements: createLessonMeasurementsStore(),
    lock,
  };
  const disconnect = connectDocumentToSimulation(stores);
  return {
    ...stores,
    dispose() {
      disconnect();
      void sim.getState().pause();
      sim.dispose();
    },
  };
}

/**
 * Opens a document the user chose (file, share link, test bridge): raw JSON text or an already
 * parsed value. A bad document leaves the open one untouched and shows its errors in the
 * load-error dialog.
 */
export function openDocument(stores: Pick<AppStores, 'docs' | 'ui'>, input: { text: string } | { value: unknown }, source: string): LoadOutcome {
  const docs = stores.docs.getState();
  const outcome = 'text' in input ? docs.loadText(input.text) : docs.load(input.value);
  if (!outcome.ok) stores.ui.getState().showLoadError({ source, errors: outcome.errors });
  return outcome;
}

/** Runs the open document for `steps` steps from its seed. */
export function runOpenDocument(stores: Pick<AppStores, 'sim'>, steps: number): Promise<RunOutcome> {
  return stores.sim.getState().runFromSeed(steps);
}
