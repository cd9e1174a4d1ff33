// Seeded Monte Carlo of random failures: per trial k distinct links (or network devices) fail; we count the
// accelerators cut off and bound the surviving bisection on the intact fabric's binding split.
import type { CompiledFabric } from '../../compile/compile.js';
import type { Rng } from '../../model/random.js';
import { minCutBetween } from '../graph/maxflow.js';
import { FailureImpact } from './failure-impact.js';

export type FailureKind = 'link' | 'switch';
export type SurvivingBisectionMethod = 'max-flow-on-intact-split' | 'intact-cut-minus-failed';

export interface TrialResult {
  acceleratorsCutOff: number;
  /** Upper bound on the degraded fabric's bisection (absent without a split). */
  bisectionUpperGbps?: number;
}

export interface SurvivingBisection {
  method: SurvivingBisectionMethod;
  /** Minimum cut of the split on the intact fabric. */
  intactGbps: number;
  meanGbps: number;
  minGbps: number;
  maxGbps: number;
  note: string;
}

export interface MonteCarloReport {
  kind: FailureKind;
  failuresPerTrial: number;
  trials: number;
  /** Links, or devices (switches, gateways, OCS), that can fail. */
  candidates: number;
  acceleratorsCutOff: { mean: number; max: number; trialsWithLoss: number };
  bisection?: SurvivingBisection;
  worstTrial?: { failed: string[]; acceleratorsCutOff: number; bisectionUpperGbps?: number };
  trialResults: TrialResult[];
}

export interface MonteCarloInput {
  kind: FailureKind;
  failures: number;
  trials: number;
  rng: Rng;
  impact: FailureImpact;
  /** Failure candidates: link indices ('link') or node indices ('switch'). */
  candidates: Int32Array;
  /** For 'switch': node -> the links that fail with it. */
  deviceLinks?: Int32Array[];
  /** Binding split of the intact bisection (accelerator node indices of each side). */
  split?: { sideA: Int32Array; sideB: Int32Array };
  /** Max-flow per trial when trials x (nodes + links) stays under this; else the cheaper cut bound. */
  maxFlowWork?: number;
  tick?: (fraction: number) => void;
}

export function monteCarloFailures(c: CompiledFabric, input: MonteCarloInput): MonteCarloReport {
  const { kind, trials, rng, impact, candidates, split } = input;
  const k = Math.min(input.failures, candidates.length);
  const alive = new Uint8Array(c.m).fill(1);
  const pool = candidates.slice();
  const results: TrialResult[] = [];
  let worst: MonteCarloReport['worstTrial'];

  let method: SurvivingBisectionMethod | undefined;
  let intactGbps = 0;
  const inCut = new Uint8Array(c.m);
  if (split) {
    const intact = minCutBetween(c, split.sideA, split.sideB);
    intactGbps = intact.valueGbps;
    for (const e of intact.cutLinks) inCut[e] = 1;
    method = trials * (c.n + c.m) <= (input.maxFlowWork ?? 2e7) ? 'max-flow-on-intact-split' : 'intact-cut-minus-failed';
  }

  for (let t = 0; t < trials; t++) {
    if (input.tick && (t & 7) === 0) input.tick(t / trials);
    // Partial Fisher-Yates: the first k positions become a uniform random k-subset of the pool.
    for (let i = 0; i < k; i++) {
      const j = i + rng.int(pool.length - i);
      const x = pool[i];
      pool[i] = pool[j];
      pool[j] = x;
    }
    const failedLinks: number[] = [];
    for (let i = 0; i < k; i++) {
      if (kind === 'link') failedLinks.push(pool[i]);
      else for (const e of input.deviceLinks![pool[i]]) failedLinks.push(e);
    }
    for (const e of failedLinks) alive[e] = 0;
    const result: TrialResult = { acceleratorsCutOff: impact.cutOffAfter(alive, failedLinks) };
    if (split && method === 'max-flow-on-intact-split') {
      result.bisectionUpperGbps = minCutBetween(c, split.sideA, split.sideB, { linkMask: alive }).valueGbps;
    } else if (split) {
      let lost = 0;
      for (const e of failedLinks) {
        if (inCut[e] && alive[e] === 0) {
          lost += c.linkGbps[e];
          alive[e] = 2; // counted once even when two failed devices share the link
        }
      }
      result.bisectionUpperGbps = intactGbps - lost;
    }
    for (const e of failedLinks) alive[e] = 1;
    results.push(result);
    if (!worst || result.acceleratorsCutOff > worst.acceleratorsCutOff ||
      (result.acceleratorsCutOff === worst.acceleratorsCutOff && (result.bisectionUpperGbps ?? 0) < (worst.bisectionUpperGbps ?? 0))) {
      const ids = kind === 'link' ? c.linkIds : c.nodeIds;
      worst = { failed: Array.from(pool.subarray(0, k), (x) => ids[x]), ...result };
    }
  }
  input.tick?.(1);

  const cut = results.map((r) => r.acceleratorsCutOff);
  const report: MonteCarloReport = {
    kind,
    failuresPerTrial: k,
    trials,
    candidates: candidates.length,
    acceleratorsCutOff: {
      mean: trials ? cut.reduce((s, x) => s + x, 0) / trials : 0,
      max: trials ? Math.max(...cut) : 0,
      trialsWithLoss: cut.filter((x) => x > 0).length,
    },
    worstTrial: worst,
    trialResults: results,
  };
  if (split && method && trials > 0) {
    const b = results.map((r) => r.bisectionUpperGbps!);
    report.bisection = {
      method,
      intactGbps,
      meanGbps: b.reduce((s, x) => s + x, 0) / trials,
      minGbps: Math.min(...b),
      maxGbps: Math.max(...b),
      note: method === 'max-flow-on-intact-split'
        ? 'per trial: minimum cut (max-flow) of the intact binding split on the degraded fabric; an upper bound, as another split may now be smaller'
        : 'per trial: the intact binding cut minus its failed links (still a cut of the same split, so an upper bound; a max-flow would be tighter)',
    };
  }
  return report;
}
