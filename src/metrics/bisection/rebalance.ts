// Spare capacity inside a block for moving flow between its hubs (a pod's spines, through its leaves), once the
// members' landing has taken its share: psi, a uniform all-to-all rate among the hubs that fits, so every set D of
// the block's h hubs has at least psi |D| (h - |D|) of spare capacity into it and out of it.
import type { HubBlock } from './hubs.js';

/**
 * A block wholly on side A loads the links below its hubs with its landing only (B's members would take the
 * reverse); hub s reaches hub t over s -> feeder -> t on what the landing leaves of each direction. Each ordered
 * pair routes psi over the feeders in proportion to min(spare down (s, f), spare up (f, t)); psi is the largest
 * rate all pairs fit at once, 0 when some pair has no such path. A block wholly on side B sees every landing path
 * reversed: the same pairs, reversed, fit the same psi.
 */
export function rebalanceRate(block: HubBlock): number {
  const h = block.hubs.length;
  if (h < 2) return 0;
  const { hub, feeder, gbps, upGbps, downGbps } = block.inner;
  let F = 0;
  for (let k = 0; k < feeder.length; k++) F = Math.max(F, feeder[k] + 1);
  // A's view: hub -> feeder keeps what the landing's downward legs leave, feeder -> hub what its upward legs
  // leave. B's view is the reverse of every path, so the same pairs fit the same rate.
  const cap = new Float64Array(F * h);
  const spare = new Float64Array(F * h);
  for (let k = 0; k < hub.length; k++) {
    cap[feeder[k] * h + hub[k]] += Math.max(0, gbps[k] - downGbps[k]);
    spare[feeder[k] * h + hub[k]] += Math.max(0, gbps[k] - upGbps[k]);
  }
  const useDown = new Float64Array(F * h);
  const useUp = new Float64Array(F * h);
  for (let s = 0; s < h; s++) {
    for (let t = 0; t < h; t++) {
      if (s === t) continue;
      let total = 0;
      for (let l = 0; l < F; l++) total += Math.min(cap[l * h + s], spare[l * h + t]);
      if (!(total > 0)) return 0;
      for (let l = 0; l < F; l++) {
        const m = Math.min(cap[l * h + s], spare[l * h + t]);
        if (m === 0) continue;
        useDown[l * h + s] += m / total;
        useUp[l * h + t] += m / total;
      }
    }
  }
  let psi = Infinity;
  for (let i = 0; i < F * h; i++) {
    if (useDown[i] > 0) psi = Math.min(psi, cap[i] / useDown[i]);
    if (useUp[i] > 0) psi = Math.min(psi, spare[i] / useUp[i]);
  }
  return Number.isFinite(psi) ? psi : 0;
}
