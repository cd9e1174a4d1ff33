// Rate of a set of simultaneous flows (a permutation, a ring) under ECMP: each flow splits over its shortest
// paths hop by hop; the rate is the largest r at which every flow can send r at once.
import type { CompiledFabric } from '../../compile/compile.js';
import type { FabricDocument } from '../../model/types.js';
import type { Rng } from '../../model/random.js';
import { countBinding, saturatingRate, topArcs, type ArcLoad } from './arc-report.js';
import { PairDag } from './pair-dag.js';
import type { RoutingGraph } from './routing-graph.js';

export interface PatternRate {
  flows: number;
  /**
   * The largest rate every flow gets at the same time: min over arcs of capacity / (number of flows through the
   * arc, each weighted by its ECMP share). Equal to the lowest rate of the max-min fair allocation. 0 when a flow
   * has no path.
   */
  rateGbps: number;
  /** Flows whose source cannot reach the destination. */
  disconnectedFlows: number;
  meanHops: number;
  maxHops: number;
  /** Arcs loaded to capacity at rateGbps. */
  bindingArcs: number;
  bottlenecks: ArcLoad[];
}

/** Route flows src[i] -> dst[i] (one unit each) and rate them. */
export function patternRate(
  c: CompiledFabric, g: RoutingGraph, src: Int32Array, dst: Int32Array, tick?: (fraction: number) => void, bottlenecks = 10,
): PatternRate {
  const dag = new PairDag(g);
  const load = new Float64Array(g.neighbors.length);
  let disconnected = 0;
  let hopSum = 0;
  let maxHops = 0;
  let flows = 0;
  for (let i = 0; i < src.length; i++) {
    if (tick && (i & 1023) === 0) tick(i / src.length);
    if (src[i] === dst[i]) continue;
    flows++;
    const h = dag.build(src[i], dst[i]);
    if (h < 0) {
      disconnected++;
      continue;
    }
    hopSum += h;
    if (h > maxHops) maxHops = h;
    dag.addFlow(1, load);
  }
  const connected = flows - disconnected;
  const rate = disconnected > 0 ? 0 : saturatingRate(g, load);
  const shown = Number.isFinite(rate) && rate > 0 ? rate : 0;
  return {
    flows,
    rateGbps: Number.isFinite(rate) ? rate : 0,
    disconnectedFlows: disconnected,
    meanHops: connected > 0 ? hopSum / connected : 0,
    maxHops,
    bindingArcs: shown > 0 ? countBinding(g, load, shown) : 0,
    bottlenecks: shown > 0 ? topArcs(c, g, load, shown, bottlenecks) : [],
  };
}

/**
 * A seeded, uniformly random cyclic permutation: the endpoints in a random order (Fisher-Yates), each sending to
 * the next and the last to the first. Every endpoint sends to exactly one other and receives from exactly one.
 */
export function randomCyclicPermutation(endpoints: Int32Array, rng: Rng): { src: Int32Array; dst: Int32Array } {
  return ringFlows(Int32Array.from(rng.shuffle(Array.from(endpoints))));
}

export type RingOrder = 'server' | 'accelerator';

/**
 * Endpoints in ring order. 'accelerator': the fabric's order. 'server': accelerators of one server next to each
 * other and servers of one rack next to each other (racks, then servers, in order of first appearance; a node
 * without server or rack is its own group), so most ring steps stay inside a server, as NCCL builds its rings.
 */
export function ringSequence(doc: FabricDocument, c: CompiledFabric, endpoints: Int32Array, order: RingOrder): Int32Array {
  if (order === 'accelerator') return endpoints.slice();
  const rackRank = new Map<string, number>();
  const serverRank = new Map<string, number>();
  const keys = Array.from(endpoints, (v, i) => {
    const node = doc.nodes[v];
    const server = node.server !== undefined ? `s:${node.server}` : `n:${c.nodeIds[v]}`;
    const rack = node.rack !== undefined ? `r:${node.rack}` : `g:${server}`;
    if (!rackRank.has(rack)) rackRank.set(rack, rackRank.size);
    if (!serverRank.has(server)) serverRank.set(server, serverRank.size);
    return { v, rack: rackRank.get(rack)!, server: serverRank.get(server)!, i };
  });
  keys.sort((a, b) => a.rack - b.rack || a.server - b.server || a.i - b.i);
  return Int32Array.from(keys, (k) => k.v);
}

/** The ring's flows: each endpoint to the next, the last to the first (one direction, as ring all-reduce). */
export function ringFlows(sequence: Int32Array): { src: Int32Array; dst: Int32Array } {
  const n = sequence.length;
  const src = sequence.slice();
  const dst = new Int32Array(n);
  for (let i = 0; i < n; i++) dst[i] = sequence[(i + 1) % n];
  return { src, dst };
}
