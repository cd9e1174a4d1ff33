// Breadth-first search on a CompiledFabric's CSR: hop distances from one node or from a set of nodes
// (multi-source: distance to the nearest source), with the visit order for far-to-near sweeps.
import type { CompiledFabric } from '../../compile/compile.js';
import { LightfabricError } from '../../model/errors.js';

export interface BfsOptions {
  /** 1 = the link may be traversed, 0 = it is skipped. Indexed by link. */
  linkMask?: Uint8Array;
  /** 1 = the node may be entered (sources always start). Skipped nodes keep distance -1. */
  nodeMask?: Uint8Array;
  /** Stop expanding past this distance (nodes further away keep -1). */
  maxDistance?: number;
  /** Reused output buffers (length n) to avoid allocation in loops over many sources. */
  dist?: Int32Array;
  order?: Int32Array;
}

export interface BfsResult {
  /** Node -> hops from the nearest source, -1 when not reached. */
  dist: Int32Array;
  /** Reached nodes in nondecreasing distance (a view of length `reached`). */
  order: Int32Array;
  reached: number;
}

/** Hop distances from `sources` (a node index or a list of them) over the fabric's links. */
export function bfs(c: CompiledFabric, sources: number | ArrayLike<number>, options: BfsOptions = {}): BfsResult {
  return bfsCsr(c.n, c.offsets, c.neighbors, c.halfEdgeLink, sources, options);
}

/**
 * The same search on any CSR (offsets/neighbors); `arcLink` maps arcs to link indices for `linkMask`
 * and may be omitted when no mask is given (e.g. on a SimpleGraph).
 */
export function bfsCsr(
  n: number,
  offsets: Int32Array,
  neighbors: Int32Array,
  arcLink: Int32Array | undefined,
  sources: number | ArrayLike<number>,
  options: BfsOptions = {},
): BfsResult {
  const { linkMask, nodeMask } = options;
  if (linkMask && !arcLink) throw new LightfabricError('bad-argument', 'bfs: linkMask needs the arc -> link map');
  const maxDistance = options.maxDistance ?? Infinity;
  const dist = options.dist ?? new Int32Array(n);
  const order = options.order ?? new Int32Array(n);
  if (dist.length < n || order.length < n) throw new LightfabricError('bad-argument', 'bfs: buffers shorter than the node count');
  dist.fill(-1, 0, n);
  let tail = 0;
  const push = (s: number) => {
    if (!(s >= 0 && s < n) || !Number.isInteger(s)) throw new LightfabricError('bad-argument', `bfs: source ${s} is not a node index`);
    if (dist[s] === 0) return;
    dist[s] = 0;
    order[tail++] = s;
  };
  if (typeof sources === 'number') push(sources);
  else for (let i = 0; i < sources.length; i++) push(sources[i]);
  for (let head = 0; head < tail; head++) {
    const u = order[head];
    const du = dist[u];
    if (du >= maxDistance) break;
    for (let h = offsets[u], end = offsets[u + 1]; h < end; h++) {
      const v = neighbors[h];
      if (dist[v] !== -1) continue;
      if (linkMask && !linkMask[arcLink![h]]) continue;
      if (nodeMask && !nodeMask[v]) continue;
      dist[v] = du + 1;
      order[tail++] = v;
    }
  }
  return { dist, order: order.subarray(0, tail), reached: tail };
}
