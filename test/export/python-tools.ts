/**
 * The real tools the export tests run (Debian's Python with numpy/nbconvert, PyNN on NEURON,
 * Open MPI), and why they cannot run here when they cannot: the tests are then reported as
 * skipped with that reason, never as passed. `npm run setup:python` installs them.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';

export const PYTHON = '/usr/bin/python3';

function probe(code: string, timeoutMs = 60_000): string | null {
  const r = spawnSync(PYTHON, ['-c', code], { encoding: 'utf8', timeout: timeoutMs });
  if (r.error) return `${PYTHON} cannot run (${r.error.message})`;
  if (r.status !== 0) return `${PYTHON} lacks a package (${(r.stderr.trim().split('\n').pop() ?? '').slice(0, 160)})`;
  return null;
}

let notebookReason: string | null | undefined;
let pynnReason: string | null | undefined;

/** Null when notebooks can be executed, else why not. */
export function notebookToolsMissing(): string | null {
  if (notebookReason === undefined) {
    const why = probe('import numpy, matplotlib, nbformat, nbclient, nbconvert, ipykernel');
    notebookReason = why ? `${why}; run npm run setup:python` : null;
  }
  return notebookReason;
}

/** Null when PyNN scripts can run on NEURON under MPI, else why not. */
export function pynnToolsMissing(): string | null {
  if (pynnReason === undefined) {
    let why = probe('import numpy, mpi4py, pyNN.neuron');
    if (!why && spawnSync('mpirun', ['--version'], { encoding: 'utf8' }).status !== 0) why = 'mpirun (Open MPI) is missing';
    pynnReason = why ? `${why}; run npm run setup:python` : null;
  }
  return pynnReason;
}

let brian2Reason: string | null | undefined;

/** Null when PyNN scripts can run on Brian2 (Debian's python3-brian, optional), else why not. */
export function brian2Missing(): string | null {
  if (brian2Reason === undefined) {
    // importing Brian2 takes long on a loaded machine (it loads sympy and Cython)
    const why = probe('import numpy, pyNN.brian2', 300_000);
    brian2Reason = why ? `${why}; Brian2 is optional: apt-get install python3-brian (or BRIAN2=1 npm run setup:python)` : null;
  }
  return brian2Reason;
}

/**
 * mpirun's arguments for `ranks` processes as root on this shared machine: waiting ranks yield the
 * CPU (Open MPI spins by default, which a loaded machine punishes: the other rank waits for CPU).
 */
export function mpirunArgs(ranks: number): string[] {
  return ['--allow-run-as-root', '--oversubscribe', '--mca', 'mpi_yield_when_idle', '1', '-np', String(ranks)];
}

/** Runs a command, throwing with its output's tail when it fails. */
export function runTool(cmd: string, args: string[], cwd: string, timeoutMs = 300_000): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  if (r.error || r.status !== 0) {
    const tail = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}):\n${tail}`);
  }
  return r;
}
