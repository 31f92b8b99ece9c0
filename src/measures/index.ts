/**
 * Public API of the information-dynamics measures: entropy, mutual information, entropy rate,
 * active information storage and transfer entropy, with discrete (bits), Gaussian (nats) and KSG
 * (nats) estimators, average and local values, and permutation significance tests.
 *
 * A leaf layer: imports nothing outside src/measures, so it runs in a Web Worker, the main thread,
 * Node tests and the CLI alike. Local values use the padded layout of test/reference/jidt/README.md.
 */
export type { MeasureResult, Units, PreparedMeasure, Quantity, LocalsOption } from './types.ts';
export { MeasureError } from './errors.ts';
export {
  discreteEntropy,
  discreteMI,
  discreteEntropyRate,
  discreteAIS,
  discreteTE,
  discretiseEqualWidth,
  discretiseThreshold,
  median,
  checkDiscrete,
  prepareDiscrete,
  type DiscreteOptions,
  type HistoryOptions,
  type TEOptions,
} from './discrete.ts';
export {
  gaussianEntropy,
  gaussianMI,
  gaussianEntropyRate,
  gaussianAIS,
  gaussianTE,
  meanAndCovariance,
  prepareGaussian,
} from './gaussian.ts';
export {
  ksgMI,
  ksgAIS,
  ksgTE,
  ksgEntropy,
  ksgEntropyRate,
  normaliseColumn,
  prepareKsg,
  type KsgOptions,
  type NeighbourSearch,
} from './ksg.ts';
export { KdTree, SortedCounter, BruteForceSpace, pointsFromColumns, type PointSet, type KnnSpace, type NeighbourSpace } from './neighbours.ts';
export {
  aisSpec,
  teSpec,
  miSpec,
  entropySpec,
  embed,
  historyOffsets,
  layoutLocals,
  type EmbeddingSpec,
  type ColumnSpec,
  type Embedded,
} from './embedding.ts';
export { digamma, digammaTable, EULER_GAMMA } from './digamma.ts';
export { mulberry32, gaussianSample, shuffleInPlace, randomPermutation, type Uniform } from './random.ts';
export { permutationTest, type SignificanceResult } from './surrogates.ts';
export {
  computeMeasure,
  measureSignificance,
  prepareMeasure,
  isPairMeasure,
  unitsOf,
  MEASURES,
  ESTIMATORS,
  type MeasureName,
  type EstimatorName,
  type MeasureSpec,
  type MeasureInput,
} from './api.ts';
export {
  windowedMeasure,
  maxUnitsFor,
  unitColumn,
  meanColumn,
  discretise,
  fastMedian,
  selectKth,
  type Discretisation,
  type WindowSamples,
  type WindowedOptions,
  type WindowedResult,
} from './windowed.ts';
