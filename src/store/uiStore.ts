/** UI state that belongs to no document: the colour theme and the load-error dialog. */
import { create } from 'zustand';
import type { ValidationIssue } from '../model/index.ts';

export type Theme = 'light' | 'dark';

export interface LoadErrorReport {
  /** Where the rejected document came from (a file name, "test bridge", …). */
  source: string;
  errors: ValidationIssue[];
}

export interface UiState {
  theme: Theme;
  loadError: LoadErrorReport | null;
  setTheme(theme: Theme): void;
  toggleTheme(): void;
  showLoadError(report: LoadErrorReport): void;
  dismissLoadError(): void;
}

export function createUiStore(theme: Theme = 'light') {
  return create<UiState>()((set, get) => ({
    theme,
    loadError: null,
    setTheme: (next) => set({ theme: next }),
    toggleTheme: () => set({ theme: get().theme === 'light' ? 'dark' : 'light' }),
    showLoadError: (loadError) => set({ loadError }),
    dismissLoadError: () => set({ loadError: null }),
  }));
}

export type UiStore = ReturnType<typeof createUiStore>;
