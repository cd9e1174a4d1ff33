// ECMP link loads of uniform all-to-all traffic (one unit per ordered endpoint pair), exact: by nested zones
// (./zone-plan.ts: destinations proven to share routing share sweeps), the rest over the shortest-path DAG toward
// each destination twin class (one BFS and one far-to-near sweep per class). Only when exact work would exceed
// the budget: an estimate, one destination per symmetry class standing for the class with its loads spread over
// each class of equivalent arcs (right only when the classes are automorphism orbits, which is not proven).
import { scratchOf } from '../graph/scratch.js';
import type { SimpleGraph } from '../graph/simple.js';
import { refineColours } from './colour-refinement.js';
import { twinClasses, type TwinClasses } from './twin-classes.js';
import { zoneAllToAllLoads } from './zone-loads.js';
import { zonePlanOf } from './zone-plan.js';

export interface EcmpLoadOptions {
  /**
   * Work allowed for the exact computation, in arc visits (zones: the plan plus ~4 x the shells of the classes;
   * plain: about 2 x (nodes + arcs) per twin class). Above it the symmetry estimate runs. Infinity forces exact.
   */
  maxWork?: number;
  /** 'auto' (default): exact within maxWork, else symmetry, else partial. Or force one method. */
  method?: 'auto' | EcmpMethod;
  /**
   * How the exact method runs. 'auto' (default): nested zones when they apply (certified destinations share
   * sweeps; the rest are swept one twin class at a time), else per twin class. 'zones' forces the zones even when
   * the plain remainder is large; 'plain' sweeps every twin class (the reference).
   */
  strategy?: 'auto' | 'zones' | 'plain';
  /** Symmetry classes verified with a second destination (largest classes first). Default 8. */
  symmetryChecks?: number;
  /** Per node: a label that automorphisms must preserve (kind and model); refines the symmetry classes. */
  nodeLabels?: ArrayLike<string | number>;
  /** Called between classes with the fraction done; may throw to cancel. */
  tick?: (fraction: number) => void;
}

export type EcmpMethod = 'exact' | 'symmetry' | 'partial-upper-bound';

export interface ZoneSummary {
  zones: number;
  cells: number;
  classes: number;
  certified: number;
  plainSweeps: number;
}

export interface SymmetryCheck {
  /** Classes with a second destination swept for comparison. */
  classesChecked: number;
  /** Largest difference between the two destinations' per-arc-class loads, relative to the largest load. */
  maxRelativeDifference: number;
}

export interface EcmpLoads {
  /**
   * Arc -> load per unit of pair demand (multiply by lambda for Gbps), in the arc's direction. Borrowed from
   * scratchOf(g): a caller done with it may give it back.
   */
  arcLoad: Float64Array;
  /** Sum over ordered connected endpoint pairs of the shortest-path hops. */
  hopSum: number;
  /** Ordered endpoint pairs with no path. */
  disconnectedPairs: number;
  endpoints: number;
  method: EcmpMethod;
  /** Exact method: by nested zones (with plain sweeps for what they do not certify) or one sweep per twin class. */
  strategy?: 'zones' | 'twins';
  /** Exact method by zones: zones and cells, classes swept, destinations certified, plain twin-class sweeps. */
  zones?: ZoneSummary;
  /** Sweeps: exact -> zone classes + plain twin classes; symmetry -> symmetry classes; partial -> destinations. */
  classes: number;
  /** Destinations whose DAG was swept. */
  destinationsSwept: number;
  symmetryCheck?: SymmetryCheck;
  /** Arc visits spent. */
  work: number;
}

/** Reusable buffers for one routing graph. */
class Scratch {
  readonly dist: Int32Array;
  readonly order: Int32Array;
  readonly inflow: Float64Array;
  /** Per node: neighbours one hop closer to the destination (counted during the BFS). */
  readonly nextHops: Int32Array;
  readonly memberStamp: Int32Array;
  readonly isEndpoint: Uint8Array;
  constructor(n: number, endpoints: Int32Array) {
    this.dist = new Int32Array(n);
    this.order = new Int32Array(n);
    this.inflow = new Float64Array(n);
    this.nextHops = new Int32Array(n);
    this.memberStamp = new Int32Array(n).fill(-1);
    this.isEndpoint = new Uint8Array(n);
    for (let i = 0; i < endpoints.length; i++) this.isEndpoint[endpoints[i]] = 1;
  }
}

interface ClassResult {
  hopSum: number;
  reachedEndpoints: number;
}

/**
 * Sweep one twin class C (members sharing the neighbour set S): every endpoint sends one unit to each member.
 * Distances to a member are 1 + the distance to S, so one multi-source BFS from S serves the whole class; the
 * flow arriving at each x in S splits evenly over the members (twins are symmetric), `scale` multiplies loads.
 */
function sweepClass(
  g: SimpleGraph, s: Scratch, members: Int32Array, lo: number, hi: number, stamp: number, scale: number,
  arcLoad: Float64Array,
): ClassResult {
  const { offsets, neighbors } = g;
  const { dist, order, inflow, nextHops, memberStamp, isEndpoint } = s;
  const c = hi - lo;
  for (let i = lo; i < hi; i++) memberStamp[members[i]] = stamp;
  dist.fill(-1);
  nextHops.fill(0);
  const rep = members[lo];
  // An endpoint without links: nobody reaches it; its class members count as reached so only others are missing.
  if (offsets[rep + 1] === offsets[rep]) return { hopSum: 0, reachedEndpoints: c };
  let tail = 0;
  for (let a = offsets[rep], end = offsets[rep + 1]; a < end; a++) {
    const x = neighbors[a];
    dist[x] = 0;
    order[tail++] = x;
  }
  for (let head = 0; head < tail; head++) {
    const u = order[head];
    const du = dist[u] + 1;
    for (let a = offsets[u], end = offsets[u + 1]; a < end; a++) {
      const v = neighbors[a];
      const dv = dist[v];
      if (dv === -1) {
        dist[v] = du;
        order[tail++] = v;
        nextHops[v] = 1;
      } else if (dv === du) {
        nextHops[v]++;
      }
    }
  }
  let hopSum = 0;
  let reachedEndpoints = 0;
  for (let idx = tail - 1; idx >= 0; idx--) {
    const v = order[idx];
    const dv = dist[v];
    let total = inflow[v];
    inflow[v] = 0;
    if (isEndpoint[v]) {
      reachedEndpoints++;
      if (memberStamp[v] === stamp) {
        total += c - 1;
        hopSum += 2 * (c - 1);
      } else {
        total += c;
        hopSum += c * (dv + 1);
      }
    }
    if (total === 0) continue;
    const lo2 = offsets[v];
    const hi2 = offsets[v + 1];
    if (dv === 0) {
      const share = (total / c) * scale;
      for (let a = lo2; a < hi2; a++) if (memberStamp[neighbors[a]] === stamp) arcLoad[a] += share;
      continue;
    }
    const want = dv - 1;
    const share = total / nextHops[v];
    const load = share * scale;
    for (let a = lo2; a < hi2; a++) {
      const w = neighbors[a];
      if (dist[w] === want) {
        arcLoad[a] += load;
        inflow[w] += share;
      }
    }
  }
  return { hopSum, reachedEndpoints };
}

/** ECMP loads of all-to-all traffic among `endpoints` (node indices, e.g. the accelerators or a job). */
export function ecmpAllToAllLoads(g: SimpleGraph, endpoints: Int32Array, options: EcmpLoadOptions = {}): EcmpLoads {
  // Twin classes are only needed by the plain sweeps: found on first use.
  let twinCache: TwinClasses | undefined;
  const twins = () => (twinCache ??= twinClasses(g, endpoints));
  const perClass = 2 * (g.n + g.neighbors.length);
  const maxWork = options.maxWork ?? Infinity;
  const method = options.method ?? 'auto';
  const strategy = options.strategy ?? 'auto';
  if (method === 'exact' || method === 'auto') {
    if (strategy !== 'plain') {
      const zoned = zoneLoads(g, endpoints, twins, perClass, method === 'exact' ? Infinity : maxWork, options);
      if (zoned) return zoned;
    }
    if (method === 'exact' || twins().count * perClass <= maxWork) {
      const all = Int32Array.from({ length: endpoints.length }, (_, i) => i);
      const arcLoad = scratchOf(g).float64(g.neighbors.length);
      const r = plainLoads(g, endpoints, twins(), all, arcLoad, options.tick);
      options.tick?.(1);
      return {
        arcLoad, hopSum: r.hopSum, disconnectedPairs: r.disconnectedPairs, endpoints: endpoints.length, method: 'exact',
        strategy: 'twins', classes: twins().count, destinationsSwept: endpoints.length, work: r.work,
      };
    }
  }
  return symmetryLoads(g, endpoints, perClass, maxWork, method, options);
}

/**
 * The per-destination sweep for the destinations at `positions` (indices into `endpoints`), twins sharing one
 * sweep: exact, and the reference every faster method is tested against.
 */
function plainLoads(
  g: SimpleGraph, endpoints: Int32Array, twins: TwinClasses, positions: ArrayLike<number>, arcLoad: Float64Array,
  tick?: (fraction: number) => void,
): { hopSum: number; disconnectedPairs: number; work: number; sweeps: number } {
  const N = endpoints.length;
  const scratch = new Scratch(g.n, endpoints);
  const perClass = 2 * (g.n + g.neighbors.length);
  // Group the wanted destinations by twin class, in class order.
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < positions.length; i++) {
    const k = twins.classOfEndpoint[positions[i]];
    let list = byClass.get(k);
    if (!list) byClass.set(k, (list = []));
    list.push(endpoints[positions[i]]);
  }
  const keys = [...byClass.keys()].sort((a, b) => a - b);
  let hopSum = 0;
  let disconnectedPairs = 0;
  let stamp = 0;
  for (const k of keys) {
    if (tick && (stamp & 15) === 0) tick(stamp / keys.length);
    const members = Int32Array.from(byClass.get(k)!);
    const r = sweepClass(g, scratch, members, 0, members.length, stamp++, 1, arcLoad);
    hopSum += r.hopSum;
    disconnectedPairs += (N - r.reachedEndpoints) * members.length;
  }
  return { hopSum, disconnectedPairs, work: keys.length * perClass, sweeps: keys.length };
}

/**
 * Exact loads by nested zones (./zone-plan.ts, ./zone-loads.ts), the destinations the zones cannot certify swept
 * plainly. null when zones do not apply, or the plain remainder would exceed `maxWork`.
 */
function zoneLoads(
  g: SimpleGraph, endpoints: Int32Array, twins: () => TwinClasses, perClass: number, maxWork: number, options: EcmpLoadOptions,
): EcmpLoads | null {
  const plan = zonePlanOf(g, endpoints);
  if (!plan) return null;
  const tree = plan.tree;
  const fallbackClasses = plan.fallback.length > 0 ? new Set(plan.fallback.map((i) => twins().classOfEndpoint[i])).size : 0;
  // Work the zones would still spend: each live class sweeps its zone's shell twice, plus the plain remainder.
  let zoneWork = plan.work;
  for (const c of plan.classes) if (c.alive) zoneWork += 4 * plan.shells[c.zone]!.graph.to.length;
  if (options.strategy !== 'zones' && zoneWork + fallbackClasses * perClass > maxWork) return null;
  const arcLoad = scratchOf(g).float64(g.neighbors.length);
  const certified = endpoints.length - plan.fallback.length;
  const tick = options.tick;
  const zoned = zoneAllToAllLoads(g, plan, endpoints, arcLoad, tick && ((f) => tick((f * certified) / endpoints.length)));
  const rest = plan.fallback.length === 0
    ? { hopSum: 0, disconnectedPairs: 0, work: 0, sweeps: 0 }
    : plainLoads(g, endpoints, twins(), plan.fallback, arcLoad, tick && ((f) => tick((certified + f * plan.fallback.length) / endpoints.length)));
  tick?.(1);
  return {
    arcLoad,
    hopSum: zoned.hopSum + rest.hopSum,
    disconnectedPairs: rest.disconnectedPairs,
    endpoints: endpoints.length,
    method: 'exact',
    strategy: 'zones',
    classes: zoned.classesSwept + rest.sweeps,
    destinationsSwept: endpoints.length,
    zones: { zones: tree.zones.length, cells: tree.cells.length, classes: zoned.classesSwept, certified, plainSweeps: rest.sweeps },
    work: plan.work + zoned.work + rest.work,
  };
}

/**
 * Symmetry method. Colour refinement groups nodes that look alike; arcs are grouped by (tail colour, head colour,
 * capacity). If the destination classes and arc classes are orbits of automorphisms of the fabric, a class C of
 * destinations puts |C| x (its representative's load summed over an arc class) / (arcs in the class) on every arc
 * of the class, exactly. A second destination per class is swept as a check: for true orbits both give the same
 * per-arc-class loads. With more classes than 20x the work budget allows, only a partial sum of destinations is
 * swept and the result is an upper bound on lambda (loads are sums of non-negative terms).
 */
function symmetryLoads(
  g: SimpleGraph, endpoints: Int32Array, perClass: number, maxWork: number, method: 'auto' | EcmpMethod, options: EcmpLoadOptions,
): EcmpLoads {
  const n = g.n;
  const arcs = g.neighbors.length;
  const N = endpoints.length;
  const isEndpoint = new Uint8Array(n);
  for (let i = 0; i < N; i++) isEndpoint[endpoints[i]] = 1;
  const labels = options.nodeLabels;
  const { colour, count } = refineColours(g, Array.from({ length: n }, (_, v) => `${labels ? labels[v] : ''}|${isEndpoint[v]}`));
  // Destination classes in endpoint order.
  const classOf = new Map<number, number[]>();
  for (let i = 0; i < N; i++) {
    const k = colour[endpoints[i]];
    let list = classOf.get(k);
    if (!list) classOf.set(k, (list = []));
    list.push(endpoints[i]);
  }
  const classes = [...classOf.values()];
  const scratch = new Scratch(n, endpoints);
  if (method === 'partial-upper-bound' || (method === 'auto' && classes.length * perClass > 20 * maxWork)) {
    return partialLoads(g, endpoints, scratch, perClass, maxWork, options);
  }
  // The largest classes are checked first: they weigh most in the loads.
  const checkOrder = classes.map((_, k) => k).sort((x, y) => classes[y].length - classes[x].length);
  const checkSet = new Set(checkOrder.filter((k) => classes[k].length >= 2).slice(0, options.symmetryChecks ?? 8));

  // Arc classes: (tail colour, head colour, capacity, 4-cycles through the arc). Colour refinement cannot tell the
  // two dimensions of a k1 x k2 torus apart; the 4-cycle count does when a ring is that short. It is only counted
  // where a node has two arcs of the same colours and capacity and both ends are small (direct networks).
  const caps = new Map<number, number>();
  for (let a = 0; a < arcs; a++) if (!caps.has(g.capacityGbps[a])) caps.set(g.capacityGbps[a], caps.size);
  const squares = squareCounts(g, colour, 32);
  const arcClass = new Int32Array(arcs);
  const arcKeys = new Map<string, number>();
  for (let u = 0; u < n; u++) {
    for (let a = g.offsets[u]; a < g.offsets[u + 1]; a++) {
      const key = `${colour[u]}:${colour[g.neighbors[a]]}:${caps.get(g.capacityGbps[a])}:${squares[a]}`;
      let id = arcKeys.get(key);
      if (id === undefined) arcKeys.set(key, (id = arcKeys.size));
      arcClass[a] = id;
    }
  }
  const A = arcKeys.size;
  const arcClassSize = new Float64Array(A);
  for (let a = 0; a < arcs; a++) arcClassSize[arcClass[a]]++;

  const total = new Float64Array(A);
  const one = new Float64Array(arcs);
  const sums = [new Float64Array(A), new Float64Array(A)];
  let hopSum = 0;
  let disconnectedPairs = 0;
  let swept = 0;
  let checked = 0;
  let maxRel = 0;
  let stamp = 0;
  for (let k = 0; k < classes.length; k++) {
    options.tick?.(k / classes.length);
    const members = classes[k];
    const size = members.length;
    const reps = checkSet.has(k) ? [members[0], members[size >> 1]] : [members[0]];
    const hops: number[] = [];
    for (let r = 0; r < reps.length; r++) {
      one.fill(0);
      const res = sweepClass(g, scratch, Int32Array.of(reps[r]), 0, 1, stamp++, 1, one);
      swept++;
      const sum = sums[r];
      sum.fill(0);
      for (let a = 0; a < arcs; a++) sum[arcClass[a]] += one[a];
      hops.push(res.hopSum);
      if (r === 0) {
        hopSum += size * res.hopSum;
        disconnectedPairs += size * (N - res.reachedEndpoints);
        for (let c = 0; c < A; c++) total[c] += size * sum[c];
      }
    }
    if (reps.length === 2) {
      checked++;
      let scale = 0;
      let diff = 0;
      for (let c = 0; c < A; c++) {
        scale = Math.max(scale, Math.abs(sums[0][c]));
        diff = Math.max(diff, Math.abs(sums[0][c] - sums[1][c]));
      }
      const hopDiff = Math.abs(hops[0] - hops[1]) / Math.max(1, hops[0]);
      maxRel = Math.max(maxRel, scale > 0 ? diff / scale : 0, hopDiff);
    }
  }
  options.tick?.(1);
  const arcLoad = new Float64Array(arcs);
  for (let a = 0; a < arcs; a++) arcLoad[a] = total[arcClass[a]] / arcClassSize[arcClass[a]];
  return {
    arcLoad, hopSum, disconnectedPairs, endpoints: N, method: 'symmetry', classes: classes.length,
    destinationsSwept: swept, symmetryCheck: { classesChecked: checked, maxRelativeDifference: maxRel }, work: swept * perClass,
  };
}

/** Loads of a systematic subset of destinations, unscaled: every arc's load is at least this. */
function partialLoads(g: SimpleGraph, endpoints: Int32Array, scratch: Scratch, perClass: number, maxWork: number, options: EcmpLoadOptions): EcmpLoads {
  const N = endpoints.length;
  const want = Math.max(1, Math.min(N, Math.floor(Math.min(maxWork, 1e15) / perClass)));
  const arcLoad = scratchOf(g).float64(g.neighbors.length);
  let hopSum = 0;
  let disconnectedPairs = 0;
  for (let i = 0; i < want; i++) {
    options.tick?.(i / want);
    const d = endpoints[Math.floor((i * N) / want)];
    const r = sweepClass(g, scratch, Int32Array.of(d), 0, 1, i, 1, arcLoad);
    hopSum += r.hopSum;
    disconnectedPairs += N - r.reachedEndpoints;
  }
  options.tick?.(1);
  return {
    arcLoad, hopSum, disconnectedPairs, endpoints: N, method: 'partial-upper-bound', classes: want,
    destinationsSwept: want, work: want * perClass,
  };
}

/**
 * Per arc u -> v: the number of 4-cycles through it, where u has another arc to a node of v's colour with the
 * same capacity and both u and v have at most `maxDegree` arcs; -1 elsewhere (not needed, or too costly).
 */
function squareCounts(g: SimpleGraph, colour: Int32Array, maxDegree: number): Int32Array {
  const out = new Int32Array(g.neighbors.length).fill(-1);
  const mark = new Int32Array(g.n).fill(-1);
  const deg = (x: number) => g.offsets[x + 1] - g.offsets[x];
  for (let u = 0; u < g.n; u++) {
    if (deg(u) > maxDegree || deg(u) < 2) continue;
    for (let a = g.offsets[u]; a < g.offsets[u + 1]; a++) {
      const v = g.neighbors[a];
      if (deg(v) > maxDegree) continue;
      let twin = false;
      for (let b = g.offsets[u]; b < g.offsets[u + 1] && !twin; b++) {
        twin = b !== a && colour[g.neighbors[b]] === colour[v] && g.capacityGbps[b] === g.capacityGbps[a];
      }
      if (!twin) continue;
      for (let b = g.offsets[v]; b < g.offsets[v + 1]; b++) mark[g.neighbors[b]] = a;
      let count = 0;
      for (let b = g.offsets[u]; b < g.offsets[u + 1]; b++) {
        const w = g.neighbors[b];
        if (w === v) continue;
        for (let h = g.offsets[w]; h < g.offsets[w + 1]; h++) {
          const x = g.neighbors[h];
          if (x !== u && mark[x] === a) count++;
        }
      }
      out[a] = count;
    }
  }
  return out;
}
