/**
 * The compiler's error: a document that validated but cannot be compiled (a builder's check
 * failed, weights could not be sampled). `path` is the JSON path of the offending field, as in
 * validation issues. A module of its own so builders can throw it without importing the compiler.
 */
export class CompileError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'CompileError';
  }
}

/** Thrown by a load's progress callback to stop its sampling (another network was opened meanwhile). */
export class LoadCancelled extends Error {
  constructor() {
    super('the load was cancelled');
    this.name = 'LoadCancelled';
  }
}
