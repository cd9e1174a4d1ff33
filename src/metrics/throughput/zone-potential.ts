// Class potentials: a BFS over a zone shell from seeds entering at given distances (a class's boundary, or the
// entry points of a cell), and the DAG of next hops one step down the potential, collected in the same pass.
import type { ShellGraph } from '../graph/shell-graph.js';
import type { SimpleGraph } from '../graph/simple.js';

/** One class's routing over its zone's shell: next hops one step down the potential, as shell-local arcs. */
export interface ShellDag {
  size: number;
  /** Shell-local nodes by decreasing potential. */
  order: Int32Array;
  start: Int32Array;
  to: Int32Array;
  /** Arc of the simple graph for each DAG arc. */
  arc: Int32Array;
  /** Per shell node: position on the class boundary, -1 for none. */
  bpos: Int32Array;
  work: number;
}

export const UNREACHED = 0x3fffffff;

/**
 * BFS over a local CSR from seeds entering at given distances (a seed joins when the search reaches its value).
 * Node u's arcs are start[offset + u] .. start[offset + u + 1] - 1 (offset lets a cell use a slice of a flat CSR).
 * `dist` gets the distances (UNREACHED where not reached); `order` is scratch for the seed order. Returns the
 * largest distance and the arcs scanned.
 */
export function seededBfs(
  size: number, start: Int32Array, to: Int32Array, offset: number, seeds: ArrayLike<number>, values: ArrayLike<number>,
  dist: Int32Array, queue: Int32Array, order: Int32Array,
): { maxDist: number; work: number } {
  dist.fill(UNREACHED, 0, size);
  const k = seeds.length;
  // Insertion sort: seeds are a cell's few entry points or a zone boundary, mostly in order already.
  for (let i = 0; i < k; i++) {
    let p = i;
    while (p > 0 && values[order[p - 1]] > values[i]) {
      order[p] = order[p - 1];
      p--;
    }
    order[p] = i;
  }
  let head = 0;
  let tail = 0;
  let next = 0;
  let work = 0;
  let maxDist = 0;
  for (;;) {
    if (head === tail) {
      if (next >= k) break;
      // Nothing queued: the next batch of seeds starts a new front (seeds already reached add nothing).
      const v = values[order[next]];
      for (; next < k && values[order[next]] <= v; next++) {
        const s = seeds[order[next]];
        if (dist[s] > v) {
          dist[s] = v;
          queue[tail++] = s;
        }
      }
      continue;
    }
    const u = queue[head++];
    const du = dist[u];
    if (du > maxDist) maxDist = du;
    // Seeds due at du + 1 enter before the nodes this one reaches, so the queue stays in distance order.
    for (; next < k && values[order[next]] <= du + 1; next++) {
      const s = seeds[order[next]];
      const v = values[order[next]];
      if (dist[s] > v) {
        dist[s] = v;
        queue[tail++] = s;
      }
    }
    const lo = start[offset + u];
    const hi = start[offset + u + 1];
    for (let e = lo; e < hi; e++) {
      const v = to[e];
      if (dist[v] === UNREACHED) {
        dist[v] = du + 1;
        queue[tail++] = v;
      }
    }
    work += hi - lo;
  }
  return { maxDist, work };
}

/** A class potential with its DAG, from one BFS over a zone shell. */
export interface PotentialDag {
  psi: Int32Array;
  maxPsi: number;
  dag: ShellDag;
  /** Arcs one step down the potential left out of the DAG, as (tail, head) pairs of shell-local nodes. */
  excluded: number[];
  work: number;
}

/**
 * BFS over a zone shell from the class boundary (seeds entering at `values`) that also collects the DAG: an arc
 * v -> u with psi(v) = psi(u) + 1 is found once, when u is scanned. Left out (and listed in `excluded` for the
 * checks): zone level, arcs out of the class boundary (it absorbs); cell level, arcs from outside the cells into
 * a cell (flow enters a cell only per destination).
 */
export function potentialDag(
  g: SimpleGraph, sg: ShellGraph, childIdx: Int32Array, boundaryLocal: Int32Array, values: ArrayLike<number>,
  cellLevel: boolean, scratch: DagScratch,
): PotentialDag {
  const size = sg.nodes.length;
  // Zones built alike (the rail groups of identical pods) have the same shell-local search: reuse it.
  const memo = scratch.memo;
  const hash = memo.hash(sg, childIdx, boundaryLocal, values, cellLevel);
  const known = memo.find(hash, sg, childIdx, boundaryLocal, values, cellLevel);
  if (known) {
    const arc = scratch.pool.take(known.arcLocal.length);
    const reverse = g.reverse;
    const sgArc = sg.arc;
    for (let p = 0; p < arc.length; p++) arc[p] = reverse[sgArc[known.arcLocal[p]]];
    const d = known.result;
    return { psi: d.psi, maxPsi: d.maxPsi, excluded: d.excluded, work: d.work, dag: { ...d.dag, arc } };
  }
  scratch.fit(size, sg.to.length);
  const { tail: tails, head: heads, arc: arcs, queue } = scratch;
  const outDeg = scratch.deg;
  outDeg.fill(0, 0, size + 1);
  const pool = scratch.pool;
  const dist = pool.take(size).fill(UNREACHED);
  const bpos = pool.take(size).fill(-1);
  const k = boundaryLocal.length;
  for (let j = 0; j < k; j++) bpos[boundaryLocal[j]] = j;
  const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const reverse = g.reverse;
  const sgStart = sg.start;
  const sgTo = sg.to;
  const sgArc = sg.arc;
  const excluded: number[] = [];
  let m = 0;
  let head = 0;
  let tail = 0;
  let next = 0;
  let maxPsi = 0;
  for (;;) {
    // Seeds join when the search reaches their value (a new front when the queue runs dry).
    const upTo = head === tail ? (next < k ? values[order[next]] : -1) : dist[queue[head]] + 1;
    if (upTo < 0) break;
    for (; next < k && values[order[next]] <= upTo; next++) {
      const s = boundaryLocal[order[next]];
      const v = values[order[next]];
      if (dist[s] > v) {
        dist[s] = v;
        queue[tail++] = s;
      }
    }
    if (head === tail) continue;
    const u = queue[head++];
    const du = dist[u];
    if (du > maxPsi) maxPsi = du;
    const inCell = childIdx[u] >= 0;
    for (let e = sgStart[u], end = sgStart[u + 1]; e < end; e++) {
      const v = sgTo[e];
      const dv = dist[v];
      if (dv === UNREACHED) {
        dist[v] = du + 1;
        queue[tail++] = v;
      } else if (dv !== du + 1) continue;
      if (cellLevel ? inCell && childIdx[v] < 0 : bpos[v] >= 0) {
        excluded.push(v, u);
        continue;
      }
      tails[m] = v;
      heads[m] = u;
      arcs[m++] = e;
      outDeg[v + 1]++;
    }
  }
  const start = pool.take(size + 1);
  start[0] = 0;
  for (let x = 0; x < size; x++) start[x + 1] = start[x] + outDeg[x + 1];
  const fill = outDeg;
  for (let x = 0; x < size; x++) fill[x] = start[x];
  const to = pool.take(m);
  const arc = pool.take(m);
  // The shell-local arc of each DAG arc (kept with the memo entry, to map another alike shell's arcs).
  const arcLocal = pool.take(m);
  for (let e = 0; e < m; e++) {
    const p = fill[tails[e]]++;
    to[p] = heads[e];
    arcLocal[p] = arcs[e];
    arc[p] = reverse[sgArc[arcs[e]]];
  }
  // Far to near: the BFS order backwards.
  const byLevel = pool.take(tail);
  for (let i = 0; i < tail; i++) byLevel[i] = queue[tail - 1 - i];
  const result: PotentialDag = {
    psi: dist, maxPsi, excluded, work: sg.to.length,
    dag: { size, order: byLevel, start, to, arc, bpos, work: m },
  };
  memo.add(hash, sg, childIdx, boundaryLocal, values, cellLevel, result, arcLocal);
  return result;
}

interface MemoEntry {
  start: Int32Array;
  to: Int32Array;
  childIdx: Int32Array;
  boundaryLocal: Int32Array;
  values: Int32Array;
  cellLevel: boolean;
  result: PotentialDag;
  arcLocal: Int32Array;
}

/**
 * potentialDag results by their inputs (the shell's local CSR, child indices, seeds and their values): the search
 * reads nothing else, so an alike shell gets the same potential, order and local DAG, with its own global arcs.
 * Results are read-only.
 */
export class PotentialMemo {
  private readonly byHash = new Map<number, MemoEntry[]>();

  hash(sg: ShellGraph, childIdx: Int32Array, boundaryLocal: Int32Array, values: ArrayLike<number>, cellLevel: boolean): number {
    let h = Math.imul(0x811c9dc5 ^ sg.nodes.length, 0x01000193) ^ (cellLevel ? 1 : 0);
    const mixAll = (a: ArrayLike<number>) => {
      h = Math.imul(h ^ a.length, 0x01000193);
      for (let i = 0; i < a.length; i++) h = Math.imul(h ^ a[i], 0x01000193);
    };
    mixAll(sg.start);
    mixAll(sg.to);
    mixAll(childIdx);
    mixAll(boundaryLocal);
    mixAll(values);
    return h & 0x3fffffff;
  }

  find(
    hash: number, sg: ShellGraph, childIdx: Int32Array, boundaryLocal: Int32Array, values: ArrayLike<number>, cellLevel: boolean,
  ): MemoEntry | undefined {
    return this.byHash.get(hash)?.find((e) => e.cellLevel === cellLevel && e.start.length === sg.start.length &&
      sameInts(e.start, sg.start) && sameInts(e.to, sg.to) && sameInts(e.childIdx, childIdx) &&
      sameInts(e.boundaryLocal, boundaryLocal) && sameInts(e.values, values));
  }

  add(
    hash: number, sg: ShellGraph, childIdx: Int32Array, boundaryLocal: Int32Array, values: ArrayLike<number>, cellLevel: boolean,
    result: PotentialDag, arcLocal: Int32Array,
  ): void {
    let bucket = this.byHash.get(hash);
    if (!bucket) this.byHash.set(hash, (bucket = []));
    bucket.push({
      start: sg.start, to: sg.to, childIdx, boundaryLocal, values: Int32Array.from(values), cellLevel, result, arcLocal,
    });
  }
}

function sameInts(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Many typed arrays carved from large shared buffers: a plan makes thousands of small potentials and DAGs, and
 * one allocation each (zeroed, then collected) costs more than the work on them. They live as long as the plan.
 */
export class Int32Pool {
  private chunk = new Int32Array(0);
  private used = 0;

  constructor(private readonly chunkSize = 1 << 20) {}

  /** n ints (contents undefined: fill what you read). */
  take(n: number): Int32Array {
    if (this.used + n > this.chunk.length) {
      this.chunk = new Int32Array(Math.max(this.chunkSize, n));
      this.used = 0;
    }
    const a = this.chunk.subarray(this.used, this.used + n);
    this.used += n;
    return a;
  }
}

/** Scratch of potentialDag, grown to the largest shell, the pool its results are carved from, and its memo. */
export class DagScratch {
  readonly pool = new Int32Pool();
  readonly memo = new PotentialMemo();
  tail = new Int32Array(0);
  head = new Int32Array(0);
  arc = new Int32Array(0);
  queue = new Int32Array(0);
  deg = new Int32Array(0);

  fit(size: number, arcs: number): void {
    if (this.queue.length < size) {
      this.queue = new Int32Array(size);
      this.deg = new Int32Array(size + 1);
    }
    if (this.tail.length < arcs) {
      this.tail = new Int32Array(arcs);
      this.head = new Int32Array(arcs);
      this.arc = new Int32Array(arcs);
    }
  }
}

