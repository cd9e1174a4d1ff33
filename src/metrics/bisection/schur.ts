// Spectral lower bound for small fabrics. A balanced split is x = +-1 on the accelerators; with switches free the
// cut is min over switch values of x^T L x / 4 >= x^T S x / 4, S = the Schur complement of the capacity-weighted
// Laplacian onto the accelerators (switch values relaxed to reals). So cut >= lambda_2(S) (N - [N odd]/N) / 4.
import type { CompiledFabric } from '../../compile/compile.js';
import { KIND_ACCELERATOR } from '../../compile/compile.js';
import { bfs } from '../graph/bfs.js';
import { cholesky, choleskySolve, symmetricEigenvalues } from '../graph/dense.js';
import { simpleGraphOf } from '../graph/simple.js';

export interface SpectralBound {
  gbps: number;
  lambda2: number;
}

/** Dense work is O((N + S)^3): only for fabrics up to these sizes. */
export const SCHUR_MAX_ACCELERATORS = 400;
export const SCHUR_MAX_OTHERS = 800;

export function schurSpectralBound(c: CompiledFabric): SpectralBound | null {
  const N = c.accelerators.length;
  if (N < 2 || N > SCHUR_MAX_ACCELERATORS) return null;
  // Nodes no accelerator reaches carry no cut between accelerators; leaving them in would make L_SS singular.
  const { dist } = bfs(c, c.accelerators);
  const others: number[] = [];
  for (let u = 0; u < c.n; u++) if (c.nodeKind[u] !== KIND_ACCELERATOR && dist[u] >= 0) others.push(u);
  const S = others.length;
  if (S > SCHUR_MAX_OTHERS) return null;
  const pos = new Int32Array(c.n).fill(-1);
  c.accelerators.forEach((a, i) => (pos[a] = i));
  others.forEach((u, i) => (pos[u] = N + i));
  const g = simpleGraphOf(c);
  const T = N + S;
  const L = new Float64Array(T * T);
  for (let u = 0; u < c.n; u++) {
    const i = pos[u];
    if (i < 0) continue;
    for (let h = g.offsets[u]; h < g.offsets[u + 1]; h++) {
      const j = pos[g.neighbors[h]];
      if (j < 0) continue;
      const w = g.capacityGbps[h];
      L[i * T + j] -= w;
      L[i * T + i] += w;
    }
  }
  const red = new Float64Array(N * N);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) red[i * N + j] = L[i * T + j];
  if (S > 0) {
    const Lss = new Float64Array(S * S);
    for (let i = 0; i < S; i++) for (let j = 0; j < S; j++) Lss[i * S + j] = L[(N + i) * T + N + j];
    if (!cholesky(Lss, S)) return null;
    const col = new Float64Array(S);
    for (let j = 0; j < N; j++) {
      for (let i = 0; i < S; i++) col[i] = L[(N + i) * T + j];
      choleskySolve(Lss, S, col);
      // red[:, j] -= L_AS col
      for (let i = 0; i < N; i++) {
        let s = 0;
        for (let k = 0; k < S; k++) s += L[i * T + N + k] * col[k];
        red[i * N + j] -= s;
      }
    }
    for (let i = 0; i < N; i++) {
      for (let j = i + 1; j < N; j++) {
        const m = (red[i * N + j] + red[j * N + i]) / 2;
        red[i * N + j] = m;
        red[j * N + i] = m;
      }
    }
  }
  let scale = 0;
  for (let i = 0; i < N; i++) scale = Math.max(scale, Math.abs(red[i * N + i]));
  const eig = symmetricEigenvalues(red, N);
  if (!eig) return null;
  // Rounding in the elimination and QL is ~1e-13 of the scale: shave well above that so the bound stays proven.
  const lambda2 = Math.max(0, eig[1] - 1e-11 * scale);
  const norm = N % 2 === 0 ? N : N - 1 / N;
  return { gbps: (lambda2 * norm) / 4, lambda2 };
}
