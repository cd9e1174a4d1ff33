// Maximum flow / minimum cut between two node sets (super source and sink implied), undirected links with
// capacity per direction, by Dinic's algorithm on the merged simple graph. Used by bisection and resilience.
import type { CompiledFabric } from '../../compile/compile.js';
import { LightfabricError } from '../../model/errors.js';
import { buildSimpleGraph, simpleGraphOf, type SimpleGraph, type SimpleGraphOptions } from './simple.js';

/** Residual network: every undirected edge is two arcs, each the other's reverse, both with the edge's capacity. */
export interface FlowNetwork {
  n: number;
  offsets: Int32Array;
  neighbors: Int32Array;
  capacity: Float64Array;
  reverse: Int32Array;
}

export const SIDE_FREE = 0;
export const SIDE_SOURCE = 1;
export const SIDE_SINK = 2;

export interface MinCutResult {
  /** Capacity of the minimum cut = the maximum flow (gbps, one direction). */
  valueGbps: number;
  /** Node -> 1 when it is on the source side of the minimum cut (the side reachable in the residual network). */
  sourceSide: Uint8Array;
}

export function flowNetworkFromSimple(g: SimpleGraph): FlowNetwork {
  return { n: g.n, offsets: g.offsets, neighbors: g.neighbors, capacity: g.capacityGbps, reverse: g.reverse };
}

const netCache = new WeakMap<CompiledFabric, FlowNetwork>();

/** Flow network of a compiled fabric (link gbps as capacities); cached when no options are given. */
export function flowNetworkOf(c: CompiledFabric, options?: SimpleGraphOptions): FlowNetwork {
  if (options && (options.linkMask || options.capacity)) return flowNetworkFromSimple(buildSimpleGraph(c, options));
  let net = netCache.get(c);
  if (!net) {
    net = flowNetworkFromSimple(simpleGraphOf(c));
    netCache.set(c, net);
  }
  return net;
}

/** Scratch of the solvers of one network (every buffer is rewritten before it is read in a minCut call). */
interface SolverBuffers {
  res: Float64Array;
  level: Int32Array;
  it: Int32Array;
  queue: Int32Array;
  pathNode: Int32Array;
  pathArc: Int32Array;
}

// Solvers of one network share their buffers: minCut runs to completion without calling out, so two solvers
// never interleave, and the bisection's and the resilience's cuts of the same fabric allocate them once.
const bufferCache = new WeakMap<FlowNetwork, SolverBuffers>();

function solverBuffers(net: FlowNetwork): SolverBuffers {
  let b = bufferCache.get(net);
  if (!b || b.res.length !== net.capacity.length || b.level.length !== net.n) {
    const n = net.n;
    b = {
      res: new Float64Array(net.capacity.length),
      level: new Int32Array(n),
      it: new Int32Array(n),
      queue: new Int32Array(n),
      pathNode: new Int32Array(n + 1),
      pathArc: new Int32Array(n + 1),
    };
    bufferCache.set(net, b);
  }
  return b;
}

/** Reusable solver: buffers are allocated once, so many cuts on the same network (bisection search) are cheap. */
export class MaxFlowSolver {
  readonly net: FlowNetwork;
  private readonly res: Float64Array;
  private readonly level: Int32Array;
  private readonly it: Int32Array;
  private readonly queue: Int32Array;
  private readonly pathNode: Int32Array;
  private readonly pathArc: Int32Array;
  private readonly eps: number;

  constructor(net: FlowNetwork) {
    this.net = net;
    const b = solverBuffers(net);
    this.res = b.res;
    this.level = b.level;
    this.it = b.it;
    this.queue = b.queue;
    this.pathNode = b.pathNode;
    this.pathArc = b.pathArc;
    let maxCap = 0;
    for (let i = 0; i < net.capacity.length; i++) if (net.capacity[i] > maxCap) maxCap = net.capacity[i];
    // Residuals below this are float dust from subtracting sums of capacities, not real capacity.
    this.eps = Math.max(maxCap, 1) * 1e-11;
  }

  /**
   * Minimum cut separating the nodes with side[v] = SIDE_SOURCE from those with SIDE_SINK; SIDE_FREE nodes
   * fall on whichever side makes the cut smallest. Value 0 when no sink is reachable.
   */
  minCut(side: Uint8Array): MinCutResult {
    const { n, capacity } = this.net;
    if (side.length !== n) throw new LightfabricError('bad-argument', `minCut: side has ${side.length} entries for ${n} nodes`);
    this.res.set(capacity);
    while (this.buildLevels(side)) {
      this.it.set(this.net.offsets.subarray(0, n));
      for (let s = 0; s < n; s++) if (side[s] === SIDE_SOURCE) this.augmentFrom(s, side);
    }
    return this.residualCut(side);
  }

  /** BFS levels from all sources over arcs with residual capacity; false once no sink is reachable. */
  private buildLevels(side: Uint8Array): boolean {
    const { n, offsets, neighbors } = this.net;
    const { level, queue, res, eps } = this;
    level.fill(-1);
    let tail = 0;
    for (let s = 0; s < n; s++) {
      if (side[s] === SIDE_SOURCE) {
        level[s] = 0;
        queue[tail++] = s;
      }
    }
    let sinkLevel = -1;
    for (let head = 0; head < tail; head++) {
      const u = queue[head];
      const lu = level[u];
      // Nodes past the nearest sink can never be on a shortest augmenting path.
      if (sinkLevel >= 0 && lu >= sinkLevel) break;
      if (side[u] === SIDE_SINK) continue;
      for (let h = offsets[u], end = offsets[u + 1]; h < end; h++) {
        if (res[h] <= eps) continue;
        const v = neighbors[h];
        if (level[v] !== -1) continue;
        level[v] = lu + 1;
        queue[tail++] = v;
        if (side[v] === SIDE_SINK && sinkLevel < 0) sinkLevel = lu + 1;
      }
    }
    return sinkLevel >= 0;
  }

  /** Blocking flow from one source along level-increasing arcs (iterative DFS with current-arc pointers). */
  private augmentFrom(s: number, side: Uint8Array): void {
    const { offsets, neighbors, reverse } = this.net;
    const { level, it, res, eps, pathNode, pathArc } = this;
    let depth = 0;
    pathNode[0] = s;
    for (;;) {
      const u = pathNode[depth];
      if (side[u] === SIDE_SINK) {
        let f = Infinity;
        for (let i = 0; i < depth; i++) if (res[pathArc[i]] < f) f = res[pathArc[i]];
        let back = depth;
        for (let i = 0; i < depth; i++) {
          const a = pathArc[i];
          res[a] -= f;
          res[reverse[a]] += f;
          if (back === depth && res[a] <= eps) back = i;
        }
        depth = back;
        continue;
      }
      const want = level[u] + 1;
      const end = offsets[u + 1];
      let h = it[u];
      while (h < end && (res[h] <= eps || level[neighbors[h]] !== want)) h++;
      it[u] = h;
      if (h < end) {
        pathArc[depth] = h;
        pathNode[++depth] = neighbors[h];
        continue;
      }
      // Dead end: no later path of this phase can use u.
      level[u] = -1;
      if (depth === 0) return;
      depth--;
      it[pathNode[depth]]++;
    }
  }

  private residualCut(side: Uint8Array): MinCutResult {
    const { n, offsets, neighbors, capacity } = this.net;
    const { res, eps, queue } = this;
    const sourceSide = new Uint8Array(n);
    let tail = 0;
    for (let s = 0; s < n; s++) {
      if (side[s] === SIDE_SOURCE) {
        sourceSide[s] = 1;
        queue[tail++] = s;
      }
    }
    for (let head = 0; head < tail; head++) {
      const u = queue[head];
      for (let h = offsets[u], end = offsets[u + 1]; h < end; h++) {
        const v = neighbors[h];
        if (sourceSide[v] || res[h] <= eps) continue;
        sourceSide[v] = 1;
        queue[tail++] = v;
      }
    }
    // Summing original capacities (not the pushed flow) keeps the value exact for integer gbps.
    let valueGbps = 0;
    for (let u = 0; u < n; u++) {
      if (!sourceSide[u]) continue;
      for (let h = offsets[u], end = offsets[u + 1]; h < end; h++) if (!sourceSide[neighbors[h]]) valueGbps += capacity[h];
    }
    return { valueGbps, sourceSide };
  }
}

export interface FabricCutOptions extends SimpleGraphOptions {
  /** Reuse a solver built on the same fabric with the same options (many cuts in a loop). */
  solver?: MaxFlowSolver;
}

export interface FabricCut extends MinCutResult {
  /** Indices of the links crossing the cut (each counted once, masked links excluded). */
  cutLinks: Int32Array;
}

/** Minimum cut between two disjoint node sets of a fabric; switches and other nodes are free. */
export function minCutBetween(
  c: CompiledFabric,
  sources: ArrayLike<number>,
  sinks: ArrayLike<number>,
  options: FabricCutOptions = {},
): FabricCut {
  const side = new Uint8Array(c.n);
  for (let i = 0; i < sources.length; i++) side[sources[i]] = SIDE_SOURCE;
  for (let i = 0; i < sinks.length; i++) {
    if (side[sinks[i]] === SIDE_SOURCE) throw new LightfabricError('bad-argument', `minCut: node ${sinks[i]} is both source and sink`);
    side[sinks[i]] = SIDE_SINK;
  }
  const solver = options.solver ?? new MaxFlowSolver(flowNetworkOf(c, options));
  const cut = solver.minCut(side);
  return { ...cut, cutLinks: linksAcross(c, cut.sourceSide, options.linkMask) };
}

/** Maximum flow between two nodes (e.g. with unit capacities: the number of link-disjoint paths). */
export function maxFlowValue(c: CompiledFabric, s: number, t: number, options: FabricCutOptions = {}): number {
  if (s === t) throw new LightfabricError('bad-argument', 'maxFlow: source and sink are the same node');
  return minCutBetween(c, [s], [t], options).valueGbps;
}

/** Links with one end on each side of a node partition. */
export function linksAcross(c: CompiledFabric, sideA: Uint8Array, linkMask?: Uint8Array): Int32Array {
  let count = 0;
  for (let e = 0; e < c.m; e++) if ((!linkMask || linkMask[e]) && sideA[c.linkA[e]] !== sideA[c.linkB[e]]) count++;
  const out = new Int32Array(count);
  for (let e = 0, k = 0; e < c.m; e++) if ((!linkMask || linkMask[e]) && sideA[c.linkA[e]] !== sideA[c.linkB[e]]) out[k++] = e;
  return out;
}
