/**
 * The numpy baselines of the benchmarks run on Debian's interpreter, `/usr/bin/python3` with the
 * python3-numpy package (`npm run setup:python` installs it): a `python3` found earlier on PATH
 * may be another build without numpy, or with another BLAS.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';

export const PYTHON = '/usr/bin/python3';

/** Runs a numpy script; its last stdout line parsed as JSON, or null when python or numpy is missing or it fails. */
export function runNumpy<T>(script: string, args: string[], env: Record<string, string> = {}, timeoutMs = 300_000): T | null {
  const r = spawnSync(PYTHON, [script, ...args], { encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, ...env } });
  if (r.status !== 0) return null;
  try {
    return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '') as T;
  } catch {
    return null;
  }
}

/** Environment limiting numpy's BLAS to `threads` threads (OpenBLAS, OpenMP, MKL). */
export function blasThreads(threads: number): Record<string, string> {
  const t = String(threads);
  return { OPENBLAS_NUM_THREADS: t, OMP_NUM_THREADS: t, MKL_NUM_THREADS: t };
}

/** The 1-minute load average now. */
export function load1(): number {
  return loadavg()[0];
}
