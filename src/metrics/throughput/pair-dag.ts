// Shortest-path DAG between one source and one destination by bidirectional BFS (each side stops at the
// meeting level, so a pair costs the two balls around its ends, not the whole fabric). On the DAG: the ECMP
// split of one unit of flow, the number of shortest paths, and the lowest latency among shortest paths.
import { scratchOf } from '../graph/scratch.js';
import type { SimpleGraph } from '../graph/simple.js';

/**
 * One instance per routing graph, reused for many pairs (buffers are stamped, never cleared).
 * Call `build(s, d)` first; the walks then read the DAG it left in the buffers.
 */
export class PairDag {
  private readonly g: SimpleGraph;
  /** Per node: stamp of the pair in which the s side (resp. d side) reached it, and its level there. */
  private readonly seenS: Int32Array;
  private readonly seenD: Int32Array;
  private readonly levelS: Int32Array;
  private readonly levelD: Int32Array;
  /** Per node: stamp when on the s-side part of the DAG. */
  private readonly onDag: Int32Array;
  /** BFS queues; levelStart*[l] = first queue position of level l. */
  private readonly queueS: Int32Array;
  private readonly queueD: Int32Array;
  private levelStartS: number[] = [];
  private levelStartD: number[] = [];
  private readonly value: Float64Array;
  private readonly valueStamp: Int32Array;
  /**
   * Next-hop counts: on the d side, neighbours one level nearer d (counted while the d side expands); on the s
   * side, DAG neighbours one level further from s (counted while marking). Valid for the current build stamp.
   */
  private readonly nextD: Int32Array;
  private readonly nextS: Int32Array;
  private stamp = 0;
  /** Each walk has its own stamp: several walks may read the same DAG. */
  private walkStamp = 0;
  private s = -1;
  private d = -1;
  /** Hops of the current pair (-1 when disconnected); levels on the s and d sides with hopsS + hopsD = hops. */
  hops = -1;
  private hopsS = 0;
  private hopsD = 0;
  /** Arc visits so far (a measure of work). */
  work = 0;

  constructor(g: SimpleGraph) {
    this.g = g;
    const n = g.n;
    const pool = scratchOf(g);
    this.seenS = pool.int32(n);
    this.seenD = pool.int32(n);
    this.levelS = pool.int32(n);
    this.levelD = pool.int32(n);
    this.onDag = pool.int32(n);
    this.queueS = pool.int32(n);
    this.queueD = pool.int32(n);
    this.value = pool.float64(n);
    this.valueStamp = pool.int32(n);
    this.nextD = pool.int32(n);
    this.nextS = pool.int32(n);
  }

  /** Give the buffers back to the graph's scratch pool; the instance must not be used afterwards. */
  release(): void {
    scratchOf(this.g).give(
      this.seenS, this.seenD, this.levelS, this.levelD, this.onDag, this.queueS, this.queueD, this.value,
      this.valueStamp, this.nextD, this.nextS,
    );
  }

  /** Build the DAG of shortest s-d paths; returns the hop count, -1 when d cannot be reached. */
  build(s: number, d: number): number {
    const st = ++this.stamp;
    this.s = s;
    this.d = d;
    const { seenS, seenD, levelS, levelD, queueS, queueD } = this;
    const { offsets, neighbors } = this.g;
    seenS[s] = st;
    levelS[s] = 0;
    queueS[0] = s;
    seenD[d] = st;
    levelD[d] = 0;
    queueD[0] = d;
    this.levelStartS = [0, 1];
    this.levelStartD = [0, 1];
    if (s === d) {
      this.hops = 0;
      this.hopsS = this.hopsD = 0;
      this.onDag[s] = st;
      return 0;
    }
    let tailS = 1;
    let tailD = 1;
    for (;;) {
      const ls = this.levelStartS.length - 2;
      const ld = this.levelStartD.length - 2;
      const fromS = this.levelStartS[ls];
      const fromD = this.levelStartD[ld];
      if (fromS === tailS || fromD === tailD) {
        this.hops = -1;
        return -1;
      }
      // Expand the side whose frontier has fewer arcs.
      let arcsS = 0;
      for (let i = fromS; i < tailS; i++) arcsS += offsets[queueS[i] + 1] - offsets[queueS[i]];
      let arcsD = 0;
      for (let i = fromD; i < tailD; i++) arcsD += offsets[queueD[i] + 1] - offsets[queueD[i]];
      const sideS = arcsS <= arcsD;
      const seen = sideS ? seenS : seenD;
      const other = sideS ? seenD : seenS;
      const level = sideS ? levelS : levelD;
      const queue = sideS ? queueS : queueD;
      const from = sideS ? fromS : fromD;
      const to = sideS ? tailS : tailD;
      const next = (sideS ? ls : ld) + 1;
      let tail = to;
      let met = false;
      const nextD = this.nextD;
      for (let i = from; i < to; i++) {
        const u = queue[i];
        for (let a = offsets[u], end = offsets[u + 1]; a < end; a++) {
          const v = neighbors[a];
          if (seen[v] === st) {
            if (!sideS && level[v] === next) nextD[v]++;
            continue;
          }
          seen[v] = st;
          level[v] = next;
          queue[tail++] = v;
          if (!sideS) nextD[v] = 1;
          if (other[v] === st) met = true;
        }
      }
      this.work += sideS ? arcsS : arcsD;
      if (sideS) {
        tailS = tail;
        this.levelStartS.push(tail);
      } else {
        tailD = tail;
        this.levelStartD.push(tail);
      }
      if (met) break;
    }
    this.hopsS = this.levelStartS.length - 2;
    this.hopsD = this.levelStartD.length - 2;
    this.hops = this.hopsS + this.hopsD;
    this.markSourceSide();
    return this.hops;
  }

  /** Mark the s-side nodes that lie on a shortest path: the meeting nodes, then backward level by level. */
  private markSourceSide(): void {
    const st = this.stamp;
    const { seenS, seenD, levelS, onDag, queueS, levelStartS, hopsS } = this;
    const { offsets, neighbors } = this.g;
    for (let i = levelStartS[hopsS]; i < levelStartS[hopsS + 1]; i++) {
      const v = queueS[i];
      if (seenD[v] === st) onDag[v] = st;
    }
    const nextS = this.nextS;
    for (let l = hopsS - 1; l >= 0; l--) {
      for (let i = levelStartS[l]; i < levelStartS[l + 1]; i++) {
        const v = queueS[i];
        let next = 0;
        for (let a = offsets[v], end = offsets[v + 1]; a < end; a++) {
          const w = neighbors[a];
          if (onDag[w] === st && seenS[w] === st && levelS[w] === l + 1) next++;
        }
        nextS[v] = next;
        if (next > 0) onDag[v] = st;
      }
    }
  }

  /** Add the ECMP split of `amount` units from s to d to arcLoad (even split over next-hop neighbours). */
  addFlow(amount: number, arcLoad: Float64Array): void {
    if (this.hops <= 0) return;
    // No callbacks: this runs once per flow of every permutation and ring; next-hop counts come from the build.
    const st = this.stamp;
    const ws = ++this.walkStamp;
    const { value, valueStamp, queueS, queueD, levelStartS, levelStartD, hopsS, hopsD, seenS, levelS, onDag, seenD, levelD, nextS, nextD } = this;
    const { offsets, neighbors, reverse } = this.g;
    valueStamp[this.s] = ws;
    value[this.s] = amount;
    for (let l = 0; l < hopsS; l++) {
      for (let i = levelStartS[l]; i < levelStartS[l + 1]; i++) {
        const u = queueS[i];
        if (valueStamp[u] !== ws) continue;
        const share = value[u] / nextS[u];
        for (let a = offsets[u], end = offsets[u + 1]; a < end; a++) {
          const w = neighbors[a];
          if (onDag[w] !== st || seenS[w] !== st || levelS[w] !== l + 1) continue;
          arcLoad[a] += share;
          if (valueStamp[w] !== ws) {
            valueStamp[w] = ws;
            value[w] = share;
          } else value[w] += share;
        }
      }
    }
    // Toward d the DAG fans in: pull from the level nearer d (small balls around d) instead of pushing from the
    // meeting level, whose nodes (core switches) have many arcs that do not lead toward d.
    for (let j = hopsD; j >= 1; j--) {
      for (let i = levelStartD[j - 1]; i < levelStartD[j]; i++) {
        const w = queueD[i];
        for (let a = offsets[w], end = offsets[w + 1]; a < end; a++) {
          const u = neighbors[a];
          if (valueStamp[u] !== ws || seenD[u] !== st || levelD[u] !== j) continue;
          const share = value[u] / nextD[u];
          arcLoad[reverse[a]] += share;
          if (valueStamp[w] !== ws) {
            valueStamp[w] = ws;
            value[w] = share;
          } else value[w] += share;
        }
      }
    }
  }

  /** Number of shortest s-d paths, counting parallel links separately (as distinct physical paths). */
  countPaths(): number {
    if (this.hops < 0) return 0;
    if (this.s === this.d) return 1;
    // Pushed along the DAG from s in level order (every count is a sum taken in that order), without callbacks.
    const st = this.stamp;
    const ws = ++this.walkStamp;
    const { value, valueStamp, queueS, queueD, levelStartS, levelStartD, hopsS, hopsD, seenS, levelS, onDag, seenD, levelD } = this;
    const { offsets, neighbors, linkStart } = this.g;
    valueStamp[this.s] = ws;
    value[this.s] = 1;
    for (let l = 0; l < hopsS; l++) {
      for (let i = levelStartS[l]; i < levelStartS[l + 1]; i++) {
        const u = queueS[i];
        if (valueStamp[u] !== ws) continue;
        const x = value[u];
        for (let a = offsets[u], end = offsets[u + 1]; a < end; a++) {
          const w = neighbors[a];
          if (onDag[w] !== st || seenS[w] !== st || levelS[w] !== l + 1) continue;
          const y = x * (linkStart[a + 1] - linkStart[a]);
          if (valueStamp[w] !== ws) {
            valueStamp[w] = ws;
            value[w] = y;
          } else value[w] += y;
        }
      }
    }
    // From the meeting level on, nodes are listed by the d side; only those the s side delivered to carry counts.
    for (let j = hopsD; j >= 1; j--) {
      for (let i = levelStartD[j]; i < levelStartD[j + 1]; i++) {
        const u = queueD[i];
        if (valueStamp[u] !== ws) continue;
        const x = value[u];
        for (let a = offsets[u], end = offsets[u + 1]; a < end; a++) {
          const w = neighbors[a];
          if (seenD[w] !== st || levelD[w] !== j - 1) continue;
          const y = x * (linkStart[a + 1] - linkStart[a]);
          if (valueStamp[w] !== ws) {
            valueStamp[w] = ws;
            value[w] = y;
          } else value[w] += y;
        }
      }
    }
    return valueStamp[this.d] === ws ? value[this.d] : NaN;
  }

  /**
   * Least latency over the shortest-hop paths: arcNs per arc (its fastest link), nodeNs per transit node. Sums
   * run from s toward d one arc at a time (latency so far + arc + node), so every path's total is the same float.
   */
  minLatencyNs(arcNs: Float64Array, nodeNs: Float64Array): number {
    if (this.hops < 0) return Infinity;
    const s = this.s;
    if (s === this.d) return 0;
    // No callbacks, as addFlow: a ring takes one pair per step, 50,000 at national scale.
    const st = this.stamp;
    const ws = ++this.walkStamp;
    const { value, valueStamp, queueS, queueD, levelStartS, levelStartD, hopsS, hopsD, seenS, levelS, onDag, seenD, levelD } = this;
    const { offsets, neighbors, reverse } = this.g;
    valueStamp[s] = ws;
    value[s] = 0;
    for (let l = 0; l < hopsS; l++) {
      for (let i = levelStartS[l]; i < levelStartS[l + 1]; i++) {
        const u = queueS[i];
        if (valueStamp[u] !== ws) continue;
        const xu = value[u];
        const node = u === s ? 0 : nodeNs[u];
        for (let a = offsets[u], end = offsets[u + 1]; a < end; a++) {
          const w = neighbors[a];
          if (onDag[w] !== st || seenS[w] !== st || levelS[w] !== l + 1) continue;
          const x = xu + arcNs[a] + node;
          if (valueStamp[w] !== ws) {
            valueStamp[w] = ws;
            value[w] = x;
          } else if (x < value[w]) value[w] = x;
        }
      }
    }
    // Toward d: pull from the level one step further from d (as addFlow), over the same arcs in reverse.
    for (let j = hopsD; j >= 1; j--) {
      for (let i = levelStartD[j - 1]; i < levelStartD[j]; i++) {
        const w = queueD[i];
        for (let a = offsets[w], end = offsets[w + 1]; a < end; a++) {
          const u = neighbors[a];
          if (valueStamp[u] !== ws || seenD[u] !== st || levelD[u] !== j) continue;
          const x = value[u] + arcNs[reverse[a]] + (u === s ? 0 : nodeNs[u]);
          if (valueStamp[w] !== ws) {
            valueStamp[w] = ws;
            value[w] = x;
          } else if (x < value[w]) value[w] = x;
        }
      }
    }
    return valueStamp[this.d] === ws ? value[this.d] : NaN;
  }
}
