/** The colour theme: starts from the system preference, can be toggled, and is remembered. */
import { useEffect } from 'react';
import { useUiStore, type Theme } from '../store/index.ts';

const STORAGE_KEY = 'recurrence.theme';

/** The remembered theme, else the system's `prefers-color-scheme`. */
export function initialTheme(): Theme {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // Storage may be unavailable (private mode); fall back to the system preference.
  }
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Remembers a theme the user chose (a system-derived theme is not stored, so it keeps following the system). */
export function rememberTheme(theme: Theme): void {
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Not remembered; the toggle still works for this page.
  }
}

/** Keeps `<html data-theme>` in step with the store. */
export function useThemeAttribute(): void {
  const theme = useUiStore((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
