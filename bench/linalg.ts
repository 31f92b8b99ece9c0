/**
 * Linear-algebra benchmark: wall time of spectralRadius (dense n = 100 and 1000, 1 % sparse CSR
 * n = 4000) and of eigenvalues (dense n = 100 and 500) on reservoir-style random matrices with
 * i.i.d. normal entries scaled by 1/√(density·n) (so ρ ≈ 1). Best of a few runs; no assertions.
 */
import { denseToCsr, eigenvalues, spectralRadiusReport, type CsrMatrix, type DenseMatrix } from '../src/engine/linalg/index.ts';
import { printTable, timeMs } from './timing.ts';
import { mulberry32 } from '../src/measures/random.ts';


function reservoir(n: number, density: number, seed: number): DenseMatrix {
  const rnd = mulberry32(seed);
  const data = new Float64Array(n * n);
  const scale = 1 / Math.sqrt(density * n);
  for (let k = 0; k < n * n; k++) {
    if (density >= 1 || rnd() < density) {
      data[k] = scale * Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    }
  }
  return { rows: n, cols: n, data };
}

export interface LinalgBenchRow {
  op: 'spectralRadius' | 'eigenvalues';
  n: number;
  layout: 'dense' | 'csr';
  density: number;
  ms: number;
  /** spectralRadius only: result, method and matrix–vector products. */
  radius?: number;
  method?: string;
  matVecs?: number;
}

export async function benchLinalg(opts: { json: boolean }): Promise<object> {
  const rows: LinalgBenchRow[] = [];
  const radiusCases: Array<{ n: number; density: number; layout: 'dense' | 'csr'; repeats: number }> = [
    { n: 100, density: 1, layout: 'dense', repeats: 5 },
    { n: 1000, density: 1, layout: 'dense', repeats: 2 },
    { n: 4000, density: 0.01, layout: 'csr', repeats: 2 },
  ];
  for (const c of radiusCases) {
    const d = reservoir(c.n, c.density, c.n);
    const m: DenseMatrix | CsrMatrix = c.layout === 'csr' ? denseToCsr(d) : d;
    let rep = spectralRadiusReport(m);
    const ms = timeMs(() => {
      rep = spectralRadiusReport(m);
    }, c.repeats);
    rows.push({ op: 'spectralRadius', n: c.n, layout: c.layout, density: c.density, ms, radius: rep.radius, method: rep.method, matVecs: rep.matVecs });
  }
  for (const n of [100, 500]) {
    const d = reservoir(n, 1, n + 1);
    const ms = timeMs(() => void eigenvalues(d), n <= 100 ? 5 : 2);
    rows.push({ op: 'eigenvalues', n, layout: 'dense', density: 1, ms });
  }
  if (!opts.json) {
    printTable(
      'linalg: wall time (best of runs)',
      ['operation', 'n', 'layout', 'density', 'ms', 'rho', 'method', 'matvecs'],
      rows.map((r) => [r.op, r.n, r.layout, r.density, r.ms.toFixed(1), r.radius?.toFixed(6) ?? '', r.method ?? '', r.matVecs ?? '']),
    );
  }
  return { rows };
}
