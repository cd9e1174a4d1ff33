// Pods as hubs, for the block lower bound (./blocks.ts): the scale-out graph is cut at a hub level Z into blocks
// (components of the up-links below Z: a pod's servers, leaves and spines) whose accelerators all land their flow
// on the block's own level-Z nodes (its hubs: the pod's spines) with one common distribution. What joins the blocks
// (circuits between spines, links up to cores and border switches) is the hub network.
import type { CompiledFabric } from '../../compile/compile.js';
import { bfsCsr } from '../graph/bfs.js';
import { unionFind } from '../graph/union-find.js';
import { scaleOutGraphOf, type SimpleGraph } from '../graph/simple.js';
import { spreadLanding } from './spread.js';

export interface HubBlock {
  /** Accelerator ordinals (indices into c.accelerators) of the block, ascending. */
  members: Int32Array;
  /** What every member sends to the hubs at once (Gbps): theta x the smallest member up-link capacity. */
  rateGbps: number;
  /** Share of the smallest member's up-link capacity the common landing carries (1 = line rate). */
  theta: number;
  /** The block's hubs (level-Z nodes) and what each receives when every member sends rateGbps. */
  hubs: Int32Array;
  hubGbps: Float64Array;
  /**
   * Links from the block's level-(Z-1) nodes (feeders) to its hubs: hub (index into hubs), feeder, capacity, and
   * the landing's loads on the upward and downward directions when every member sends rateGbps.
   */
  inner: { hub: Int32Array; feeder: Int32Array; gbps: Float64Array; upGbps: Float64Array; downGbps: Float64Array };
}

/** Links of the hub network, merged per node pair (capacity per direction). */
export interface HubLinks {
  a: Int32Array;
  b: Int32Array;
  gbps: Float64Array;
}

export interface HubNetwork {
  /** Hub level Z (hops from the nearest accelerator over scale-out links). */
  level: number;
  blocks: HubBlock[];
  /** Node -> its block when the node is a hub, else -1. */
  hubBlock: Int32Array;
  /** Hub-to-hub links between different blocks (a's block < b's block is not implied). */
  direct: HubLinks;
  /** Links from a hub (a) to a node above Z (b: a core, a border switch): 'free' nodes that take either side. */
  up: HubLinks;
  /** Capacity dropped: links between free nodes, links inside a block at or above Z (never cut in the bound). */
  droppedGbps: number;
}

/** Relative slack on the landing shares (float sums). */
const SLACK = 1e-12;

/**
 * Blocks and hubs at level Z, or null when some accelerator cannot land on hubs of its own block with a common
 * distribution (a hub shared by two blocks merges them, so hubs always belong to one block).
 *
 * Landing: up to level Z-1, every node splits what reaches it over its up-links by capacity (each link's load is
 * its capacity x inflow / up-capacity, so theta <= up-capacity / inflow); each level-(Z-1) node (a feeder) then
 * delivers its flow to the hubs in the block's common proportion pi (./spread.ts). Every unit of flow passes one
 * feeder and leaves it as pi: all members land on pi.
 */
export function hubNetwork(c: CompiledFabric, Z: number): HubNetwork | null {
  const g = scaleOutGraphOf(c);
  const { n, offsets, neighbors, capacityGbps } = g;
  const N = c.accelerators.length;
  if (Z < 1 || N < 2) return null;
  const { dist, order, reached } = bfsCsr(n, offsets, neighbors, undefined, c.accelerators);
  const upCap = new Float64Array(n);
  for (let i = 0; i < reached; i++) {
    const u = order[i];
    for (let h = offsets[u]; h < offsets[u + 1]; h++) if (dist[neighbors[h]] === dist[u] + 1) upCap[u] += capacityGbps[h];
  }
  let minUp = Infinity;
  for (const a of c.accelerators) minUp = Math.min(minUp, upCap[a]);
  if (!(minUp > 0)) return null;

  // Blocks: union-find over up-links that start below Z.
  const { find, union } = unionFind(n);
  let hubCount = 0;
  for (let i = 0; i < reached; i++) {
    const u = order[i];
    if (dist[u] === Z) hubCount++;
    if (dist[u] >= Z) continue;
    for (let h = offsets[u]; h < offsets[u + 1]; h++) {
      const v = neighbors[h];
      if (dist[v] === dist[u] + 1) {
        union(u, v);
      }
    }
  }
  if (hubCount === 0) return null;
  const blockOfRoot = new Map<number, number>();
  const memberLists: number[][] = [];
  for (let i = 0; i < N; i++) {
    const r = find(c.accelerators[i]);
    let b = blockOfRoot.get(r);
    if (b === undefined) {
      b = memberLists.length;
      blockOfRoot.set(r, b);
      memberLists.push([]);
    }
    memberLists[b].push(i);
  }
  const B = memberLists.length;
  if (B < 2) return null;
  // Block of every node at or below Z (-1 elsewhere, or in a component without accelerators).
  const blockId = new Int32Array(n).fill(-1);
  const rootBlock = new Int32Array(n).fill(-1);
  for (const [r, b] of blockOfRoot) rootBlock[r] = b;
  for (let i = 0; i < reached; i++) {
    const u = order[i];
    if (dist[u] <= Z) blockId[u] = rootBlock[find(u)];
  }
  const blockOf = (v: number) => blockId[v];

  // Inflow per unit share: every accelerator injects its up-capacity, split by capacity up to level Z-1.
  const inflow = new Float64Array(n);
  for (const a of c.accelerators) inflow[a] = upCap[a];
  const thetaBelow = new Float64Array(B).fill(1);
  for (let i = 0; i < reached; i++) {
    const u = order[i];
    const lu = dist[u];
    if (lu >= Z - 1 || inflow[u] === 0) continue;
    const b = blockOf(u);
    if (!(upCap[u] > 0)) return null;
    thetaBelow[b] = Math.min(thetaBelow[b], upCap[u] / inflow[u]);
    const f = inflow[u] / upCap[u];
    for (let h = offsets[u]; h < offsets[u + 1]; h++) if (dist[neighbors[h]] === lu + 1) inflow[neighbors[h]] += f * capacityGbps[h];
  }
  // Each block's feeders (level Z-1 nodes with flow) and hubs, and the capacity between them.
  const hubLists: number[][] = memberLists.map(() => []);
  const feederLists: number[][] = memberLists.map(() => []);
  const hubBlock = new Int32Array(n).fill(-1);
  const slot = new Int32Array(n).fill(-1);
  for (let i = 0; i < reached; i++) {
    const u = order[i];
    if (dist[u] === Z) {
      const b = blockOf(u);
      if (b < 0) return null;
      hubBlock[u] = b;
      slot[u] = hubLists[b].length;
      hubLists[b].push(u);
    } else if (dist[u] === Z - 1 && inflow[u] > 0) {
      const b = blockOf(u);
      slot[u] = feederLists[b].length;
      feederLists[b].push(u);
    }
  }
  const blocks: HubBlock[] = [];
  for (let b = 0; b < B; b++) {
    const hubs = hubLists[b];
    const fs = feederLists[b];
    const h = hubs.length;
    if (h === 0 || fs.length === 0) return null;
    const cap = new Float64Array(fs.length * h);
    const flows = new Float64Array(fs.length);
    fs.forEach((u, f) => {
      flows[f] = inflow[u];
      for (let k = offsets[u]; k < offsets[u + 1]; k++) if (dist[neighbors[k]] === Z) cap[f * h + slot[neighbors[k]]] += capacityGbps[k];
    });
    const spread = spreadLanding({ feeders: fs.length, hubs: h, cap, inflow: flows }, thetaBelow[b]);
    if (!spread) return null;
    const theta = Math.min(thetaBelow[b], spread.theta) * (1 - SLACK);
    if (!(theta > 0)) return null;
    const members = Int32Array.from(memberLists[b]);
    let lo = Infinity;
    for (const i of members) lo = Math.min(lo, upCap[c.accelerators[i]]);
    const rateGbps = theta * lo;
    const total = rateGbps * members.length;
    const inner = { hub: [] as number[], feeder: [] as number[], gbps: [] as number[], up: [] as number[], down: [] as number[] };
    for (let f = 0; f < fs.length; f++) {
      for (let s = 0; s < h; s++) {
        const i = f * h + s;
        if (cap[i] === 0) continue;
        inner.hub.push(s);
        inner.feeder.push(f);
        inner.gbps.push(cap[i]);
        // Members send at most theta x line rate: loads at most theta x the line-rate loads.
        inner.up.push(theta * spread.up[i]);
        inner.down.push(theta * spread.down[i]);
      }
    }
    blocks.push({
      members,
      rateGbps,
      theta,
      hubs: Int32Array.from(hubs),
      hubGbps: Float64Array.from(spread.pi, (x) => total * x),
      inner: {
        hub: Int32Array.from(inner.hub),
        feeder: Int32Array.from(inner.feeder),
        gbps: Float64Array.from(inner.gbps),
        upGbps: Float64Array.from(inner.up),
        downGbps: Float64Array.from(inner.down),
      },
    });
  }
  return { level: Z, blocks, hubBlock, ...linksOf(g, dist, Z, hubBlock) };
}

/** The hub network's links: hub-hub across blocks, hub-free; everything else is dropped (counted). */
function linksOf(g: SimpleGraph, dist: Int32Array, Z: number, hubBlock: Int32Array): Pick<HubNetwork, 'direct' | 'up' | 'droppedGbps'> {
  const { n, offsets, neighbors, capacityGbps } = g;
  const da: number[] = [];
  const db: number[] = [];
  const dg: number[] = [];
  const ua: number[] = [];
  const ub: number[] = [];
  const ug: number[] = [];
  let droppedGbps = 0;
  for (let u = 0; u < n; u++) {
    if (dist[u] < Z) continue;
    for (let h = offsets[u]; h < offsets[u + 1]; h++) {
      const v = neighbors[h];
      if (dist[v] < Z) continue;
      const hu = hubBlock[u] >= 0;
      const hv = hubBlock[v] >= 0;
      if (hu && hv) {
        if (v < u) continue;
        if (hubBlock[u] === hubBlock[v]) droppedGbps += capacityGbps[h];
        else {
          da.push(u);
          db.push(v);
          dg.push(capacityGbps[h]);
        }
      } else if (hu) {
        ua.push(u);
        ub.push(v);
        ug.push(capacityGbps[h]);
      } else if (!hv && v > u) droppedGbps += capacityGbps[h];
    }
  }
  return {
    direct: { a: Int32Array.from(da), b: Int32Array.from(db), gbps: Float64Array.from(dg) },
    up: { a: Int32Array.from(ua), b: Int32Array.from(ub), gbps: Float64Array.from(ug) },
    droppedGbps,
  };
}
