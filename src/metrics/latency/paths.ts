// Path latency along shortest-hop routes: the latency model of each link and node (from the catalog), and a
// per-source dynamic programme over the BFS DAG that finds the lowest-latency shortest-hop path to every node.
import { KIND_GATEWAY, KIND_SWITCH, MEDIUM_CODE, type CompiledFabric } from '../../compile/compile.js';
import type { Catalog, TransceiverModel } from '../../catalog/index.js';
import type { Problem } from '../../model/problem.js';
import type { FabricDocument } from '../../model/types.js';
import { scratchOf } from '../graph/scratch.js';
import { cachedSimpleGraph } from '../graph/simple.js';
import { cachedTwinReduction } from '../graph/twins.js';

const FIBRE_MEDIA = new Set([MEDIUM_CODE.smf, MEDIUM_CODE.mmf]);

/** Everything that makes up latency, per link and per node, in ns. */
export interface LatencyModel {
  /** Propagation (lengthM x ns/m of the medium) + the transceiver's DSP/FEC delay (both ends together). */
  linkDelayNs: Float64Array;
  /** Port-to-port latency of a switch or gateway; 0 for accelerators, OCS and patch panels (passive). */
  nodeDelayNs: Float64Array;
  /** Distinct positive link speeds, descending: the candidate bottlenecks of a path. */
  speedsGbps: number[];
  packetBytes: number;
  problems: Problem[];
}

export function serializationNs(packetBytes: number, gbps: number): number {
  return (packetBytes * 8) / gbps;
}

export function latencyModel(doc: FabricDocument, c: CompiledFabric, catalog: Catalog, packetBytes: number): LatencyModel {
  const problems: Problem[] = [];
  const linkDelayNs = new Float64Array(c.m);
  const speeds = new Set<number>();
  const { fibreNsPerM, copperNsPerM } = catalog.fibre;
  // One catalog lookup per transceiver model (null: not in the catalog), not one per link.
  const xcvrs = new Map<string, TransceiverModel | null>();
  let lastGbps = NaN;
  for (let e = 0; e < c.m; e++) {
    const link = doc.links[e];
    const perM = FIBRE_MEDIA.has(c.linkMedium[e]) ? fibreNsPerM : copperNsPerM;
    let delay = Math.max(0, c.linkLengthM[e]) * perM;
    if (link.transceiver) {
      let t = xcvrs.get(link.transceiver);
      if (t === undefined) xcvrs.set(link.transceiver, (t = catalog.transceiver(link.transceiver) ?? null));
      if (t) delay += t.latencyNs;
      else {
        problems.push({
          path: `links[${e}].transceiver`, code: 'unknown-transceiver', severity: 'warning',
          message: `transceiver ${JSON.stringify(link.transceiver)} is not in the catalog: its delay is taken as 0 ns; use a catalog transceiver id`,
        });
      }
    }
    linkDelayNs[e] = delay;
    const gbps = c.linkGbps[e];
    if (gbps > 0) {
      if (gbps !== lastGbps) speeds.add((lastGbps = gbps));
    } else {
      problems.push({
        path: `links[${e}].gbps`, code: 'no-capacity', severity: 'warning',
        message: `link ${c.linkIds[e]} has ${c.linkGbps[e]} Gbps: no packet can cross it, so latency ignores it; give it a positive gbps`,
      });
    }
  }
  const nodeDelayNs = new Float64Array(c.n);
  for (let u = 0; u < c.n; u++) {
    const kind = c.nodeKind[u];
    if (kind !== KIND_SWITCH && kind !== KIND_GATEWAY) continue;
    const entry = kind === KIND_SWITCH ? catalog.switchModel(c.nodeModel[u]) : catalog.gateway(c.nodeModel[u]);
    if (entry) nodeDelayNs[u] = entry.latencyNs;
    else {
      problems.push({
        path: `nodes[${u}].model`, code: 'unknown-model', severity: 'warning',
        message: `${kind === KIND_SWITCH ? 'switch' : 'gateway'} model ${JSON.stringify(c.nodeModel[u])} is not in the catalog: its latency is taken as 0 ns; use a catalog model id`,
      });
    }
  }
  return { linkDelayNs, nodeDelayNs, speedsGbps: [...speeds].sort((a, b) => b - a), packetBytes, problems };
}

/**
 * The graph the latency DP runs on (the fabric itself or its latency-twin reduction), arcs = link ends; each arc
 * reads its link's delay and speed (per-link columns, so the fabric's own CSR serves when nothing is reduced).
 */
export interface LatencyGraph {
  n: number;
  offsets: Int32Array;
  neighbors: Int32Array;
  /** Arc -> link index of the compiled fabric. */
  arcLink: Int32Array;
  /** Link -> delay (the model's linkDelayNs) and speed (the fabric's linkGbps). */
  linkDelayNs: Float64Array;
  linkGbps: Float64Array;
  nodeDelayNs: Float64Array;
}

export interface LatencyTwins {
  graph: LatencyGraph;
  classes: number;
  /** Class -> representative (original node) and size. */
  classRep: Int32Array;
  classSize: Int32Array;
  /** Original node -> class (-1 for non-accelerators); original -> reduced index (-1 when dropped). */
  classOf: Int32Array;
  reducedIndex: Int32Array;
}

/**
 * Accelerators whose links are identical (same neighbours, same delays, same speeds, parallel links included)
 * have identical latency rows; keep one of each. Accelerators add no node delay, so routes through a dropped
 * twin cost exactly the same through its representative.
 */
export function latencyTwins(c: CompiledFabric, model: LatencyModel): LatencyTwins {
  const n = c.n;
  if (noTwinsPossible(c)) {
    // Every accelerator its own class, numbered in order; the fabric itself is the graph.
    const acc = c.accelerators;
    const classOf = new Int32Array(n).fill(-1);
    for (let i = 0; i < acc.length; i++) classOf[acc[i]] = i;
    const reducedIndex = new Int32Array(n);
    for (let u = 0; u < n; u++) reducedIndex[u] = u;
    return {
      graph: {
        n, offsets: c.offsets, neighbors: c.neighbors, arcLink: c.halfEdgeLink, linkDelayNs: model.linkDelayNs,
        linkGbps: c.linkGbps, nodeDelayNs: model.nodeDelayNs,
      },
      classes: acc.length, classRep: acc.slice(), classSize: new Int32Array(acc.length).fill(1), classOf, reducedIndex,
    };
  }
  const classOf = new Int32Array(n).fill(-1);
  const reps: number[] = [];
  const sizes: number[] = [];
  // Each accelerator's link ends sorted by (neighbour, delay, speed): equal lists = equal latency rows.
  const pool = scratchOf(c);
  const sorted = pool.int32(c.neighbors.length);
  const key = (h: number) => c.halfEdgeLink[h];
  for (const u of c.accelerators) {
    const lo = c.offsets[u];
    const hi = c.offsets[u + 1];
    for (let h = lo; h < hi; h++) {
      let j = h - 1;
      const cur = h;
      while (j >= lo && arcLess(c, model, cur, sorted[j])) {
        sorted[j + 1] = sorted[j];
        j--;
      }
      sorted[j + 1] = cur;
    }
  }
  const acc = c.accelerators;
  let cap = 1;
  while (cap < 2 * acc.length + 2) cap <<= 1;
  const slots = new Int32Array(cap).fill(-1);
  const delayBits = new Int32Array(new Float64Array(1).buffer);
  const delayView = new Float64Array(delayBits.buffer);
  for (const u of acc) {
    const lo = c.offsets[u];
    const hi = c.offsets[u + 1];
    let cls = -1;
    // Accelerators without links stay apart: they share no neighbour, so they are not two hops from each other.
    if (hi > lo) {
      let hsh = 0x811c9dc5 ^ (hi - lo);
      for (let k = lo; k < hi; k++) {
        const h = sorted[k];
        delayView[0] = model.linkDelayNs[key(h)];
        hsh = Math.imul(hsh ^ c.neighbors[h], 0x01000193);
        hsh = Math.imul(hsh ^ delayBits[0] ^ delayBits[1], 0x01000193);
        hsh = Math.imul(hsh ^ c.linkGbps[key(h)], 0x01000193);
      }
      let slot = (hsh ^ (hsh >>> 15)) & (cap - 1);
      for (;;) {
        const id = slots[slot];
        if (id < 0) break;
        if (sameArcs(c, model, sorted, reps[id], u)) {
          cls = id;
          break;
        }
        slot = (slot + 1) & (cap - 1);
      }
      if (cls < 0) slots[slot] = reps.length;
    }
    if (cls < 0) {
      cls = reps.length;
      reps.push(u);
      sizes.push(0);
    }
    classOf[u] = cls;
    sizes[cls]++;
  }
  pool.give(sorted);
  const classRep = Int32Array.from(reps);
  const reducedIndex = new Int32Array(n).fill(-1);
  let kept = 0;
  for (let u = 0; u < n; u++) if (classOf[u] < 0 || classRep[classOf[u]] === u) reducedIndex[u] = kept++;
  const links = { linkDelayNs: model.linkDelayNs, linkGbps: c.linkGbps };
  let graph: LatencyGraph;
  if (kept === n) {
    // Nothing to drop: the fabric's own CSR, no copy.
    graph = { n, offsets: c.offsets, neighbors: c.neighbors, arcLink: c.halfEdgeLink, ...links, nodeDelayNs: model.nodeDelayNs };
  } else {
    const offsets = new Int32Array(kept + 1);
    let count = 0;
    for (let u = 0; u < n; u++) {
      if (reducedIndex[u] < 0) continue;
      for (let h = c.offsets[u]; h < c.offsets[u + 1]; h++) if (reducedIndex[c.neighbors[h]] >= 0) count++;
      offsets[reducedIndex[u] + 1] = count;
    }
    const neighbors = new Int32Array(count);
    const arcLink = new Int32Array(count);
    const nodeDelayNs = new Float64Array(kept);
    for (let u = 0, k = 0; u < n; u++) {
      const r = reducedIndex[u];
      if (r < 0) continue;
      nodeDelayNs[r] = model.nodeDelayNs[u];
      for (let h = c.offsets[u]; h < c.offsets[u + 1]; h++) {
        const v = reducedIndex[c.neighbors[h]];
        if (v < 0) continue;
        neighbors[k] = v;
        arcLink[k++] = c.halfEdgeLink[h];
      }
    }
    graph = { n: kept, offsets, neighbors, arcLink, ...links, nodeDelayNs };
  }
  return {
    graph,
    classes: reps.length,
    classRep,
    classSize: Int32Array.from(sizes),
    classOf,
    reducedIndex,
  };
}

/**
 * True when no two accelerators can be latency twins, known without sorting their links: the hop metric's twin
 * reduction (if it ran) found no two with the same neighbour set, and no link is a self-loop. Latency twins have
 * the same link ends, so without self-loops the same neighbour sets: they would be twins there too.
 */
function noTwinsPossible(c: CompiledFabric): boolean {
  const g = cachedSimpleGraph(c);
  const red = g && cachedTwinReduction(c, g);
  if (!red || red.classes !== c.accelerators.length) return false;
  for (let e = 0; e < c.m; e++) if (c.linkA[e] === c.linkB[e]) return false;
  return true;
}

function arcLess(c: CompiledFabric, model: LatencyModel, x: number, y: number): boolean {
  const nx = c.neighbors[x];
  const ny = c.neighbors[y];
  if (nx !== ny) return nx < ny;
  const ex = c.halfEdgeLink[x];
  const ey = c.halfEdgeLink[y];
  const dx = model.linkDelayNs[ex];
  const dy = model.linkDelayNs[ey];
  if (dx !== dy) return dx < dy;
  return c.linkGbps[ex] < c.linkGbps[ey];
}

function sameArcs(c: CompiledFabric, model: LatencyModel, sorted: Int32Array, a: number, b: number): boolean {
  const la = c.offsets[a];
  const lb = c.offsets[b];
  const len = c.offsets[a + 1] - la;
  if (len !== c.offsets[b + 1] - lb) return false;
  for (let i = 0; i < len; i++) {
    const x = sorted[la + i];
    const y = sorted[lb + i];
    if (c.neighbors[x] !== c.neighbors[y]) return false;
    const ex = c.halfEdgeLink[x];
    const ey = c.halfEdgeLink[y];
    if (model.linkDelayNs[ex] !== model.linkDelayNs[ey] || c.linkGbps[ex] !== c.linkGbps[ey]) return false;
  }
  return true;
}

/**
 * Lowest latency over shortest-hop paths from one source to every node. The bottleneck term (serialization at
 * the slowest link) is not additive, so the DP runs once per candidate bottleneck speed g using only links of at
 * least g and adds serialization at g: the true optimum is among these, and no candidate undercuts a real path.
 */
export class PathLatencySolver {
  private readonly dist: Int32Array;
  private readonly order: Int32Array;
  private readonly lat: Float64Array;
  private readonly stamp: Int32Array;
  private readonly frontier: Int32Array;
  private readonly nextFrontier: Int32Array;
  private runId = 0;
  /** Per node: lowest latency (ns) from the last source, Infinity when unreachable, 0 at the source. */
  readonly best: Float64Array;
  /** Per node: hops from the last source (-1 when unreachable). */
  readonly hops: Int32Array;
  private readonly serNs: number[];

  constructor(private readonly g: LatencyGraph, private readonly model: LatencyModel) {
    this.dist = new Int32Array(g.n);
    this.order = new Int32Array(g.n);
    this.lat = new Float64Array(g.n);
    this.stamp = new Int32Array(g.n);
    this.frontier = new Int32Array(g.n);
    this.nextFrontier = new Int32Array(g.n);
    this.best = new Float64Array(g.n);
    this.hops = this.dist;
    this.serNs = model.speedsGbps.map((s) => serializationNs(model.packetBytes, s));
  }

  /**
   * Fills `best` and `hops` for one source. `sourceDelay`: add the source's own node delay (a research-site
   * gateway forwards campus traffic into the fabric).
   */
  run(source: number, sourceDelay = false): void {
    const { offsets, neighbors, arcLink, linkDelayNs, linkGbps, nodeDelayNs, n } = this.g;
    const { dist, order, best } = this;
    const speeds = this.model.speedsGbps;
    best.fill(Infinity);
    dist.fill(-1);
    dist[source] = 0;
    order[0] = source;
    let tail = 1;
    if (speeds.length === 0) {
      for (let head = 0; head < tail; head++) {
        const u = order[head];
        for (let h = offsets[u]; h < offsets[u + 1]; h++) {
          const v = neighbors[h];
          if (dist[v] === -1) {
            dist[v] = dist[u] + 1;
            order[tail++] = v;
          }
        }
      }
      best[source] = 0;
      return;
    }
    // The slowest speed admits every usable link: that pass runs inside the BFS itself.
    const slowest = speeds[speeds.length - 1];
    const lat = this.lat;
    lat.fill(Infinity);
    lat[source] = 0;
    for (let head = 0; head < tail; head++) {
      const u = order[head];
      const dv = dist[u] + 1;
      const lu = lat[u];
      const base = lu + (u !== source || sourceDelay ? nodeDelayNs[u] : 0);
      for (let h = offsets[u], end = offsets[u + 1]; h < end; h++) {
        const v = neighbors[h];
        let d = dist[v];
        if (d === -1) {
          dist[v] = d = dv;
          order[tail++] = v;
        }
        if (d !== dv) continue;
        const e = arcLink[h];
        if (linkGbps[e] < slowest) continue;
        const x = base + linkDelayNs[e];
        if (x < lat[v]) lat[v] = x;
      }
    }
    const serSlow = this.serNs[speeds.length - 1];
    for (let i = 1; i < tail; i++) {
      const u = order[i];
      if (lat[u] < Infinity) best[u] = lat[u] + serSlow;
    }
    best[source] = 0;
    // Faster bottlenecks: propagate level by level through links of at least that speed only, which is
    // usually a small part of the fabric (NVLink domains, one pod's fast core).
    for (let k = 0; k < speeds.length - 1; k++) this.fasterPass(source, sourceDelay, speeds[k], this.serNs[k]);
  }

  private fasterPass(source: number, sourceDelay: boolean, minGbps: number, ser: number): void {
    const { offsets, neighbors, arcLink, linkDelayNs, linkGbps, nodeDelayNs } = this.g;
    const { dist, lat, stamp, best } = this;
    const id = ++this.runId;
    let frontier = this.frontier;
    let next = this.nextFrontier;
    let count = 1;
    frontier[0] = source;
    stamp[source] = id;
    lat[source] = 0;
    while (count > 0) {
      let nextCount = 0;
      for (let i = 0; i < count; i++) {
        const u = frontier[i];
        const lu = lat[u];
        if (u !== source) {
          const total = lu + ser;
          if (total < best[u]) best[u] = total;
        }
        const base = lu + (u !== source || sourceDelay ? nodeDelayNs[u] : 0);
        const dv = dist[u] + 1;
        for (let h = offsets[u], end = offsets[u + 1]; h < end; h++) {
          const e = arcLink[h];
          if (linkGbps[e] < minGbps) continue;
          const v = neighbors[h];
          if (dist[v] !== dv) continue;
          const x = base + linkDelayNs[e];
          if (stamp[v] !== id) {
            stamp[v] = id;
            lat[v] = x;
            next[nextCount++] = v;
          } else if (x < lat[v]) lat[v] = x;
        }
      }
      const t = frontier;
      frontier = next;
      next = t;
      count = nextCount;
    }
  }
}

/** Latency between two members of a twin class: out to a shared neighbour and back, best bottleneck. */
export function twinPairLatencyNs(c: CompiledFabric, model: LatencyModel, rep: number): number {
  let best = Infinity;
  for (let k = 0; k < model.speedsGbps.length; k++) {
    const g = model.speedsGbps[k];
    const ser = serializationNs(model.packetBytes, g);
    // The fastest qualifying link to each neighbour; the twin has the very same set.
    const fastest = new Map<number, number>();
    for (let h = c.offsets[rep]; h < c.offsets[rep + 1]; h++) {
      const e = c.halfEdgeLink[h];
      if (c.linkGbps[e] < g) continue;
      const v = c.neighbors[h];
      const d = model.linkDelayNs[e];
      if (d < (fastest.get(v) ?? Infinity)) fastest.set(v, d);
    }
    for (const [v, d] of fastest) {
      const total = 2 * d + model.nodeDelayNs[v] + ser;
      if (total < best) best = total;
    }
  }
  return best;
}
