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

export const useUiStore = create<UiState>()((set, get) => ({
  theme: 'light',
  loadError: null,
  setTheme: (theme) => set({ theme }),
  toggleTheme: () => set({ theme: get().theme === 'light' ? 'dark' : 'light' }),
  showLoadError: (loadError) => set({ loadError }),
  dismissLoadError: () => set({ loadError: null }),
}));
