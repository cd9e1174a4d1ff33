// Candidate balanced splits of the accelerators: from structure (labels, document order, attachment switch,
// BFS order), from spectral orderings (low Laplacian eigenvectors) and seeded random shuffles.
import type { CompiledFabric } from '../../compile/compile.js';
import { KIND_ACCELERATOR, MEDIUM_CODE } from '../../compile/compile.js';
import type { Rng } from '../../model/random.js';
import type { FabricDocument } from '../../model/types.js';
import { bfs } from '../graph/bfs.js';
import { laplacianLowVectors } from '../graph/lanczos.js';
import { simpleGraphOf } from '../graph/simple.js';
import { splitFromOrder, type Split } from './split.js';

export interface Candidate {
  inA: Split;
  /** Where it came from, for the report: 'structure:group', 'spectral:1', 'random' ... */
  source: string;
}

const LABELS = ['site', 'group', 'rack', 'server'] as const;
const SCALE_UP = MEDIUM_CODE['scale-up'];

export function structureCandidates(doc: FabricDocument, c: CompiledFabric): Candidate[] {
  const N = c.accelerators.length;
  const out: Candidate[] = [];
  const identity = Int32Array.from({ length: N }, (_, i) => i);
  out.push({ inA: splitFromOrder(identity, N), source: 'structure:document-order' });
  const { ranks, hierarchy } = labelRanks(doc, c);
  for (const [key, rank] of Object.entries(ranks)) {
    out.push({ inA: splitFromOrder(orderByRank(rank, Int32Array.from(identity)), N), source: `structure:${key}` });
    out.push({ inA: splitFromOrder(packedOrder(rank, N), N), source: `structure:${key}-packed` });
  }
  if (Object.keys(ranks).length > 1) out.push({ inA: splitFromOrder(hierarchy, N), source: 'structure:hierarchy' });
  out.push(injectionFrom(c, hierarchy));
  // Nearest accelerators to the first one: a ball, which is the right shape for meshes of routers.
  const { order: bfsOrder } = bfs(c, c.accelerators[0]);
  const ordinal = new Int32Array(c.n).fill(-1);
  c.accelerators.forEach((a, i) => (ordinal[a] = i));
  const byDistance: number[] = [];
  const placed = new Uint8Array(N);
  for (const v of bfsOrder) {
    if (ordinal[v] < 0) continue;
    byDistance.push(ordinal[v]);
    placed[ordinal[v]] = 1;
  }
  for (let i = 0; i < N; i++) if (!placed[i]) byDistance.push(i);
  out.push({ inA: splitFromOrder(byDistance, N), source: 'structure:bfs-ball' });
  return out;
}

/**
 * Least injection first, whole servers and pods kept together by the hierarchy: side A is cut off at its own
 * NICs, the binding split of a fabric whose core never blocks (with mixed NIC speeds, the slow ones go first).
 */
export function injectionCandidate(doc: FabricDocument, c: CompiledFabric): Candidate {
  return injectionFrom(c, labelRanks(doc, c).hierarchy);
}

function injectionFrom(c: CompiledFabric, hierarchy: Int32Array): Candidate {
  const N = c.accelerators.length;
  const injection = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const a = c.accelerators[i];
    for (let h = c.offsets[a]; h < c.offsets[a + 1]; h++) {
      const e = c.halfEdgeLink[h];
      if (c.linkMedium[e] !== SCALE_UP) injection[i] += c.linkGbps[e];
    }
  }
  const byInjection = Array.from(hierarchy).sort((x, y) => injection[x] - injection[y]);
  return { inA: splitFromOrder(byInjection, N), source: 'structure:injection' };
}

/**
 * Rank of each accelerator under each labelling that has at least two values (by first appearance; -1 when
 * unlabelled), plus its attachment switch, and the order by all of them at once, coarse to fine.
 */
function labelRanks(doc: FabricDocument, c: CompiledFabric): { ranks: Record<string, Int32Array>; hierarchy: Int32Array } {
  const N = c.accelerators.length;
  const ranks: Record<string, Int32Array> = {};
  for (const key of LABELS) {
    const rank = new Int32Array(N).fill(-1);
    const seen = new Map<string, number>();
    for (let i = 0; i < N; i++) {
      const v = doc.nodes[c.accelerators[i]][key];
      if (v === undefined) continue;
      let r = seen.get(v);
      if (r === undefined) {
        r = seen.size;
        seen.set(v, r);
      }
      rank[i] = r;
    }
    if (seen.size >= 2) ranks[key] = rank;
  }
  // Attachment: the best-connected non-accelerator neighbour (the leaf, rather than a server's NVSwitch).
  const g = simpleGraphOf(c);
  const attach = new Int32Array(N).fill(-1);
  const seen = new Map<number, number>();
  for (let i = 0; i < N; i++) {
    const a = c.accelerators[i];
    let best = -1;
    let bestDeg = -1;
    for (let h = g.offsets[a]; h < g.offsets[a + 1]; h++) {
      const v = g.neighbors[h];
      if (c.nodeKind[v] === KIND_ACCELERATOR) continue;
      const d = g.offsets[v + 1] - g.offsets[v];
      if (d > bestDeg) {
        best = v;
        bestDeg = d;
      }
    }
    if (best < 0) continue;
    let r = seen.get(best);
    if (r === undefined) {
      r = seen.size;
      seen.set(best, r);
    }
    attach[i] = r;
  }
  if (seen.size >= 2) ranks.attachment = attach;
  // All labels at once, coarse to fine: stable sorts from the finest key to the coarsest.
  const keys = Object.keys(ranks);
  let hierarchy: Int32Array = Int32Array.from({ length: N }, (_, i) => i);
  for (let k = keys.length - 1; k >= 0; k--) hierarchy = orderByRank(ranks[keys[k]], hierarchy);
  return { ranks, hierarchy };
}

/** Stable counting sort of `order` by rank (unlabelled, rank -1, first). */
function orderByRank(rank: Int32Array, order: Int32Array): Int32Array {
  let max = -1;
  for (let i = 0; i < rank.length; i++) if (rank[i] > max) max = rank[i];
  const start = new Int32Array(max + 3);
  for (let i = 0; i < order.length; i++) start[rank[order[i]] + 2]++;
  for (let r = 1; r < start.length; r++) start[r] += start[r - 1];
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) out[start[rank[order[i]] + 1]++] = order[i];
  return out;
}

/**
 * Whole groups first, largest first while they fit into side A, then the best-fitting group to straddle: splits
 * as few groups as possible (the group in document order may have been a big one).
 */
function packedOrder(rank: Int32Array, N: number): Int32Array {
  const byRank = orderByRank(rank, Int32Array.from({ length: N }, (_, i) => i));
  // Runs of equal rank in byRank are the groups.
  const groups: [number, number][] = [];
  for (let i = 0; i < N; ) {
    let j = i + 1;
    while (j < N && rank[byRank[j]] === rank[byRank[i]]) j++;
    groups.push([i, j]);
    i = j;
  }
  groups.sort((a, b) => b[1] - b[0] - (a[1] - a[0]) || a[0] - b[0]);
  let room = Math.floor(N / 2);
  const out = new Int32Array(N);
  let k = 0;
  const rest: [number, number][] = [];
  for (const g of groups) {
    const size = g[1] - g[0];
    if (size <= room) {
      out.set(byRank.subarray(g[0], g[1]), k);
      k += size;
      room -= size;
    } else rest.push(g);
  }
  if (room > 0 && rest.length) {
    let fit = 0;
    for (let i = 1; i < rest.length; i++) if (rest[i][1] - rest[i][0] < rest[fit][1] - rest[fit][0]) fit = i;
    const [g] = rest.splice(fit, 1);
    out.set(byRank.subarray(g[0], g[1]), k);
    k += g[1] - g[0];
  }
  for (const g of rest) {
    out.set(byRank.subarray(g[0], g[1]), k);
    k += g[1] - g[0];
  }
  return out;
}

/** Median splits along low Laplacian eigenvectors (capacity-weighted; also unweighted when cheap). */
export function spectralCandidates(c: CompiledFabric, rng: Rng, maxSteps: number): Candidate[] {
  const N = c.accelerators.length;
  const g = simpleGraphOf(c);
  const out: Candidate[] = [];
  const runs: [string, Float64Array | undefined][] = [['spectral', g.capacityGbps]];
  if (g.n <= 20_000) runs.push(['spectral-unweighted', undefined]);
  for (const [name, weights] of runs) {
    const vectors = laplacianLowVectors({ n: g.n, offsets: g.offsets, neighbors: g.neighbors, weights }, 3, maxSteps, rng);
    vectors.forEach((vec, k) => {
      const order = Array.from({ length: N }, (_, i) => i).sort((x, y) => vec[c.accelerators[x]] - vec[c.accelerators[y]] || x - y);
      out.push({ inA: splitFromOrder(order, N), source: `${name}:${k + 1}` });
    });
  }
  return out;
}

export function randomCandidates(N: number, rng: Rng, count: number): Candidate[] {
  const out: Candidate[] = [];
  for (let k = 0; k < count; k++) {
    const order = rng.shuffle(Array.from({ length: N }, (_, i) => i));
    out.push({ inA: splitFromOrder(order, N), source: 'random' });
  }
  return out;
}
