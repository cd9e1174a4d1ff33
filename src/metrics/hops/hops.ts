// Hop statistics over all ordered pairs of distinct accelerators, exact: twin classes, regions (./regions.ts) and
// bit-parallel BFS, never a distance matrix. Conventions: ../../../../shared/reference/metrics-reference.md.
import { checkCancelled, type EvalContext } from '../context.js';
import { BitParallelBfs, popcount32 } from '../graph/bitbfs.js';
import { simpleGraphOf } from '../graph/simple.js';
import { twinReductionOf, type TwinReduction } from '../graph/twins.js';
import { regionHopHistogram } from './regions.js';

export interface HopsReport {
  accelerators: number;
  /** Ordered pairs of distinct accelerators: N (N - 1). */
  pairs: number;
  /** Pairs with no path between them (not part of mean, diameter or histogram). */
  disconnectedPairs: number;
  /** Longest shortest path between connected accelerator pairs (links); null when no pair is connected. */
  diameter: number | null;
  /** Mean hops over connected ordered pairs; null when no pair is connected. */
  mean: number | null;
  /** histogram[h] = ordered pairs at exactly h hops (index 0 is always 0). */
  histogram: number[];
  /** Sum of hops over connected ordered pairs (the distance bound of all-to-all throughput uses it). */
  hopSum: number;
  method: string;
  /** Accelerator classes searched (twins share one search). */
  sourceClasses: number;
}

export interface HopsOptions {
  /** Bit words per node in the parallel search (32 sources each). Default chosen from the class count. */
  words?: number;
  /**
   * 'auto': region decomposition when accelerators share boundary profiles, else one search per twin class;
   * 'plain': always one search per twin class (the reference the regions are tested against).
   */
  strategy?: 'auto' | 'plain';
}

export function computeHops(ctx: EvalContext, options: HopsOptions = {}): HopsReport {
  const c = ctx.compiled;
  const N = c.accelerators.length;
  const pairs = N * (N - 1);
  if (N < 2) {
    return { accelerators: N, pairs, disconnectedPairs: 0, diameter: null, mean: null, histogram: [0], hopSum: 0, method: 'exact (fewer than 2 accelerators)', sourceClasses: N };
  }
  ctx.progress('hops', 0);
  const red = twinReductionOf(c, simpleGraphOf(c));
  const { hist, regions } = hopHistogramWithMethod(red, ctx, options.words, options.strategy ?? 'auto');
  let connected = 0;
  let hopSum = 0;
  let diameter: number | null = null;
  for (let h = 1; h < hist.length; h++) {
    connected += hist[h];
    hopSum += h * hist[h];
    if (hist[h] > 0) diameter = h;
  }
  ctx.progress('hops', 1);
  return {
    accelerators: N,
    pairs,
    disconnectedPairs: pairs - connected,
    diameter,
    mean: connected > 0 ? hopSum / connected : null,
    histogram: hist.length > (diameter ?? 0) + 1 ? hist.slice(0, (diameter ?? 0) + 1) : hist,
    hopSum,
    method: regions
      ? `exact: ${red.classes} twin classes of ${N} accelerators in ${regions.regions} regions sharing ${regions.groups} boundary profiles; bit-parallel BFS`
      : `exact: bit-parallel BFS from ${red.classes} twin classes of ${N} accelerators`,
    sourceClasses: red.classes,
  };
}

/** Counts of ordered accelerator pairs per hop distance, from a twin reduction. */
export function hopHistogram(red: TwinReduction, ctx?: Pick<EvalContext, 'progress' | 'cancel'>, words?: number): number[] {
  return hopHistogramWithMethod(red, ctx, words, 'auto').hist;
}

function hopHistogramWithMethod(
  red: TwinReduction,
  ctx: Pick<EvalContext, 'progress' | 'cancel'> | undefined,
  words: number | undefined,
  strategy: 'auto' | 'plain',
): { hist: number[]; regions: { regions: number; groups: number } | null } {
  const g = red.graph;
  const weight = red.weight;
  const classes = red.classes;
  const hist: number[] = [0];
  const add = (h: number, count: number) => {
    while (hist.length <= h) hist.push(0);
    hist[h] += count;
  };
  // Two twins share a neighbour: 2 hops apart (or disconnected when they have no neighbour at all).
  for (let cls = 0; cls < classes; cls++) {
    const m = red.classSize[cls];
    const r = red.reducedIndex[red.classRep[cls]];
    if (m > 1 && g.offsets[r + 1] > g.offsets[r]) add(2, m * (m - 1));
  }
  if (classes < 2) return { hist, regions: null };

  const W = words ?? Math.max(1, Math.min(8, Math.ceil(classes / 32)));
  const byRegion = strategy === 'auto' ? regionHopHistogram(red, W, ctx) : null;
  if (byRegion) {
    for (let h = 1; h < byRegion.hist.length; h++) if (byRegion.hist[h]) add(h, byRegion.hist[h]);
    return { hist, regions: { regions: byRegion.regions, groups: byRegion.groups } };
  }
  const order = sourceOrder(red);
  const bfs = new BitParallelBfs(g, W);
  const batchSize = bfs.maxSources;
  const batch = new Int32Array(batchSize);
  // Per word: the distinct source weights and which bits carry each, so a level costs a few popcounts.
  const maskOf: number[][] = [];
  const weightOf: number[][] = [];
  const levelSum: number[] = [];
  const batches = Math.ceil(classes / batchSize);
  for (let b = 0; b < batches; b++) {
    if (ctx) {
      checkCancelled(ctx);
      ctx.progress('hops', b / batches);
    }
    const start = b * batchSize;
    const count = Math.min(batchSize, classes - start);
    const sources = batch.subarray(0, count);
    for (let w = 0; w < W; w++) {
      maskOf[w] = [];
      weightOf[w] = [];
    }
    for (let i = 0; i < count; i++) {
      const r = order[start + i];
      sources[i] = r;
      const w = i >>> 5;
      const wt = weight[r];
      const k = weightOf[w].indexOf(wt);
      if (k >= 0) maskOf[w][k] |= 1 << (i & 31);
      else {
        weightOf[w].push(wt);
        maskOf[w].push(1 << (i & 31));
      }
    }
    levelSum.length = 0;
    bfs.startFrom(sources, weight);
    const { bits, freshOffset: offset, stride } = bfs;
    while (bfs.step()) {
      const nodes = bfs.frontier;
      const n = bfs.count;
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const v = nodes[i];
        const tw = weight[v];
        if (tw === 0) continue;
        const vb = offset + v * stride;
        let s = 0;
        for (let w = 0; w < W; w++) {
          const x = bits[vb + w];
          if (x === 0) continue;
          const masks = maskOf[w];
          if (masks.length === 1) s += weightOf[w][0] * popcount32(x);
          else for (let k = 0; k < masks.length; k++) s += weightOf[w][k] * popcount32(x & masks[k]);
        }
        sum += tw * s;
      }
      levelSum[bfs.level] = (levelSum[bfs.level] ?? 0) + sum;
    }
    for (let h = 1; h < levelSum.length; h++) if (levelSum[h]) add(h, levelSum[h]);
  }
  return { hist, regions: null };
}

/**
 * Representatives (reduced indices) ordered so that a batch holds accelerators that are close together:
 * sorted by their neighbours, best-connected neighbour first. Nearby sources saturate nodes in few levels,
 * and saturated nodes drop out of the search.
 */
function sourceOrder(red: TwinReduction): Int32Array {
  const g = red.graph;
  const reps = new Int32Array(red.classes);
  for (let cls = 0; cls < red.classes; cls++) reps[cls] = red.reducedIndex[red.classRep[cls]];
  const deg = (v: number) => g.offsets[v + 1] - g.offsets[v];
  const key = new Float64Array(g.n);
  for (const r of reps) {
    let best = -1;
    let bestDeg = -1;
    for (let k = g.offsets[r]; k < g.offsets[r + 1]; k++) {
      const v = g.neighbors[k];
      if (deg(v) > bestDeg) {
        best = v;
        bestDeg = deg(v);
      }
    }
    key[r] = best < 0 ? g.n + r : best;
  }
  return reps.sort((a, b) => key[a] - key[b] || a - b);
}
