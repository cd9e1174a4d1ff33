// Finite field GF(q), q = p^m, as addition/multiplication tables over the integers 0..q-1 (base-p digits are
// polynomial coefficients), with a primitive element: what the Slim Fly (MMS graph) construction needs.
export interface GaloisField {
  q: number;
  add: (x: number, y: number) => number;
  sub: (x: number, y: number) => number;
  mul: (x: number, y: number) => number;
  /** A generator of the multiplicative group. */
  primitive: number;
}

/** q as p^m with p prime, or undefined when q is not a prime power. */
export function primePower(q: number): { p: number; m: number } | undefined {
  if (!Number.isInteger(q) || q < 2) return undefined;
  for (let p = 2; p * p <= q; p++) {
    if (q % p === 0) {
      let m = 0;
      let r = q;
      while (r % p === 0) {
        r /= p;
        m++;
      }
      return r === 1 ? { p, m } : undefined;
    }
  }
  return { p: q, m: 1 };
}

function digits(x: number, p: number, m: number): number[] {
  const d = new Array<number>(m);
  for (let i = 0; i < m; i++) {
    d[i] = x % p;
    x = Math.floor(x / p);
  }
  return d;
}

function fromDigits(d: readonly number[], p: number): number {
  let x = 0;
  for (let i = d.length - 1; i >= 0; i--) x = x * p + d[i];
  return x;
}

/** Product of two polynomials (coefficient arrays, low degree first) reduced modulo the monic `mod`. */
function polyMulMod(a: readonly number[], b: readonly number[], mod: readonly number[], p: number): number[] {
  const m = mod.length - 1;
  const prod = new Array<number>(2 * m).fill(0);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) prod[i + j] = (prod[i + j] + a[i] * b[j]) % p;
  for (let deg = prod.length - 1; deg >= m; deg--) {
    const c = prod[deg];
    if (c === 0) continue;
    for (let i = 0; i <= m; i++) prod[deg - m + i] = (((prod[deg - m + i] - c * mod[i]) % p) + p) % p;
  }
  return prod.slice(0, m);
}

export function galoisField(q: number): GaloisField | undefined {
  const pp = primePower(q);
  if (!pp) return undefined;
  const { p, m } = pp;
  let mulTable: Int32Array;
  if (m === 1) {
    mulTable = new Int32Array(q * q);
    for (let x = 0; x < q; x++) for (let y = 0; y < q; y++) mulTable[x * q + y] = (x * y) % q;
  } else {
    // Find a monic irreducible polynomial of degree m: no root-free shortcut for m >= 4, so test by the field
    // property directly (every non-zero element has an inverse).
    let table: Int32Array | undefined;
    for (let low = 0; low < q && !table; low++) {
      const mod = [...digits(low, p, m), 1];
      if (mod[0] === 0) continue;
      const t = new Int32Array(q * q);
      for (let x = 0; x < q; x++) {
        const dx = digits(x, p, m);
        for (let y = 0; y < q; y++) t[x * q + y] = fromDigits(polyMulMod(dx, digits(y, p, m), mod, p), p);
      }
      let field = true;
      for (let x = 1; x < q && field; x++) {
        let inv = false;
        for (let y = 1; y < q; y++) if (t[x * q + y] === 1) inv = true;
        field = inv;
      }
      if (field) table = t;
    }
    if (!table) return undefined;
    mulTable = table;
  }
  const add = (x: number, y: number) => {
    if (m === 1) return (x + y) % q;
    const a = digits(x, p, m);
    const b = digits(y, p, m);
    return fromDigits(a.map((v, i) => (v + b[i]) % p), p);
  };
  const sub = (x: number, y: number) => {
    if (m === 1) return (x - y + q) % q;
    const a = digits(x, p, m);
    const b = digits(y, p, m);
    return fromDigits(a.map((v, i) => (v - b[i] + p) % p), p);
  };
  const mul = (x: number, y: number) => mulTable[x * q + y];
  let primitive = -1;
  for (let g = 2 % q || 1; g < q && primitive < 0; g++) {
    let x = 1;
    let order = 0;
    do {
      x = mul(x, g);
      order++;
    } while (x !== 1 && order < q);
    if (order === q - 1) primitive = g;
  }
  if (q === 2) primitive = 1;
  return { q, add, sub, mul, primitive };
}
