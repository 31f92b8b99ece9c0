/** Units of an information estimate, for the measures (in the workers) and the labels of the page alike. */

/**
 * Bits for the discrete (plug-in) estimator, which counts with log₂; nats for the Gaussian and
 * KSG estimators, which use natural logarithms (Kraskov, Stögbauer & Grassberger 2004).
 */
export function unitsOf(estimator: 'discrete' | 'gaussian' | 'ksg'): 'bits' | 'nats' {
  return estimator === 'discrete' ? 'bits' : 'nats';
}
