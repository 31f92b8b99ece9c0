/**
 * The error every measure throws for bad input (too few samples, non-finite values, a base too
 * small for the data, a singular covariance …). `param` names the offending parameter or input
 * (e.g. `k`, `base`, `series`) so a caller such as the CLI can name its own flag.
 */
export class MeasureError extends Error {
  constructor(
    message: string,
    /** The parameter or input at fault: 'k', 'tau', 'l', 'lTau', 'delay', 'lag', 'base', 'neighbours', 'bins', 'series', 'source', 'dest', … */
    readonly param: string,
  ) {
    super(message);
    this.name = 'MeasureError';
  }
}
