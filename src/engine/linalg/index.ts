/**
 * Dependency-free numerical linear algebra for the engine: dense (row-major Float64Array) and
 * CSR matrices, eigenvalues (Hessenberg + Francis QR), spectral radius (dense QR or
 * implicitly restarted Arnoldi), Cholesky solves, ridge regression, symmetric eigensolver, PCA.
 */
export type { AnyMatrix, CsrMatrix, DenseMatrix } from './types.ts';
export { csrFromTriplets, csrToDense, denseMatrix, denseToCsr, fromRows, identity, isCsr, matMul, matVec, transpose } from './csr.ts';
export { balanceInPlace } from './balance.ts';
export { eigenvalues, hessenbergEigenvaluesInPlace, hessenbergInPlace } from './hessenberg-qr.ts';
export { arnoldiLargest } from './arnoldi.ts';
export type { ArnoldiOptions, ArnoldiResult, LinearOperator } from './arnoldi.ts';
export { stronglyConnectedComponents } from './scc.ts';
export type { Components } from './scc.ts';
export { DENSE_LIMIT, spectralRadius, spectralRadiusReport } from './spectral-radius.ts';
export type { SpectralRadiusOptions, SpectralRadiusReport } from './spectral-radius.ts';
export { determinant, logAbsDeterminant, luDecompose } from './lu.ts';
export type { LU } from './lu.ts';
export { cholesky, choleskySolveInPlace, solveSymmetricPositiveDefinite } from './cholesky.ts';
export { ridgeRegression } from './ridge.ts';
export { symmetricEigen } from './symmetric-eigen.ts';
export { pca, pcaProject } from './pca.ts';
export type { PcaResult } from './pca.ts';
export { hypot } from './scalar.ts';
