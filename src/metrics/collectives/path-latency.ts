// Per-arc and per-node latency from the catalog, and the least latency among shortest-hop paths, for the
// alpha (per-step latency) of the collective models. Serialization is left to the bandwidth term.
import type { Catalog } from '../../catalog/index.js';
import type { FabricDocument } from '../../model/types.js';
import { scratchOf } from '../graph/scratch.js';
import type { SimpleGraph } from '../graph/simple.js';

export interface LatencyTables {
  /** Arc -> latency of its fastest parallel link: propagation + transceiver (DSP/FEC) delay. */
  arcNs: Float64Array;
  /**
   * Node -> latency added when a path passes through it: a switch's or gateway's port-to-port latency. A transit
   * accelerator (forwarding over its scale-up domain, as NCCL's PXN does) and passive devices add nothing.
   */
  nodeNs: Float64Array;
}

/** Propagation per metre by medium: fibre for smf/mmf, copper's figure for copper and scale-up (electrical). */
export function linkLatencyNs(link: FabricDocument['links'][number], catalog: Catalog): number {
  const perM = link.medium === 'smf' || link.medium === 'mmf' ? catalog.fibre.fibreNsPerM : catalog.fibre.copperNsPerM;
  const xcvr = link.transceiver ? (catalog.transceiver(link.transceiver)?.latencyNs ?? 0) : 0;
  return link.lengthM * perM + xcvr;
}

export function latencyTables(doc: FabricDocument, catalog: Catalog, g: SimpleGraph): LatencyTables {
  // linkLatencyNs per link, with one catalog lookup per transceiver model instead of one per link.
  const fibreNsPerM = catalog.fibre.fibreNsPerM;
  const copperNsPerM = catalog.fibre.copperNsPerM;
  const xcvrNs = new Map<string, number>();
  const pool = scratchOf(g);
  const perLink = pool.float64(doc.links.length);
  for (let e = 0; e < perLink.length; e++) {
    const link = doc.links[e];
    const perM = link.medium === 'smf' || link.medium === 'mmf' ? fibreNsPerM : copperNsPerM;
    let xcvr = 0;
    if (link.transceiver) {
      const known = xcvrNs.get(link.transceiver);
      if (known === undefined) xcvrNs.set(link.transceiver, (xcvr = catalog.transceiver(link.transceiver)?.latencyNs ?? 0));
      else xcvr = known;
    }
    perLink[e] = link.lengthM * perM + xcvr;
  }
  // Borrowed from the graph's scratch pool (the caller may give both tables back when done).
  const arcNs = pool.float64(g.neighbors.length);
  const { linkStart, arcLinks } = g;
  for (let a = 0; a < arcNs.length; a++) {
    let best = Infinity;
    for (let i = linkStart[a]; i < linkStart[a + 1]; i++) best = Math.min(best, perLink[arcLinks[i]]);
    arcNs[a] = best;
  }
  pool.give(perLink);
  const nodeNs = pool.float64(doc.nodes.length);
  doc.nodes.forEach((node, v) => {
    if (node.kind === 'switch') nodeNs[v] = catalog.switchModel(node.model)?.latencyNs ?? 0;
    else if (node.kind === 'gateway') nodeNs[v] = catalog.gateway(node.model)?.latencyNs ?? 0;
  });
  return { arcNs, nodeNs };
}

/**
 * Least latency from s to every node along shortest-hop paths (one BFS, then a pass in BFS order taking the
 * best predecessor one hop closer to s). Writes into `out`; unreachable nodes get Infinity.
 */
export function minLatencyFrom(g: SimpleGraph, t: LatencyTables, s: number, dist: Int32Array, order: Int32Array, out: Float64Array): void {
  const { offsets, neighbors } = g;
  dist.fill(-1);
  out.fill(Infinity);
  dist[s] = 0;
  out[s] = 0;
  order[0] = s;
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const u = order[head];
    const du = dist[u];
    const base = out[u] + (u === s ? 0 : t.nodeNs[u]);
    for (let a = offsets[u], end = offsets[u + 1]; a < end; a++) {
      const v = neighbors[a];
      if (dist[v] === -1) {
        dist[v] = du + 1;
        order[tail++] = v;
      }
      if (dist[v] === du + 1) {
        const x = base + t.arcNs[a];
        if (x < out[v]) out[v] = x;
      }
    }
  }
}
