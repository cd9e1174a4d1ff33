// ECMP loads of individual flows (a permutation, a ring) toward certified destinations of a zone plan, without a
// search per flow. A flow s -> t starts in the deepest zone of t's class chain that holds s and follows that
// class's DAG (the routing every member shares there) until it is absorbed at the boundary of t's child zone; the
// absorbed distribution enters the next class down, and at the cells it leaks into t's cell. Where a unit starting
// at a node ends up is the average of where its next hops' units end up, so it is computed once per node and class
// and remembered (equal distributions share one id, so a node whose next hops all agree costs nothing); the flows of
// all sources under one leaf, or entering a pod from alike sources, share the work. Loads are linear in what
// enters each class, so they come from one sweep per class of the summed inputs.
import type { SimpleGraph } from '../graph/simple.js';
import { classDag, splitToNextHops } from './zone-loads.js';
import type { ShellDag } from './zone-potential.js';
import type { ZonePlan } from './zone-plan.js';

export interface ZoneFlowsResult {
  /** Per flow: 1 when routed here (its destination is certified); the others need a pair search. */
  routed: Uint8Array;
  /** Per routed flow: hops from source to destination. */
  hops: Int32Array;
  /** Arc visits spent. */
  work: number;
}

/**
 * Outputs: what a class does to one unit of input, as flow per class-boundary position (zone level: absorbed
 * there; cell level: passing there, part of it leaking into the destination's cell). Output id i is the slice
 * start[i] .. start[i+1]-1 of the pooled arrays, positions ascending.
 */
class OutputPool {
  pos = new Int32Array(1 << 14);
  amount = new Float64Array(1 << 14);
  start: number[] = [0];

  get used(): number {
    return this.start[this.start.length - 1];
  }

  /** Room for n more entries past the used part. */
  reserve(n: number): void {
    const need = this.used + n;
    if (need <= this.pos.length) return;
    let size = this.pos.length;
    while (size < need) size *= 2;
    const pos = new Int32Array(size);
    pos.set(this.pos);
    const amount = new Float64Array(size);
    amount.set(this.amount);
    this.pos = pos;
    this.amount = amount;
  }
}

/** A unit from one position of a cell type through the cell: see fromCell. */
interface CellRun {
  hops: number;
  id: number;
  exit: Int32Array;
  exitAmount: Float64Array;
  loadNode: Int32Array;
  loadSlot: Int32Array;
  loadAmount: Float64Array;
}

/** Per-depth state: one class of the current chain, its DAG, memo tables, summed inputs and scratch. */
interface Stage {
  dag: ShellDag | null;
  k: number;
  /** Output id per start node (shell-local; valid where nodeSeen equals `visit`) and per input (an output id of
   * the class above). */
  nodeOut: Int32Array;
  nodeSeen: Int32Array;
  visit: number;
  /** Unique stamp of this visit, for the per-input memo (inMemo / inSeen, indexed by input id). */
  visitStamp: number;
  /** Cell runs per (type, position) of the source (cell level). */
  cellMemo: Map<number, CellRun>;
  /** Outputs of this class by content hash, so equal distributions share one id (and the memo below). */
  byContent: Map<number, number[]>;
  /** Summed inputs for the load sweep: flow starting at shell nodes, and per input id its total amount. */
  injNode: Float64Array;
  injNodes: number[];
  /** Input ids that entered (their amounts are in injById). */
  injInputs: number[];
  /** Scratch: flow per node for the load sweep; a dense accumulator over boundary positions. */
  flow: Float64Array;
  acc: Float64Array;
  touched: Int32Array;
  nTouched: number;
}

/** Route flows src[i] -> dst[i] (one unit each) whose destination the plan certifies; add their loads. */
export function zonePatternLoads(
  g: SimpleGraph, plan: ZonePlan, endpoints: Int32Array, src: Int32Array, dst: Int32Array, arcLoad: Float64Array,
  tick?: (fraction: number) => void,
): ZoneFlowsResult {
  const { tree, classes } = plan;
  const cg = plan.cells;
  const F = src.length;
  const routed = new Uint8Array(F);
  const hops = new Int32Array(F);
  const endpointPos = new Int32Array(g.n).fill(-1);
  for (let i = 0; i < endpoints.length; i++) endpointPos[endpoints[i]] = i;
  // Flows by the cell-level class of their destination; the classes on the way to those need visiting.
  const flowsOf = new Map<number, number[]>();
  const needed = new Uint8Array(classes.length);
  for (let f = 0; f < F; f++) {
    const t = dst[f];
    const p = endpointPos[t];
    if (p < 0 || src[f] === t) continue;
    const k = plan.classOf[p];
    if (k < 0 || tree.level[src[f]] < 0) continue;
    let list = flowsOf.get(k);
    if (!list) flowsOf.set(k, (list = []));
    list.push(f);
    for (let c = k; c >= 0 && !needed[c]; c = classes[c].parent) needed[c] = 1;
  }
  let maxCell = 1;
  for (const c of tree.cells) maxCell = Math.max(maxCell, c.nodes.length);
  const cellFlow = new Float64Array(maxCell);
  let maxB = 1;
  for (const c of classes) maxB = Math.max(maxB, c.boundary.length);
  const through = new Float64Array(maxB);
  const out = new OutputPool();
  // Per output id (ids are global): the amount entering as input of the class below, and the memo of that class's
  // output for it (valid where inSeen equals the class visit's stamp).
  let injById = new Float64Array(1024);
  let inMemo = new Int32Array(1024);
  let inSeen = new Int32Array(1024);
  let visits = 0;
  const stages: Stage[] = [];
  const chain: number[] = [];
  let work = 0;
  let done = 0;

  for (let k = 0; k < classes.length; k++) if (needed[k] && classes[k].parent < 0) visit(k, 0);
  return { routed, hops, work };

  function visit(k: number, depth: number): void {
    const K = classes[k];
    if (!stages[depth]) stages[depth] = newStage();
    const st = stages[depth];
    st.dag = classDag(plan, k);
    st.k = k;
    chain[depth] = k;
    work += st.dag.work;
    const size = st.dag.size;
    if (st.flow.length < size) {
      st.flow = new Float64Array(size);
      st.injNode = new Float64Array(size);
      st.nodeOut = new Int32Array(size);
      st.nodeSeen = new Int32Array(size);
    }
    st.visit++;
    st.visitStamp = ++visits;
    if (st.acc.length < K.boundary.length) {
      st.acc = new Float64Array(K.boundary.length);
      st.touched = new Int32Array(K.boundary.length);
    }
    st.byContent.clear();
    st.cellMemo.clear();
    if (K.cellLevel) {
      const flows = flowsOf.get(k) ?? [];
      for (let i = 0; i < flows.length; i++) {
        if (tick && (done & 1023) === 0) tick(done / F);
        done++;
        route(flows[i], depth);
      }
    } else {
      for (const c of K.childClasses) if (needed[c]) visit(c, depth + 1);
    }
    sweepLoads(depth);
  }

  function newStage(): Stage {
    return {
      dag: null, k: -1, nodeOut: new Int32Array(0), nodeSeen: new Int32Array(0), visit: 0,
      visitStamp: 0, byContent: new Map(), cellMemo: new Map(),
      injNode: new Float64Array(0), injNodes: [], injInputs: [], flow: new Float64Array(0),
      acc: new Float64Array(0), touched: new Int32Array(0), nTouched: 0,
    };
  }

  /** One flow: through the classes from the deepest zone holding its source down to the destination's cell. */
  function route(f: number, depth: number): void {
    const s = src[f];
    const t = dst[f];
    const ci = tree.cellOf[t];
    const lamAt = plan.lambdaStart[endpointPos[t]];
    routed[f] = 1;
    if (tree.cellOf[s] === ci) {
      hops[f] = plan.lambda[lamAt + tree.cellPos[s]];
      sweepCell(ci, depth, lamAt, tree.cellPos[s], -1);
      return;
    }
    let i = depth;
    for (; i > 0; i--) {
      const z = classes[chain[i]].zone;
      const zone = tree.zones[z];
      const comp = tree.zoneAt[zone.level][s];
      if (comp >= 0 && tree.components[zone.level][comp] === z) break;
    }
    const st = stages[i];
    const K = classes[chain[i]];
    let id: number;
    if (K.cellLevel && tree.cellOf[s] >= 0) {
      // A source in another cell of the zone: its cell (of some type) first, then the boundary layer.
      const c = fromCell(i, s);
      hops[f] = c.hops;
      addCellLoads(s, c);
      for (let r = 0; r < c.exit.length; r++) inject(st, c.exit[r], c.exitAmount[r]);
      id = c.id;
    } else {
      const x = plan.shells[K.zone]!.graph.localOfPos[tree.posAt[tree.zones[K.zone].level][s]];
      hops[f] = K.psi[x];
      inject(st, x, 1);
      id = fromNode(i, x);
    }
    for (i++; i <= depth; i++) {
      const next = stages[i];
      if (injById[id] === 0) next.injInputs.push(id);
      injById[id] += 1;
      id = fromInput(i, id);
    }
    sweepCell(ci, depth, lamAt, -1, id);
  }

  function inject(st: Stage, x: number, amount: number): void {
    if (st.injNode[x] === 0) st.injNodes.push(x);
    st.injNode[x] += amount;
  }

  /**
   * A unit from cell node s through its cell under the class potential (the same for every cell of its type, so
   * computed on the representative and remembered per type and position): the arcs it loads (per node, by
   * position in the node's inside list or, at nb + position, its boundary list), where it leaves the cell, and the
   * stage output of what it brings to the boundary layer.
   */
  function fromCell(i: number, s: number): CellRun {
    const st = stages[i];
    const K = classes[st.k];
    const shell = plan.shells[K.zone]!;
    const type = plan.types.typeOfCell[tree.cellOf[s]];
    const p = tree.cellPos[s];
    const key = type * maxCell + p;
    const hit = st.cellMemo.get(key);
    if (hit) return hit;
    const rep = shell.types![type][0];
    const local = shell.repLocal![type];
    const bLocal = shell.repBoundaryLocal![type];
    const psi = K.psi;
    const m = tree.cells[rep].nodes.length;
    const base = cg.nodeStart[rep];
    const order = Array.from({ length: m }, (_, v) => v).sort((a, b) => psi[local[b]] - psi[local[a]]);
    const flow = new Float64Array(m);
    flow[p] = 1;
    const loadNode: number[] = [];
    const loadSlot: number[] = [];
    const loadAmount: number[] = [];
    const exitAt = new Map<number, number>();
    for (const v of order) {
      const fv = flow[v];
      if (fv === 0) continue;
      const want = psi[local[v]] - 1;
      const inLo = cg.inStart[base + v];
      const inHi = cg.inStart[base + v + 1];
      const outLo = cg.outStart[base + v];
      const outHi = cg.outStart[base + v + 1];
      let nh = 0;
      for (let e = inLo; e < inHi; e++) if (psi[local[cg.inTo[e]]] === want) nh++;
      for (let e = outLo; e < outHi; e++) if (psi[bLocal[cg.outPos[e]]] === want) nh++;
      const share = fv / nh;
      for (let e = inLo; e < inHi; e++) {
        if (psi[local[cg.inTo[e]]] !== want) continue;
        loadNode.push(v);
        loadSlot.push(e - inLo);
        loadAmount.push(share);
        flow[cg.inTo[e]] += share;
      }
      for (let e = outLo; e < outHi; e++) {
        const x = bLocal[cg.outPos[e]];
        if (psi[x] !== want) continue;
        loadNode.push(v);
        loadSlot.push(inHi - inLo + e - outLo);
        loadAmount.push(share);
        exitAt.set(x, (exitAt.get(x) ?? 0) + share);
      }
      work += 2 * (inHi - inLo + outHi - outLo);
    }
    const exit = Int32Array.from(exitAt.keys());
    const exitAmount = Float64Array.from(exitAt.values());
    for (const x of exit) fromNode(i, x);
    for (let r = 0; r < exit.length; r++) {
      const o = st.nodeOut[exit[r]];
      for (let q = out.start[o]; q < out.start[o + 1]; q++) add(st, out.pos[q], exitAmount[r] * out.amount[q]);
    }
    const run: CellRun = {
      hops: psi[local[p]], id: finish(st), exit, exitAmount,
      loadNode: Int32Array.from(loadNode), loadSlot: Int32Array.from(loadSlot), loadAmount: Float64Array.from(loadAmount),
    };
    st.cellMemo.set(key, run);
    return run;
  }

  /** Loads of a cell run on the source's own cell (same type as the representative it was computed on). */
  function addCellLoads(s: number, c: CellRun): void {
    const base = cg.nodeStart[tree.cellOf[s]];
    for (let r = 0; r < c.loadNode.length; r++) {
      const v = c.loadNode[r];
      const nIn = cg.inStart[base + v + 1] - cg.inStart[base + v];
      const slot = c.loadSlot[r];
      const a = slot < nIn ? cg.inArc[cg.inStart[base + v] + slot] : cg.outArc[cg.outStart[base + v] + slot - nIn];
      arcLoad[a] += c.loadAmount[r];
    }
  }

  /**
   * Output of stage i for a unit starting at shell node x: the average of its next hops' outputs (plus the unit
   * itself when x is a boundary node). Zone level: a boundary node absorbs its unit.
   */
  function fromNode(i: number, x: number): number {
    const st = stages[i];
    if (st.nodeSeen[x] === st.visit) return st.nodeOut[x];
    const { start, to, bpos } = st.dag!;
    const K = classes[st.k];
    const j = bpos[x];
    const lo = start[x];
    const hi = start[x + 1];
    let id: number;
    if (j >= 0 && !K.cellLevel) {
      st.acc[j] = 1;
      st.touched[st.nTouched++] = j;
      id = finish(st);
    } else {
      // Next hops first (memoised), then their average; equal next-hop outputs average to themselves.
      let same = -2;
      for (let e = lo; e < hi; e++) {
        const c = fromNode(i, to[e]);
        same = same === -2 || same === c ? c : -1;
      }
      work += hi - lo;
      if (j < 0 && same >= 0) id = same;
      else {
        const share = 1 / (hi - lo + (j >= 0 ? K.inCount[j] : 0));
        if (j >= 0) add(st, j, 1);
        for (let e = lo; e < hi; e++) {
          const o = st.nodeOut[to[e]];
          for (let r = out.start[o]; r < out.start[o + 1]; r++) add(st, out.pos[r], share * out.amount[r]);
        }
        id = finish(st);
      }
    }
    st.nodeSeen[x] = st.visit;
    st.nodeOut[x] = id;
    return id;
  }

  /** Output of stage i for a unit distributed as output `input` of the stage above, on this zone's boundary. */
  function fromInput(i: number, input: number): number {
    const st = stages[i];
    if (inSeen[input] === st.visitStamp) return inMemo[input];
    const inner = plan.shells[classes[st.k].zone]!.graph.inner;
    const lo = out.start[input];
    const hi = out.start[input + 1];
    for (let r = lo; r < hi; r++) fromNode(i, inner + out.pos[r]);
    for (let r = lo; r < hi; r++) {
      const o = st.nodeOut[inner + out.pos[r]];
      const a = out.amount[r];
      for (let q = out.start[o]; q < out.start[o + 1]; q++) add(st, out.pos[q], a * out.amount[q]);
    }
    const id = finish(st);
    inSeen[input] = st.visitStamp;
    inMemo[input] = id;
    return id;
  }

  function add(st: Stage, j: number, amount: number): void {
    if (st.acc[j] === 0) st.touched[st.nTouched++] = j;
    st.acc[j] += amount;
  }

  /** The accumulated distribution as an output id; equal distributions (bit for bit) share one id. */
  function finish(st: Stage): number {
    const { acc, touched } = st;
    const n = st.nTouched;
    st.nTouched = 0;
    out.reserve(n);
    const base = out.used;
    const pos = out.pos;
    const amount = out.amount;
    // Positions ascending (insertion sort: distributions are short).
    for (let r = 0; r < n; r++) {
      const j = touched[r];
      let p = base + r;
      while (p > base && pos[p - 1] > j) {
        pos[p] = pos[p - 1];
        p--;
      }
      pos[p] = j;
    }
    let h = 0x811c9dc5;
    for (let r = base; r < base + n; r++) {
      amount[r] = acc[pos[r]];
      acc[pos[r]] = 0;
      h = Math.imul(h ^ pos[r], 0x01000193);
      h = Math.imul(h ^ ((amount[r] * 1e9) | 0), 0x01000193);
    }
    h &= 0x3fffffff;
    let bucket = st.byContent.get(h);
    if (!bucket) st.byContent.set(h, (bucket = []));
    for (const id of bucket) {
      const lo = out.start[id];
      if (out.start[id + 1] - lo !== n) continue;
      let same = true;
      for (let r = 0; r < n && same; r++) same = pos[lo + r] === pos[base + r] && amount[lo + r] === amount[base + r];
      if (same) return id;
    }
    out.start.push(base + n);
    const id = out.start.length - 2;
    bucket.push(id);
    if (id >= injById.length) {
      const grow = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
        const b = make(2 * a.length);
        b.set(a);
        return b;
      };
      injById = grow(injById, (n) => new Float64Array(n));
      inMemo = grow(inMemo, (n) => new Int32Array(n));
      inSeen = grow(inSeen, (n) => new Int32Array(n));
    }
    return id;
  }

  /** Loads of everything that entered stage `depth`'s class: one sweep of its DAG with the summed inputs. */
  function sweepLoads(depth: number): void {
    const st = stages[depth];
    if (st.injNodes.length === 0 && st.injInputs.length === 0) return;
    const K = classes[st.k];
    const { order, start, to, arc, bpos, size } = st.dag!;
    const flow = st.flow;
    flow.fill(0, 0, size);
    const injNodes = st.injNodes;
    for (let i = 0; i < injNodes.length; i++) {
      const x = injNodes[i];
      flow[x] += st.injNode[x];
      st.injNode[x] = 0;
    }
    st.injNodes.length = 0;
    const inner = plan.shells[K.zone]!.graph.inner;
    const injInputs = st.injInputs;
    for (let i = 0; i < injInputs.length; i++) {
      const id = injInputs[i];
      const w = injById[id];
      injById[id] = 0;
      for (let r = out.start[id]; r < out.start[id + 1]; r++) flow[inner + out.pos[r]] += w * out.amount[r];
    }
    st.injInputs.length = 0;
    const cellLevel = K.cellLevel;
    const inCount = K.inCount;
    for (let r = 0; r < order.length; r++) {
      const x = order[r];
      const fx = flow[x];
      if (fx === 0) continue;
      flow[x] = 0;
      const j = bpos[x];
      if (j >= 0 && !cellLevel) continue;
      const lo = start[x];
      const hi = start[x + 1];
      const nh = hi - lo + (j >= 0 ? inCount[j] : 0);
      if (nh === 0) continue;
      // At a cell boundary the leaking part is loaded per destination (sweepCell); the rest goes on here.
      const share = fx / nh;
      for (let e = lo; e < hi; e++) {
        arcLoad[arc[e]] += share;
        flow[to[e]] += share;
      }
      work += hi - lo;
    }
  }

  /** The destination's cell: leaks from the boundary (per unit output `thru`) and/or a source inside it. */
  function sweepCell(ci: number, depth: number, lamAt: number, srcPos: number, thru: number): void {
    const m = tree.cells[ci].nodes.length;
    const base = cg.nodeStart[ci];
    const lam = plan.lambda;
    const order = plan.lambdaOrder;
    cellFlow.fill(0, 0, m);
    if (srcPos >= 0) cellFlow[srcPos] = 1;
    else {
      const st = stages[depth];
      const K = classes[st.k];
      const { start } = st.dag!;
      for (let r = out.start[thru]; r < out.start[thru + 1]; r++) through[out.pos[r]] = out.amount[r];
      for (let i = 0; i < m; i++) {
        const d = lam[lamAt + i];
        for (let e = cg.outStart[base + i]; e < cg.outStart[base + i + 1]; e++) {
          const j = cg.outPos[e];
          const x = K.boundaryLocal[j];
          if (d !== K.psi[x] - 1 || through[j] === 0) continue;
          const share = through[j] / (start[x + 1] - start[x] + K.inCount[j]);
          arcLoad[cg.outRev[e]] += share;
          cellFlow[i] += share;
        }
      }
      for (let r = out.start[thru]; r < out.start[thru + 1]; r++) through[out.pos[r]] = 0;
    }
    // Far to near (the plan keeps each destination's cell order); a source inside starts where it sits.
    for (let r = 0; r < m; r++) {
      const i = order[lamAt + r];
      const d = lam[lamAt + i];
      if (d === 0) break;
      const f = cellFlow[i];
      if (f === 0) continue;
      work += splitToNextHops(cg, lam, lamAt, base, i, f, arcLoad, cellFlow);
    }
  }

}
