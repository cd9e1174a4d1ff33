// Block landing for the up-down certificate: from a distribution level l up to the top level Z, the nodes of
// level l that share switches above them (a pod's leaves) route their flow with one common shape, chosen by a
// small max-flow so that it lands on the tops exactly in proportion pi. Then every accelerator lands on pi
// whatever it did below l, which capacity-proportional splits alone cannot ensure when pods reach the top
// unevenly (a pod of 40 spines over 24 core groups reaches 8 of them twice). Returns the largest theta the
// blocks carry.
import { MaxFlowSolver, SIDE_SINK, SIDE_SOURCE, type FlowNetwork } from '../graph/maxflow.js';
import { unionFind } from '../graph/union-find.js';
import type { SimpleGraph } from '../graph/simple.js';

/** Upward flow when every accelerator injects its up-link capacity, split over up-links by capacity. */
export interface UpwardSweep {
  g: SimpleGraph;
  dist: Int32Array;
  order: Int32Array;
  reached: number;
  /** Capacity of each node's links to the next level up. */
  upCap: Float64Array;
  /** Flow arriving at (or injected by) each node. */
  inflow: Float64Array;
  /** rate[l]: the largest theta the capacity-proportional up-links leaving level l carry. */
  rate: Float64Array;
  maxLevel: number;
}

/** Relative slack on "the flow fills every demand" (float sums); the theta reported is shaved by it. */
const FULL = 1e-12;

/**
 * Largest theta (at most `cap`) for which the blocks of level `ell` all land exactly on one distribution over the
 * tops of level Z; 0 when none works (a top out of some block's reach, up-neighbour sets that differ inside a
 * block) or when theta would not exceed `floor` (a certificate already in hand). Distributions tried: by the
 * capacity coming up into each top, uniform, and the one every block can best afford (each top weighted by the
 * smallest share of it among the blocks' own up-capacity).
 */
export function blockLandingTheta(s: UpwardSweep, Z: number, ell: number, cap: number, floor = 0): number {
  const { g, dist, inflow, upCap } = s;
  const { n, offsets, neighbors, capacityGbps } = g;
  let thetaBelow = cap;
  for (let l = 0; l < ell; l++) thetaBelow = Math.min(thetaBelow, s.rate[l]);
  if (!(thetaBelow > floor)) return 0;

  const { find, union } = unionFind(n);
  const members: number[] = [];
  for (let i = 0; i < s.reached; i++) {
    const u = s.order[i];
    const lu = dist[u];
    // Mass stuck below the distribution level would never reach the tops.
    if (lu < ell) {
      if (inflow[u] > 0 && upCap[u] === 0) return 0;
      continue;
    }
    if (lu >= Z) continue;
    if (lu === ell) {
      if (inflow[u] === 0) continue;
      if (upCap[u] === 0) return 0;
      members.push(u);
    }
    for (let h = offsets[u]; h < offsets[u + 1]; h++) {
      const v = neighbors[h];
      if (dist[v] === lu + 1 && dist[v] < Z) union(v, u);
    }
  }
  if (members.length === 0) return 0;
  // Blocks = members grouped by union-find root (sorted, so each block is a run).
  const root = new Int32Array(members.length);
  for (let i = 0; i < members.length; i++) root[i] = find(members[i]);
  const idx = Array.from({ length: members.length }, (_, i) => i).sort((a, b) => root[a] - root[b] || a - b);
  const blocks: number[][] = [];
  const blockOfRoot = new Map<number, number>();
  for (let i = 0; i < idx.length; ) {
    let j = i + 1;
    while (j < idx.length && root[idx[j]] === root[idx[i]]) j++;
    blockOfRoot.set(root[idx[i]], blocks.length);
    blocks.push(idx.slice(i, j).map((k) => members[k]));
    i = j;
  }
  // Capacity from each block's level Z-1 nodes into each top.
  const share: Map<number, number>[] = blocks.map(() => new Map());
  const total = new Float64Array(blocks.length);
  const byCap = new Float64Array(n);
  for (let i = 0; i < s.reached; i++) {
    const u = s.order[i];
    if (dist[u] !== Z - 1) continue;
    const b = blockOfRoot.get(find(u));
    for (let h = offsets[u]; h < offsets[u + 1]; h++) {
      const z = neighbors[h];
      if (dist[z] !== Z) continue;
      byCap[z] += capacityGbps[h];
      if (b === undefined) continue;
      share[b].set(z, (share[b].get(z) ?? 0) + capacityGbps[h]);
      total[b] += capacityGbps[h];
    }
  }
  const pis: Float64Array[] = [];
  let sumCap = 0;
  let tops = 0;
  for (let z = 0; z < n; z++) {
    if (byCap[z] > 0) {
      sumCap += byCap[z];
      tops++;
    }
  }
  if (tops === 0) return 0;
  const uniform = new Float64Array(n);
  const affordable = new Float64Array(n);
  let sumAfford = 0;
  for (let z = 0; z < n; z++) {
    if (byCap[z] === 0) continue;
    uniform[z] = 1 / tops;
    let m = Infinity;
    for (let b = 0; b < blocks.length; b++) m = Math.min(m, total[b] > 0 ? (share[b].get(z) ?? 0) / total[b] : 0);
    affordable[z] = m;
    sumAfford += m;
    byCap[z] /= sumCap;
  }
  pis.push(byCap, uniform);
  if (sumAfford > 0) {
    for (let z = 0; z < n; z++) affordable[z] /= sumAfford;
    pis.push(affordable);
  }
  let best = 0;
  for (const pi of pis) {
    let theta = thetaBelow;
    for (const block of blocks) {
      theta = Math.min(theta, blockTheta(s, Z, block, pi, theta, Math.max(floor, best)));
      if (theta === 0) break;
    }
    best = Math.max(best, theta);
  }
  return best;
}

/** One block: the same split over the shared up-neighbours for every member, then any routing above. */
function blockTheta(s: UpwardSweep, Z: number, block: number[], pi: Float64Array, thetaMax: number, floor: number): number {
  const { g, dist, inflow } = s;
  const { offsets, neighbors, capacityGbps } = g;
  const ell = dist[block[0]];
  const upOf = (u: number) => {
    const out: number[] = [];
    for (let h = offsets[u]; h < offsets[u + 1]; h++) if (dist[neighbors[h]] === ell + 1) out.push(h);
    return out;
  };
  const first = upOf(block[0]).map((h) => neighbors[h]);
  // kappa[v] = F_block x min over members of cap(u, v) / F_u: the most the shared split can put on v.
  let F = 0;
  for (const u of block) F += inflow[u];
  const kappa = new Map<number, number>(first.map((v) => [v, Infinity]));
  for (const u of block) {
    const ups = upOf(u);
    if (ups.length !== first.length) return 0;
    for (let k = 0; k < ups.length; k++) {
      const h = ups[k];
      if (neighbors[h] !== first[k]) return 0;
      kappa.set(first[k], Math.min(kappa.get(first[k])!, capacityGbps[h] / inflow[u]));
    }
  }
  // Local network: 0 = source, 1 = sink, then the block's nodes above level ell up to the tops.
  const local = new Map<number, number>();
  const nodes: number[] = [];
  const localOf = (v: number) => {
    let id = local.get(v);
    if (id === undefined) {
      id = 2 + nodes.length;
      local.set(v, id);
      nodes.push(v);
    }
    return id;
  };
  const from: number[] = [];
  const to: number[] = [];
  const caps: number[] = [];
  for (const v of first) {
    from.push(0);
    to.push(localOf(v));
    caps.push(F * kappa.get(v)!);
  }
  for (let i = 0; i < nodes.length; i++) {
    const v = nodes[i];
    if (dist[v] >= Z) continue;
    for (let h = offsets[v]; h < offsets[v + 1]; h++) {
      const w = neighbors[h];
      if (dist[w] !== dist[v] + 1) continue;
      from.push(local.get(v)!);
      to.push(localOf(w));
      caps.push(capacityGbps[h]);
    }
  }
  const sinkArcs: number[] = [];
  const sinkShare: number[] = [];
  let reachedShare = 0;
  for (const v of nodes) {
    if (dist[v] !== Z || pi[v] === 0) continue;
    reachedShare += pi[v];
    sinkArcs.push(from.length);
    sinkShare.push(pi[v]);
    from.push(local.get(v)!);
    to.push(1);
    caps.push(0);
  }
  // Every top with a share must be within reach, or the block cannot land on pi.
  if (reachedShare < 1 - 1e-9) return 0;
  const net = directedNetwork(2 + nodes.length, from, to, caps);
  const arcIndex = net.arcOf;
  const side = new Uint8Array(net.n);
  side[0] = SIDE_SOURCE;
  side[1] = SIDE_SINK;
  const setTheta = (theta: number) => {
    for (let k = 0; k < sinkArcs.length; k++) net.capacity[arcIndex[sinkArcs[k]]] = theta * F * sinkShare[k];
  };
  setTheta(thetaMax);
  const solver = new MaxFlowSolver(net);
  const feasible = (theta: number) => {
    setTheta(theta);
    return solver.minCut(side).valueGbps >= theta * F * (1 - FULL);
  };
  if (feasible(thetaMax)) return thetaMax * (1 - FULL);
  // Not worth a search when even the certificate in hand is out of reach.
  if (floor > 0 && !feasible(floor)) return 0;
  let lo = floor;
  let hi = thetaMax;
  // 20 halvings: theta within 1e-6 of the block's best, always on the feasible side.
  for (let it = 0; it < 20; it++) {
    const mid = (lo + hi) / 2;
    if (feasible(mid)) lo = mid;
    else hi = mid;
  }
  return lo * (1 - FULL);
}

/** A directed flow network from an arc list; reverse arcs have capacity 0. arcOf[k] = CSR index of arc k. */
function directedNetwork(n: number, from: number[], to: number[], caps: number[]): FlowNetwork & { arcOf: Int32Array } {
  const m = from.length;
  const offsets = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) {
    offsets[from[k] + 1]++;
    offsets[to[k] + 1]++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, n);
  const neighbors = new Int32Array(2 * m);
  const capacity = new Float64Array(2 * m);
  const reverse = new Int32Array(2 * m);
  const arcOf = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const a = fill[from[k]]++;
    const b = fill[to[k]]++;
    neighbors[a] = to[k];
    capacity[a] = caps[k];
    neighbors[b] = from[k];
    capacity[b] = 0;
    reverse[a] = b;
    reverse[b] = a;
    arcOf[k] = a;
  }
  return { n, offsets, neighbors, capacity, reverse, arcOf };
}
