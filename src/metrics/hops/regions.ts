// Exact hop histogram by regions: the components of the subgraph of accelerators and their direct neighbours
// (a rail pod, a fat-tree edge with its hosts). Every route out of a region leaves through its boundary, so an
// accelerator's distances outside depend only on its profile (distances to the boundary nodes); accelerators of
// one region share a handful of profiles. One bit-parallel search per profile covers all outside targets, and
// a small search inside each region covers the rest. Falls back (null) when profiles are not shared.
import { checkCancelled, type EvalContext } from '../context.js';
import { bfsCsr } from '../graph/bfs.js';
import { BitParallelBfs, popcount32, type CsrGraph } from '../graph/bitbfs.js';
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

  const regions = findRegions(g, level, weight);
  const regionOf = new Int32Array(n).fill(-1);
  regions.forEach((r, i) => r.members.forEach((v) => (regionOf[v] = i)));

  const hist: number[] = [0];
  const add = (h: number, count: number) => {
    while (hist.length <= h) hist.push(0);
    hist[h] += count;
  };

  // Pass 1: profiles, and groups of equal profiles.
  const groups: Group[] = [];
  let totalSources = 0;
  for (let r = 0; r < regions.length; r++) {
    const reg = regions[r];
    totalSources += reg.sources.length;
    if (reg.sources.length * Math.max(1, reg.boundary.length) > PROFILE_CELLS_MAX) return null;
    const profiles = regionProfiles(reg, words);
    const b = reg.boundary.length;
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

  outsideSearch(g, weight, regions, regionOf, groups, words, add, ctx);
  ctx?.progress('hops', 0.5);

  for (let r = 0; r < regions.length; r++) {
    if ((r & 15) === 0 && ctx) {
      checkCancelled(ctx);
      ctx.progress('hops', 0.5 + (0.5 * r) / regions.length);
    }
    insideCounts(regions[r], groups, weight, words, add);
  }
  return { hist, regions: regions.length, groups: groups.length };
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
function regionProfiles(reg: Region, words: number): Uint8Array {
  const b = reg.boundary.length;
  const out = new Uint8Array(reg.sources.length * b).fill(UNREACHED);
  if (b === 0) return out;
  const m = reg.members.length;
  const targets = new Uint8Array(reg.local.n);
  targets.fill(1, m);
  const bfs = new BitParallelBfs(reg.local, words);
  for (let start = 0; start < reg.sources.length; start += bfs.maxSources) {
    const batch = reg.sources.subarray(start, Math.min(reg.sources.length, start + bfs.maxSources));
    bfs.run(
      batch,
      (level, nodes, count, bits, offset, stride) => {
        const lv = Math.min(level, UNREACHED - 1);
        for (let i = 0; i < count; i++) {
          const v = nodes[i];
          if (v < m) continue;
          const base = offset + v * stride;
          for (let w = 0; w < bfs.words; w++) {
            for (let x = bits[base + w]; x !== 0; x &= x - 1) {
              const k = start + 32 * w + (31 - Math.clz32(x & -x));
              out[k * b + (v - m)] = lv;
            }
          }
        }
      },
      targets,
    );
  }
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
  const bfs = new BitParallelBfs(g, W);
  for (let start = 0; start < live.length; start += bfs.maxSources) {
    if (ctx) checkCancelled(ctx);
    const batch = live.slice(start, start + bfs.maxSources);
    const nodes: number[] = [];
    const bits: number[] = [];
    const levels: number[] = [];
    // Bits of each region's groups, to leave a region's own accelerators to the inside count.
    const ownMask = new Map<number, Int32Array>();
    const regionBits = new Map<number, number[]>();
    batch.forEach((gid, bit) => {
      const grp = groups[gid];
      const reg = regions[grp.region];
      grp.profile.forEach((d, i) => {
        if (d === UNREACHED) return;
        nodes.push(reg.boundary[i]);
        bits.push(bit);
        levels.push(d);
      });
      let mask = ownMask.get(grp.region);
      if (!mask) {
        mask = new Int32Array(W);
        ownMask.set(grp.region, mask);
        regionBits.set(grp.region, []);
      }
      mask[bit >>> 5] |= 1 << (bit & 31);
      regionBits.get(grp.region)!.push(bit);
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
    bfs.runInjected(
      nodes,
      bits,
      levels,
      batch.length,
      (level, list, count, data, offset, stride) => {
        let sum = 0;
        for (let i = 0; i < count; i++) {
          const v = list[i];
          const base = offset + v * stride;
          const tw = weight[v];
          if (tw > 0) {
            const own = ownMask.get(regionOf[v]) ?? none;
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
            const rb = regionBits.get(bRegion[k]);
            if (!rb) continue;
            for (const bit of rb) {
              if ((data[base + (bit >>> 5)] >>> (bit & 31)) & 1) groups[batch[bit]].reach[bPos[k]] = Math.min(level, UNREACHED - 1);
            }
          }
        }
        if (sum > 0) add(level, sum);
      },
      targets,
    );
  }
}

/**
 * Pairs inside one region: d = min(inside distance, R) where R = min over boundary nodes z of
 * reach_source(z) + profile_target(z), the best route that leaves the region and comes back.
 */
function insideCounts(reg: Region, groups: Group[], weight: Int32Array, words: number, add: (h: number, count: number) => void): void {
  const S = reg.sources.length;
  if (S < 2) return;
  const G = reg.groups.length;
  const localGroup = new Map<number, number>();
  reg.groups.forEach((gid, i) => localGroup.set(gid, i));
  const gOf = Int32Array.from(reg.groupOf, (gid) => localGroup.get(gid)!);
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
    }
  }
  const w = (k: number) => weight[reg.members[reg.sources[k]]];
  const targetWeight = new Float64Array(G);
  for (let k = 0; k < S; k++) targetWeight[gOf[k]] += w(k);
  const localTarget = new Int32Array(reg.local.n).fill(-1);
  reg.sources.forEach((v, k) => (localTarget[v] = k));
  const targets = new Uint8Array(reg.local.n);
  reg.sources.forEach((v) => (targets[v] = 1));

  const W = Math.max(1, Math.min(words, Math.ceil(S / 32)));
  const bfs = new BitParallelBfs(reg.local, W);
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
    bfs.run(
      reg.sources.subarray(start, start + count),
      (level, nodes, n, bits, offset, stride) => {
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
      },
      targets,
    );
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
}
