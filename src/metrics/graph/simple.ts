// Simple-graph view of a CompiledFabric: parallel links merged into one arc per neighbour (capacities added; ECMP
// treats them as one next hop), masked links dropped, neighbour lists sorted. Hop, cut and routing kernels run on
// it: an NVLink bundle of 18 links is one neighbour. Each arc knows its links (for reports and failures) and its
// reverse arc, both built on first use.
import { MEDIUM_CODE, type CompiledFabric } from '../../compile/compile.js';
import { LightfabricError } from '../../model/errors.js';
import { sharePool } from './scratch.js';

export interface SimpleGraph {
  n: number;
  /** CSR: the arcs of node u are offsets[u] .. offsets[u+1]-1; every undirected edge appears as two arcs. */
  offsets: Int32Array;
  /** Arc -> head node, ascending within each node. */
  neighbors: Int32Array;
  /** Arc -> summed gbps of the parallel links it stands for (per direction). */
  capacityGbps: Float64Array;
  /** Arc -> its links: arcLinks[linkStart[a] .. linkStart[a+1]-1] (link indices of the compiled fabric). Lazy. */
  readonly linkStart: Int32Array;
  readonly arcLinks: Int32Array;
  /** Arc -> the opposite arc (v->u for u->v). Lazy. */
  readonly reverse: Int32Array;
}

export interface SimpleGraphOptions {
  /** 1 = the link takes part, 0 = it is ignored (failed link, scale-up view ...). Indexed by link. */
  linkMask?: Uint8Array;
  /** Per-link capacity replacing linkGbps (unit capacities for edge connectivity, degraded links ...). */
  capacity?: Float64Array;
}

const cache = new WeakMap<CompiledFabric, SimpleGraph>();
const scaleOutCache = new WeakMap<CompiledFabric, SimpleGraph>();

/** The simple graph of all links with their gbps; cached per compiled fabric (treat the result as read-only). */
export function simpleGraphOf(c: CompiledFabric): SimpleGraph {
  let g = cache.get(c);
  if (!g) {
    g = buildSimpleGraph(c);
    cache.set(c, g);
    sharePool(g, c);
  }
  return g;
}

/** The cached simple graph of c if a metric has built it already (nothing is built here). */
export function cachedSimpleGraph(c: CompiledFabric): SimpleGraph | undefined {
  return cache.get(c);
}

/** The simple graph without scale-up links (NVLink, xGMI ...): the scale-out network; cached like simpleGraphOf. */
export function scaleOutGraphOf(c: CompiledFabric): SimpleGraph {
  let g = scaleOutCache.get(c);
  if (!g) {
    const mask = new Uint8Array(c.m);
    for (let e = 0; e < c.m; e++) mask[e] = c.linkMedium[e] === MEDIUM_CODE['scale-up'] ? 0 : 1;
    g = buildSimpleGraph(c, { linkMask: mask });
    scaleOutCache.set(c, g);
    sharePool(g, c);
  }
  return g;
}

export function buildSimpleGraph(c: CompiledFabric, options: SimpleGraphOptions = {}): SimpleGraph {
  const { linkMask, capacity } = options;
  if (linkMask && linkMask.length !== c.m) throw new LightfabricError('bad-argument', `linkMask has ${linkMask.length} entries for ${c.m} links`);
  if (capacity && capacity.length !== c.m) throw new LightfabricError('bad-argument', `capacity has ${capacity.length} entries for ${c.m} links`);
  const cap = capacity ?? c.linkGbps;
  const n = c.n;
  const offsets = new Int32Array(n + 1);
  // stamp[v] === u: v already seen as a neighbour of u, its merged capacity so far in capOf[v].
  const stamp = new Int32Array(n).fill(-1);
  const capOf = new Float64Array(n);
  // Count the distinct neighbours first, so the arrays are allocated at their size (no temporaries to copy).
  let arcs = 0;
  for (let u = 0; u < n; u++) {
    offsets[u] = arcs;
    for (let h = c.offsets[u], end = c.offsets[u + 1]; h < end; h++) {
      if (linkMask && !linkMask[c.halfEdgeLink[h]]) continue;
      const v = c.neighbors[h];
      if (v === u || stamp[v] === u) continue;
      stamp[v] = u;
      arcs++;
    }
  }
  offsets[n] = arcs;
  stamp.fill(-1);
  const neighbors = new Int32Array(arcs);
  const capacityGbps = new Float64Array(arcs);
  let k = 0;
  for (let u = 0; u < n; u++) {
    const start = k;
    for (let h = c.offsets[u], end = c.offsets[u + 1]; h < end; h++) {
      const e = c.halfEdgeLink[h];
      if (linkMask && !linkMask[e]) continue;
      const v = c.neighbors[h];
      if (v === u) continue;
      if (stamp[v] === u) {
        capOf[v] += cap[e];
      } else {
        stamp[v] = u;
        capOf[v] = cap[e];
        neighbors[k++] = v;
      }
    }
    // Neighbours are distinct now: sort them (insertion sort for the usual short lists), capacities follow.
    if (k - start > 32) neighbors.subarray(start, k).sort();
    else {
      for (let i = start + 1; i < k; i++) {
        const v = neighbors[i];
        let p = i;
        while (p > start && neighbors[p - 1] > v) {
          neighbors[p] = neighbors[p - 1];
          p--;
        }
        neighbors[p] = v;
      }
    }
    for (let i = start; i < k; i++) capacityGbps[i] = capOf[neighbors[i]];
  }
  const g = { n, offsets, neighbors, capacityGbps } as SimpleGraph;
  // Arc links and reverse arcs are built on first use: cut and hop kernels build many graphs and never read them.
  let links: { linkStart: Int32Array; arcLinks: Int32Array } | undefined;
  let reverse: Int32Array | undefined;
  lazyProperty(g, 'linkStart', () => (links ??= arcLinksOf(c, g, linkMask)).linkStart);
  lazyProperty(g, 'arcLinks', () => (links ??= arcLinksOf(c, g, linkMask)).arcLinks);
  lazyProperty(g, 'reverse', () => (reverse ??= reverseArcs(g)));
  return g;
}

/** A read-only property built on first read, then kept as a plain value (later reads are field loads, not calls). */
export function lazyProperty<T>(obj: object, name: string, build: () => T): void {
  Object.defineProperty(obj, name, {
    enumerable: true,
    configurable: true,
    get() {
      const value = build();
      Object.defineProperty(obj, name, { value, enumerable: true });
      return value;
    },
  });
}

/** Arc -> links of a graph built from c: each kept half-edge goes to the arc of its (tail, head) pair. */
function arcLinksOf(
  c: CompiledFabric, g: Pick<SimpleGraph, 'n' | 'offsets' | 'neighbors'>, linkMask: Uint8Array | undefined,
): { linkStart: Int32Array; arcLinks: Int32Array } {
  const { n, offsets, neighbors } = g;
  const arcs = neighbors.length;
  // arcOf[v]: the arc u -> v while u's half-edges are mapped (no search).
  const arcOf = new Int32Array(n);
  const linkStart = new Int32Array(arcs + 1);
  for (let u = 0; u < n; u++) {
    for (let a = offsets[u]; a < offsets[u + 1]; a++) arcOf[neighbors[a]] = a;
    for (let h = c.offsets[u], end = c.offsets[u + 1]; h < end; h++) {
      const v = c.neighbors[h];
      if (v === u || (linkMask && !linkMask[c.halfEdgeLink[h]])) continue;
      linkStart[arcOf[v] + 1]++;
    }
  }
  for (let a = 0; a < arcs; a++) linkStart[a + 1] += linkStart[a];
  // Fill in half-edge order with linkStart[a] as a's cursor (it ends at a + 1's start), then shift it back.
  const arcLinks = new Int32Array(linkStart[arcs]);
  for (let u = 0; u < n; u++) {
    for (let a = offsets[u]; a < offsets[u + 1]; a++) arcOf[neighbors[a]] = a;
    for (let h = c.offsets[u], end = c.offsets[u + 1]; h < end; h++) {
      const v = c.neighbors[h];
      if (v === u || (linkMask && !linkMask[c.halfEdgeLink[h]])) continue;
      arcLinks[linkStart[arcOf[v]]++] = c.halfEdgeLink[h];
    }
  }
  for (let a = arcs; a > 0; a--) linkStart[a] = linkStart[a - 1];
  linkStart[0] = 0;
  return { linkStart, arcLinks };
}

function searchArc(offsets: Int32Array, neighbors: Int32Array, u: number, v: number): number {
  let lo = offsets[u];
  let hi = offsets[u + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = neighbors[mid];
    if (w === v) return mid;
    if (w < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The arc u -> v, or -1 when u and v are not adjacent (binary search in u's sorted list). */
export function findArc(g: Pick<SimpleGraph, 'offsets' | 'neighbors'>, u: number, v: number): number {
  return searchArc(g.offsets, g.neighbors, u, v);
}

/** Tail node of every arc (the CSR stores heads only). */
export function arcTails(g: Pick<SimpleGraph, 'n' | 'offsets' | 'neighbors'>): Int32Array {
  const tails = new Int32Array(g.neighbors.length);
  for (let u = 0; u < g.n; u++) tails.fill(u, g.offsets[u], g.offsets[u + 1]);
  return tails;
}

/** Arc -> index of the opposite arc (v->u for u->v). Relies on sorted neighbour lists. */
export function reverseArcs(g: Pick<SimpleGraph, 'n' | 'offsets' | 'neighbors'>): Int32Array {
  const rev = new Int32Array(g.neighbors.length);
  const cursor = g.offsets.slice(0, g.n);
  // Visiting u in ascending order consumes each v's arcs toward lower nodes in ascending order too.
  for (let u = 0; u < g.n; u++) {
    for (let h = g.offsets[u], end = g.offsets[u + 1]; h < end; h++) {
      const v = g.neighbors[h];
      if (v <= u) continue;
      let r = cursor[v];
      while (g.neighbors[r] < u) r++;
      cursor[v] = r + 1;
      rev[h] = r;
      rev[r] = h;
    }
  }
  return rev;
}
