// The throughput section of a report: all-to-all lambda under ECMP, the LP optimum and the distance bound,
// plus a random permutation and a ring. Async only because HiGHS loads asynchronously.
import type { Highs, InitOptions } from 'highs';
import { createRng } from '../../model/random.js';
import { checkCancelled, type EvalContext } from '../context.js';
import { countBinding, saturatingRate, topArcs, utilizationByTier, type ArcLoad, type TierUtilization } from './arc-report.js';
import { ecmpAllToAllLoads, type EcmpLoads, type EcmpMethod, type SymmetryCheck, type ZoneSummary } from './ecmp-loads.js';
import { forgetZonePlan } from './zone-plan.js';
import { buildConcurrentFlowLp, concurrentFlowLpSize, loadHighs, solveConcurrentFlowLp, type LpSize } from './lp.js';
import { acceleratorRing, patternRate, randomCyclicPermutation, ringFlows, type PatternRate, type RingOrder } from './pattern-rate.js';
import { scratchOf } from '../graph/scratch.js';
import { simpleGraphOf } from '../graph/simple.js';

/** Measured on this project's 2-core machine: see the README (LP size limit). */
export const LP_DEFAULT_MAX_ACCELERATORS = 128;
export const LP_DEFAULT_MAX_VARIABLES = 20_000;
export const LP_DEFAULT_TIME_LIMIT_S = 20;
/** Arc visits allowed for exact ECMP (about 1 s here); above it the symmetry method runs. */
export const ECMP_DEFAULT_MAX_WORK = 4e8;

export interface ThroughputOptions {
  /** Solve the max-concurrent-flow LP: true, false, or 'auto' (when within the size limits). Default 'auto'. */
  lp?: boolean | 'auto';
  /** 'auto' skips the LP above this many accelerators. */
  lpMaxAccelerators?: number;
  /** 'auto' skips the LP above this many variables. */
  lpMaxVariables?: number;
  lpTimeLimitS?: number;
  /** A loaded HiGHS instance, or loader options (the browser worker passes locateFile for highs.wasm). */
  highs?: Highs;
  highsInit?: InitOptions;
  /** Seed of the permutation and of the ECMP destination sample. Default 1. */
  seed?: number;
  /** Exact sum of shortest-path hops over all ordered accelerator pairs (from the hops metric). */
  hopSum?: number;
  /** Work budget of exact ECMP in arc visits (Infinity: always exact). */
  ecmpMaxWork?: number;
  /** Rate the random permutation (default true). */
  permutation?: boolean;
  /** Ring order: 'server' (default) or 'accelerator'. */
  ringOrder?: RingOrder;
  /** How many of the most loaded links to list. Default 10. */
  bottlenecks?: number;
}

export interface EcmpAllToAll {
  lambdaGbps: number;
  thetaGbps: number;
  /**
   * 'exact': the loads of every destination's DAG, proven (by nested zones, or one sweep per twin class; see
   * `strategy`). 'symmetry': NOT proven, an estimate: one destination per symmetry class, loads spread over classes
   * of equivalent links (exact only when the classes are automorphism orbits; see symmetryCheck); used only when
   * exact work exceeds ecmpMaxWork. 'partial-upper-bound': too many classes; loads of a subset of destinations,
   * so lambda is an upper bound on the ECMP lambda. Only 'exact' may serve as a proof (provenLambdaGbps).
   */
  method: EcmpMethod;
  /** Exact method: 'zones' (destinations certified by nested zones share sweeps) or 'twins' (one per twin class). */
  strategy?: 'zones' | 'twins';
  /** Exact by zones: zones and cells found, classes swept, destinations certified, plain twin-class sweeps left. */
  zones?: ZoneSummary;
  /** Sweeps: zone classes plus plain twin classes (exact), or symmetry classes. */
  destinationClasses: number;
  /** Destination DAGs swept. */
  destinationsSwept: number;
  symmetryCheck?: SymmetryCheck;
  /** Arcs loaded to capacity at lambda. */
  bindingArcs: number;
  bottlenecks: ArcLoad[];
  utilizationByTier: TierUtilization[];
  note: string;
}

export interface OptimalAllToAll {
  lambdaGbps: number;
  thetaGbps: number;
  method: 'lp-highs';
  lp: LpSize & { foldedAccelerators: number };
  /** Arcs at capacity in the optimal routing HiGHS returned (other optimal routings may differ). */
  saturatedArcs: number;
  bottlenecks: ArcLoad[];
}

export interface DistanceBound {
  lambdaGbps: number;
  thetaGbps: number;
  /** Sum over links of 2 x gbps. */
  capacitySumGbps: number;
  hopSum: number;
  /** Where hopSum came from; only 'option' and 'ecmp-exact' make the figure a proven bound. */
  hopSumSource: 'option' | 'ecmp-exact' | 'ecmp-symmetry' | 'unavailable';
  proven: boolean;
}

export interface ThroughputReport {
  accelerators: number;
  /** Ordered pairs of distinct accelerators. */
  orderedPairs: number;
  allToAll: {
    ecmp: EcmpAllToAll;
    /** Absent when the LP was not solved; `notes` says why. */
    optimal?: OptimalAllToAll;
    upperBound: DistanceBound;
    disconnectedPairs: number;
    notes: string[];
  };
  /** Absent when disabled by the permutation option. */
  permutation?: PatternRate & { seed: number; description: string };
  ring: PatternRate & { order: RingOrder; description: string };
}

export async function computeThroughput(ctx: EvalContext, options: ThroughputOptions = {}): Promise<ThroughputReport> {
  const c = ctx.compiled;
  const g = simpleGraphOf(c);
  const acc = c.accelerators;
  const N = acc.length;
  const pairs = N * (N - 1);
  const seed = options.seed ?? 1;
  const shown = options.bottlenecks ?? 10;
  const notes: string[] = [];
  const tick = (phase: string) => (f: number) => {
    ctx.progress(phase, f);
    checkCancelled(ctx);
  };

  // ECMP all-to-all.
  const loads = ecmpAllToAllLoads(g, acc, {
    maxWork: options.ecmpMaxWork ?? ECMP_DEFAULT_MAX_WORK,
    nodeLabels: ctx.doc.nodes.map((node) => `${node.kind}:${node.model}`),
    tick: tick('throughput.ecmp'),
  });
  const disconnected = Math.round(loads.disconnectedPairs);
  const ecmpRate = N < 2 || disconnected > 0 ? 0 : saturatingRate(g, loads.arcLoad);
  const lambdaEcmp = Number.isFinite(ecmpRate) ? ecmpRate : 0;
  if (N < 2) notes.push('fewer than 2 accelerators: no pairs, all rates are 0');
  if (disconnected > 0) notes.push(`${disconnected} ordered accelerator pairs have no path: every lambda is 0 (connect the fabric)`);
  const ecmp: EcmpAllToAll = {
    lambdaGbps: lambdaEcmp,
    thetaGbps: lambdaEcmp * Math.max(0, N - 1),
    method: loads.method,
    strategy: loads.strategy,
    zones: loads.zones,
    destinationClasses: loads.classes,
    destinationsSwept: loads.destinationsSwept,
    symmetryCheck: loads.symmetryCheck,
    bindingArcs: lambdaEcmp > 0 ? countBinding(g, loads.arcLoad, lambdaEcmp) : 0,
    bottlenecks: lambdaEcmp > 0 ? topArcs(c, g, loads.arcLoad, lambdaEcmp, shown) : [],
    utilizationByTier: lambdaEcmp > 0 ? utilizationByTier(ctx.doc, g, loads.arcLoad, lambdaEcmp) : [],
    note: ecmpNote(loads, N),
  };
  scratchOf(g).give(loads.arcLoad);

  // Distance bound.
  let capacitySumGbps = 0;
  for (let e = 0; e < c.m; e++) capacitySumGbps += 2 * c.linkGbps[e];
  const hopSumSource: DistanceBound['hopSumSource'] = options.hopSum !== undefined ? 'option'
    : loads.method === 'exact' ? 'ecmp-exact' : loads.method === 'symmetry' ? 'ecmp-symmetry' : 'unavailable';
  const hopSum = options.hopSum ?? (hopSumSource === 'unavailable' ? 0 : loads.hopSum);
  const boundLambda = N < 2 || disconnected > 0 || !(hopSum > 0) ? 0 : capacitySumGbps / hopSum;
  if (hopSumSource === 'ecmp-symmetry') {
    notes.push('distance bound uses the symmetry method\'s hop sum: pass hopSum (from the hops metric) for a proven bound');
  } else if (hopSumSource === 'unavailable') {
    notes.push('distance bound not computed: pass hopSum (from the hops metric)');
  }
  const upperBound: DistanceBound = {
    lambdaGbps: boundLambda,
    thetaGbps: boundLambda * Math.max(0, N - 1),
    capacitySumGbps,
    hopSum,
    hopSumSource,
    proven: hopSumSource === 'option' || hopSumSource === 'ecmp-exact',
  };

  // LP optimum.
  const optimal = await solveOptimal(ctx, options, N, disconnected, notes);

  // Permutation and ring.
  let permutation: ThroughputReport['permutation'];
  if (options.permutation ?? true) {
    const perm = randomCyclicPermutation(acc, createRng(seed));
    permutation = {
      ...patternRate(c, g, perm.src, perm.dst, tick('throughput.permutation'), shown),
      seed,
      description: 'random cyclic permutation (each accelerator sends to one other): the rate all flows get at once under ECMP',
    };
  } else {
    notes.push('permutation not rated: disabled by the permutation option');
  }
  const order = options.ringOrder ?? 'server';
  const ringSeq = acceleratorRing(ctx.doc, c, order);
  const ringPattern = ringFlows(ringSeq);
  const ring = patternRate(c, g, ringPattern.src, ringPattern.dst, tick('throughput.ring'), shown);
  // The zone plan served the all-to-all, the permutation and the ring; later metrics do not need it.
  forgetZonePlan(g);
  ctx.progress('throughput', 1);

  return {
    accelerators: N,
    orderedPairs: pairs,
    allToAll: { ecmp, optimal, upperBound, disconnectedPairs: disconnected, notes },
    permutation,
    ring: {
      ...ring,
      order,
      description: `ring all-reduce neighbour flows (${order} order, one direction): the rate every ring step gets at once under ECMP`,
    },
  };
}

/**
 * The largest all-to-all lambda that is a proof: every ordered pair can send it at once because a feasible
 * routing was computed exactly (exact ECMP loads, or the LP optimum). Symmetry and partial ECMP figures are
 * estimates and are left out. undefined when no proven lambda > 0 exists (the bisection then skips that bound).
 */
export function provenLambdaGbps(r: ThroughputReport): number | undefined {
  const a2a = r.allToAll;
  const ecmp = a2a.ecmp.method === 'exact' ? a2a.ecmp.lambdaGbps : 0;
  const best = Math.max(ecmp, a2a.optimal?.lambdaGbps ?? 0);
  return best > 0 ? best : undefined;
}

async function solveOptimal(
  ctx: EvalContext, options: ThroughputOptions, N: number, disconnected: number, notes: string[],
): Promise<OptimalAllToAll | undefined> {
  const c = ctx.compiled;
  const g = simpleGraphOf(c);
  const mode = options.lp ?? 'auto';
  if (mode === false) {
    notes.push('optimal (LP) not solved: disabled by the lp option');
    return undefined;
  }
  if (N < 2 || disconnected > 0) {
    notes.push('optimal (LP) not solved: with no pairs or a disconnected pair lambda is 0');
    return undefined;
  }
  if (mode === 'auto') {
    const maxAcc = options.lpMaxAccelerators ?? LP_DEFAULT_MAX_ACCELERATORS;
    const maxVars = options.lpMaxVariables ?? LP_DEFAULT_MAX_VARIABLES;
    // Sizing the LP walks the whole graph: skip it when the accelerator count already rules the LP out.
    const variables = N > maxAcc ? undefined : concurrentFlowLpSize(g, c.accelerators).variables;
    if (variables === undefined || variables > maxVars) {
      notes.push(
        `optimal (LP) not solved: ${N} accelerators` + (variables !== undefined ? `, ${variables} variables` : '') +
          ` is above the automatic limit (${maxAcc} accelerators, ${maxVars} variables); pass lp: true to force it`,
      );
      return undefined;
    }
  }
  ctx.progress('throughput.lp', 0);
  checkCancelled(ctx);
  const highs = options.highs ?? (await loadHighs(options.highsInit));
  const lp = buildConcurrentFlowLp(g, c.accelerators);
  const out = solveConcurrentFlowLp(highs, g, lp, options.lpTimeLimitS ?? LP_DEFAULT_TIME_LIMIT_S);
  ctx.progress('throughput.lp', 1);
  if (!out.ok) {
    notes.push(`optimal (LP) not solved: HiGHS stopped with status ${out.status}`);
    return undefined;
  }
  return {
    lambdaGbps: out.lambdaGbps,
    thetaGbps: out.lambdaGbps * (N - 1),
    method: 'lp-highs',
    lp: { ...out.size, foldedAccelerators: lp.folded },
    // The solver's feasibility tolerance is ~1e-7 relative: count arcs within 1e-6 of capacity.
    saturatedArcs: countBinding(g, out.arcFlowGbps, 1, 1e-6),
    bottlenecks: topArcs(c, g, out.arcFlowGbps, 1, options.bottlenecks ?? 10),
  };
}

function ecmpNote(loads: EcmpLoads, N: number): string {
  const { method, classes, destinationsSwept: swept, symmetryCheck: check, zones } = loads;
  if (method === 'exact' && zones) {
    return `exact: loads of every destination's shortest-path DAG; ${zones.certified} of ${N} destinations proven by ` +
      `nested zones (${zones.classes} class sweeps over ${zones.zones} zones and ${zones.cells} cells)` +
      (zones.plainSweeps > 0 ? `, the rest in ${zones.plainSweeps} plain twin-class sweeps` : '');
  }
  if (method === 'exact') return `exact: loads accumulated over the shortest-path DAG of every destination (${classes} twin classes)`;
  if (method === 'partial-upper-bound') {
    return `upper bound: ${swept} of ${N} destinations swept, loads not scaled; too many symmetry classes (${classes}) ` +
      'for the work budget (raise ecmpMaxWork for exact)';
  }
  const verdict = !check || check.classesChecked === 0
    ? 'not checked'
    : check.maxRelativeDifference <= 1e-9
      ? `check passed on ${check.classesChecked} classes (a second destination gave the same loads)`
      : `check FAILED: a second destination differs by ${(check.maxRelativeDifference * 100).toPrecision(3)} % ` +
        '(the classes are not all automorphism orbits; treat lambda as an estimate)';
  return `estimate (not proven; exact ECMP would exceed ecmpMaxWork): one destination per class of ${classes} symmetry ` +
    `classes, loads spread evenly over equivalent links; exact only when the classes are automorphism orbits; ${verdict}`;
}
