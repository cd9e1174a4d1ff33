// Bisection bandwidth as an interval: upperGbps from the best balanced split found (exact min cut per split),
// lowerGbps from proofs (concurrent flow, up-down certificate, pod-level block bound, Schur spectral bound), exact
// enumeration for tiny N.
import type { CompiledFabric } from '../../compile/compile.js';
import { createRng } from '../../model/random.js';
import { checkCancelled, type EvalContext } from '../context.js';
import { linksAcross } from '../graph/maxflow.js';
import { injectionCandidate, randomCandidates, spectralCandidates, structureCandidates, type Candidate } from './candidates.js';
import { ENUMERATE_MAX, enumerateBisection } from './enumerate.js';
import { schurSpectralBound, type SpectralBound } from './schur.js';
import { SplitEvaluator, type EvaluatedSplit } from './split.js';
import { podLowerBound, type PodBound } from './pods.js';
import { upDownLowerBound, type UpDownCertificate } from './updown.js';

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

export type LowerMethod = 'enumeration' | 'concurrent-flow' | 'up-down' | 'block' | 'spectral' | 'none';

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
  const floorHalf = Math.floor(N / 2);
  const ceilHalf = N - floorHalf;
  const enumerateUpTo = Math.min(ENUMERATE_MAX, options.enumerateUpTo ?? ENUMERATE_MAX);
  const lowerBounds: LowerBound[] = [];
  let proven = 0;
  const met = (s: EvaluatedSplit) => s.cutGbps - proven <= TOLERANCE * Math.max(1, s.cutGbps);
  let best: EvaluatedSplit;
  let upperMethod: string;
  const stages: string[] = [];

  if (N <= enumerateUpTo) {
    best = enumerateBisection(ev);
    upperMethod = 'enumeration';
    lowerBounds.push({ method: 'enumeration', gbps: best.cutGbps, detail: `all ${ev.evaluations} balanced splits` });
    const cert = upDownLowerBound(c, createRng(((options.seed ?? 1) ^ 0x5bd1e995) >>> 0));
    lowerBounds.push(...provenLowerBounds(options, floorHalf, ceilHalf, cert, null, fast ? null : schurSpectralBound(c)));
  } else {
    const pool: { split: EvaluatedSplit; source: string }[] = [];
    // Prices candidates in order and stops at the first that meets a proof.
    const consider = (cands: Candidate[]) => {
      let done = false;
      for (const cand of cands) {
        if (!ev.isNew(cand.inA)) continue;
        checkCancelled(ctx);
        const split = ev.evaluate(cand.inA);
        pool.push({ split, source: cand.source });
        if (met(split)) {
          done = true;
          break;
        }
      }
      pool.sort((a, b) => a.split.cutGbps - b.split.cutGbps);
      return done || (pool.length > 0 && met(pool[0].split));
    };
    // The injection split first: it is the binding one whenever the core never blocks, and the up-down certificate
    // over capacity splits alone (cheap) then meets it.
    let done = consider([injectionCandidate(ctx.doc, c)]);
    // The certificates draw from their own stream, so the candidate splits do not depend on their draws.
    const seed = ((options.seed ?? 1) ^ 0x5bd1e995) >>> 0;
    let cert = upDownLowerBound(c, createRng(seed), 0, false);
    let pods: PodBound | null = null;
    const spectral = fast ? null : schurSpectralBound(c);
    const prove = () => {
      lowerBounds.length = 0;
      lowerBounds.push(...provenLowerBounds(options, floorHalf, ceilHalf, cert, pods, spectral));
      proven = lowerBounds.reduce((m, b) => Math.max(m, b.gbps), 0);
      return met(pool[0].split);
    };
    done = prove();
    ctx.progress('bisection', 0.2);
    if (!done && !fast) {
      // Pods joined without a common top, or through a thin or uneven core: the block bound and its splits.
      pods = podLowerBound(c);
      checkCancelled(ctx);
      done = prove();
      if (!done && pods && pods.gbps > 0) {
        done = consider(pods.candidates);
        stages.push('block');
      }
    }
    if (!done) {
      // Steered routings of the up-down certificate, tried only where they can beat what is proven.
      cert = bestOf(cert, upDownLowerBound(c, createRng(seed), proven));
      done = prove();
    }
    if (!done) done = consider(structureCandidates(ctx.doc, c));
    stages.unshift('structure');
    ctx.progress('bisection', 0.3);
    // Lanczos with full reorthogonalisation costs steps^2 x nodes: past SPECTRAL_MAX_NODES it would dominate the
    // evaluation, and structure splits are what wins on generated fabrics of that size anyway.
    if (!done && !fast && c.n <= SPECTRAL_MAX_NODES) {
      done = consider(spectralCandidates(c, rng, 80));
      stages.push('spectral');
    }
    if (!done && !fast) {
      ctx.progress('bisection', 0.5);
      done = consider(randomCandidates(N, rng, 2));
      stages.push('random');
    }
    best = pool[0].split;
    upperMethod = pool[0].source;
    // Refine the few best: local swaps from different starting points reach different minima.
    const starts = done ? [] : pool.slice(0, fast ? 1 : 3);
    if (starts.length) stages.push('local refinement');
    for (let i = 0; i < starts.length; i++) {
      checkCancelled(ctx);
      ctx.progress('bisection', 0.6 + (0.35 * i) / starts.length);
      const refined = ev.refine(starts[i].split, fast ? 2 : 12);
      if (refined.cutGbps < best.cutGbps) {
        best = refined;
        upperMethod = `${starts[i].source}+refined`;
      }
      if (met(best)) break;
    }
  }
  checkCancelled(ctx);

  const upperGbps = best.cutGbps;
  let lowerGbps = 0;
  let lowerMethod: LowerMethod = 'none';
  // A bound can exceed the upper only through rounding (or a wrong lambda): never report lower > upper.
  for (const b of lowerBounds) lowerGbps = Math.max(lowerGbps, Math.min(b.gbps, upperGbps));
  // Credit the first proof (in the order computed) that reaches the best, so float dust does not pick the method.
  for (const b of lowerBounds) {
    if (lowerGbps > 0 && Math.min(b.gbps, upperGbps) >= lowerGbps - TOLERANCE * lowerGbps) {
      lowerMethod = b.method;
      break;
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
        : `${exact ? 'exact' : 'interval'}: upper from the best of ${ev.evaluations} balanced splits (${stages.join(', ')}), ` +
          `exact min cut per split by max-flow with switches free; lower from ${lowerMethod}`,
  };
}

/**
 * Every lower bound that applies (enumeration aside), in the order they are credited on ties: concurrent flow from
 * lambda, then the up-down certificate, the block bound and the Schur spectral bound computed by the caller.
 */
function provenLowerBounds(
  options: BisectionOptions,
  floorHalf: number,
  ceilHalf: number,
  cert: UpDownCertificate | null,
  pods: PodBound | null,
  spectral: SpectralBound | null,
): LowerBound[] {
  const out: LowerBound[] = [];
  if (options.lambdaGbps !== undefined && options.lambdaGbps > 0) {
    out.push({
      method: 'concurrent-flow',
      gbps: options.lambdaGbps * floorHalf * ceilHalf,
      detail: `uniform all-to-all at ${options.lambdaGbps} Gbps per ordered pair crosses every balanced cut ${floorHalf} x ${ceilHalf} times`,
    });
  }
  if (cert) {
    out.push({
      method: 'up-down',
      gbps: cert.gbps,
      detail: `every accelerator sends ${shareText(cert.fraction, cert.maxFraction)} of its up-link capacity (at least ${round(cert.minRateGbps)} Gbps) ` +
        `up to level ${cert.topLevel} with one common distribution` +
        (cert.landingLevel !== null ? ` (steered by max-flow from level ${cert.landingLevel})` : '') +
        (cert.scaleUpExcluded ? ' (scale-up links not used)' : '') +
        (cert.domainGbps > 0 ? `, plus ${round(cert.domainGbps)} Gbps inside the scale-up domains a balanced split must cut` : ''),
    });
  }
  if (pods && pods.gbps > 0) out.push({ method: 'block', gbps: pods.gbps, detail: pods.detail });
  if (spectral && spectral.gbps > 0) {
    out.push({ method: 'spectral', gbps: spectral.gbps, detail: `lambda_2 of the accelerator Schur complement = ${round(spectral.lambda2)}` });
  }
  return out;
}

function bestOf(a: UpDownCertificate | null, b: UpDownCertificate | null): UpDownCertificate | null {
  if (!a) return b;
  if (!b) return a;
  return b.gbps > a.gbps ? b : a;
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

function shareText(lo: number, hi: number): string {
  return hi - lo > 1e-9 ? `${round(lo * 100)} % to ${round(hi * 100)} %` : `${round(lo * 100)} %`;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
