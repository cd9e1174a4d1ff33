// Up-down certificate, a lower bound on the bisection of tree-like fabrics. Accelerator a injects t_a and the flow
// climbs (level = hops from the nearest accelerator) to a top level Z. If every accelerator's flow lands on the tops
// with one common distribution, any balanced split A|B can be served A -> tops upward and tops -> B downward (the
// other direction of each full-duplex link) at min(sum_A t, sum_B t), so every balanced cut is at least the sum of
// the floor(N/2) smallest t_a. Rates: t_a = share_a x (a's up-link capacity), the shares as large as the upward
// loads allow — one common share (1 = every NIC at line rate), or filled per accelerator up to its own bottleneck
// (./rates.ts). Two routings are tried: split by capacity all the way (common distribution checked through random
// projections), and split by capacity up to a level l, then each block of level-l nodes lands exactly on a chosen
// distribution (./landing.ts). When the routing leaves the scale-up links out, the flow inside the scale-up domains
// a balanced split must cut is added (./domains.ts).
import { MEDIUM_CODE, type CompiledFabric } from '../../compile/compile.js';
import type { Rng } from '../../model/random.js';
import { bfsCsr } from '../graph/bfs.js';
import { scaleOutGraphOf, simpleGraphOf, type SimpleGraph } from '../graph/simple.js';
import { domainPenalty } from './domains.js';
import { blockLandingTheta, type UpwardSweep } from './landing.js';
import { fillShares } from './rates.js';

export interface UpDownCertificate {
  /** The bound: sum of the floor(N / 2) smallest t_a, plus domainGbps. */
  gbps: number;
  /** Smallest share of its up-link capacity an accelerator sends (t_a = share x capacity). */
  fraction: number;
  /** Largest share (above `fraction` when rates were filled per accelerator: pods behind thin uplinks stop early). */
  maxFraction: number;
  /** Smallest t_a (Gbps). */
  minRateGbps: number;
  /** Level of the tops where all accelerators' flows share one distribution. */
  topLevel: number;
  /** Level from which blocks steer their flow onto the common distribution; null = capacity splits all the way. */
  landingLevel: number | null;
  /** Scale-up links (NVLink ...) left out of the routing: their switches would otherwise be private tops. */
  scaleUpExcluded: boolean;
  /** Flow every balanced split carries inside the scale-up domains it must cut (./domains.ts), included in gbps. */
  domainGbps: number;
}

/** Relative tolerance of "the same distribution" (compared through random projections). */
const SAME = 1e-9;

/**
 * Best valid certificate over the link sets (all links; scale-out links only) and routings tried, or null.
 * `beatGbps`: a bound already proven another way; steered routings that cannot beat it are not tried.
 * `steered`: false tries the capacity splits only (the cheap routing, exact for even fabrics).
 */
export function upDownLowerBound(c: CompiledFabric, rng: Rng, beatGbps = 0, steered = true): UpDownCertificate | null {
  const N = c.accelerators.length;
  if (N < 2) return null;
  const K = Math.floor(N / 2);
  const variants: [SimpleGraph, boolean][] = [[simpleGraphOf(c), false]];
  const scaleUp = MEDIUM_CODE['scale-up'];
  let hasScaleUp = false;
  for (let e = 0; e < c.m; e++) if (c.linkMedium[e] === scaleUp) hasScaleUp = true;
  if (hasScaleUp) variants.push([scaleOutGraphOf(c), true]);
  let best: UpDownCertificate | null = null;
  const current = (): UpDownCertificate | null => best;
  for (const [g, excluded] of variants) {
    const sweep = upwardSweep(g, c.accelerators);
    if (sweep.maxLevel === 0) continue;
    // Sum of the floor(N/2) smallest rates: the side that can send least bounds the flow across any split.
    const caps = new Float64Array(N);
    for (let i = 0; i < N; i++) caps[i] = sweep.upCap[c.accelerators[i]];
    caps.sort();
    let sum = 0;
    for (let i = 0; i < K; i++) sum += caps[i];
    // The scale-up links are free only when the routing leaves them out.
    const domainGbps = excluded ? domainPenalty(c).gbps : 0;
    const consider = (shares: Float64Array | number, topLevel: number, landingLevel: number | null) => {
      let gbps: number;
      let lo: number;
      let hi: number;
      let minRate: number;
      if (typeof shares === 'number') {
        gbps = shares * sum;
        lo = hi = shares;
        minRate = shares * caps[0];
      } else {
        const rates = new Float64Array(N);
        lo = Infinity;
        hi = 0;
        for (let i = 0; i < N; i++) {
          rates[i] = shares[i] * sweep.upCap[c.accelerators[i]];
          lo = Math.min(lo, shares[i]);
          hi = Math.max(hi, shares[i]);
        }
        rates.sort();
        gbps = 0;
        for (let i = 0; i < K; i++) gbps += rates[i];
        minRate = rates[0];
      }
      if (!(gbps > 0)) return;
      gbps += domainGbps;
      if (!best || gbps > best.gbps) {
        best = { gbps, fraction: lo, maxFraction: hi, minRateGbps: minRate, topLevel, landingLevel, scaleUpExcluded: excluded, domainGbps };
      }
    };
    const common = commonDistribution(sweep, c.accelerators, rng);
    // With one common landing, each accelerator may go as fast as its own routes allow.
    if (common) consider(common.fraction < 1 ? fillShares(sweep, c.accelerators, common.topLevel) : common.fraction, common.topLevel, null);
    // Steered landing can only help when the capacity splits fall short of line rate.
    if (steered && (!common || common.fraction < 1)) {
      // theta a steered routing must beat to improve on the certificate in hand (compared in Gbps).
      const floorNow = () => (sum > 0 ? Math.max(0, Math.max(current()?.gbps ?? 0, beatGbps) - domainGbps) / sum : 0);
      // Level 0 as the landing level would make every accelerator its own block: never cheaper than level 1.
      // All injected flow must cross into level Z: its capacity caps theta (prunes border and gateway levels).
      const into = new Float64Array(sweep.maxLevel + 1);
      for (let i = 0; i < sweep.reached; i++) {
        const u = sweep.order[i];
        const l = sweep.dist[u];
        if (l < sweep.maxLevel) into[l + 1] += sweep.upCap[u];
      }
      let injected = 0;
      for (const a of c.accelerators) injected += sweep.upCap[a];
      for (let Z = 2; Z <= sweep.maxLevel; Z++) {
        if (injected > 0 && into[Z] / injected <= floorNow()) continue;
        for (let ell = 1; ell < Z; ell++) {
          consider(blockLandingTheta(sweep, Z, ell, 1, floorNow()), Z, ell);
        }
      }
    }
  }
  return best;
}

function upwardSweep(g: SimpleGraph, accelerators: Int32Array): UpwardSweep {
  const { n, offsets, neighbors, capacityGbps } = g;
  const { dist, order, reached } = bfsCsr(n, offsets, neighbors, undefined, accelerators);
  const upCap = new Float64Array(n);
  let maxLevel = 0;
  for (let i = 0; i < reached; i++) {
    const u = order[i];
    if (dist[u] > maxLevel) maxLevel = dist[u];
    for (let h = offsets[u]; h < offsets[u + 1]; h++) if (dist[neighbors[h]] === dist[u] + 1) upCap[u] += capacityGbps[h];
  }
  // Upward loads when every accelerator injects its up-capacity: flow only climbs, so one sweep settles them.
  const inflow = new Float64Array(n);
  for (const a of accelerators) inflow[a] += upCap[a];
  const rate = new Float64Array(Math.max(1, maxLevel)).fill(Infinity);
  for (let i = 0; i < reached; i++) {
    const u = order[i];
    if (upCap[u] === 0 || inflow[u] === 0) continue;
    const share = inflow[u] / upCap[u];
    const lu = dist[u];
    for (let h = offsets[u]; h < offsets[u + 1]; h++) {
      const v = neighbors[h];
      if (dist[v] !== lu + 1) continue;
      inflow[v] += share * capacityGbps[h];
    }
    // load / cap = share on every up-link of u: the binding ratio is 1 / share.
    if (1 / share < rate[lu]) rate[lu] = 1 / share;
  }
  return { g, dist, order, reached, upCap, inflow, rate, maxLevel };
}

/** Capacity splits all the way up: the lowest top level where every accelerator lands the same way. */
function commonDistribution(s: UpwardSweep, accelerators: Int32Array, rng: Rng): { fraction: number; topLevel: number } | null {
  const { g, dist, order, reached, upCap } = s;
  const { n, offsets, neighbors, capacityGbps } = g;
  const r1 = new Float64Array(n);
  const r2 = new Float64Array(n);
  const h1 = new Float64Array(n);
  const h2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    r1[i] = 1 + rng.next();
    r2[i] = 1 + rng.next();
  }
  let t = Infinity;
  for (let Z = 1; Z <= s.maxLevel; Z++) {
    t = Math.min(t, s.rate[Z - 1]);
    if (!(t > 0) || t === Infinity) continue;
    // Projection of each node's landing distribution onto two random vectors over the tops.
    for (let i = reached - 1; i >= 0; i--) {
      const u = order[i];
      if (dist[u] > Z) continue;
      if (dist[u] === Z || upCap[u] === 0) {
        h1[u] = r1[u];
        h2[u] = r2[u];
        continue;
      }
      let s1 = 0;
      let s2 = 0;
      for (let h = offsets[u]; h < offsets[u + 1]; h++) {
        const v = neighbors[h];
        if (dist[v] !== dist[u] + 1) continue;
        const f = capacityGbps[h] / upCap[u];
        s1 += f * h1[v];
        s2 += f * h2[v];
      }
      h1[u] = s1;
      h2[u] = s2;
    }
    const a0 = accelerators[0];
    let same = true;
    for (const a of accelerators) {
      if (Math.abs(h1[a] - h1[a0]) > SAME * h1[a0] || Math.abs(h2[a] - h2[a0]) > SAME * h2[a0]) {
        same = false;
        break;
      }
    }
    if (same) return { fraction: Math.min(1, t), topLevel: Z };
  }
  return null;
}
