/**
 * Long computations cut into slices: a generator that yields the fraction done (0…1) after each
 * slice and returns its result. Run at once ({@link drainSlices}: the synchronous functions the
 * CLI, tests and benchmarks call) or with a pause between slices (the analysis worker awaits its
 * job's rest there, so shorter jobs run meanwhile: src/engine/worker/spectra.ts). Both forms run
 * the same code and give the same bits.
 */

/** A computation in slices: yields the fraction done after each slice, returns the result. */
export type Slices<R> = Generator<number, R, void>;

/** Something that says whether to stop: an `AbortSignal`, or a view of a shared flag. */
export interface StopSignal {
  readonly aborted: boolean;
}

/** Where a computation run at once reports, and what stops it. */
export interface SliceControl {
  /** Called between slices with the fraction done (0..1, increasing), and with 1 at the end. */
  onProgress?: (fraction: number) => void;
  /** Checked between slices; when set, the computation stops with an `AbortError`. */
  signal?: StopSignal;
}

/** The error thrown when a computation is stopped through its signal. */
export function abortError(): Error {
  const err = new Error('eigenvalues: cancelled');
  err.name = 'AbortError';
  return err;
}

/** Runs every slice at once: progress after each, a stop check between two, progress 1 at the end. */
export function drainSlices<R>(slices: Slices<R>, control: SliceControl = {}): R {
  for (;;) {
    const step = slices.next();
    if (step.done) {
      control.onProgress?.(1);
      return step.value;
    }
    if (control.signal?.aborted) throw abortError();
    control.onProgress?.(step.value);
  }
}

/** The slices of a part of a larger computation: the same work, each fraction mapped to the whole's. */
export function* mapSlices<R>(slices: Slices<R>, toWhole: (fraction: number) => number): Slices<R> {
  for (;;) {
    const step = slices.next();
    if (step.done) return step.value;
    yield toWhole(step.value);
  }
}
