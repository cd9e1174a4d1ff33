// Edge connectivity between accelerators: the fewest links whose failure separates some two accelerators
// (= min over accelerator pairs of the number of link-disjoint paths). Exact by cheap proofs where they apply,
// else by unit-capacity max-flows from one accelerator to every twin class of the others.
import type { CompiledFabric } from '../../compile/compile.js';
import type { Rng } from '../../model/random.js';
import type { CutPoints } from './cut-points.js';

export type EdgeConnectivityMethod =
  | 'no-pairs'
  | 'disconnected'
  | 'bridge'
  | 'min-degree-2'
  | 'max-flow'
  | 'max-flow-sampled';

export interface EdgeConnectivity {
  /** Links (parallel links count one each). */
  links: number;
  /** False only for 'max-flow-sampled', where `links` is an upper bound. */
  exact: boolean;
  method: EdgeConnectivityMethod;
  /** Fewest links at any accelerator: always an upper bound. */
  minAcceleratorDegree: number;
  /** Max-flow computations run. */
  maxFlows: number;
  note: string;
}

export interface EdgeConnectivityOptions {
  /** Arc visits allowed for the max-flows; beyond it a seeded sample of targets gives an upper bound. */
  maxWork?: number;
  rng: Rng;
}

export function acceleratorEdgeConnectivity(c: CompiledFabric, cut: CutPoints, options: EdgeConnectivityOptions): EdgeConnectivity {
  const acc = c.accelerators;
  const N = acc.length;
  let delta = Infinity;
  for (let i = 0; i < N; i++) delta = Math.min(delta, c.offsets[acc[i] + 1] - c.offsets[acc[i]]);
  const minDeg = N > 0 ? delta : 0;
  const base = { minAcceleratorDegree: minDeg, maxFlows: 0 };
  if (N < 2) return { ...base, links: 0, exact: true, method: 'no-pairs', note: 'fewer than 2 accelerators' };
  if (cut.componentAccelerators[cut.component[acc[0]]] < N) {
    return { ...base, links: 0, exact: true, method: 'disconnected', note: 'some accelerators cannot reach each other' };
  }
  for (let e = 0; e < c.m; e++) {
    if (cut.bridgeCutOff[e] > 0) {
      return {
        ...base, links: 1, exact: true, method: 'bridge',
        note: `link ${c.linkIds[e]} alone separates accelerators (a bridge)`,
      };
    }
  }
  if (delta === 2) {
    return {
      ...base, links: 2, exact: true, method: 'min-degree-2',
      note: 'no bridge separates accelerators (so at least 2) and an accelerator has only 2 links (so at most 2)',
    };
  }
  // Any cut separating two accelerators separates acc[0] from some accelerator t, so min over t of
  // maxflow(acc[0], t) is the answer; twins of t (same links to the same neighbours) give the same value.
  const a0 = acc[0];
  const targets = twinRepresentatives(c, a0);
  const perFlow = delta * (c.n + 2 * c.m);
  const maxWork = options.maxWork ?? 2e8;
  let chosen = targets;
  const sampled = targets.length * perFlow > maxWork;
  if (sampled) {
    const want = Math.max(1, Math.floor(maxWork / perFlow));
    chosen = options.rng.shuffle([...targets]).slice(0, want);
  }
  const flow = new UnitFlow(c);
  let best = delta;
  for (const t of chosen) {
    const f = flow.maxFlow(a0, t, best);
    if (f < best) best = f;
  }
  return {
    minAcceleratorDegree: minDeg,
    maxFlows: chosen.length,
    links: best,
    exact: !sampled,
    method: sampled ? 'max-flow-sampled' : 'max-flow',
    note: sampled
      ? `upper bound: max-flows from ${c.nodeIds[a0]} to ${chosen.length} of ${targets.length} twin classes (seeded sample)`
      : `exact: max-flows from ${c.nodeIds[a0]} to one accelerator of each of ${targets.length} twin classes`,
  };
}

/** One accelerator per class of identical link lists (other than `a0` itself). */
function twinRepresentatives(c: CompiledFabric, a0: number): number[] {
  const seen = new Set<string>();
  const reps: number[] = [];
  const acc = c.accelerators;
  for (let i = 0; i < acc.length; i++) {
    const v = acc[i];
    if (v === a0) continue;
    const nb: number[] = [];
    for (let h = c.offsets[v]; h < c.offsets[v + 1]; h++) nb.push(c.neighbors[h]);
    nb.sort((x, y) => x - y);
    const key = nb.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    reps.push(v);
  }
  return reps;
}

/** Link-disjoint paths by BFS augmentation with unit capacity per link (usable in either direction). */
class UnitFlow {
  private readonly c: CompiledFabric;
  /** Net flow per link in the direction linkA -> linkB: -1, 0 or 1. */
  private readonly flow: Int8Array;
  private readonly via: Int32Array;
  private readonly seen: Int32Array;
  private readonly queue: Int32Array;
  private stamp = 0;

  constructor(c: CompiledFabric) {
    this.c = c;
    this.flow = new Int8Array(c.m);
    this.via = new Int32Array(c.n);
    this.seen = new Int32Array(c.n);
    this.queue = new Int32Array(c.n);
  }

  /** Max flow from s to t, stopping once it reaches `cap`. */
  maxFlow(s: number, t: number, cap: number): number {
    const { c, flow, via, seen, queue } = this;
    const touched: number[] = [];
    let found = 0;
    while (found < cap) {
      const st = ++this.stamp;
      seen[s] = st;
      queue[0] = s;
      let tail = 1;
      let reached = false;
      for (let head = 0; head < tail && !reached; head++) {
        const u = queue[head];
        for (let h = c.offsets[u]; h < c.offsets[u + 1]; h++) {
          const v = c.neighbors[h];
          if (seen[v] === st) continue;
          const e = c.halfEdgeLink[h];
          const forward = c.linkA[e] === u;
          if (forward ? flow[e] >= 1 : flow[e] <= -1) continue;
          seen[v] = st;
          via[v] = h;
          queue[tail++] = v;
          if (v === t) {
            reached = true;
            break;
          }
        }
      }
      if (!reached) break;
      for (let v = t; v !== s; ) {
        const h = via[v];
        const e = c.halfEdgeLink[h];
        const u = this.tailOf(h);
        flow[e] += c.linkA[e] === u ? 1 : -1;
        touched.push(e);
        v = u;
      }
      found++;
    }
    for (const e of touched) flow[e] = 0;
    return found;
  }

  /** The node a half-edge belongs to (the CSR stores heads only). */
  private tailOf(h: number): number {
    const e = this.c.halfEdgeLink[h];
    const head = this.c.neighbors[h];
    return this.c.linkA[e] === head ? this.c.linkB[e] : this.c.linkA[e];
  }
}
