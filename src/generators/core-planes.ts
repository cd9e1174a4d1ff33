// Core planes of the national centre's packet spine: how many planes G (spine j of a pod joins plane j mod G) and
// how many core switches C per plane, chosen so that every pod spreads its uplinks evenly over the core.
import type { RailPodSpines } from './rail-pod.js';

export interface PodCoreShape {
  /** Uplinks of each leaf (all leaves of a pod have the same number). */
  leafUplinks: number;
  /** The pod's spine layout when its spines form `planes` planes (a multiple of planes spines). */
  spinesFor(planes: number): RailPodSpines;
}

export interface CorePlan {
  planes: number;
  coresPerPlane: number;
  /** Spine layout of each pod for this plane count. */
  pods: RailPodSpines[];
  /** Planes divide every leaf's uplinks: each leaf sends the same number of links into every plane. */
  leavesEven: boolean;
  /** Cores per plane divide every spine's uplinks: each spine sends the same number of links to every core of its plane. */
  coresEven: boolean;
  /** Links on the busiest core (spine links plus border links). */
  maxCoreLinks: number;
}

/**
 * Plane count and cores per plane. Every pod has a multiple of G spines, so it reaches each plane through the
 * same number of spines; a plane's C cores take its spines' uplinks round-robin. When G divides every leaf's
 * uplinks and C every spine's uplinks, each accelerator's traffic spread by link capacity lands on every core
 * equally (the up-down bisection certificate then proves line rate). Preference: that evenness, then the fewest
 * spines plus cores, then more planes. Where no plan is even, the most even one with the fewest switches is
 * taken: leaf links per plane and spine links per core then differ by one. `coreLinks` = links a core terminates;
 * border switch i takes one link of core i mod C in every plane. Null when no plan fits the cores' ports (or
 * every spine's uplinks could not reach every core of its plane).
 */
export function planCorePlanes(pods: PodCoreShape[], coreLinks: number, borders: number): CorePlan | null {
  if (pods.length === 0) return null;
  // More planes than the largest pod's natural spine count only add spines, unless the leaves need them to split
  // evenly; every useful plane count is below both bounds.
  const maxPlanes = Math.max(...pods.map((p) => p.spinesFor(1).spines), pods.reduce((a, p) => gcd(a, p.leafUplinks), 0));
  let best: CorePlan | null = null;
  let bestKey: number[] = [];
  for (let G = 1; G <= maxPlanes; G++) {
    const layout = pods.map((p) => p.spinesFor(G));
    let perPlane = 0;
    let gcdUp = 0;
    let minUp = Infinity;
    for (const s of layout) {
      perPlane += (s.spines / G) * s.spineUplinks;
      gcdUp = gcd(gcdUp, s.spineUplinks);
      minUp = Math.min(minUp, s.spineUplinks);
    }
    // Round-robin dealing from core 0: the first (links mod C) cores take one more, borders likewise.
    const busiest = (C: number) =>
      Math.floor(perPlane / C) + (perPlane % C > 0 ? 1 : 0) + Math.floor(borders / C) + (borders % C > 0 ? 1 : 0);
    let C = 0;
    let coresEven = false;
    for (let d = 1; d <= gcdUp; d++) {
      if (gcdUp % d === 0 && busiest(d) <= coreLinks) {
        C = d;
        coresEven = true;
        break;
      }
    }
    if (!coresEven) {
      for (let d = 1; d <= minUp; d++) {
        if (busiest(d) <= coreLinks) {
          C = d;
          break;
        }
      }
    }
    if (C === 0) continue;
    const leavesEven = pods.every((p) => p.leafUplinks % G === 0);
    const switches = layout.reduce((s, x) => s + x.spines, 0) + G * C;
    const key = [(leavesEven ? 0 : 1) + (coresEven ? 0 : 1), switches, -G];
    if (!best || less(key, bestKey)) {
      best = { planes: G, coresPerPlane: C, pods: layout, leavesEven, coresEven, maxCoreLinks: busiest(C) };
      bestKey = key;
    }
  }
  return best;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function less(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}
