/** The steps field: a whole number of steps within what one run may take. */

export const DEFAULT_STEPS = 200;
/** Most steps one click may run (the trace keeps every step). */
export const MAX_STEPS = 100_000;

export type StepsResult = { ok: true; steps: number } | { ok: false; message: string };

export function parseSteps(text: string): StepsResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Enter a number of steps' };
  const n = Number(trimmed);
  if (!Number.isFinite(n) || !Number.isInteger(n)) return { ok: false, message: 'Steps must be a whole number' };
  if (n < 1) return { ok: false, message: 'Steps must be at least 1' };
  if (n > MAX_STEPS) return { ok: false, message: `Steps must be at most ${MAX_STEPS.toLocaleString('en')}` };
  return { ok: true, steps: n };
}
