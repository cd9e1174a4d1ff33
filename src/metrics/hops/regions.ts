// Exact hop histogram by regions: the components of the subgraph of accelerators and their direct neighbours
// (a rail pod, a fat-tree edge with its hosts). Every route out of a region leaves through its boundary, so an
// accelerator's distances outside depend only on its profile (distances to the boundary nodes); accelerators of
// one region share a handful of profiles. One bit-parallel search per profile covers all outside targets, and
// a small search inside each region covers the rest. Falls back (null) when profiles are not shared.
import { checkCancelled, type EvalContext } from '../context.js';
import { bfsCsr } from '../graph/bfs.js';
import { BitParallelBfs, popcount32, type CsrGraph } from '../graph/bitbfs.js';
import { scratchOf, type ScratchPool } from '../graph/scratch.js';
import type { TwinReduction } from '../graph/twins.js';

const UNREACHED = 255;
/** Profile entries kept per region (sources x boundary nodes) before giving up on the decomposition. */
const PROFILE_CELLS_MAX = 3e7;

interface Region {
  /** Reduced node ids: members (level 0 and 1), then boundary (level-2 neighbours). */
  members: Int32Array;
  boundary: Int32Array;
  /** Member positions (local ids) of the accelerator representatives. */
  sources: Int32Array;
  /** Source k -> group (global id). */
  groupOf: Int32Array;
  /** Groups of this region (global ids). */
  groups: number[];
  local: CsrGraph;
}

interface Group {
  region: number;
  /** Distance from the group's accelerators to each boundary node of the region (UNREACHED if none). */
  profile: Uint8Array;
  /** Distance to each boundary node allowing routes outside the region (filled by the outside search). */
  reach: Uint8Array;
  weight: number;
}

type Ctx = Pick<EvalContext, 'progress' | 'cancel'> | undefined;

export interface RegionHistogram {
  /** Ordered pairs per hop count, between distinct twin classes' members (twins among themselves excluded). */
  hist: number[];
  regions: number;
  groups: number;
}

/** Histogram by regions, or null when profiles are not shared enough for the decomposition to pay. */
export function regionHopHistogram(red: TwinReduction, words: number, ctx: Ctx): RegionHistogram | null {
  const g = red.graph;
  const n = g.n;
  const weight = red.weight;
  const reps: number[] = [];
  for (let v = 0; v < n; v++) if (weight[v] > 0) reps.push(v);
  const { dist: level } = bfsCsr(n, g.offsets, g.neighbors, undefined, reps);

  // Every region's searches borrow their buffers from one pool: the regions reuse the same memory.
  const pool = scratchOf(g);
  const regions = findRegions(g, level, weight);
  const regionOf = new Int32Array(n).fill(-1);
  regions.forEach((r, i) => r.members.forEach((v) => (regionOf[v] = i)));

  const hist: number[] = [0];
  const add = (h: number, count: number) => {
    while (hist.length <= h) hist.push(0);
    hist[h] += count;
  };

  // Pass 1: profiles, and groups of equal profiles. Regions of one shape (pods built alike) have equal profiles.
  const shape = regionShapes(regions);
  const profilesOf = new Map<number, Uint8Array>();
  const groups: Group[] = [];
  let totalSources = 0;
  for (let r = 0; r < regions.length; r++) {
    const reg = regions[r];
    totalSources += reg.sources.length;
    if (reg.sources.length * Math.max(1, reg.boundary.length) > PROFILE_CELLS_MAX) return null;
    let profiles = profilesOf.get(shape[r]);
    if (!profiles) profilesOf.set(shape[r], (profiles = regionProfiles(reg, words, pool)));
    const b = reg.boundary.length;
    if (shape[r] !== r) {
      // Same profiles as the first region of the shape: the same groups in the same order (new ids, own weights).
      const first = regions[shape[r]];
      const base = groups.length;
      for (const gid of first.groups) {
        reg.groups.push(groups.length);
        groups.push({ region: r, profile: groups[gid].profile.slice(), reach: new Uint8Array(b).fill(UNREACHED), weight: 0 });
      }
      for (let k = 0; k < reg.sources.length; k++) {
        // The first region's groups have consecutive ids.
        const gid = base + first.groupOf[k] - first.groups[0];
        reg.groupOf[k] = gid;
        groups[gid].weight += weight[reg.members[reg.sources[k]]];
      }
      continue;
    }
    const byHash = new Map<number, number[]>();
    for (let k = 0; k < reg.sources.length; k++) {
      const prof = profiles.subarray(k * b, (k + 1) * b);
      let h = 0x811c9dc5;
      for (let i = 0; i < b; i++) h = Math.imul(h ^ prof[i], 0x01000193);
      // Small-integer keys keep the Map fast (V8 boxes integers beyond 30 bits).
      h &= 0x3fffffff;
      let bucket = byHash.get(h);
      if (!bucket) {
        bucket = [];
        byHash.set(h, bucket);
      }
      let gid = bucket.find((id) => sameBytes(groups[id].profile, prof));
      if (gid === undefined) {
        gid = groups.length;
        bucket.push(gid);
        groups.push({ region: r, profile: prof.slice(), reach: new Uint8Array(b).fill(UNREACHED), weight: 0 });
        reg.groups.push(gid);
      }
      reg.groupOf[k] = gid;
      groups[gid].weight += weight[reg.members[reg.sources[k]]];
    }
  }
  // Sharing is the point: with nearly one profile per accelerator the plain search is as fast and simpler.
  if (groups.length > Math.max(256, totalSources / 4)) return null;
  ctx?.progress('hops', 0.2);

  outsideSearch(g, weight, regions, regionOf, groups, words, add, ctx, pool);
  ctx?.progress('hops', 0.5);

  // Regions with the same shape, source weights, groups and routes around (R) have the same inside counts.
  const insideMemo = new Map<number, { shape: number; input: InsideInput; hist: number[] }[]>();
  for (let r = 0; r < regions.length; r++) {
    if ((r & 15) === 0 && ctx) {
      checkCancelled(ctx);
      ctx.progress('hops', 0.5 + (0.5 * r) / regions.length);
    }
    const input = insideInput(regions[r], groups, weight);
    if (!input) continue;
    const key = (Math.imul(shape[r], 0x01000193) ^ input.hash) & 0x3fffffff;
    let bucket = insideMemo.get(key);
    if (!bucket) insideMemo.set(key, (bucket = []));
    let hit = bucket.find((e) => e.shape === shape[r] && sameInput(e.input, input));
    if (!hit) bucket.push((hit = { shape: shape[r], input, hist: insideCounts(regions[r], input, words, pool) }));
    // Counts are whole numbers far below 2^53: adding a region's per-level totals gives the same sums.
    for (let h = 1; h < hit.hist.length; h++) if (hit.hist[h] > 0) add(h, hit.hist[h]);
  }
  return { hist, regions: regions.length, groups: groups.length };
}

/**
 * Shape id per region (the index of the first region of its shape): the same local graph (members, boundary,
 * arcs in local ids) and the same sources. Everything searched inside a region depends only on these.
 */
function regionShapes(regions: Region[]): Int32Array {
  const shape = new Int32Array(regions.length);
  const byHash = new Map<number, number[]>();
  regions.forEach((reg, r) => {
    const { local } = reg;
    let h = Math.imul(0x811c9dc5 ^ reg.members.length, 0x01000193);
    h = Math.imul(h ^ reg.boundary.length, 0x01000193);
    for (let i = 0; i < local.offsets.length; i++) h = Math.imul(h ^ local.offsets[i], 0x01000193);
    for (let i = 0; i < local.neighbors.length; i++) h = Math.imul(h ^ local.neighbors[i], 0x01000193);
    for (let i = 0; i < reg.sources.length; i++) h = Math.imul(h ^ reg.sources[i], 0x01000193);
    h &= 0x3fffffff;
    let bucket = byHash.get(h);
    if (!bucket) byHash.set(h, (bucket = []));
    const same = bucket.find((q) => {
      const o = regions[q];
      return o.members.length === reg.members.length && o.boundary.length === reg.boundary.length &&
        sameInts(o.local.offsets, local.offsets) && sameInts(o.local.neighbors, local.neighbors) && sameInts(o.sources, reg.sources);
    });
    if (same === undefined) bucket.push(r);
    shape[r] = same ?? r;
  });
  return shape;
}

function sameInts(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What insideCounts reads beyond the region's shape: per source its weight and local group, and R. */
interface InsideInput {
  sourceWeight: Int32Array;
  gOf: Int32Array;
  G: number;
  R: Float64Array;
  hash: number;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Components of the nodes at level 0 or 1, with their level-2 boundary and a local CSR (boundary arcs one-way). */
function findRegions(g: CsrGraph, level: Int32Array, weight: Int32Array): Region[] {
  const n = g.n;
  const { offsets, neighbors } = g;
  const seen = new Uint8Array(n);
  const mark = new Int32Array(n).fill(-1);
  const localId = new Int32Array(n).fill(-1);
  const regions: Region[] = [];
  const queue = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    if (seen[s] || level[s] < 0 || level[s] > 1) continue;
    let tail = 0;
    queue[tail++] = s;
    seen[s] = 1;
    const boundary: number[] = [];
    for (let head = 0; head < tail; head++) {
      const u = queue[head];
      for (let h = offsets[u]; h < offsets[u + 1]; h++) {
        const v = neighbors[h];
        if (level[v] <= 1) {
          if (!seen[v]) {
            seen[v] = 1;
            queue[tail++] = v;
          }
        } else if (mark[v] !== s) {
          mark[v] = s;
          boundary.push(v);
        }
      }
    }
    const members = queue.slice(0, tail).sort();
    const bnd = Int32Array.from(boundary).sort();
    const m = members.length;
    members.forEach((v, i) => (localId[v] = i));
    bnd.forEach((v, i) => (localId[v] = m + i));
    const lOffsets = new Int32Array(m + bnd.length + 1);
    let arcs = 0;
    for (let i = 0; i < m; i++) {
      arcs += offsets[members[i] + 1] - offsets[members[i]];
      lOffsets[i + 1] = arcs;
    }
    for (let i = m; i < m + bnd.length; i++) lOffsets[i + 1] = arcs;
    const lNeighbors = new Int32Array(arcs);
    for (let i = 0, k = 0; i < m; i++) {
      const u = members[i];
      for (let h = offsets[u]; h < offsets[u + 1]; h++) lNeighbors[k++] = localId[neighbors[h]];
    }
    const sources: number[] = [];
    for (let i = 0; i < m; i++) if (weight[members[i]] > 0) sources.push(i);
    regions.push({
      members,
      boundary: bnd,
      sources: Int32Array.from(sources),
      groupOf: new Int32Array(sources.length),
      groups: [],
      local: { n: m + bnd.length, offsets: lOffsets, neighbors: lNeighbors },
    });
    members.forEach((v) => (localId[v] = -1));
    bnd.forEach((v) => (localId[v] = -1));
  }
  return regions;
}

/** Per source (row) and boundary node (column): hops from the source to the boundary node inside the region. */
function regionProfiles(reg: Region, words: number, pool: ScratchPool): Uint8Array {
  const b = reg.boundary.length;
  const out = new Uint8Array(reg.sources.length * b).fill(UNREACHED);
  if (b === 0) return out;
  const m = reg.members.length;
  const targets = new Uint8Array(reg.local.n);
  targets.fill(1, m);
  const bfs = new BitParallelBfs(reg.local, words, pool);
  for (let start = 0; start < reg.sources.length; start += bfs.maxSources) {
    const batch = reg.sources.subarray(start, Math.min(reg.sources.length, start + bfs.maxSources));
    // The search is driven here level by level (no callback: the kernel stays compiled across regions).
    bfs.startFrom(batch, targets);
    const { bits, freshOffset: offset, stride, words: W } = bfs;
    while (bfs.step()) {
      const lv = Math.min(bfs.level, UNREACHED - 1);
      const nodes = bfs.frontier;
      const count = bfs.count;
      for (let i = 0; i < count; i++) {
        const v = nodes[i];
        if (v < m) continue;
        const base = offset + v * stride;
        for (let w = 0; w < W; w++) {
          for (let x = bits[base + w]; x !== 0; x &= x - 1) {
            const k = start + 32 * w + (31 - Math.clz32(x & -x));
            out[k * b + (v - m)] = lv;
          }
        }
      }
    }
  }
  bfs.release();
  return out;
}

/**
 * One bit per group entering at its region's boundary nodes at its profile distances: the level at which it
 * reaches an accelerator outside its region is the distance from each of the group's accelerators.
 */
function outsideSearch(
  g: CsrGraph,
  weight: Int32Array,
  regions: Region[],
  regionOf: Int32Array,
  groups: Group[],
  words: number,
  add: (h: number, count: number) => void,
  ctx: Ctx,
  pool: ScratchPool,
): void {
  const n = g.n;
  const live = groups.map((_, i) => i).filter((i) => groups[i].profile.some((d) => d !== UNREACHED));
  if (live.length === 0) return;
  // Boundary node -> (region, position) pairs, for recording reach at a region's own boundary.
  const bCount = new Int32Array(n + 1);
  for (const reg of regions) for (const z of reg.boundary) bCount[z + 1]++;
  for (let v = 0; v < n; v++) bCount[v + 1] += bCount[v];
  const bRegion = new Int32Array(bCount[n]);
  const bPos = new Int32Array(bCount[n]);
  const fill = bCount.slice(0, n);
  regions.forEach((reg, r) =>
    reg.boundary.forEach((z, i) => {
      bRegion[fill[z]] = r;
      bPos[fill[z]++] = i;
    }),
  );
  const targets = new Uint8Array(n);
  for (let v = 0; v < n; v++) if (weight[v] > 0 || bCount[v + 1] > bCount[v]) targets[v] = 1;

  const W = Math.max(1, Math.min(words, Math.ceil(live.length / 32)));
  const bfs = new BitParallelBfs(g, W, pool);
  for (let start = 0; start < live.length; start += bfs.maxSources) {
    if (ctx) checkCancelled(ctx);
    const batch = live.slice(start, start + bfs.maxSources);
    const nodes: number[] = [];
    const bits: number[] = [];
    const levels: number[] = [];
    // Bits of each region's groups, to leave a region's own accelerators to the inside count (by region index).
    const ownMask: (Int32Array | undefined)[] = new Array(regions.length);
    const regionBits: (number[] | undefined)[] = new Array(regions.length);
    batch.forEach((gid, bit) => {
      const grp = groups[gid];
      const reg = regions[grp.region];
      grp.profile.forEach((d, i) => {
        if (d === UNREACHED) return;
        nodes.push(reg.boundary[i]);
        bits.push(bit);
        levels.push(d);
      });
      let mask = ownMask[grp.region];
      if (!mask) {
        mask = ownMask[grp.region] = new Int32Array(W);
        regionBits[grp.region] = [];
      }
      mask[bit >>> 5] |= 1 << (bit & 31);
      regionBits[grp.region]!.push(bit);
    });
    const none = new Int32Array(W);
    // Per word: the distinct group weights and the bits carrying each (a few per word, not one per bit).
    const wordMasks: number[][] = Array.from({ length: W }, () => []);
    const wordWeights: number[][] = Array.from({ length: W }, () => []);
    batch.forEach((gid, bit) => {
      const w = bit >>> 5;
      const k = wordWeights[w].indexOf(groups[gid].weight);
      if (k >= 0) wordMasks[w][k] |= 1 << (bit & 31);
      else {
        wordWeights[w].push(groups[gid].weight);
        wordMasks[w].push(1 << (bit & 31));
      }
    });
    bfs.start(nodes, bits, levels, batch.length, targets);
    const { bits: data, freshOffset: offset, stride } = bfs;
    while (bfs.step()) {
      const level = bfs.level;
      const list = bfs.frontier;
      const count = bfs.count;
      let sum = 0;
      for (let i = 0; i < count; i++) {
        const v = list[i];
        const base = offset + v * stride;
        const tw = weight[v];
        if (tw > 0) {
          const own = (regionOf[v] >= 0 ? ownMask[regionOf[v]] : undefined) ?? none;
          let s = 0;
          for (let w = 0; w < W; w++) {
            const x = data[base + w] & ~own[w];
            if (x === 0) continue;
            const masks = wordMasks[w];
            for (let k = 0; k < masks.length; k++) s += wordWeights[w][k] * popcount32(x & masks[k]);
          }
          sum += tw * s;
        }
        for (let k = bCount[v]; k < bCount[v + 1]; k++) {
          const rb = regionBits[bRegion[k]];
          if (!rb) continue;
          for (const bit of rb) {
            if ((data[base + (bit >>> 5)] >>> (bit & 31)) & 1) groups[batch[bit]].reach[bPos[k]] = Math.min(level, UNREACHED - 1);
          }
        }
      }
      if (sum > 0) add(level, sum);
    }
  }
  bfs.release();
}

/**
 * Pairs inside one region: d = min(inside distance, R) where R = min over boundary nodes z of
 * reach_source(z) + profile_target(z), the best route that leaves the region and comes back.
 */
function insideInput(reg: Region, groups: Group[], weight: Int32Array): InsideInput | null {
  const S = reg.sources.length;
  if (S < 2) return null;
  const G = reg.groups.length;
  const localGroup = new Map<number, number>();
  reg.groups.forEach((gid, i) => localGroup.set(gid, i));
  const gOf = new Int32Array(S);
  const sourceWeight = new Int32Array(S);
  let h = 0x811c9dc5 ^ G;
  for (let k = 0; k < S; k++) {
    gOf[k] = localGroup.get(reg.groupOf[k])!;
    sourceWeight[k] = weight[reg.members[reg.sources[k]]];
    h = Math.imul(h ^ gOf[k], 0x01000193);
    h = Math.imul(h ^ sourceWeight[k], 0x01000193);
  }
  const R = new Float64Array(G * G).fill(Infinity);
  for (let a = 0; a < G; a++) {
    const ga = groups[reg.groups[a]];
    for (let b = 0; b < G; b++) {
      const gb = groups[reg.groups[b]];
      let best = Infinity;
      for (let z = 0; z < reg.boundary.length; z++) {
        if (ga.reach[z] === UNREACHED || gb.profile[z] === UNREACHED) continue;
        best = Math.min(best, ga.reach[z] + gb.profile[z]);
      }
      R[a * G + b] = best;
      h = Math.imul(h ^ (best === Infinity ? -1 : best), 0x01000193);
    }
  }
  return { sourceWeight, gOf, G, R, hash: h };
}

function sameInput(a: InsideInput, b: InsideInput): boolean {
  return a.G === b.G && sameInts(a.gOf, b.gOf) && sameInts(a.sourceWeight, b.sourceWeight) && sameInts(a.R, b.R);
}

/** Ordered pairs of the region's accelerators per hop count (index = hops). */
function insideCounts(reg: Region, input: InsideInput, words: number, pool: ScratchPool): number[] {
  const S = reg.sources.length;
  const { G, gOf, R } = input;
  const hist: number[] = [];
  const add = (h: number, count: number) => {
    while (hist.length <= h) hist.push(0);
    hist[h] += count;
  };
  const w = (k: number) => input.sourceWeight[k];
  const targetWeight = new Float64Array(G);
  for (let k = 0; k < S; k++) targetWeight[gOf[k]] += w(k);
  const localTarget = new Int32Array(reg.local.n).fill(-1);
  reg.sources.forEach((v, k) => (localTarget[v] = k));
  const targets = new Uint8Array(reg.local.n);
  reg.sources.forEach((v) => (targets[v] = 1));

  const W = Math.max(1, Math.min(words, Math.ceil(S / 32)));
  const bfs = new BitParallelBfs(reg.local, W, pool);
  const reached = new Float64Array(G * G);
  const batchWeight = new Float64Array(G);
  const selfWeight = new Float64Array(G);
  for (let start = 0; start < S; start += bfs.maxSources) {
    const count = Math.min(bfs.maxSources, S - start);
    // Per word: distinct (weight, group) combinations and their bits.
    const entries: { mask: number; weight: number; group: number }[][] = Array.from({ length: W }, () => []);
    batchWeight.fill(0);
    selfWeight.fill(0);
    reached.fill(0);
    for (let i = 0; i < count; i++) {
      const k = start + i;
      const wt = w(k);
      const grp = gOf[k];
      batchWeight[grp] += wt;
      selfWeight[grp] += wt * wt;
      const list = entries[i >>> 5];
      const e = list.find((x) => x.weight === wt && x.group === grp);
      if (e) e.mask |= 1 << (i & 31);
      else list.push({ mask: 1 << (i & 31), weight: wt, group: grp });
    }
    bfs.startFrom(reg.sources.subarray(start, start + count), targets);
    const { bits, freshOffset: offset, stride } = bfs;
    while (bfs.step()) {
      const level = bfs.level;
      const nodes = bfs.frontier;
      const n = bfs.count;
      for (let i = 0; i < n; i++) {
        const t = localTarget[nodes[i]];
        if (t < 0) continue;
        const tw = w(t);
        const gt = gOf[t];
        const base = offset + nodes[i] * stride;
        for (let wd = 0; wd < W; wd++) {
          const x = bits[base + wd];
          if (x === 0) continue;
          for (const e of entries[wd]) {
            const c = popcount32(x & e.mask);
            if (c === 0) continue;
            const cell = e.group * G + gt;
            if (level <= R[cell]) {
              const pairs = tw * e.weight * c;
              add(level, pairs);
              reached[cell] += pairs;
            }
          }
        }
      }
    }
    // Pairs not reached inside by R go around through the boundary at R (or stay apart when R is infinite).
    for (let a = 0; a < G; a++) {
      if (batchWeight[a] === 0) continue;
      for (let b = 0; b < G; b++) {
        const cell = a * G + b;
        if (R[cell] === Infinity) continue;
        const total = batchWeight[a] * targetWeight[b] - (a === b ? selfWeight[a] : 0);
        const rest = total - reached[cell];
        if (rest > 0) add(R[cell], rest);
      }
    }
  }
  bfs.release();
  return hist;
}
