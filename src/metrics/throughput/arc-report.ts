// Turning per-arc loads into report figures: the rate that saturates the busiest arc, the most loaded links
// with their ids, and the utilisation per link tier.
import type { CompiledFabric } from '../../compile/compile.js';
import type { FabricDocument } from '../../model/types.js';
import { scratchOf } from '../graph/scratch.js';
import type { SimpleGraph } from '../graph/simple.js';

/** One direction of one arc (parallel links merged), loaded at the reported rate. */
export interface ArcLoad {
  /** The links of the arc (several when links run in parallel between the same two nodes). */
  linkIds: string[];
  /** Direction of the load: node ids. */
  from: string;
  to: string;
  /** Summed capacity of the arc's links in this direction. */
  capacityGbps: number;
  /** Load at the reported rate; the parallel links share it in proportion to their capacity. */
  loadGbps: number;
  /** loadGbps / capacityGbps (1 on the binding arcs). */
  utilization: number;
}

export interface TierUtilization {
  /** Link tier label from the fabric (`(none)` when links carry no tier). */
  tier: string;
  links: number;
  /** Over the links of the tier, each taken in its busier direction, at the reported rate. */
  maxUtilization: number;
  meanUtilization: number;
}

/** Largest rate r such that r x load fits every arc: min over loaded arcs of capacity / load (Infinity if none). */
export function saturatingRate(g: SimpleGraph, loadPerUnit: Float64Array): number {
  const cap = g.capacityGbps;
  let rate = Infinity;
  for (let a = 0; a < loadPerUnit.length; a++) {
    const l = loadPerUnit[a];
    if (l > 0) {
      const r = cap[a] / l;
      if (r < rate) rate = r;
    }
  }
  return rate;
}

/** Relative slack under which an arc counts as binding (float sums of equal shares are not exact). */
export const BINDING_TOLERANCE = 1e-9;

/** Arcs loaded to capacity at `rate`, within a relative tolerance. */
export function countBinding(g: SimpleGraph, loadPerUnit: Float64Array, rate: number, tolerance = BINDING_TOLERANCE): number {
  const cap = g.capacityGbps;
  const floor = 1 - tolerance;
  let count = 0;
  for (let a = 0; a < loadPerUnit.length; a++) {
    const l = loadPerUnit[a];
    if (l > 0 && (l * rate) / cap[a] >= floor) count++;
  }
  return count;
}

/** The `limit` most utilised arcs at `rate` (ties broken by arc order, so the output is deterministic). */
export function topArcs(c: CompiledFabric, g: SimpleGraph, loadPerUnit: Float64Array, rate: number, limit: number): ArcLoad[] {
  const picked: number[] = [];
  // Utilisation of each picked arc alongside it (computed once per arc, compared as before).
  const pickedUtil: number[] = [];
  const cap = g.capacityGbps;
  for (let a = 0; a < loadPerUnit.length; a++) {
    if (!(loadPerUnit[a] > 0)) continue;
    const u = loadPerUnit[a] / cap[a];
    if (picked.length === limit && u <= pickedUtil[limit - 1]) continue;
    let i = picked.length < limit ? picked.length : limit - 1;
    picked[i] = a;
    pickedUtil[i] = u;
    while (i > 0 && pickedUtil[i - 1] < u) {
      picked[i] = picked[i - 1];
      pickedUtil[i] = pickedUtil[i - 1];
      picked[--i] = a;
      pickedUtil[i] = u;
    }
  }
  return picked.map((a) => {
    const links: string[] = [];
    for (let i = g.linkStart[a]; i < g.linkStart[a + 1]; i++) links.push(c.linkIds[g.arcLinks[i]]);
    const loadGbps = loadPerUnit[a] * rate;
    return {
      linkIds: links,
      from: c.nodeIds[arcTail(g, a)],
      to: c.nodeIds[g.neighbors[a]],
      capacityGbps: g.capacityGbps[a],
      loadGbps,
      utilization: loadGbps / g.capacityGbps[a],
    };
  });
}

/** Tail node of arc a: the u with offsets[u] <= a < offsets[u+1] (binary search; the CSR stores heads only). */
function arcTail(g: SimpleGraph, a: number): number {
  let lo = 0;
  let hi = g.n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (g.offsets[mid] <= a) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Utilisation per link tier at `rate`; a link's utilisation is its arc's (parallel links share in proportion). */
export function utilizationByTier(doc: FabricDocument, g: SimpleGraph, loadPerUnit: Float64Array, rate: number): TierUtilization[] {
  const pool = scratchOf(g);
  const linkUtil = pool.float64(doc.links.length);
  const { linkStart, arcLinks } = g;
  for (let a = 0; a < loadPerUnit.length; a++) {
    const u = (loadPerUnit[a] * rate) / g.capacityGbps[a];
    for (let i = linkStart[a]; i < linkStart[a + 1]; i++) {
      const e = arcLinks[i];
      if (u > linkUtil[e]) linkUtil[e] = u;
    }
  }
  const byTier = new Map<string, { links: number; max: number; sum: number }>();
  for (let e = 0; e < doc.links.length; e++) {
    const tier = doc.links[e].tier ?? '(none)';
    let t = byTier.get(tier);
    if (!t) byTier.set(tier, (t = { links: 0, max: 0, sum: 0 }));
    t.links++;
    t.sum += linkUtil[e];
    if (linkUtil[e] > t.max) t.max = linkUtil[e];
  }
  pool.give(linkUtil);
  return [...byTier.entries()].map(([tier, t]) => ({
    tier, links: t.links, maxUtilization: t.max, meanUtilization: t.sum / t.links,
  }));
}
