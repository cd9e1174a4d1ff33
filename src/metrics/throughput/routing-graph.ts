// The graph routing runs on: parallel links merged into one arc per neighbour (ECMP treats them as one next
// hop with their capacities added), sorted neighbour lists, and each arc's links kept for reporting and failures.
import type { CompiledFabric } from '../../compile/compile.js';
import { LightfabricError } from '../../model/errors.js';

export interface RoutingGraph {
  n: number;
  /** CSR: the arcs of node u are offsets[u] .. offsets[u+1]-1, neighbours ascending. */
  offsets: Int32Array;
  /** Arc -> head node. */
  neighbors: Int32Array;
  /** Arc -> summed gbps of its parallel links (per direction). */
  capGbps: Float64Array;
  /** Arc -> its links: arcLinks[linkStart[a] .. linkStart[a+1]-1] (link indices of the compiled fabric). */
  linkStart: Int32Array;
  arcLinks: Int32Array;
  /** Arc -> the opposite arc (v->u for u->v). */
  reverse: Int32Array;
}

export interface RoutingGraphOptions {
  /** 1 = the link takes part, 0 = it is ignored (failed). Indexed by link. */
  linkMask?: Uint8Array;
}

const cache = new WeakMap<CompiledFabric, RoutingGraph>();

/** The routing graph of all links, cached per compiled fabric (read-only). */
export function routingGraphOf(c: CompiledFabric): RoutingGraph {
  let g = cache.get(c);
  if (!g) {
    g = buildRoutingGraph(c);
    cache.set(c, g);
  }
  return g;
}

export function buildRoutingGraph(c: CompiledFabric, options: RoutingGraphOptions = {}): RoutingGraph {
  const { linkMask } = options;
  if (linkMask && linkMask.length !== c.m) {
    throw new LightfabricError('bad-argument', `linkMask has ${linkMask.length} entries for ${c.m} links`);
  }
  const n = c.n;
  const halfArc = new Int32Array(c.neighbors.length).fill(-1);
  const offsets = new Int32Array(n + 1);
  const nb = new Int32Array(c.neighbors.length);
  const cap = new Float64Array(c.neighbors.length);
  // slot[v] = arc of the node being built that leads to v (valid when stamp[v] === u): merges parallel links.
  const stamp = new Int32Array(n).fill(-1);
  const slot = new Int32Array(n);
  let k = 0;
  const perm: number[] = [];
  for (let u = 0; u < n; u++) {
    offsets[u] = k;
    const start = k;
    for (let h = c.offsets[u], end = c.offsets[u + 1]; h < end; h++) {
      const e = c.halfEdgeLink[h];
      if (linkMask && !linkMask[e]) continue;
      const v = c.neighbors[h];
      if (v === u) continue;
      if (stamp[v] !== u) {
        stamp[v] = u;
        slot[v] = k;
        nb[k] = v;
        cap[k] = 0;
        k++;
      }
      cap[slot[v]] += c.linkGbps[e];
      halfArc[h] = slot[v];
    }
    const len = k - start;
    if (len > 1 && !isSorted(nb, start, k)) {
      // Reorder this node's arcs by neighbour and remap its half-edges to the new arc positions.
      perm.length = 0;
      for (let i = start; i < k; i++) perm.push(i);
      perm.sort((a, b) => nb[a] - nb[b]);
      const newPos = new Int32Array(len);
      const nb2 = new Int32Array(len);
      const cap2 = new Float64Array(len);
      for (let i = 0; i < len; i++) {
        newPos[perm[i] - start] = start + i;
        nb2[i] = nb[perm[i]];
        cap2[i] = cap[perm[i]];
      }
      nb.set(nb2, start);
      cap.set(cap2, start);
      for (let h = c.offsets[u], end = c.offsets[u + 1]; h < end; h++) {
        if (halfArc[h] >= 0) halfArc[h] = newPos[halfArc[h] - start];
      }
    }
  }
  offsets[n] = k;
  const linkStart = new Int32Array(k + 1);
  for (let h = 0; h < halfArc.length; h++) if (halfArc[h] >= 0) linkStart[halfArc[h] + 1]++;
  for (let a = 0; a < k; a++) linkStart[a + 1] += linkStart[a];
  const fill = linkStart.slice(0, k);
  const arcLinks = new Int32Array(linkStart[k]);
  for (let h = 0; h < halfArc.length; h++) if (halfArc[h] >= 0) arcLinks[fill[halfArc[h]]++] = c.halfEdgeLink[h];
  const neighbors = nb.slice(0, k);
  const g: RoutingGraph = {
    n, offsets, neighbors, capGbps: cap.slice(0, k), linkStart, arcLinks, reverse: new Int32Array(k),
  };
  for (let u = 0; u < n; u++) {
    for (let a = offsets[u], end = offsets[u + 1]; a < end; a++) g.reverse[a] = findArc(g, neighbors[a], u);
  }
  return g;
}

function isSorted(a: Int32Array, lo: number, hi: number): boolean {
  for (let i = lo + 1; i < hi; i++) if (a[i - 1] > a[i]) return false;
  return true;
}

/** The arc u -> v, or -1 when u and v are not adjacent (binary search in u's sorted list). */
export function findArc(g: RoutingGraph, u: number, v: number): number {
  let lo = g.offsets[u];
  let hi = g.offsets[u + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = g.neighbors[mid];
    if (w === v) return mid;
    if (w < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Tail node of every arc (the CSR stores heads only). */
export function arcTails(g: RoutingGraph): Int32Array {
  const tails = new Int32Array(g.neighbors.length);
  for (let u = 0; u < g.n; u++) tails.fill(u, g.offsets[u], g.offsets[u + 1]);
  return tails;
}
