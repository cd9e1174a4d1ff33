// Weighted distribution of latency values: kept exactly while there are few distinct values (structured fabrics
// have a handful), always also in log-linear buckets at most 0.1 % wide. Percentiles by nearest rank.

/** Values closer than this (ns) are one value: float sums taken in different orders differ in the last bits. */
const KEY_PER_NS = 1e6;
/** Distinct values kept exactly; past this only the buckets remain. */
const EXACT_LIMIT = 4096;
/** Linear sub-buckets per power of two (relative width at most 1/1024 ~ 0.1 %); bucket 0 holds [0, 1) ns. */
const SUB = 1024;
const OCTAVES = 64;

export interface HistogramBucket {
  fromNs: number;
  toNs: number;
  /** Ordered accelerator pairs with a latency in [fromNs, toNs) (the last bucket includes toNs). */
  pairs: number;
}

export class LatencyDistribution {
  private readonly buckets = new Float64Array(1 + SUB * OCTAVES);
  // Open-addressing table of exact values (keys in units of 1e-6 ns), abandoned once it overflows.
  private keys: Float64Array | null = new Float64Array(2 * EXACT_LIMIT).fill(NaN);
  private weights = new Float64Array(2 * EXACT_LIMIT);
  private distinct = 0;
  total = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;

  add(valueNs: number, weight: number): void {
    if (!(weight > 0)) return;
    this.total += weight;
    this.sum += valueNs * weight;
    if (valueNs < this.min) this.min = valueNs;
    if (valueNs > this.max) this.max = valueNs;
    this.buckets[bucketOf(valueNs)] += weight;
    const keys = this.keys;
    if (keys === null) return;
    const key = Math.round(valueNs * KEY_PER_NS);
    const cap = keys.length;
    // Integer mixing of the key's low and high 32 bits (a float modulo here costs more than the rest of add).
    const mixed = Math.imul((key >>> 0) ^ Math.imul((key / 4294967296) >>> 0, 0x9e3779b1), 0x85ebca6b);
    let i = (mixed ^ (mixed >>> 16)) & (cap - 1);
    for (;;) {
      const k = keys[i];
      if (k === key) {
        this.weights[i] += weight;
        return;
      }
      if (k !== k) break; // NaN: empty slot
      i = i + 1 === cap ? 0 : i + 1;
    }
    if (this.distinct === EXACT_LIMIT) {
      this.keys = null;
      return;
    }
    keys[i] = key;
    this.weights[i] = weight;
    this.distinct++;
  }

  /** True while every value is kept exactly (percentiles are exact values, not bucket edges). */
  get isExact(): boolean {
    return this.keys !== null;
  }

  get mean(): number {
    return this.total > 0 ? this.sum / this.total : NaN;
  }

  /** Smallest value v with at least q x total weight at or below v (nearest rank); a bucket's upper edge when bucketed. */
  quantile(q: number): number {
    if (this.total === 0) return NaN;
    // Relative slack: weights may be scaled sample weights that do not add up exactly.
    const need = q * this.total * (1 - 1e-12);
    let acc = 0;
    for (const [v, w] of this.points()) {
      acc += w;
      if (acc >= need) return Math.max(this.min, Math.min(v, this.max));
    }
    return this.max;
  }

  /** Equal-width buckets between min and max (one bucket when all values are equal). */
  histogram(count = 32): HistogramBucket[] {
    if (this.total === 0) return [];
    if (this.max - this.min < 1 / KEY_PER_NS) return [{ fromNs: this.min, toNs: this.max, pairs: this.total }];
    const width = (this.max - this.min) / count;
    const out: HistogramBucket[] = Array.from({ length: count }, (_, i) => ({
      fromNs: this.min + i * width,
      toNs: i === count - 1 ? this.max : this.min + (i + 1) * width,
      pairs: 0,
    }));
    // Bucketed values are placed by their lower edge clamped into [min, max]: at most 0.1 % off.
    for (const [v, w] of this.points(false)) {
      const i = Math.min(count - 1, Math.max(0, Math.floor((Math.max(v, this.min) - this.min) / width)));
      out[i].pairs += w;
    }
    return out;
  }

  /** (value, weight) ascending; when bucketed, values are bucket upper (or lower) edges. */
  private points(upper = true): [number, number][] {
    const out: [number, number][] = [];
    if (this.keys) {
      for (let i = 0; i < this.keys.length; i++) if (this.keys[i] === this.keys[i]) out.push([this.keys[i] / KEY_PER_NS, this.weights[i]]);
      return out.sort((a, b) => a[0] - b[0]);
    }
    for (let b = 0; b < this.buckets.length; b++) if (this.buckets[b] > 0) out.push([upper ? bucketUpper(b) : bucketLower(b), this.buckets[b]]);
    return out;
  }
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** 1 + floor(log2(v) x 1024) read off the float's exponent and top 10 mantissa bits (no log2 call). */
function bucketOf(v: number): number {
  if (!(v >= 1)) return 0;
  F64[0] = v;
  const hi = U32[HI];
  const exponent = (hi >>> 20) - 1023;
  if (exponent >= OCTAVES) return SUB * OCTAVES;
  return 1 + exponent * SUB + ((hi >>> 10) & (SUB - 1));
}
function bucketLower(b: number): number {
  if (b === 0) return 0;
  const e = Math.floor((b - 1) / SUB);
  return 2 ** e * (1 + ((b - 1) % SUB) / SUB);
}
function bucketUpper(b: number): number {
  if (b === 0) return 1;
  const e = Math.floor((b - 1) / SUB);
  return 2 ** e * (1 + (((b - 1) % SUB) + 1) / SUB);
}
