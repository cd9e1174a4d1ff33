// Per-accelerator injection bandwidth (scale-out and scale-up links) and oversubscription of each switch
// level: downlink vs uplink capacity, with levels counted in hops from the nearest accelerator.
import { KIND_SWITCH } from '../../compile/compile.js';
import { MEDIUM_CODE } from '../../compile/compile.js';
import { checkCancelled, type EvalContext } from '../context.js';
import { bfs } from '../graph/bfs.js';

export interface GbpsStats {
  minGbps: number;
  meanGbps: number;
  maxGbps: number;
}

export interface ModelInjection {
  model: string;
  accelerators: number;
  /** Sum of gbps of the accelerator's links that are not scale-up (NIC links), per direction. */
  scaleOut: GbpsStats;
  /** Sum of gbps of its scale-up links (NVLink, xGMI, ICI ...), per direction. */
  scaleUp: GbpsStats;
}

export interface LevelOversubscription {
  /** Hops from the nearest accelerator over scale-out links (leaves are level 1). */
  level: number;
  /** node.tier labels of the switches at this level, sorted; [] when none is labelled. */
  tiers: string[];
  switches: number;
  /** Switches with at least one uplink: the ratio is defined for them only (the others are the top). */
  withUplinks: number;
  /** Totals over the level's switches, per direction. */
  downGbps: number;
  upGbps: number;
  /** Links between switches of the same level (not counted as down or up). */
  peerGbps: number;
  /** Downlink / uplink capacity per switch with uplinks: 1 = non-blocking, 2 = 2:1 oversubscribed. */
  ratio: { min: number; mean: number; max: number } | null;
}

export interface BandwidthReport {
  accelerators: number;
  injection: { scaleOut: GbpsStats; scaleUp: GbpsStats; byModel: ModelInjection[] };
  /** One entry per switch level, lowest first; scale-up links are left out of this view. */
  oversubscription: LevelOversubscription[];
  /** Switches no accelerator reaches over scale-out links (scale-up switches such as NVSwitch). */
  scaleUpOnlySwitches: number;
  method: string;
}

const SCALE_UP = MEDIUM_CODE['scale-up'];

export function computeBandwidth(ctx: EvalContext): BandwidthReport {
  const c = ctx.compiled;
  ctx.progress('bandwidth', 0);
  const N = c.accelerators.length;
  const out = new Float64Array(c.n);
  const up = new Float64Array(c.n);
  for (let e = 0; e < c.m; e++) {
    const arr = c.linkMedium[e] === SCALE_UP ? up : out;
    arr[c.linkA[e]] += c.linkGbps[e];
    arr[c.linkB[e]] += c.linkGbps[e];
  }
  const byModel = new Map<string, number[]>();
  for (let i = 0; i < N; i++) {
    const a = c.accelerators[i];
    const list = byModel.get(c.nodeModel[a]);
    if (list) list.push(a);
    else byModel.set(c.nodeModel[a], [a]);
  }
  const all = Array.from(c.accelerators);
  const injection = {
    scaleOut: stats(all, out),
    scaleUp: stats(all, up),
    byModel: [...byModel.keys()].sort().map((model) => {
      const nodes = byModel.get(model)!;
      return { model, accelerators: nodes.length, scaleOut: stats(nodes, out), scaleUp: stats(nodes, up) };
    }),
  };
  checkCancelled(ctx);

  const mask = new Uint8Array(c.m);
  for (let e = 0; e < c.m; e++) mask[e] = c.linkMedium[e] === SCALE_UP ? 0 : 1;
  const { dist } = bfs(c, c.accelerators, { linkMask: mask });
  const levels = new Map<number, { tiers: Set<string>; switches: number; withUplinks: number; down: number; upG: number; peer: number; ratios: number[] }>();
  let scaleUpOnlySwitches = 0;
  for (let u = 0; u < c.n; u++) {
    if (c.nodeKind[u] !== KIND_SWITCH) continue;
    const L = dist[u];
    if (L < 0) {
      scaleUpOnlySwitches++;
      continue;
    }
    let down = 0;
    let upG = 0;
    let peer = 0;
    for (let h = c.offsets[u]; h < c.offsets[u + 1]; h++) {
      const e = c.halfEdgeLink[h];
      if (!mask[e]) continue;
      const lv = dist[c.neighbors[h]];
      if (lv < L) down += c.linkGbps[e];
      else if (lv > L) upG += c.linkGbps[e];
      else peer += c.linkGbps[e];
    }
    let rec = levels.get(L);
    if (!rec) {
      rec = { tiers: new Set(), switches: 0, withUplinks: 0, down: 0, upG: 0, peer: 0, ratios: [] };
      levels.set(L, rec);
    }
    const tier = ctx.doc.nodes[u]?.tier;
    if (tier) rec.tiers.add(tier);
    rec.switches++;
    rec.down += down;
    rec.upG += upG;
    // Both ends of a peer link sit at this level: count the link once.
    rec.peer += peer / 2;
    if (upG > 0) {
      rec.withUplinks++;
      rec.ratios.push(down / upG);
    }
  }
  const oversubscription: LevelOversubscription[] = [...levels.keys()].sort((a, b) => a - b).map((level) => {
    const r = levels.get(level)!;
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (const x of r.ratios) {
      if (x < min) min = x;
      if (x > max) max = x;
      sum += x;
    }
    return {
      level,
      tiers: [...r.tiers].sort(),
      switches: r.switches,
      withUplinks: r.withUplinks,
      downGbps: r.down,
      upGbps: r.upG,
      peerGbps: r.peer,
      ratio: r.ratios.length ? { min, mean: sum / r.ratios.length, max } : null,
    };
  });
  ctx.progress('bandwidth', 1);
  return {
    accelerators: N,
    injection,
    oversubscription,
    scaleUpOnlySwitches,
    method:
      'injection: sum of link gbps per accelerator by medium; oversubscription: switch level = hops from the nearest ' +
      'accelerator over non-scale-up links, downlinks lead to lower levels, uplinks to higher ones',
  };
}

function stats(nodes: ArrayLike<number>, value: Float64Array): GbpsStats {
  if (nodes.length === 0) return { minGbps: 0, meanGbps: 0, maxGbps: 0 };
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < nodes.length; i++) {
    const x = value[nodes[i]];
    if (x < min) min = x;
    if (x > max) max = x;
    sum += x;
  }
  return { minGbps: min, meanGbps: sum / nodes.length, maxGbps: max };
}
