// Approximate low eigenvectors of a graph Laplacian (Fiedler vector and the next ones) by Lanczos with full
// reorthogonalisation, on a CSR with arc weights. Used to order accelerators for candidate bisection splits.
import type { Rng } from '../../model/random.js';
import { tridiagonalEigen } from './dense.js';

export interface WeightedCsr {
  n: number;
  offsets: Int32Array;
  neighbors: Int32Array;
  /** Arc weights; omitted = 1 for every arc. */
  weights?: Float64Array;
}

/**
 * Ritz vectors for the `count` smallest nonzero-direction eigenvalues of L = D - W, orthogonal to the constant
 * vector. Approximate (a split heuristic, never a bound): `steps` Lanczos steps from a seeded random start.
 */
export function laplacianLowVectors(g: WeightedCsr, count: number, steps: number, rng: Rng): Float64Array[] {
  const n = g.n;
  if (n < 3) return [];
  const m = Math.min(steps, n - 1);
  const { offsets, neighbors, weights } = g;
  const degree = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    let s = 0;
    for (let h = offsets[u]; h < offsets[u + 1]; h++) s += weights ? weights[h] : 1;
    degree[u] = s;
  }
  const apply = (x: Float64Array, y: Float64Array) => {
    for (let u = 0; u < n; u++) {
      let s = degree[u] * x[u];
      for (let h = offsets[u]; h < offsets[u + 1]; h++) s -= (weights ? weights[h] : 1) * x[neighbors[h]];
      y[u] = s;
    }
  };
  const ones = 1 / Math.sqrt(n);
  const deflate = (x: Float64Array) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i];
    s *= ones;
    for (let i = 0; i < n; i++) x[i] -= s * ones;
  };
  const V: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  let v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = rng.next() - 0.5;
  deflate(v);
  let norm = 0;
  for (let i = 0; i < n; i++) norm += v[i] * v[i];
  norm = Math.sqrt(norm);
  if (norm === 0) return [];
  for (let i = 0; i < n; i++) v[i] /= norm;
  const w = new Float64Array(n);
  for (let j = 0; j < m; j++) {
    V.push(v);
    apply(v, w);
    let a = 0;
    for (let i = 0; i < n; i++) a += v[i] * w[i];
    alpha.push(a);
    // Full reorthogonalisation (twice is enough): keeps the Ritz vectors clean without selective schemes.
    for (let pass = 0; pass < 2; pass++) {
      deflate(w);
      for (const q of V) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += q[i] * w[i];
        for (let i = 0; i < n; i++) w[i] -= dot * q[i];
      }
    }
    let b = 0;
    for (let i = 0; i < n; i++) b += w[i] * w[i];
    b = Math.sqrt(b);
    if (b < 1e-10 * (Math.abs(a) + 1) || j === m - 1) break;
    beta.push(b);
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) next[i] = w[i] / b;
    v = next;
  }
  const eig = tridiagonalEigen(alpha, beta);
  if (!eig) return [];
  const out: Float64Array[] = [];
  for (let k = 0; k < Math.min(count, eig.values.length); k++) {
    const s = eig.vectors[k];
    const y = new Float64Array(n);
    for (let j = 0; j < V.length; j++) {
      const c = s[j];
      const q = V[j];
      for (let i = 0; i < n; i++) y[i] += c * q[i];
    }
    out.push(y);
  }
  return out;
}
