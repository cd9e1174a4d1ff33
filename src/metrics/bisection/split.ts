// Balanced splits of the accelerators and their exact cost: the minimum cut separating the two sides with every
// other node free (max-flow), plus local refinement by swapping accelerator pairs while the cut drops.
import type { CompiledFabric } from '../../compile/compile.js';
import { flowNetworkOf, MaxFlowSolver, SIDE_SINK, SIDE_SOURCE } from '../graph/maxflow.js';
import { simpleGraphOf } from '../graph/simple.js';

/** A split: inA[i] = 1 when accelerator ordinal i (c.accelerators[i]) is on side A; |A| = floor(N / 2). */
export type Split = Uint8Array;

export interface EvaluatedSplit {
  inA: Split;
  cutGbps: number;
  /** Node -> 1 on A's side of the minimum cut. */
  sourceSide: Uint8Array;
}

export class SplitEvaluator {
  readonly N: number;
  readonly sizeA: number;
  evaluations = 0;
  private readonly solver: MaxFlowSolver;
  private readonly side: Uint8Array;
  private readonly seen = new Map<string, number>();

  constructor(readonly c: CompiledFabric) {
    this.N = c.accelerators.length;
    this.sizeA = Math.floor(this.N / 2);
    this.solver = new MaxFlowSolver(flowNetworkOf(c));
    this.side = new Uint8Array(c.n);
  }

  /** Exact minimum cut of a balanced split. */
  evaluate(inA: Split): EvaluatedSplit {
    const { side, c } = this;
    side.fill(0);
    for (let i = 0; i < this.N; i++) side[c.accelerators[i]] = inA[i] ? SIDE_SOURCE : SIDE_SINK;
    this.evaluations++;
    const cut = this.solver.minCut(side);
    return { inA, cutGbps: cut.valueGbps, sourceSide: cut.sourceSide };
  }

  /** True the first time a split (or its mirror, for even N) is offered: repeated candidates are skipped. */
  isNew(inA: Split): boolean {
    const key = splitKey(inA, this.N % 2 === 0);
    if (this.seen.has(key)) return false;
    this.seen.set(key, 1);
    return true;
  }

  /**
   * Swap pairs (a in A, b in B) whose moves lower the current cut: moving accelerator x across the node partition
   * of the minimum cut changes it by delta(x) = capacity to its own side - capacity to the other side, so a
   * batch of non-adjacent swaps with negative total gives a cut of the new split at most cut + sum of deltas;
   * the max-flow then finds the exact (possibly lower) minimum. Stops when no swap helps or after `rounds`.
   */
  refine(start: EvaluatedSplit, rounds: number): EvaluatedSplit {
    const { c, N } = this;
    const g = simpleGraphOf(c);
    let cur = start;
    for (let round = 0; round < rounds; round++) {
      const delta = new Float64Array(N);
      for (let i = 0; i < N; i++) {
        const a = c.accelerators[i];
        const mine = cur.sourceSide[a];
        let d = 0;
        for (let h = g.offsets[a]; h < g.offsets[a + 1]; h++) d += cur.sourceSide[g.neighbors[h]] === mine ? g.capacityGbps[h] : -g.capacityGbps[h];
        delta[i] = d;
      }
      const As: number[] = [];
      const Bs: number[] = [];
      for (let i = 0; i < N; i++) (cur.inA[i] ? As : Bs).push(i);
      As.sort((x, y) => delta[x] - delta[y] || x - y);
      Bs.sort((x, y) => delta[x] - delta[y] || x - y);
      const moved = new Uint8Array(c.n);
      const touches = (x: number) => {
        const a = c.accelerators[x];
        if (moved[a]) return true;
        for (let h = g.offsets[a]; h < g.offsets[a + 1]; h++) if (moved[g.neighbors[h]]) return true;
        return false;
      };
      const next = Uint8Array.from(cur.inA);
      let predicted = 0;
      let ia = 0;
      let ib = 0;
      while (ia < As.length && ib < Bs.length) {
        const x = As[ia];
        const y = Bs[ib];
        if (delta[x] + delta[y] >= -1e-9 * Math.max(1, cur.cutGbps)) break;
        if (touches(x)) {
          ia++;
          continue;
        }
        if (touches(y)) {
          ib++;
          continue;
        }
        moved[c.accelerators[x]] = 1;
        moved[c.accelerators[y]] = 1;
        next[x] = 0;
        next[y] = 1;
        predicted += delta[x] + delta[y];
        ia++;
        ib++;
      }
      if (predicted === 0) break;
      const ev = this.evaluate(next);
      if (ev.cutGbps >= cur.cutGbps - 1e-9 * Math.max(1, cur.cutGbps)) break;
      cur = ev;
    }
    return cur;
  }
}

function splitKey(inA: Split, mirror: boolean): string {
  // Normalise so that a split and its mirror image (same cut) share a key when both sides have equal size.
  const flip = mirror && inA[0] === 0;
  let s = '';
  let word = 0;
  for (let i = 0; i < inA.length; i++) {
    word = (word << 1) | (flip ? 1 - inA[i] : inA[i]);
    if ((i & 15) === 15) {
      s += String.fromCharCode(word);
      word = 0;
    }
  }
  return s + String.fromCharCode(word) + inA.length;
}

/** Split from an ordering of accelerator ordinals: the first floor(N/2) go to A. */
export function splitFromOrder(order: ArrayLike<number>, N: number): Split {
  const inA = new Uint8Array(N);
  const sizeA = Math.floor(N / 2);
  for (let i = 0; i < sizeA; i++) inA[order[i]] = 1;
  return inA;
}
