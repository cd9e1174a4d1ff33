// Collective time estimates (alpha-beta model) for a job placed on the fabric: ring all-reduce with the ring's
// ECMP bottleneck rate, all-to-all with the job's ECMP all-to-all rate; alpha from catalog path latencies.
import type { Problem } from '../../model/problem.js';
import { createRng, type Rng } from '../../model/random.js';
import { checkCancelled, type EvalContext } from '../context.js';
import { saturatingRate } from '../throughput/arc-report.js';
import { ecmpAllToAllLoads } from '../throughput/ecmp-loads.js';
import { PairDag } from '../throughput/pair-dag.js';
import { acceleratorRing, ringFlows } from '../throughput/pattern-rate.js';
import { scratchOf } from '../graph/scratch.js';
import { simpleGraphOf } from '../graph/simple.js';
import { ECMP_DEFAULT_MAX_WORK, type ThroughputReport } from '../throughput/throughput.js';
import { latencyTables, minLatencyFrom } from './path-latency.js';

export interface CollectivesOptions {
  /** Bytes per accelerator: the all-reduce buffer, and the all-to-all send buffer (M/P to each member). */
  messageBytes: number;
  /** Job size P: the first P accelerators in server order (servers of a rack together). Default: all. */
  jobSize?: number;
  /** The job's accelerator ids in ring order; overrides jobSize. */
  placement?: readonly string[];
  /** Per-step latency in ns for both collectives instead of the path latency (e.g. to add NIC/software time). */
  alphaNs?: number;
  /** Work budget for the job's ECMP all-to-all (arc visits). */
  maxWork?: number;
  /** Job members from which the all-to-all alpha (slowest pair) is searched; all of them when the job is smaller. Default 8. */
  alphaSources?: number;
  seed?: number;
}

export interface AlphaSource {
  alphaNs: number;
  /** 'option': given; 'ring-steps': the slowest ring step; 'all-pairs' / 'sampled-sources': the slowest job pair. */
  source: 'option' | 'ring-steps' | 'all-pairs' | 'sampled-sources';
}

export interface RingAllReduceEstimate extends AlphaSource {
  /** B: the rate every ring step gets at once under ECMP (Gbps). */
  bottleneckGbps: number;
  steps: number;
  latencyTermNs: number;
  bandwidthTermNs: number;
  timeNs: number;
  /** messageBytes x 8 / time (Gbps), and the NCCL bus bandwidth: algorithm bandwidth x 2(P-1)/P. */
  algorithmBandwidthGbps: number;
  busBandwidthGbps: number;
  formula: string;
}

export interface AllToAllEstimate extends AlphaSource {
  /** Rate every ordered job pair gets at once under ECMP (Gbps), and per accelerator: lambda x (P-1). */
  lambdaGbps: number;
  perAcceleratorGbps: number;
  /** How lambda was found: the throughput report (job = whole fabric), or the job's own ECMP sweep. */
  lambdaSource: 'throughput-report' | 'job-ecmp-exact' | 'job-ecmp-symmetry' | 'job-ecmp-partial-upper-bound';
  steps: number;
  latencyTermNs: number;
  bandwidthTermNs: number;
  timeNs: number;
  formula: string;
}

export interface CollectivesReport {
  job: { size: number; placement: 'server-order' | 'given'; first?: string; last?: string };
  messageBytes: number;
  ringAllReduce: RingAllReduceEstimate;
  allToAll: AllToAllEstimate;
  problems: Problem[];
}

export function computeCollectives(
  ctx: EvalContext, throughput: ThroughputReport | undefined, options: CollectivesOptions,
): CollectivesReport {
  const c = ctx.compiled;
  const g = simpleGraphOf(c);
  const problems: Problem[] = [];
  const M = Number.isFinite(options.messageBytes) && options.messageBytes >= 0 ? options.messageBytes : 0;
  if (M !== options.messageBytes) {
    problems.push({ path: 'messageBytes', code: 'bad-message-size', severity: 'error', message: `messageBytes must be a number >= 0 (got ${options.messageBytes}); 0 used` });
  }
  const { job, placement } = placeJob(ctx, options, problems);
  const P = job.length;
  const tables = latencyTables(ctx.doc, ctx.catalog, g);
  const alphaOption = options.alphaNs !== undefined && Number.isFinite(options.alphaNs) && options.alphaNs >= 0 ? options.alphaNs : undefined;
  if (options.alphaNs !== undefined && alphaOption === undefined) {
    problems.push({ path: 'alphaNs', code: 'bad-alpha', severity: 'error', message: `alphaNs must be a number >= 0 (got ${options.alphaNs}); path latency used` });
  }

  // Ring: P flows to the next member; B = rate all of them get at once; alpha = slowest step's path latency.
  // The job of every accelerator in server order is the throughput report's ring (same flows, same exact ECMP
  // loads): its rate is B, and only alpha needs the per-step DAGs.
  ctx.progress('collectives.ring', 0);
  const ringReport = throughput && placement === 'server-order' && P === c.accelerators.length &&
    throughput.accelerators === P && throughput.ring.order === 'server' ? throughput.ring : undefined;
  const ring = ringFlows(job);
  const dag = new PairDag(g);
  const load = ringReport ? null : scratchOf(g).float64(g.neighbors.length);
  let ringAlpha = 0;
  let ringBroken = false;
  const wantAlpha = alphaOption === undefined;
  for (let i = 0; P > 1 && i < P && (load || wantAlpha); i++) {
    if ((i & 1023) === 0) checkCancelled(ctx);
    if (dag.build(ring.src[i], ring.dst[i]) < 0) {
      ringBroken = true;
      continue;
    }
    if (load) dag.addFlow(1, load);
    if (wantAlpha) ringAlpha = Math.max(ringAlpha, dag.minLatencyNs(tables.arcNs, tables.nodeNs));
  }
  const ringRate = ringReport ? ringReport.rateGbps : P < 2 || ringBroken ? 0 : saturatingRate(g, load!);
  scratchOf(g).give(load);
  dag.release();
  const B = Number.isFinite(ringRate) ? ringRate : 0;
  const ringA: AlphaSource = alphaOption !== undefined ? { alphaNs: alphaOption, source: 'option' } : { alphaNs: ringAlpha, source: 'ring-steps' };
  const ringSteps = P > 1 ? 2 * (P - 1) : 0;
  const ringLatency = ringSteps * ringA.alphaNs;
  const ringBandwidth = P > 1 ? (B > 0 ? ((2 * (P - 1)) / P) * (8 * M) / B : Infinity) : 0;
  const ringTime = ringLatency + ringBandwidth;
  if (P > 1 && B === 0) {
    problems.push({ path: placement === 'given' ? 'placement' : 'jobSize', code: 'job-disconnected', severity: 'error', message: 'some ring neighbours of the job cannot reach each other: connect the fabric or place the job on connected accelerators' });
  }

  // All-to-all among the job.
  ctx.progress('collectives.all-to-all', 0);
  let lambda = 0;
  let lambdaSource: AllToAllEstimate['lambdaSource'];
  const maxWork = options.maxWork ?? ECMP_DEFAULT_MAX_WORK;
  if (throughput && P === c.accelerators.length && throughput.accelerators === P) {
    lambda = throughput.allToAll.ecmp.lambdaGbps;
    lambdaSource = 'throughput-report';
  } else {
    const loads = ecmpAllToAllLoads(g, job, {
      maxWork,
      nodeLabels: ctx.doc.nodes.map((node) => `${node.kind}:${node.model}`),
      tick: (f) => {
        ctx.progress('collectives.all-to-all', f);
        checkCancelled(ctx);
      },
    });
    const r = P < 2 || loads.disconnectedPairs > 0 ? 0 : saturatingRate(g, loads.arcLoad);
    scratchOf(g).give(loads.arcLoad);
    lambda = Number.isFinite(r) ? r : 0;
    lambdaSource = `job-ecmp-${loads.method}`;
  }
  const a2aA = alphaOption !== undefined ? { alphaNs: alphaOption, source: 'option' as const } : allPairsAlpha(ctx, job, tables, options.alphaSources ?? 8, options.seed ?? 1);
  scratchOf(g).give(tables.arcNs, tables.nodeNs);
  const a2aSteps = P > 1 ? P - 1 : 0;
  const a2aLatency = a2aSteps * a2aA.alphaNs;
  const a2aBandwidth = P > 1 ? (lambda > 0 ? (8 * M) / P / lambda : Infinity) : 0;
  ctx.progress('collectives', 1);

  return {
    job: { size: P, placement, first: P ? c.nodeIds[job[0]] : undefined, last: P ? c.nodeIds[job[P - 1]] : undefined },
    messageBytes: M,
    ringAllReduce: {
      ...ringA,
      bottleneckGbps: B,
      steps: ringSteps,
      latencyTermNs: ringLatency,
      bandwidthTermNs: ringBandwidth,
      timeNs: ringTime,
      algorithmBandwidthGbps: ringTime > 0 && Number.isFinite(ringTime) ? (8 * M) / ringTime : 0,
      busBandwidthGbps: ringTime > 0 && Number.isFinite(ringTime) && P > 0 ? ((8 * M) / ringTime) * ((2 * (P - 1)) / P) : 0,
      formula: 'T = 2(P-1) alpha + 2(P-1)/P x 8M / B   (ns, with B in Gbps = bits/ns)',
    },
    allToAll: {
      ...a2aA,
      lambdaGbps: lambda,
      perAcceleratorGbps: lambda * Math.max(0, P - 1),
      lambdaSource,
      steps: a2aSteps,
      latencyTermNs: a2aLatency,
      bandwidthTermNs: a2aBandwidth,
      timeNs: a2aLatency + a2aBandwidth,
      formula: 'T = (P-1) alpha + 8M/P / lambda = (P-1) alpha + (P-1)/P x 8M / theta, theta = lambda (P-1)',
    },
    problems,
  };
}

/** The job's accelerators in ring order, and problems found in the options (never thrown). */
function placeJob(ctx: EvalContext, options: CollectivesOptions, problems: Problem[]): { job: Int32Array; placement: 'server-order' | 'given' } {
  const c = ctx.compiled;
  if (options.placement) {
    const seen = new Set<number>();
    const job: number[] = [];
    options.placement.forEach((id, i) => {
      const v = c.nodeIndex.get(id);
      if (v === undefined) {
        problems.push({ path: `placement[${i}]`, code: 'unknown-node', severity: 'error', message: `no node ${id} in this fabric: use an accelerator id` });
      } else if (ctx.doc.nodes[v].kind !== 'accelerator') {
        problems.push({ path: `placement[${i}]`, code: 'not-an-accelerator', severity: 'error', message: `${id} is a ${ctx.doc.nodes[v].kind}, not an accelerator: place the job on accelerators` });
      } else if (seen.has(v)) {
        problems.push({ path: `placement[${i}]`, code: 'duplicate', severity: 'error', message: `${id} is listed twice: list each accelerator once` });
      } else {
        seen.add(v);
        job.push(v);
      }
    });
    return { job: Int32Array.from(job), placement: 'given' };
  }
  const order = acceleratorRing(ctx.doc, c, 'server');
  if (order.length === 0) {
    problems.push({ path: '', code: 'no-accelerators', severity: 'error', message: 'the fabric has no accelerators: add some to estimate collectives' });
    return { job: order, placement: 'server-order' };
  }
  let P = options.jobSize ?? order.length;
  if (!Number.isInteger(P) || P < 1) {
    problems.push({ path: 'jobSize', code: 'bad-job-size', severity: 'error', message: `jobSize must be a whole number >= 1 (got ${options.jobSize}); all ${order.length} accelerators used` });
    P = order.length;
  } else if (P > order.length) {
    problems.push({ path: 'jobSize', code: 'job-too-large', severity: 'error', message: `jobSize ${P} exceeds the ${order.length} accelerators of the fabric; all of them used` });
    P = order.length;
  }
  return { job: order.subarray(0, P), placement: 'server-order' };
}

/**
 * Slowest pair of the job (least latency over shortest-hop paths), from every member or a seeded sample of
 * members (each a full search to every other member; in a regular fabric a few sources already meet the worst).
 */
function allPairsAlpha(ctx: EvalContext, job: Int32Array, tables: ReturnType<typeof latencyTables>, want: number, seed: number): AlphaSource {
  const g = simpleGraphOf(ctx.compiled);
  const P = job.length;
  if (P < 2) return { alphaNs: 0, source: 'all-pairs' };
  const sampled = P > Math.max(1, want);
  const sources = sampled ? shuffledPrefix(job, want, createRng(seed)) : job;
  const pool = scratchOf(g);
  const dist = pool.int32(g.n);
  const order = pool.int32(g.n);
  const lat = pool.float64(g.n);
  let worst = 0;
  for (let i = 0; i < sources.length; i++) {
    if ((i & 15) === 0) checkCancelled(ctx);
    minLatencyFrom(g, tables, sources[i], dist, order, lat);
    for (let j = 0; j < P; j++) if (job[j] !== sources[i] && Number.isFinite(lat[job[j]]) && lat[job[j]] > worst) worst = lat[job[j]];
  }
  pool.give(dist, order, lat);
  return { alphaNs: worst, source: sampled ? 'sampled-sources' : 'all-pairs' };
}

/** The first `k` entries of rng.shuffle(Array.from(a)) (the same draws), without a JS array of every entry. */
function shuffledPrefix(a: Int32Array, k: number, rng: Rng): Int32Array {
  const arr = a.slice();
  for (let i = arr.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = arr[i];
    arr[i] = arr[j];
    arr[j] = t;
  }
  return arr.subarray(0, k);
}
