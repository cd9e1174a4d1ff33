// Block lower bound on the bisection: pods as hubs (./hubs.ts), the worst balanced split reduced to whole pods on
// each side and at most one pod split, and that pod-level problem solved exactly over classes of alike pods. It
// proves the bisection of fabrics whose pods are joined without a common top (OCS circuits between spines) or
// through an oversubscribed or uneven core, where the up-down certificate falls short.
//
// The argument. Block p has n_p accelerators, every one able to send r_p at once, landing on p's hubs with one
// common distribution pi_p: hub s receives w_s = n_p r_p pi_p(s). For a balanced split A | B with a_p = alpha_p
// n_p members of p in A, A's members of p send alpha_p w_s into hub s and B's members take (1 - alpha_p) w_s out
// of it (the reverse paths, on the other direction of each link): any flow in the hub network from these supplies
// to these demands is a flow from A to B, so the cut is at least G(alpha), the hub network's maximum flow. The hub
// network also holds what the landing leaves of the links inside each block (alpha x load one way + (1 - alpha) x
// load the other). G(alpha) is a minimum over cuts of functions affine in alpha, hence concave, and over the
// polytope {0 <= alpha <= 1, sum n_p alpha_p = floor(N/2)}, which holds every balanced split, a concave function
// is least at a vertex: every block wholly in A or in B but one, p*, with alpha* = (floor(N/2) - n(A's)) / n_p*.
//
// At a vertex v, a feasible flow gives G(v) >= LB(v):
//   - every direct link (a circuit) between hubs of an A block and a B block carries its capacity A -> B;
//   - every free node f (a core, a border switch) carries min(cap to A's hubs, cap to B's hubs), each hub's links
//     to free nodes scaled by min(1, w_s / their capacity) (a hub never pushes more than w_s through them);
//   - p*'s hubs pass what their own supply and demand allow (splitTerm: three constructions);
//   - a hub of a whole block that would send (or take) more than w_s this way is cut back by its excess (deficit:
//     per hub, or pooled over the block when spare capacity inside it can move flow between its hubs).
// Blocks of one class (same size) are counted, not named: each term is bounded over every choice of which blocks
// of a class are on which side (sums of the smallest capacities for the flows, the largest for the excess), so LB
// depends only on the counts, and the minimum over all count vectors is a proof. Twin blocks (same capacity to
// every other block and free node) lose nothing by this.
import type { CompiledFabric } from '../../compile/compile.js';
import type { HubNetwork } from './hubs.js';
import { rebalanceRate } from './rebalance.js';

export interface BlockVertex {
  /** Blocks wholly on side A (indices into the hub network's blocks), the split block (or -1) and its A count. */
  sideA: number[];
  split: number;
  splitA: number;
  /** LB at this vertex (Gbps). */
  gbps: number;
}

export interface BlockBound {
  gbps: number;
  blocks: number;
  classes: number;
  /** Vertices (count vectors with a split class) evaluated. */
  vertices: number;
  /** The least vertices found (a concrete choice of blocks for each), best first: splits worth pricing exactly. */
  best: BlockVertex[];
}

/** Count vectors past this are not enumerated (twin classes are merged first; then the bound gives up). */
export const BLOCK_VERTEX_MAX = 200_000;
const KEEP = 6;

interface Klass {
  blocks: number[];
  size: number;
}

/** The block bound, or null when the blocks cannot be grouped into few enough classes. */
export function blockLowerBound(c: CompiledFabric, net: HubNetwork): BlockBound | null {
  const N = c.accelerators.length;
  const K = Math.floor(N / 2);
  const { blocks, hubBlock } = net;
  const P = blocks.length;

  // Hubs, their supply w, direct capacity to each other block, and (scaled) capacity to free nodes.
  const hubOrd = new Map<number, number>();
  const hubList: number[] = [];
  for (const b of blocks) for (const s of b.hubs) {
    hubOrd.set(s, hubList.length);
    hubList.push(s);
  }
  const H = hubList.length;
  const own = Int32Array.from(hubList, (s) => hubBlock[s]);
  const w = new Float64Array(H);
  blocks.forEach((b) => b.hubs.forEach((s, i) => (w[hubOrd.get(s)!] = b.hubGbps[i])));
  const capTo = new Float64Array(H * P);
  const capDirect = new Float64Array(H);
  for (let e = 0; e < net.direct.a.length; e++) {
    const x = hubOrd.get(net.direct.a[e])!;
    const y = hubOrd.get(net.direct.b[e])!;
    const g = net.direct.gbps[e];
    capTo[x * P + own[y]] += g;
    capTo[y * P + own[x]] += g;
    capDirect[x] += g;
    capDirect[y] += g;
  }
  const rawFree = new Float64Array(H);
  for (let e = 0; e < net.up.a.length; e++) rawFree[hubOrd.get(net.up.a[e])!] += net.up.gbps[e];
  const capFree = Float64Array.from(rawFree, (f, x) => Math.min(f, w[x]));
  const freeIds = new Map<number, number>();
  for (let e = 0; e < net.up.a.length; e++) if (!freeIds.has(net.up.b[e])) freeIds.set(net.up.b[e], freeIds.size);
  const F = freeIds.size;
  const blockFree = new Float64Array(P * F);
  for (let e = 0; e < net.up.a.length; e++) {
    const x = hubOrd.get(net.up.a[e])!;
    blockFree[own[x] * F + freeIds.get(net.up.b[e])!] += (net.up.gbps[e] * capFree[x]) / rawFree[x];
  }
  const W = new Float64Array(P * P);
  for (let x = 0; x < H; x++) for (let q = 0; q < P; q++) W[own[x] * P + q] += capTo[x * P + q];

  const classes = blockClasses(blocks.map((b) => b.members.length), W, blockFree, P, F);
  if (!classes) return null;
  const C = classes.length;
  const classOf = new Int32Array(P);
  classes.forEach((k, i) => k.blocks.forEach((p) => (classOf[p] = i)));
  const m = Int32Array.from(classes, (k) => k.blocks.length);
  const size = Float64Array.from(classes, (k) => k.size);

  // minW[c][d]: least direct capacity between a block of c and another block of d (exact between twins).
  const minW = new Float64Array(C * C).fill(Infinity);
  for (let p = 0; p < P; p++) for (let q = 0; q < P; q++) {
    if (p === q) continue;
    const i = classOf[p] * C + classOf[q];
    minW[i] = Math.min(minW[i], W[p * P + q]);
  }
  for (let i = 0; i < C * C; i++) if (minW[i] === Infinity) minW[i] = 0;

  // Sorted prefix sums per class: row[off[k] + j] = the j smallest values over class k's blocks (but `skip`),
  // cnt[k] of them. One layout for every row, padded where a class loses its skipped block.
  const off = new Int32Array(C + 1);
  for (let k = 0; k < C; k++) off[k + 1] = off[k] + m[k] + 1;
  const stride = off[C];
  const prefixRow = (out: Float64Array, at: number, value: (q: number) => number, skip: number) => {
    for (let k = 0; k < C; k++) {
      const vals = classes[k].blocks.filter((q) => q !== skip).map(value).sort((x, y) => x - y);
      const base = at + off[k];
      out[base] = 0;
      for (let j = 0; j < vals.length; j++) out[base + j + 1] = out[base + j] + vals[j];
      for (let j = vals.length + 1; j <= m[k]; j++) out[base + j] = out[base + vals.length];
    }
  };
  // Hubs: capacity to other blocks.
  const hubPre = new Float64Array(H * stride);
  for (let x = 0; x < H; x++) prefixRow(hubPre, x * stride, (q) => capTo[x * P + q], own[x]);
  // A hub's profile: its prefix row (text, for grouping alike hubs exactly).
  const rowKey: string[] = new Array(H);
  for (let x = 0; x < H; x++) {
    let key = '';
    for (let i = x * stride, end = i + stride; i < end; i++) key += hubPre[i] + ',';
    rowKey[x] = key;
  }
  // Blocks: direct capacity to other blocks.
  const blockPre = new Float64Array(P * stride);
  for (let p = 0; p < P; p++) prefixRow(blockPre, p * stride, (q) => W[p * P + q], p);
  // Free nodes with the same capacity from every block are one group.
  const freeGroups: { f: number; count: number }[] = [];
  {
    const seen = new Map<string, number>();
    for (let f = 0; f < F; f++) {
      let key = '';
      for (let p = 0; p < P; p++) key += blockFree[p * F + f] + ',';
      const g = seen.get(key);
      if (g !== undefined) freeGroups[g].count++;
      else {
        seen.set(key, freeGroups.length);
        freeGroups.push({ f, count: 1 });
      }
    }
  }
  const FG = freeGroups.length;
  const freePre = new Float64Array(FG * stride);
  freeGroups.forEach(({ f }, g) => prefixRow(freePre, g * stride, (q) => blockFree[q * F + f], -1));
  const freeCount = Float64Array.from(freeGroups, (g) => g.count);

  // Split block: per class, one block per distinct profile; its hubs grouped by (w, d, free, prefix row).
  interface SplitRep {
    p: number;
    /** Hub groups: a hub standing for each (its row offset in hubPre), how many, and their w, d, free capacity. */
    base: Int32Array;
    count: Float64Array;
    gw: Float64Array;
    gd: Float64Array;
    gf: Float64Array;
    /** Its (scaled) capacity to each free group, and in total. */
    free: Float64Array;
    freeTotal: number;
  }
  const repsOf: SplitRep[][] = classes.map((k) => {
    const seen = new Map<string, SplitRep>();
    for (const p of k.blocks) {
      const byKey = new Map<string, { x: number; count: number }>();
      for (let x = 0; x < H; x++) {
        if (own[x] !== p) continue;
        const key = `${w[x]}:${capDirect[x]}:${capFree[x]}:${rowKey[x]}`;
        const g = byKey.get(key);
        if (g) g.count++;
        else byKey.set(key, { x, count: 1 });
      }
      const free = Float64Array.from(freeGroups, ({ f }) => blockFree[p * F + f]);
      const key =
        [...byKey.keys()].map((kk) => `${byKey.get(kk)!.count}x${kk}`).sort().join(';') +
        '#' + Array.from(blockPre.subarray(p * stride, (p + 1) * stride)).join(',') + '#' + Array.from(free).join(',');
      if (!seen.has(key)) {
        const groups = [...byKey.values()];
        seen.set(key, {
          p,
          base: Int32Array.from(groups, (g) => g.x * stride),
          count: Float64Array.from(groups, (g) => g.count),
          gw: Float64Array.from(groups, (g) => w[g.x]),
          gd: Float64Array.from(groups, (g) => capDirect[g.x]),
          gf: Float64Array.from(groups, (g) => capFree[g.x]),
          free,
          freeTotal: free.reduce((t, v) => t + v, 0),
        });
      }
    }
    return [...seen.values()];
  });

  // Excess: blocks with a hub that can send more than w_s at some vertex (prefilter by a fractional cover).
  const sizes = blocks.map((b) => b.members.length);
  const maxSize = Math.max(...sizes);
  const capAll = Float64Array.from(capFree, (f, x) => f + capDirect[x]);
  const hubsOf: number[][] = blocks.map(() => []);
  for (let x = 0; x < H; x++) hubsOf[own[x]].push(x);
  const excessHubs: number[][] = blocks.map(() => []);
  for (let x = 0; x < H; x++) {
    const p = own[x];
    if (capAll[x] <= w[x] * (1 + 1e-12)) continue;
    const least = coverCost(capTo, x * P, sizes, p, Math.min(K, N - K) - sizes[p] - maxSize);
    if (capAll[x] - least > w[x] * (1 + 1e-12)) excessHubs[p].push(x);
  }
  const psi = blocks.map((b, p) => (excessHubs[p].length ? rebalanceRate(b) : 0));
  // Hubs of a block with the same (capAll - w, prefix row) have the same excess bounds: one stands for all.
  const typesOf = (list: number[]) => {
    const seen = new Map<string, { x: number; count: number }>();
    for (const x of list) {
      const key = `${capAll[x] - w[x]}:${rowKey[x]}`;
      const t = seen.get(key);
      if (t) t.count++;
      else seen.set(key, { x, count: 1 });
    }
    return [...seen.values()];
  };
  const hubTypes = hubsOf.map((list, p) => (psi[p] > 0 ? typesOf(list) : []));
  const excessTypes = excessHubs.map(typesOf);
  const netOut = blocks.map((_, p) => hubsOf[p].reduce((t, x) => t + capAll[x] - w[x], 0));
  const excessBlocks = classes.map((k) => k.blocks.filter((p) => excessHubs[p].length > 0));

  /**
   * Upper bound on what block p's hubs cannot serve when p is whole on the side with counts kSide. Hub s sends
   * (or takes) at most e_s = capAll_s - w_s - (its capacity to blocks on its own side), at least that with the
   * largest such capacity; their sum over the block is bounded at block level (exact for twins). Per hub, the
   * excess is e_s+. Pooled: flow moves between the block's hubs over spare capacity of at least psi |D| (h - |D|)
   * into any set D of them (./rebalance.ts), so whatever the e_s in [-V, U], the unmoved excess, max over D of
   * (e(D) - psi |D| (h - |D|)), is at most max(0, sum e) unless some size d has d < V / psi and h - d < U / psi
   * (e(D) <= min(d U, sum e + (h - d) V) then may beat the spare capacity).
   */
  const jLo = new Int32Array(C);
  const jTop = new Int32Array(C);
  const jHi = new Int32Array(C);
  const deficit = (p: number, kSide: Int32Array): number => {
    const cp = classOf[p];
    for (let k = 0; k < C; k++) {
      const j = kSide[k] - (k === cp ? 1 : 0);
      const n = m[k] - (k === cp ? 1 : 0);
      jLo[k] = off[k] + j;
      jTop[k] = off[k] + n;
      jHi[k] = off[k] + n - j;
    }
    if (psi[p] > 0) {
      let uMax = 0;
      let vMax = 0;
      for (const { x } of hubTypes[p]) {
        let lo = 0;
        let hi = 0;
        const base = x * stride;
        for (let k = 0; k < C; k++) {
          lo += hubPre[base + jLo[k]];
          hi += hubPre[base + jTop[k]] - hubPre[base + jHi[k]];
        }
        const e = capAll[x] - w[x];
        if (e - lo > uMax) uMax = e - lo;
        if (hi - e > vMax) vMax = hi - e;
      }
      const h = hubsOf[p].length;
      const dLo = Math.max(1, Math.floor(h - uMax / psi[p]) + 1);
      const dHi = Math.min(h - 1, Math.ceil(vMax / psi[p]) - 1);
      if (dLo > dHi) {
        let same = 0;
        for (let k = 0; k < C; k++) same += blockPre[p * stride + off[k] + kSide[k] - (k === cp ? 1 : 0)];
        return Math.max(0, netOut[p] - same);
      }
    }
    let sum = 0;
    for (const { x, count } of excessTypes[p]) {
      let same = 0;
      const base = x * stride;
      for (let k = 0; k < C; k++) same += hubPre[base + jLo[k]];
      sum += count * Math.max(0, capAll[x] - same - w[x]);
    }
    return sum;
  };
  // Deficits per block for one side's counts (0 where the class has no block on that side).
  const excessList = excessBlocks.flat();
  // Memo per block by the side's counts (mixed radix code): the same counts recur across vertices.
  const radix = new Float64Array(C);
  let codes = 1;
  for (let k = 0; k < C; k++) {
    radix[k] = codes;
    codes *= m[k] + 1;
  }
  const memo = new Map<number, Float64Array>();
  for (const p of excessList) memo.set(p, new Float64Array(codes).fill(-1));
  const fillDeficits = (out: Float64Array, kSide: Int32Array) => {
    let code = 0;
    for (let k = 0; k < C; k++) code += kSide[k] * radix[k];
    for (const p of excessList) {
      if (kSide[classOf[p]] === 0) {
        out[p] = 0;
        continue;
      }
      const cache = memo.get(p)!;
      if (cache[code] < 0) cache[code] = deficit(p, kSide);
      out[p] = cache[code];
    }
  };
  // Excess, worst case per class: the blocks with the largest (excess on A - excess on B) on A.
  const order = new Int32Array(P);
  const excess = (dA: Float64Array, dB: Float64Array): number => {
    let total = 0;
    for (let i = 0; i < C; i++) {
      const list = excessBlocks[i];
      if (!list.length) continue;
      // Blocks without excess hubs add nothing wherever they are: they fill A's places before a block whose
      // excess is larger on B.
      const spare = m[i] - list.length;
      // Insertion sort into scratch by (excess on A - excess on B), largest first: the lists are short.
      const L = list.length;
      for (let a = 0; a < L; a++) {
        const p = list[a];
        const key = dA[p] - dB[p];
        let b = a;
        while (b > 0 && dA[order[b - 1]] - dB[order[b - 1]] < key) {
          order[b] = order[b - 1];
          b--;
        }
        order[b] = p;
      }
      let onA = kS[i];
      for (let a = 0; a < L; a++) {
        const p = order[a];
        if (onA > 0 && (dA[p] - dB[p] > 0 || onA > spare)) {
          total += dA[p];
          onA--;
        } else total += dB[p];
      }
    }
    return total;
  };
  const dS = new Float64Array(P);
  const dSplus = new Float64Array(P);
  const dB = new Float64Array(P);
  const dBfull = new Float64Array(P);

  // Free nodes. Per group, A's capacity lies in [freeA, freeAhi] (the smallest / largest per class), B's alike,
  // and A's total over all free nodes is at least freeAtot (block totals, exact for blocks of equal totals). Then
  // sum_f min(A_f, B_f) >= max(sum_f min(A_f lo, B_f lo), A tot - sum_f (A_f hi - B_f lo)+, and the mirror): the
  // second form keeps uneven free nodes (a core with one link more from some pods) from costing anything when
  // one side has the smaller capacity at every free node.
  const freeTot = Float64Array.from({ length: P }, (_, p) => {
    let t = 0;
    for (let f = 0; f < F; f++) t += blockFree[p * F + f];
    return t;
  });
  const freeTotPre = new Float64Array(stride);
  prefixRow(freeTotPre, 0, (q) => freeTot[q], -1);
  const freeA = new Float64Array(FG);
  const freeAhi = new Float64Array(FG);
  const freeB = new Float64Array(FG);
  const freeBhi = new Float64Array(FG);
  const tot = { a: 0, b: 0 };
  const fillFree = (lo: Float64Array, hi: Float64Array, kSide: Int32Array, side: 'a' | 'b') => {
    for (let g = 0; g < FG; g++) {
      let s = 0;
      let t = 0;
      const base = g * stride;
      for (let k = 0; k < C; k++) {
        const b = base + off[k];
        s += freePre[b + kSide[k]];
        t += freePre[b + m[k]] - freePre[b + m[k] - kSide[k]];
      }
      lo[g] = s;
      hi[g] = t;
    }
    let total = 0;
    for (let k = 0; k < C; k++) total += freeTotPre[off[k] + kSide[k]];
    tot[side] = total;
  };
  const freeFlow = (extraA: Float64Array | null, extraB: Float64Array | null, rho: number, extraTotal: number): number => {
    let low = 0;
    let overA = 0;
    let overB = 0;
    for (let g = 0; g < FG; g++) {
      const ea = extraA ? rho * extraA[g] : 0;
      const eb = extraB ? rho * extraB[g] : 0;
      const n = freeCount[g];
      low += n * Math.min(freeA[g] + ea, freeB[g] + eb);
      overA += n * Math.max(0, freeAhi[g] + ea - freeB[g] - eb);
      overB += n * Math.max(0, freeBhi[g] + eb - freeA[g] - ea);
    }
    const ta = tot.a + (extraA ? rho * extraTotal : 0);
    const tb = tot.b + (extraB ? rho * extraTotal : 0);
    return Math.max(low, ta - overA, tb - overB);
  };

  const kS = new Int32Array(C);
  const kB = new Int32Array(C);
  const kSplus = new Int32Array(C);

  /**
   * What p*'s hubs add, three constructions (each a valid flow; the best counts). 'T' (transit): p*'s free links
   * are left out; hub s passes f_s(a_s) = min(alpha w_s + a_s, (1 - alpha) w_s + d_s - a_s), a_s its capacity to
   * A's blocks (the rest of its direct capacity d_s goes to B's); both sides count p*'s links as crossing. 'A': p*
   * takes nothing from A's blocks, sends to B's over direct links and, at a share rho of each of its free links,
   * through the free nodes (which then pass min(A's + rho p*'s, B's)): f_s = min(alpha w_s, (1 - alpha) w_s + b_s
   * + rho g_s) - rho g_s on top of the free nodes' flow; A's blocks count p* as their own side. 'B': the mirror.
   * Each f_s is concave in its capacity with slopes in [-1, 1], so for lambda in [-1, 1], sum f_s >= sum_s min
   * over the capacity's range of (f_s - lambda x capacity) + lambda x the block's capacity to that side, bounded
   * at block level (exact for twins): lambda = 0 is the per-hub worst case, lambda = +-1 recover the whole-side
   * values when the hubs are alike. Returns the best total for the vertex, free nodes and excess included.
   */
  const lo = new Float64Array(H);
  const hi = new Float64Array(H);
  const rhos = [0, 1, 0];
  const iS = new Int32Array(C);
  const iB = new Int32Array(C);
  const iTop = new Int32Array(C);
  const iSh = new Int32Array(C);
  const iBh = new Int32Array(C);
  const splitValue = (star: number, alpha: number, exT: number, exA: number, exB: number): number => {
    let best = -Infinity;
    // Row offsets: the kS / kB smallest, the top, and what the largest leave (rows skip the split block itself).
    for (let k = 0; k < C; k++) {
      const n = m[k] - (k === star ? 1 : 0);
      iS[k] = off[k] + kS[k];
      iB[k] = off[k] + kB[k];
      iTop[k] = off[k] + n;
      iSh[k] = off[k] + n - kS[k];
      iBh[k] = off[k] + n - kB[k];
    }
    for (const rep of repsOf[star]) {
      const { base, count, gw, gd, gf } = rep;
      const pb = rep.p * stride;
      let aLo = 0;
      let aHi = 0;
      let bLo = 0;
      for (let k = 0; k < C; k++) {
        aLo += blockPre[pb + iS[k]];
        aHi += blockPre[pb + iTop[k]] - blockPre[pb + iSh[k]];
        bLo += blockPre[pb + iB[k]];
      }
      // Per hub group: capacity to A in [lo, hi], to B in [d - hi, d - lo].
      const G = base.length;
      for (let gi = 0; gi < G; gi++) {
        let sLo = 0;
        let sHi = 0;
        let tLo = 0;
        let tHi = 0;
        const x = base[gi];
        for (let k = 0; k < C; k++) {
          const top = hubPre[x + iTop[k]];
          sLo += hubPre[x + iS[k]];
          sHi += top - hubPre[x + iSh[k]];
          tLo += hubPre[x + iB[k]];
          tHi += top - hubPre[x + iBh[k]];
        }
        lo[gi] = Math.max(sLo, gd[gi] - tHi);
        hi[gi] = Math.min(sHi, gd[gi] - tLo);
      }
      // Transit, lambda in {-1, 0, 1}.
      let transit = -Infinity;
      for (let lambda = -1; lambda <= 1; lambda++) {
        let sum = lambda >= 0 ? lambda * aLo : lambda * aHi;
        for (let gi = 0; gi < G; gi++) {
          sum += count[gi] * Math.min(alpha * gw[gi] + (1 - lambda) * lo[gi], (1 - alpha) * gw[gi] + gd[gi] - (1 + lambda) * hi[gi]);
        }
        if (sum > transit) transit = sum;
      }
      let value = transit + freeFlow(null, null, 0, 0) - exT;
      for (let mode = 0; mode < 2; mode++) {
        const toB = mode === 0; // 'A': p* sends to B's blocks and joins A at the free nodes; else the mirror.
        // rho where the hubs' own slack runs out, if they are alike (and the ends).
        let slack = 0;
        for (let gi = 0; gi < G; gi++) {
          slack += count[gi] * (toB ? (2 * alpha - 1) * gw[gi] - (gd[gi] - hi[gi]) : (1 - 2 * alpha) * gw[gi] - lo[gi]);
        }
        rhos[2] = rep.freeTotal > 0 && slack > 0 && slack < rep.freeTotal ? slack / rep.freeTotal : 0;
        for (const rho of rhos) {
          let t = -Infinity;
          for (let lambda = 0; lambda <= 1; lambda++) {
            let sum = lambda * (toB ? bLo : aLo);
            for (let gi = 0; gi < G; gi++) {
              const g = rho * gf[gi];
              const f = toB
                ? Math.min(alpha * gw[gi] - lambda * (gd[gi] - lo[gi]), (1 - alpha) * gw[gi] + g + (1 - lambda) * (gd[gi] - hi[gi]))
                : Math.min(alpha * gw[gi] + g + (1 - lambda) * lo[gi], (1 - alpha) * gw[gi] - lambda * hi[gi]);
              sum += count[gi] * (f - g);
            }
            if (sum > t) t = sum;
          }
          t += freeFlow(toB ? rep.free : null, toB ? null : rep.free, rho, rep.freeTotal) - (toB ? exA : exB);
          if (t > value) value = t;
        }
      }
      best = best === -Infinity ? value : Math.min(best, value);
    }
    return best;
  };

  let vertices = 0;
  let bestGbps = Infinity;
  const kept: { gbps: number; kS: Int32Array; star: number; splitA: number }[] = [];
  const keep = (lb: number, star: number, splitA: number) => {
    if (lb < bestGbps) bestGbps = lb;
    if (kept.length < KEEP || lb < kept[kept.length - 1].gbps) {
      kept.push({ gbps: lb, kS: kS.slice(), star, splitA });
      kept.sort((x, y) => x.gbps - y.gbps);
      if (kept.length > KEEP) kept.pop();
    }
  };
  const direct = (): number => {
    let s = 0;
    for (let i = 0; i < C; i++) {
      if (kS[i] === 0) continue;
      for (let j = 0; j < C; j++) s += kS[i] * kB[j] * minW[i * C + j];
    }
    return s;
  };

  // Split vertices wait in a queue with a cheap lower bound of their value (the transit construction's split term
  // is at least 0), then are priced best first until the cheap bound reaches the least value found.
  const queue: { kS: Int32Array; star: number; nS: number; floor: number }[] = [];
  // Least total landing rate of a block of each class (the hub weights sum to it).
  const minWeight = classes.map((k) => Math.min(...k.blocks.map((p) => blocks[p].hubGbps.reduce((t, x) => t + x, 0))));
  const setSides = (star: number) => {
    for (let k = 0; k < C; k++) kB[k] = m[k] - kS[k];
    fillFree(freeA, freeAhi, kS, 'a');
    fillDeficits(dS, kS);
    fillDeficits(dBfull, kB);
    if (star >= 0) {
      kB[star]--;
      kSplus.set(kS);
      kSplus[star]++;
      fillDeficits(dB, kB);
      fillDeficits(dSplus, kSplus);
    }
    fillFree(freeB, freeBhi, kB, 'b');
  };
  const leaf = (nS: number) => {
    if (nS === K) {
      vertices++;
      setSides(-1);
      keep(direct() + freeFlow(null, null, 0, 0) - excess(dS, dBfull), -1, 0);
    }
    // With nS = K the split block would hold no A member: the vertex just evaluated.
    for (let k = 0; k < C && nS < K; k++) {
      if (m[k] - kS[k] === 0 || nS + size[k] <= K) continue;
      vertices++;
      setSides(k);
      // p*'s hubs pass at least what its own members exchange, min(alpha, 1 - alpha) of the block's rate.
      const alpha = (K - nS) / size[k];
      const own = Math.min(alpha, 1 - alpha) * minWeight[k];
      queue.push({ kS: kS.slice(), star: k, nS, floor: direct() + own + freeFlow(null, null, 0, 0) - excess(dS, dB) });
    }
  };
  const visit = (i: number, nS: number) => {
    if (nS > K) return;
    if (i === C) {
      leaf(nS);
      return;
    }
    for (let t = 0; t <= m[i]; t++) {
      kS[i] = t;
      visit(i + 1, nS + t * size[i]);
    }
    kS[i] = 0;
  };
  visit(0, 0);
  queue.sort((x, y) => x.floor - y.floor);
  for (const v of queue) {
    if (v.floor >= bestGbps && kept.length >= KEEP) break;
    kS.set(v.kS);
    setSides(v.star);
    const alpha = (K - v.nS) / size[v.star];
    keep(direct() + splitValue(v.star, alpha, excess(dS, dB), excess(dSplus, dB), excess(dS, dBfull)), v.star, K - v.nS);
  }
  if (!Number.isFinite(bestGbps)) return null;

  const best = kept.map((v) => {
    const sideA: number[] = [];
    let split = -1;
    classes.forEach((k, i) => {
      sideA.push(...k.blocks.slice(0, v.kS[i]));
      if (i === v.star) split = k.blocks[v.kS[i]];
    });
    return { sideA, split, splitA: v.splitA, gbps: v.gbps };
  });
  return { gbps: Math.max(0, bestGbps), blocks: P, classes: C, vertices, best };
}

/**
 * Least sum of cap(x, q) over other blocks q (not p) holding at least `need` accelerators, blocks taken
 * fractionally (cheapest per accelerator first): a lower bound on what hub x has on its own side.
 */
function coverCost(capTo: Float64Array, base: number, sizes: number[], p: number, need: number): number {
  if (need <= 0) return 0;
  // Blocks the hub has no link to cost nothing: often they alone cover the need.
  const linked: number[] = [];
  for (let q = 0; q < sizes.length; q++) {
    if (q === p) continue;
    if (capTo[base + q] > 0) linked.push(q);
    else need -= sizes[q];
  }
  if (need <= 0) return 0;
  const order = linked.sort((a, b) => capTo[base + a] / sizes[a] - capTo[base + b] / sizes[b]);
  let cost = 0;
  for (const q of order) {
    if (need <= 0) break;
    const take = Math.min(need, sizes[q]);
    cost += (capTo[base + q] * take) / sizes[q];
    need -= take;
  }
  return cost;
}

/**
 * Classes of blocks: same size, then twins (equal direct capacity to every other block and equal capacity to every
 * free node). Twin classes of one size are merged back while the count vectors would be too many (the bound stays
 * valid for any classes of equal-sized blocks, only looser); null when even the size classes are too many.
 */
function blockClasses(sizes: number[], W: Float64Array, blockFree: Float64Array, P: number, F: number): Klass[] | null {
  const twins = (p: number, q: number) => {
    for (let r = 0; r < P; r++) if (r !== p && r !== q && W[p * P + r] !== W[q * P + r]) return false;
    for (let f = 0; f < F; f++) if (blockFree[p * F + f] !== blockFree[q * F + f]) return false;
    return true;
  };
  const bySize = new Map<number, number[][]>();
  for (let p = 0; p < P; p++) {
    let groups = bySize.get(sizes[p]);
    if (!groups) bySize.set(sizes[p], (groups = []));
    const g = groups.find((list) => twins(list[0], p));
    if (g) g.push(p);
    else groups.push([p]);
  }
  const product = (gs: number[][]) => gs.reduce((t, list) => t * (list.length + 1), 1);
  const all = [...bySize.values()];
  const space = () => all.reduce((s, gs) => s * product(gs), 1);
  // Merge the size class whose twin split costs the most count vectors, until few enough.
  while (space() > BLOCK_VERTEX_MAX) {
    let worst = -1;
    let ratio = 1;
    all.forEach((gs, i) => {
      if (gs.length < 2) return;
      const r = product(gs) / (gs.reduce((s, list) => s + list.length, 0) + 1);
      if (r > ratio) {
        ratio = r;
        worst = i;
      }
    });
    if (worst < 0) return null;
    all[worst] = [all[worst].flat().sort((x, y) => x - y)];
  }
  return all.flat().map((list) => ({ blocks: list, size: sizes[list[0]] }));
}
