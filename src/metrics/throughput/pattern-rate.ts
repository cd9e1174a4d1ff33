// Rate of a set of simultaneous flows (a permutation, a ring) under ECMP: each flow splits over its shortest
// paths hop by hop; the rate is the largest r at which every flow can send r at once.
import type { CompiledFabric } from '../../compile/compile.js';
import type { FabricDocument } from '../../model/types.js';
import type { Rng } from '../../model/random.js';
import { countBinding, saturatingRate, topArcs, type ArcLoad } from './arc-report.js';
import { PairDag } from './pair-dag.js';
import { scratchOf } from '../graph/scratch.js';
import type { SimpleGraph } from '../graph/simple.js';
import { zonePatternLoads } from './zone-flows.js';
import { zonePlanOf } from './zone-plan.js';

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

/**
 * Route flows src[i] -> dst[i] (one unit each) and rate them. Flows toward accelerators that the zone plan
 * certifies follow the plan's shared class DAGs (no search per flow); the rest, or all with strategy 'pairs',
 * get a bidirectional search each. Both give the same exact ECMP loads.
 */
export function patternRate(
  c: CompiledFabric, g: SimpleGraph, src: Int32Array, dst: Int32Array, tick?: (fraction: number) => void, bottlenecks = 10,
  strategy: 'auto' | 'pairs' = 'auto',
): PatternRate {
  const pool = scratchOf(g);
  const load = pool.float64(g.neighbors.length);
  const plan = strategy === 'auto' ? zonePlanOf(g, c.accelerators) : null;
  const zoned = plan ? zonePatternLoads(g, plan, c.accelerators, src, dst, load, tick && ((f) => tick(0.9 * f))) : null;
  let dag: PairDag | undefined;
  let disconnected = 0;
  let hopSum = 0;
  let maxHops = 0;
  let flows = 0;
  for (let i = 0; i < src.length; i++) {
    if (tick && (i & 1023) === 0) tick(zoned ? 0.9 + (0.1 * i) / src.length : i / src.length);
    if (src[i] === dst[i]) continue;
    flows++;
    const h = zoned && zoned.routed[i] ? zoned.hops[i] : (dag ??= new PairDag(g)).build(src[i], dst[i]);
    if (h < 0) {
      disconnected++;
      continue;
    }
    hopSum += h;
    if (h > maxHops) maxHops = h;
    if (!(zoned && zoned.routed[i])) dag!.addFlow(1, load);
  }
  const connected = flows - disconnected;
  const rate = disconnected > 0 ? 0 : saturatingRate(g, load);
  const shown = Number.isFinite(rate) && rate > 0 ? rate : 0;
  const out: PatternRate = {
    flows,
    rateGbps: Number.isFinite(rate) ? rate : 0,
    disconnectedFlows: disconnected,
    meanHops: connected > 0 ? hopSum / connected : 0,
    maxHops,
    bindingArcs: shown > 0 ? countBinding(g, load, shown) : 0,
    bottlenecks: shown > 0 ? topArcs(c, g, load, shown, bottlenecks) : [],
  };
  pool.give(load);
  dag?.release();
  return out;
}

/**
 * A seeded, uniformly random cyclic permutation: the endpoints in a random order (Fisher-Yates), each sending to
 * the next and the last to the first. Every endpoint sends to exactly one other and receives from exactly one.
 */
export function randomCyclicPermutation(endpoints: Int32Array, rng: Rng): { src: Int32Array; dst: Int32Array } {
  // rng.shuffle's draws and swaps, on a typed copy (no JS array of 50,000 numbers).
  const order = endpoints.slice();
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return ringFlows(order);
}

export type RingOrder = 'server' | 'accelerator';

/**
 * Endpoints in ring order. 'accelerator': the fabric's order. 'server': accelerators of one server next to each
 * other and servers of one rack next to each other (racks, then servers, in order of first appearance; a node
 * without server or rack is its own group), so most ring steps stay inside a server, as NCCL builds its rings.
 */
export function ringSequence(doc: FabricDocument, _c: CompiledFabric, endpoints: Int32Array, order: RingOrder): Int32Array {
  if (order === 'accelerator') return endpoints.slice();
  const N = endpoints.length;
  const serverIds = new Map<string, number>();
  const rackIds = new Map<string, number>();
  // Without a rack a node's group is its server (rack ranks for those are keyed by server rank, offset past racks).
  const groupOfServer = new Map<number, number>();
  const rackRank = new Int32Array(N);
  const serverRank = new Int32Array(N);
  let servers = 0;
  let racks = 0;
  for (let i = 0; i < N; i++) {
    const node = doc.nodes[endpoints[i]];
    let sr: number;
    if (node.server === undefined) sr = servers++;
    else {
      const known = serverIds.get(node.server);
      if (known === undefined) serverIds.set(node.server, (sr = servers++));
      else sr = known;
    }
    let rr: number;
    if (node.rack !== undefined) {
      const known = rackIds.get(node.rack);
      if (known === undefined) rackIds.set(node.rack, (rr = racks++));
      else rr = known;
    } else {
      const known = groupOfServer.get(sr);
      if (known === undefined) groupOfServer.set(sr, (rr = racks++));
      else rr = known;
    }
    rackRank[i] = rr;
    serverRank[i] = sr;
  }
  // Order by (rack rank, server rank, position): two stable counting sorts, server rank first (ranks are dense).
  const byServer = countingOrder(serverRank, servers, null);
  const ranked = countingOrder(rackRank, racks, byServer);
  const out = new Int32Array(N);
  for (let k = 0; k < N; k++) out[k] = endpoints[ranked[k]];
  return out;
}

/** Positions 0..N-1 (or `within`, in its order) stably sorted by key (keys in 0 .. keys-1). */
function countingOrder(key: Int32Array, keys: number, within: Int32Array | null): Int32Array {
  const N = key.length;
  const start = new Int32Array(keys + 1);
  for (let i = 0; i < N; i++) start[key[i] + 1]++;
  for (let k = 0; k < keys; k++) start[k + 1] += start[k];
  const out = new Int32Array(N);
  for (let r = 0; r < N; r++) {
    const i = within ? within[r] : r;
    out[start[key[i]]++] = i;
  }
  return out;
}

const ringCache = new WeakMap<CompiledFabric, Map<RingOrder, Int32Array>>();

/**
 * ringSequence of all the fabric's accelerators, cached per compiled fabric: the throughput ring and the
 * collectives' default job use the same one. Read-only.
 */
export function acceleratorRing(doc: FabricDocument, c: CompiledFabric, order: RingOrder): Int32Array {
  let byOrder = ringCache.get(c);
  if (!byOrder) ringCache.set(c, (byOrder = new Map()));
  let seq = byOrder.get(order);
  if (!seq) byOrder.set(order, (seq = ringSequence(doc, c, c.accelerators, order)));
  return seq;
}

/** The ring's flows: each endpoint to the next, the last to the first (one direction, as ring all-reduce). */
export function ringFlows(sequence: Int32Array): { src: Int32Array; dst: Int32Array } {
  const n = sequence.length;
  const src = sequence.slice();
  const dst = new Int32Array(n);
  for (let i = 0; i < n; i++) dst[i] = sequence[(i + 1) % n];
  return { src, dst };
}
