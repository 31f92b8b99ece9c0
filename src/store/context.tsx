/**
 * The app's stores in React context: `main.tsx` makes them with `createAppStores()` and renders
 * the app inside `<StoresProvider stores={…}>`; components read them through the hooks below,
 * each bound to its store of the app in context (`useDocumentStore(selector)` re-renders when
 * the selected value changes, like zustand's own hooks). Event handlers reach a store's
 * `getState()` through `useStores()`.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { AppStores } from './appStores.ts';
import type { CourseState } from './courseStore.ts';
import type { DocumentState } from './documentStore.ts';
import type { EditorState } from './editorStore.ts';
import type { LessonMeasurementsState } from './lessonMeasurements.ts';
import type { NodeTintState } from './nodeTint.ts';
import type { PanelLayoutState } from './panelLayout.ts';
import type { SimulationState } from './simulationStore.ts';
import type { TaskResultsState } from './taskResults.ts';
import type { UiState } from './uiStore.ts';

const StoresContext = createContext<AppStores | null>(null);

export function StoresProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

/** The stores of the app this component belongs to. */
export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores: no <StoresProvider> above this component');
  return stores;
}

const whole = <S,>(state: S) => state;

/** A hook bound to one store of the app in context. */
function boundHook<S>(pick: (stores: AppStores) => StoreApi<S>) {
  function useBound(): S;
  function useBound<T>(selector: (state: S) => T): T;
  function useBound<T>(selector?: (state: S) => T): T | S {
    return useStore(pick(useStores()), (selector ?? whole) as (state: S) => T);
  }
  return useBound;
}

export const useDocumentStore = boundHook<DocumentState>((s) => s.docs);
export const useSimulationStore = boundHook<SimulationState>((s) => s.sim);
export const usePanelLayout = boundHook<PanelLayoutState>((s) => s.panels);
export const useTaskResults = boundHook<TaskResultsState>((s) => s.tasks);
export const useUiStore = boundHook<UiState>((s) => s.ui);
export const useEditorStore = boundHook<EditorState>((s) => s.editor);
export const useNodeTint = boundHook<NodeTintState>((s) => s.tints);
export const useCourseStore = boundHook<CourseState>((s) => s.course);
export const useLessonMeasurements = boundHook<LessonMeasurementsState>((s) => s.lessonMeasurements);
