// Small dense symmetric linear algebra for spectral bounds and Lanczos: eigenvalues (and vectors of tridiagonal
// matrices) by Householder reduction + implicit QL, and Cholesky solves. Row-major Float64Arrays.

/**
 * Eigenvalues of a symmetric n x n matrix (row-major, destroyed), ascending; null if QL does not converge
 * (never seen on Laplacians, but the caller then skips the bound rather than trusting it).
 */
export function symmetricEigenvalues(a: Float64Array, n: number): Float64Array | null {
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  householderTridiagonal(a, n, d, e);
  return tridiagonalQl(d, e, null) ? d.sort() : null;
}

/**
 * Eigen-decomposition of a symmetric tridiagonal matrix (diagonal `diag`, off-diagonal `off` with off[i] between
 * i and i+1). Returns eigenvalues ascending and the matching eigenvectors (vectors[k][i]); null if QL fails.
 */
export function tridiagonalEigen(diag: ArrayLike<number>, off: ArrayLike<number>): { values: Float64Array; vectors: Float64Array[] } | null {
  const n = diag.length;
  const d = Float64Array.from(diag);
  // tridiagonalQl expects e[i] = element (i-1, i), e[0] unused.
  const e = new Float64Array(n);
  for (let i = 1; i < n; i++) e[i] = off[i - 1];
  const z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) z[i * n + i] = 1;
  if (!tridiagonalQl(d, e, z)) return null;
  const idx = Array.from({ length: n }, (_, i) => i).sort((x, y) => d[x] - d[y]);
  return {
    values: Float64Array.from(idx, (k) => d[k]),
    vectors: idx.map((k) => {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = z[i * n + k];
      return v;
    }),
  };
}

/** Householder reduction to tridiagonal form (eigenvalues only): d = diagonal, e[i] = element (i-1, i). */
function householderTridiagonal(z: Float64Array, n: number, d: Float64Array, e: Float64Array): void {
  for (let i = n - 1; i > 0; i--) {
    const l = i - 1;
    let h = 0;
    if (l > 0) {
      let scale = 0;
      for (let k = 0; k < i; k++) scale += Math.abs(z[i * n + k]);
      if (scale === 0) e[i] = z[i * n + l];
      else {
        for (let k = 0; k < i; k++) {
          z[i * n + k] /= scale;
          h += z[i * n + k] * z[i * n + k];
        }
        let f = z[i * n + l];
        let g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
        e[i] = scale * g;
        h -= f * g;
        z[i * n + l] = f - g;
        f = 0;
        for (let j = 0; j < i; j++) {
          g = 0;
          for (let k = 0; k <= j; k++) g += z[j * n + k] * z[i * n + k];
          for (let k = j + 1; k < i; k++) g += z[k * n + j] * z[i * n + k];
          e[j] = g / h;
          f += e[j] * z[i * n + j];
        }
        const hh = f / (h + h);
        for (let j = 0; j < i; j++) {
          f = z[i * n + j];
          e[j] = g = e[j] - hh * f;
          for (let k = 0; k <= j; k++) z[j * n + k] -= f * e[k] + g * z[i * n + k];
        }
      }
    } else e[i] = z[i * n + l];
    d[i] = h;
  }
  e[0] = 0;
  for (let i = 0; i < n; i++) d[i] = z[i * n + i];
}

/** Implicit QL on a tridiagonal matrix; accumulates rotations into z (n x n, row-major) when given. */
function tridiagonalQl(d: Float64Array, e: Float64Array, z: Float64Array | null): boolean {
  const n = d.length;
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  if (n > 0) e[n - 1] = 0;
  for (let l = 0; l < n; l++) {
    let iter = 0;
    let m: number;
    do {
      for (m = l; m < n - 1; m++) {
        const dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
        if (Math.abs(e[m]) <= Number.EPSILON * dd) break;
      }
      if (m !== l) {
        if (iter++ === 60) return false;
        let g = (d[l + 1] - d[l]) / (2 * e[l]);
        let r = Math.hypot(g, 1);
        g = d[m] - d[l] + e[l] / (g + (g >= 0 ? Math.abs(r) : -Math.abs(r)));
        let s = 1;
        let c = 1;
        let p = 0;
        let i: number;
        for (i = m - 1; i >= l; i--) {
          let f = s * e[i];
          const b = c * e[i];
          e[i + 1] = r = Math.hypot(f, g);
          if (r === 0) {
            d[i + 1] -= p;
            e[m] = 0;
            break;
          }
          s = f / r;
          c = g / r;
          g = d[i + 1] - p;
          r = (d[i] - g) * s + 2 * c * b;
          d[i + 1] = g + (p = s * r);
          g = c * r - b;
          if (z) {
            for (let k = 0; k < n; k++) {
              f = z[k * n + i + 1];
              z[k * n + i + 1] = s * z[k * n + i] + c * f;
              z[k * n + i] = c * z[k * n + i] - s * f;
            }
          }
        }
        if (r === 0 && i >= l) continue;
        d[l] -= p;
        e[l] = g;
        e[m] = 0;
      }
    } while (m !== l);
  }
  return true;
}

/** In-place Cholesky factor (lower triangle) of a symmetric positive definite matrix; false if not SPD. */
export function cholesky(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    let s = a[j * n + j];
    for (let k = 0; k < j; k++) s -= a[j * n + k] * a[j * n + k];
    if (!(s > 0)) return false;
    const ljj = Math.sqrt(s);
    a[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let t = a[i * n + j];
      for (let k = 0; k < j; k++) t -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = t / ljj;
    }
  }
  return true;
}

/** Solve (L L^T) x = b in place for one right-hand side, with L from cholesky(). */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * b[k];
    b[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * b[k];
    b[i] = s / l[i * n + i];
  }
}
