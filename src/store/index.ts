/** The stores: `createAppStores()` makes one app's; components use the context-bound hooks. */
export { createAppStores, defaultDocument, openDocument, runOpenDocument, type AppStores, type AppStoreOptions } from './appStores.ts';
export {
  StoresProvider,
  useStores,
  useDocumentStore,
  useSimulationStore,
  usePanelLayout,
  useTaskResults,
  useUiStore,
  useEditorStore,
  useNodeTint,
  useCourseStore,
  useLessonMeasurements,
} from './context.tsx';
export { isStale, type TaskKind, type TaskResult } from './taskResults.ts';
export { SPEEDS, atFullSpeed } from './simulationStore.ts';
export { WINDOW_BUDGET } from './subscriptions.ts';
export type { LoadOutcome, DocumentState } from './documentStore.ts';
export type { SimulationState, FrameSummary, SimulationStatus, RunOutcome, TrainingView } from './simulationStore.ts';
export type { Theme, LoadErrorReport } from './uiStore.ts';
export type { DrawnMarks, PanelConfig, NewPanel } from './panelLayout.ts';
