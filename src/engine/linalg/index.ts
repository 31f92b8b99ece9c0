/**
 * Dependency-free numerical linear algebra for the engine: dense (row-major Float64Array) and
 * CSR matrices, eigenvalues (Hessenberg + multishift QR with aggressive early deflation; leading
 * ones by Arnoldi), spectral radius (dense QR or
 * implicitly restarted Arnoldi), Cholesky solves, ridge regression, symmetric eigensolver, PCA.
 */
export type { AnyMatrix, CsrMatrix, DenseMatrix } from './types.ts';
export { csrFromTriplets, csrToDense, denseMatrix, denseToCsr, fromRows, identity, isCsr, matMul, matVec, transpose } from './csr.ts';
export { balanceInPlace } from './balance.ts';
export { ALL_EIGENVALUES_LIMIT, eigenvalues, eigenvaluesAsync, eigenvalueSlices, hessenbergEigenvaluesInPlace, hessenbergInPlace } from './hessenberg-qr.ts';
export type { Eigenvalues, EigenvaluesOptions, StopSignal } from './hessenberg-qr.ts';
export { arnoldiLargest, arnoldiSlices, leadingEigenvalues, leadingEigenvalueSlices } from './arnoldi.ts';
export type { ArnoldiOptions, ArnoldiResult, ArnoldiSetup, LinearOperator } from './arnoldi.ts';
export { stronglyConnectedComponents } from './scc.ts';
export type { Components } from './scc.ts';
export { DENSE_LIMIT, spectralRadius, spectralRadiusReport, spectralRadiusSlices } from './spectral-radius.ts';
export type { SpectralRadiusOptions, SpectralRadiusReport, SpectralRadiusSetup } from './spectral-radius.ts';
export { drainSlices, mapSlices } from './slices.ts';
export type { SliceControl, Slices } from './slices.ts';
export { determinant, logAbsDeterminant, luDecompose } from './lu.ts';
export type { LU } from './lu.ts';
export { cholesky, choleskySolveInPlace, solveSymmetricPositiveDefinite } from './cholesky.ts';
export { ridgeRegression } from './ridge.ts';
export { symmetricEigen } from './symmetric-eigen.ts';
export { pca, pcaProject } from './pca.ts';
export type { PcaResult } from './pca.ts';
export { hypot } from './scalar.ts';
