// Latency (ns) between ordered pairs of distinct accelerators along shortest-hop routes (the lowest-latency one
// among them), and from each research site to the data centre's accelerators. Model: ./paths.ts.
import { createRng } from '../../model/random.js';
import type { Problem } from '../../model/problem.js';
import { checkCancelled, type EvalContext } from '../context.js';
import { LatencyDistribution, type HistogramBucket } from './distribution.js';
import { latencyModel, latencyTwins, PathLatencySolver, twinPairLatencyNs, type LatencyModel, type LatencyTwins } from './paths.js';

export interface LatencyOptions {
  /** Packet serialized once at the slowest link of the path. Default 4096 bytes. */
  packetBytes?: number;
  /**
   * Source classes searched exactly; above this a seeded uniform sample of this many source accelerators is
   * used (every target still exact). Default: as many as ~25 M arc visits allow, at least 16.
   */
  maxSources?: number;
  seed?: number;
  /** Buckets of the reported histogram. Default 32. */
  buckets?: number;
}

export interface ResearchSiteLatency {
  site: string;
  name?: string;
  kind: string;
  /** Nodes at the site (usually its gateway) the latency is measured from: the best one per accelerator. */
  nodes: number;
  /** Data-centre accelerators reachable from the site, and those that are not. */
  reachable: number;
  unreachable: number;
  minNs: number | null;
  meanNs: number | null;
  maxNs: number | null;
  /** Hops of the route giving minNs. */
  minHops: number | null;
}

export interface LatencyReport {
  packetBytes: number;
  /** Over ordered pairs of distinct accelerators that are connected; null when none is. */
  minNs: number | null;
  meanNs: number | null;
  p50Ns: number | null;
  p99Ns: number | null;
  maxNs: number | null;
  histogram: HistogramBucket[];
  /** Ordered pairs counted (estimated when sampled) and the pairs without a route. */
  pairs: number;
  unreachablePairs: number;
  /** 'exact' or 'sampled'; sampledSources = source accelerators used when sampled. */
  method: string;
  exact: boolean;
  sampledSources: number | null;
  /** True when p50/p99 are exact values (false: upper edges of buckets at most 0.1 % wide). */
  percentilesExact: boolean;
  /**
   * Sampled only: standard error of meanNs, from the differences between successive sampled sources' own mean
   * latencies (systematic-sample estimator, finite-population correction); the true mean is within about 2 of these
   * of meanNs. Null when exact.
   */
  meanStdErrorNs: number | null;
  researchSites: ResearchSiteLatency[];
  problems: Problem[];
}

/** Arc visits allowed for the all-pairs part before sampling sources (a quarter of a second here). */
const ARC_BUDGET = 25e6;

export function computeLatency(ctx: EvalContext, options: LatencyOptions = {}): LatencyReport {
  const c = ctx.compiled;
  const packetBytes = options.packetBytes ?? 4096;
  const problems: Problem[] = [];
  if (!(packetBytes > 0)) {
    problems.push({ path: 'options.packetBytes', code: 'bad-option', severity: 'error', message: `packetBytes must be positive, got ${packetBytes}; the default is 4096` });
  }
  const model = latencyModel(ctx.doc, c, ctx.catalog, packetBytes > 0 ? packetBytes : 4096);
  problems.push(...model.problems);
  ctx.progress('latency', 0);
  const twins = latencyTwins(c, model);
  const g = twins.graph;
  const solver = new PathLatencySolver(g, model);
  const N = c.accelerators.length;
  const dist = new LatencyDistribution();
  let unreachable = 0;

  // One BFS fused with the all-links pass, plus the faster-bottleneck passes on their (smaller) subgraphs.
  const perSource = Math.max(1, g.offsets[g.n]) * 2;
  const maxSources = options.maxSources ?? Math.max(16, Math.floor(ARC_BUDGET / perSource));
  const exact = twins.classes <= maxSources;
  // Source classes to run, each with the number of source accelerators it stands for.
  const runs: [number, number][] = [];
  // Sampled: the source classes in the order the systematic sample took them (for its variance estimate).
  let pickedClasses: number[] = [];
  if (exact) {
    for (let cls = 0; cls < twins.classes; cls++) runs.push([cls, twins.classSize[cls]]);
  } else {
    // Systematic sample from a seeded random start: every pod and vendor is represented in proportion, and
    // each accelerator is equally likely to be picked, so the pair counts below are unbiased estimates.
    const rng = createRng(options.seed ?? 1);
    const step = N / maxSources;
    const offset = rng.next() * step;
    const picked: number[] = [];
    for (let k = 0; k < maxSources; k++) picked.push(c.accelerators[Math.min(N - 1, Math.floor(offset + k * step))]);
    const count = new Map<number, number>();
    for (const a of picked) count.set(twins.classOf[a], (count.get(twins.classOf[a]) ?? 0) + 1);
    pickedClasses = picked.map((a) => twins.classOf[a]);
    for (const [cls, k] of [...count].sort((a, b) => a[0] - b[0])) runs.push([cls, k]);
  }
  const scale = exact ? 1 : N / maxSources;
  // Each sampled source class's own mean latency: their spread, in sample order, gives the sampling error.
  const classMean = new Map<number, number>();
  const repReduced = new Int32Array(twins.classes);
  for (let cls = 0; cls < twins.classes; cls++) repReduced[cls] = twins.reducedIndex[twins.classRep[cls]];
  for (let i = 0; i < runs.length; i++) {
    if ((i & 15) === 0) {
      checkCancelled(ctx);
      ctx.progress('latency', i / runs.length);
    }
    const [cls, sources] = runs[i];
    const w = sources * scale;
    solver.run(repReduced[cls]);
    let sumNs = 0;
    let reached = 0;
    for (let d = 0; d < twins.classes; d++) {
      const size = d === cls ? twins.classSize[d] - 1 : twins.classSize[d];
      if (size === 0) continue;
      const ns = d === cls ? twinPairLatencyNs(c, model, twins.classRep[d]) : solver.best[repReduced[d]];
      if (ns === Infinity) unreachable += w * size;
      else {
        dist.add(ns, w * size);
        sumNs += ns * size;
        reached += size;
      }
    }
    if (reached > 0) classMean.set(cls, sumNs / reached);
  }
  const meanStdErrorNs = exact ? null : systematicStandardError(
    pickedClasses.filter((cls) => classMean.has(cls)).map((cls) => classMean.get(cls)!), N);

  const researchSites = siteLatencies(ctx, model, twins, solver);
  ctx.progress('latency', 1);
  const any = dist.total > 0;
  return {
    packetBytes: model.packetBytes,
    minNs: any ? dist.min : null,
    meanNs: any ? dist.mean : null,
    p50Ns: any ? dist.quantile(0.5) : null,
    p99Ns: any ? dist.quantile(0.99) : null,
    maxNs: any ? dist.max : null,
    histogram: dist.histogram(options.buckets ?? 32),
    pairs: N * (N - 1),
    unreachablePairs: unreachable,
    method: exact
      ? `exact: lowest-latency shortest-hop path for every ordered pair (${twins.classes} source classes)`
      : `sampled: ${maxSources} source accelerators of ${N} (systematic, seed ${options.seed ?? 1}), every target exact; pair counts scaled by ${scale.toFixed(3)}`,
    exact,
    sampledSources: exact ? null : maxSources,
    percentilesExact: dist.isExact,
    meanStdErrorNs,
    researchSites,
    problems,
  };
}

/**
 * Standard error of the mean of N per-source means estimated from a systematic sample of k of them, taken in order:
 * the successive-difference estimator, var = (1 - k/N) x sum (m[i+1] - m[i])^2 / (2 k (k - 1)) (Wolter,
 * Introduction to Variance Estimation, for systematic samples). Neighbours in the sample come from neighbouring
 * pods, so a trend across pods does not count as sampling noise (the simple-random-sample formula would). Null with
 * fewer than two sampled sources.
 */
export function systematicStandardError(means: readonly number[], populationSize: number): number | null {
  const k = means.length;
  if (k < 2) return null;
  let ss = 0;
  for (let i = 0; i + 1 < k; i++) ss += (means[i + 1] - means[i]) ** 2;
  return Math.sqrt(Math.max(0, 1 - k / populationSize) * ss / (2 * k * (k - 1)));
}

function siteLatencies(ctx: EvalContext, model: LatencyModel, twins: LatencyTwins, solver: PathLatencySolver): ResearchSiteLatency[] {
  const { doc, compiled: c } = ctx;
  const dcSites = new Set(doc.sites.filter((s) => s.kind === 'datacenter').map((s) => s.id));
  const remote = doc.sites.filter((s) => s.kind !== 'datacenter');
  if (remote.length === 0) return [];
  // Data-centre accelerators: located at a data-centre site, or with no site at all.
  const acc = c.accelerators;
  let dcCount = 0;
  const dcAll = new Int32Array(acc.length);
  for (let i = 0; i < acc.length; i++) {
    const site = doc.nodes[acc[i]].site;
    if (site === undefined || dcSites.has(site)) dcAll[dcCount++] = acc[i];
  }
  const dcAcc = dcAll.subarray(0, dcCount);
  // A dropped twin routes exactly like its representative.
  const reduced = (u: number) => (twins.reducedIndex[u] >= 0 ? twins.reducedIndex[u] : twins.reducedIndex[twins.classRep[twins.classOf[u]]]);
  const dcReduced = new Int32Array(dcCount);
  const dcClass = new Int32Array(dcCount);
  for (let i = 0; i < dcCount; i++) {
    dcReduced[i] = reduced(dcAcc[i]);
    dcClass[i] = twins.classOf[dcAcc[i]];
  }
  const best = new Float64Array(dcCount);
  const hops = new Int32Array(dcCount);
  const siteNodes = new Map<string, number[]>(remote.map((s) => [s.id, []]));
  for (let u = 0; u < c.n; u++) {
    const site = doc.nodes[u].site;
    if (site !== undefined) siteNodes.get(site)?.push(u);
  }
  const out: ResearchSiteLatency[] = [];
  for (const site of remote) {
    checkCancelled(ctx);
    const nodes = siteNodes.get(site.id)!;
    best.fill(Infinity);
    hops.fill(-1);
    for (const u of nodes) {
      solver.run(reduced(u), true);
      const cls = twins.classOf[u];
      const twinNs = cls >= 0 && twins.classSize[cls] > 1 ? twinPairLatencyNs(c, model, twins.classRep[cls]) : Infinity;
      const { best: solved, hops: solvedHops } = solver;
      for (let i = 0; i < dcAcc.length; i++) {
        if (dcAcc[i] === u) continue;
        let ns: number;
        let h: number;
        if (cls >= 0 && dcClass[i] === cls) {
          ns = twinNs;
          h = 2;
        } else {
          const t = dcReduced[i];
          ns = solved[t];
          h = solvedHops[t];
        }
        if (ns < best[i]) {
          best[i] = ns;
          hops[i] = h;
        }
      }
    }
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    let reach = 0;
    let minHops = -1;
    for (let i = 0; i < best.length; i++) {
      const ns = best[i];
      if (ns === Infinity) continue;
      reach++;
      sum += ns;
      if (ns < min) {
        min = ns;
        minHops = hops[i];
      }
      if (ns > max) max = ns;
    }
    out.push({
      site: site.id,
      ...(site.name !== undefined ? { name: site.name } : {}),
      kind: site.kind,
      nodes: nodes.length,
      reachable: reach,
      unreachable: dcAcc.length - reach,
      minNs: reach ? min : null,
      meanNs: reach ? sum / reach : null,
      maxNs: reach ? max : null,
      minHops: reach ? minHops : null,
    });
  }
  return out;
}
