// Per-accelerator rates for the up-down certificate by progressive filling: all rates rise together (as a share of
// each accelerator's up-link capacity, flows split over up-links by capacity) and an accelerator stops when a link
// on its upward routes is full. Pods behind a thin core uplink stop early while the others go on to line rate,
// which a single common share for everyone would hold back.
import type { UpwardSweep } from './landing.js';

/** Rounds of filling; each settles at least one bottleneck (a pod's uplinks, a leaf). Past it the rest stop. */
const MAX_ROUNDS = 64;

/**
 * share[i] in [0, cap] for accelerator ordinal i: it injects share[i] x its up-link capacity, and the upward
 * loads (links from levels below Z) then fit every capacity. Max-min fair over the shares.
 */
export function fillShares(s: UpwardSweep, accelerators: Int32Array, Z: number, cap = 1): Float64Array {
  const { g, dist, order, reached, upCap } = s;
  const { n, offsets, neighbors, capacityGbps } = g;
  const N = accelerators.length;
  const share = new Float64Array(N);
  const active = new Uint8Array(N);
  let left = 0;
  for (let i = 0; i < N; i++) {
    if (upCap[accelerators[i]] > 0) {
      active[i] = 1;
      left++;
    }
  }
  const fixedIn = new Float64Array(n);
  const unitIn = new Float64Array(n);
  const blocked = new Uint8Array(n);
  for (let round = 0; round < MAX_ROUNDS && left > 0; round++) {
    fixedIn.fill(0);
    unitIn.fill(0);
    for (let i = 0; i < N; i++) {
      const a = accelerators[i];
      if (active[i]) unitIn[a] += upCap[a];
      else fixedIn[a] += share[i] * upCap[a];
    }
    // Loads are linear in the common share x of the active ones: fixed + x unit, on every up-link of u in
    // proportion to its capacity, so node u allows x <= (upCap - fixed) / unit.
    let x = cap;
    for (let k = 0; k < reached; k++) {
      const u = order[k];
      if (dist[u] >= Z || upCap[u] === 0) continue;
      if (unitIn[u] > 0) x = Math.min(x, Math.max(0, upCap[u] - fixedIn[u]) / unitIn[u]);
      const f = fixedIn[u] / upCap[u];
      const w = unitIn[u] / upCap[u];
      for (let h = offsets[u]; h < offsets[u + 1]; h++) {
        const v = neighbors[h];
        if (dist[v] !== dist[u] + 1) continue;
        fixedIn[v] += f * capacityGbps[h];
        unitIn[v] += w * capacityGbps[h];
      }
    }
    if (x >= cap || round === MAX_ROUNDS - 1) {
      for (let i = 0; i < N; i++) if (active[i]) share[i] = x;
      break;
    }
    // Full nodes, and every node below one (its flow climbs through it), stop their accelerators at x.
    blocked.fill(0);
    for (let k = reached - 1; k >= 0; k--) {
      const u = order[k];
      if (dist[u] >= Z || upCap[u] === 0) continue;
      if (unitIn[u] > 0 && Math.max(0, upCap[u] - fixedIn[u]) / unitIn[u] <= x * (1 + 1e-12)) blocked[u] = 1;
      else {
        for (let h = offsets[u]; h < offsets[u + 1]; h++) {
          const v = neighbors[h];
          if (dist[v] === dist[u] + 1 && dist[v] < Z && blocked[v]) {
            blocked[u] = 1;
            break;
          }
        }
      }
    }
    for (let i = 0; i < N; i++) {
      if (active[i] && blocked[accelerators[i]]) {
        share[i] = x;
        active[i] = 0;
        left--;
      }
    }
  }
  // Float sums may leave a load a hair over capacity: scale everything down by the worst ratio.
  const load = new Float64Array(n);
  for (let i = 0; i < N; i++) load[accelerators[i]] += share[i] * upCap[accelerators[i]];
  let worst = 1;
  for (let k = 0; k < reached; k++) {
    const u = order[k];
    if (dist[u] >= Z || upCap[u] === 0 || load[u] === 0) continue;
    worst = Math.max(worst, load[u] / upCap[u]);
    const f = load[u] / upCap[u];
    for (let h = offsets[u]; h < offsets[u + 1]; h++) {
      const v = neighbors[h];
      if (dist[v] === dist[u] + 1) load[v] += f * capacityGbps[h];
    }
  }
  if (worst > 1) for (let i = 0; i < N; i++) share[i] /= worst;
  return share;
}
