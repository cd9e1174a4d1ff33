// Bisection bandwidth as an interval: upperGbps from the best balanced split found (exact min cut per split),
// lowerGbps from proofs (concurrent flow, up-down certificate, Schur spectral bound), exact enumeration for tiny N.
import { createRng } from '../../model/random.js';
import { checkCancelled, type EvalContext } from '../context.js';
import { linksAcross } from '../graph/maxflow.js';
import { randomCandidates, spectralCandidates, structureCandidates, type Candidate } from './candidates.js';
import { ENUMERATE_MAX, enumerateBisection } from './enumerate.js';
import { schurSpectralBound } from './schur.js';
import { SplitEvaluator, type EvaluatedSplit } from './split.js';
import { upDownLowerBound } from './updown.js';

export interface BisectionOptions {
  /**
   * All-to-all rate (Gbps per ordered accelerator pair) of a feasible routing, e.g. the throughput metric's
   * ECMP or LP lambda: every balanced cut carries lambda x floor(N/2) x ceil(N/2), a lower bound.
   */
  lambdaGbps?: number;
  /** 'fast' (for Monte Carlo trials): structure splits only, light refinement, no spectral work. */
  effort?: 'full' | 'fast';
  seed?: number;
  /** Enumerate every balanced split up to this many accelerators (at most 16). Default 16. */
  enumerateUpTo?: number;
}

export type LowerMethod = 'enumeration' | 'concurrent-flow' | 'up-down' | 'spectral' | 'none';

export interface LowerBound {
  method: Exclude<LowerMethod, 'none'>;
  gbps: number;
  detail: string;
}

export interface BisectionSplit {
  /** Accelerators on side A (floor(N/2) of them). */
  sideACount: number;
  /** Their ids, when N <= 4096; otherwise see sideARanges. */
  sideA?: string[];
  /** Side A as inclusive ranges of accelerator ordinals (accelerators in document order), always given. */
  sideARanges: [number, number][];
  /** Links crossing the minimum cut of this split, and their capacity (= upperGbps). */
  cutLinks: string[];
  cutGbps: number;
}

export interface BisectionReport {
  accelerators: number;
  /** The bisection bandwidth lies in [lowerGbps, upperGbps] (gbps per direction). */
  lowerGbps: number;
  upperGbps: number;
  exact: boolean;
  lowerMethod: LowerMethod;
  /** Every lower bound that applied. */
  lowerBounds: LowerBound[];
  /** The candidate family of the best split ('+refined' when local swaps improved it). */
  upperMethod: string;
  split: BisectionSplit | null;
  /** Balanced splits whose exact minimum cut was computed. */
  splitsEvaluated: number;
  method: string;
}

const SIDE_IDS_MAX = 4096;
export const SPECTRAL_MAX_NODES = 20_000;
const TOLERANCE = 1e-9;

export function computeBisection(ctx: EvalContext, options: BisectionOptions = {}): BisectionReport {
  const c = ctx.compiled;
  const N = c.accelerators.length;
  const fast = options.effort === 'fast';
  const rng = createRng(options.seed ?? 1);
  ctx.progress('bisection', 0);
  if (N < 2) {
    return {
      accelerators: N, lowerGbps: 0, upperGbps: 0, exact: true, lowerMethod: 'none', lowerBounds: [],
      upperMethod: 'trivial', split: null, splitsEvaluated: 0, method: 'fewer than two accelerators: nothing to bisect',
    };
  }
  const ev = new SplitEvaluator(c);
  const lowerBounds: LowerBound[] = [];
  let best: EvaluatedSplit;
  let upperMethod: string;

  const enumerateUpTo = Math.min(ENUMERATE_MAX, options.enumerateUpTo ?? ENUMERATE_MAX);
  if (N <= enumerateUpTo) {
    best = enumerateBisection(ev);
    upperMethod = 'enumeration';
    lowerBounds.push({ method: 'enumeration', gbps: best.cutGbps, detail: `all ${ev.evaluations} balanced splits` });
  } else {
    const pool: { split: EvaluatedSplit; source: string }[] = [];
    const consider = (cands: Candidate[]) => {
      for (const cand of cands) {
        if (!ev.isNew(cand.inA)) continue;
        checkCancelled(ctx);
        pool.push({ split: ev.evaluate(cand.inA), source: cand.source });
      }
    };
    consider(structureCandidates(ctx.doc, c));
    ctx.progress('bisection', 0.2);
    // Lanczos with full reorthogonalisation costs steps^2 x nodes: past SPECTRAL_MAX_NODES it would dominate the
    // evaluation, and structure splits are what wins on generated fabrics of that size anyway.
    const spectral = !fast && c.n <= SPECTRAL_MAX_NODES;
    if (spectral) consider(spectralCandidates(c, rng, 80));
    if (!fast) {
      ctx.progress('bisection', 0.4);
      consider(randomCandidates(N, rng, 2));
    }
    pool.sort((a, b) => a.split.cutGbps - b.split.cutGbps);
    best = pool[0].split;
    upperMethod = pool[0].source;
    // Refine the few best: local swaps from different starting points reach different minima.
    const starts = pool.slice(0, fast ? 1 : 3);
    for (let i = 0; i < starts.length; i++) {
      checkCancelled(ctx);
      ctx.progress('bisection', 0.5 + (0.3 * i) / starts.length);
      const refined = ev.refine(starts[i].split, fast ? 2 : 12);
      if (refined.cutGbps < best.cutGbps) {
        best = refined;
        upperMethod = `${starts[i].source}+refined`;
      }
    }
  }
  ctx.progress('bisection', 0.8);

  const floorHalf = Math.floor(N / 2);
  const ceilHalf = N - floorHalf;
  if (options.lambdaGbps !== undefined && options.lambdaGbps > 0) {
    lowerBounds.push({
      method: 'concurrent-flow',
      gbps: options.lambdaGbps * floorHalf * ceilHalf,
      detail: `uniform all-to-all at ${options.lambdaGbps} Gbps per ordered pair crosses every balanced cut ${floorHalf} x ${ceilHalf} times`,
    });
  }
  const cert = upDownLowerBound(c, rng);
  if (cert) {
    lowerBounds.push({
      method: 'up-down',
      gbps: cert.gbps,
      detail: `every accelerator sends ${round(cert.fraction * 100)} % of its up-link capacity (at least ${round(cert.minRateGbps)} Gbps) ` +
        `up to level ${cert.topLevel} with one common distribution` +
        (cert.landingLevel !== null ? ` (steered by max-flow from level ${cert.landingLevel})` : '') +
        (cert.scaleUpExcluded ? ' (scale-up links not used)' : ''),
    });
  }
  if (!fast) {
    const spectral = schurSpectralBound(c);
    if (spectral && spectral.gbps > 0) {
      lowerBounds.push({ method: 'spectral', gbps: spectral.gbps, detail: `lambda_2 of the accelerator Schur complement = ${round(spectral.lambda2)}` });
    }
  }
  checkCancelled(ctx);

  const upperGbps = best.cutGbps;
  let lowerGbps = 0;
  let lowerMethod: LowerMethod = 'none';
  for (const b of lowerBounds) {
    // A bound can exceed the upper only through rounding (or a wrong lambda): never report lower > upper.
    const g = Math.min(b.gbps, upperGbps);
    if (g > lowerGbps) {
      lowerGbps = g;
      lowerMethod = b.method;
    }
  }
  const exact = upperGbps - lowerGbps <= TOLERANCE * Math.max(1, upperGbps);
  if (exact) lowerGbps = upperGbps;
  ctx.progress('bisection', 1);
  return {
    accelerators: N,
    lowerGbps,
    upperGbps,
    exact,
    lowerMethod,
    lowerBounds,
    upperMethod,
    split: describeSplit(ctx, best),
    splitsEvaluated: ev.evaluations,
    method:
      N <= enumerateUpTo
        ? `exact: all balanced splits enumerated (N <= ${enumerateUpTo}), exact min cut per split`
        : `interval: upper from the best of ${ev.evaluations} balanced splits (structure${fast ? '' : c.n <= SPECTRAL_MAX_NODES ? ', spectral, random' : ', random'}, local refinement), ` +
          `exact min cut per split by max-flow with switches free; lower from ${lowerMethod}`,
  };
}

function describeSplit(ctx: EvalContext, s: EvaluatedSplit): BisectionSplit {
  const c = ctx.compiled;
  const N = c.accelerators.length;
  const ranges: [number, number][] = [];
  let count = 0;
  for (let i = 0; i < N; i++) {
    if (!s.inA[i]) continue;
    count++;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else ranges.push([i, i]);
  }
  const out: BisectionSplit = {
    sideACount: count,
    sideARanges: ranges,
    cutLinks: Array.from(linksAcross(c, s.sourceSide), (e) => c.linkIds[e]),
    cutGbps: s.cutGbps,
  };
  if (N <= SIDE_IDS_MAX) {
    out.sideA = [];
    for (let i = 0; i < N; i++) if (s.inA[i]) out.sideA.push(c.nodeIds[c.accelerators[i]]);
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
