// Simple-graph view of a CompiledFabric: parallel links merged (capacities added), masked links dropped,
// neighbour lists sorted. Hop and cut kernels run on it: an NVLink bundle of 18 links is one neighbour.
import { MEDIUM_CODE, type CompiledFabric } from '../../compile/compile.js';
import { LightfabricError } from '../../model/errors.js';

export interface SimpleGraph {
  n: number;
  /** CSR: the arcs of node u are offsets[u] .. offsets[u+1]-1; every undirected edge appears as two arcs. */
  offsets: Int32Array;
  /** Arc -> head node, ascending within each node. */
  neighbors: Int32Array;
  /** Arc -> summed gbps of the parallel links it stands for (per direction). */
  capacityGbps: Float64Array;
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
  }
  return g;
}

/** The simple graph without scale-up links (NVLink, xGMI ...): the scale-out network; cached like simpleGraphOf. */
export function scaleOutGraphOf(c: CompiledFabric): SimpleGraph {
  let g = scaleOutCache.get(c);
  if (!g) {
    const mask = new Uint8Array(c.m);
    for (let e = 0; e < c.m; e++) mask[e] = c.linkMedium[e] === MEDIUM_CODE['scale-up'] ? 0 : 1;
    g = buildSimpleGraph(c, { linkMask: mask });
    scaleOutCache.set(c, g);
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
  const tmpNeighbors = new Int32Array(c.neighbors.length);
  const tmpCap = new Float64Array(c.neighbors.length);
  let k = 0;
  for (let u = 0; u < n; u++) {
    offsets[u] = k;
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
        tmpNeighbors[k++] = v;
      }
    }
    // Neighbours are distinct now, so a plain numeric sort orders them and capacities follow by lookup.
    if (k - start > 1) tmpNeighbors.subarray(start, k).sort();
    for (let i = start; i < k; i++) tmpCap[i] = capOf[tmpNeighbors[i]];
  }
  offsets[n] = k;
  return { n, offsets, neighbors: tmpNeighbors.slice(0, k), capacityGbps: tmpCap.slice(0, k) };
}

/** Arc -> index of the opposite arc (v->u for u->v). Relies on sorted neighbour lists. */
export function reverseArcs(g: SimpleGraph): Int32Array {
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
