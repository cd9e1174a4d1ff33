// Exact ECMP loads of all-to-all traffic toward the certified destinations of a zone plan (./zone-plan.ts), top
// down. For a class at zone P every member sees the same routing outside its own child zone, so one sweep of P's
// shell serves them all: sibling child zones send their sources' flow (weighted by how many members lie outside
// them), the flow arriving from outside P enters at P's boundary, and what reaches the members' shared child
// boundary is handed down, minus each member's own child zone (which does not send to itself). At the cells, the
// response of the boundary layer to that own-cell correction is applied, then each destination's cell is swept.
// Cells of one type are swept once (on the representative) and their loads are spread over every cell of the
// type at the end, each weighted by the members outside it.
import { scratchOf } from '../graph/scratch.js';
import type { CellGraphs } from '../graph/shell-graph.js';
import type { SimpleGraph } from '../graph/simple.js';
import type { ZonePlan } from './zone-plan.js';
import type { ShellDag } from './zone-potential.js';

export interface ZoneLoadsResult {
  /** Sum over certified destinations t and endpoints s != t of the hops from s to t. */
  hopSum: number;
  /** Classes swept (one shell sweep each). */
  classesSwept: number;
  /** Arc visits spent. */
  work: number;
}

/**
 * The class's DAG (built by the plan's BFS, kept for the all-to-all, the permutation and the ring). Zone level:
 * class-boundary nodes absorb (no arcs out of them: that flow belongs to the member's child zone). Cell level:
 * arcs from outside the cells into a cell are left out (flow enters only the destination's own cell, per
 * destination, by the in-cell next hops of the plan).
 */
/**
 * ECMP inside a cell: the flow f at cell node i (at distance d = lam[lamAt + i] from the target) splits equally over
 * its in-cell next hops (the neighbours at d - 1), loading their arcs and adding to their flow. Returns the work.
 */
export function splitToNextHops(
  cg: CellGraphs, lam: Int32Array, lamAt: number, base: number, i: number, f: number, arcLoad: Float64Array, cellFlow: Float64Array,
): number {
  const d = lam[lamAt + i];
  const lo = cg.inStart[base + i];
  const hi = cg.inStart[base + i + 1];
  let nh = 0;
  for (let e = lo; e < hi; e++) if (lam[lamAt + cg.inTo[e]] === d - 1) nh++;
  const share = f / nh;
  for (let e = lo; e < hi; e++) {
    const v = cg.inTo[e];
    if (lam[lamAt + v] !== d - 1) continue;
    arcLoad[cg.inArc[e]] += share;
    cellFlow[v] += share;
  }
  return 2 * (hi - lo);
}

export function classDag(plan: ZonePlan, k: number): ShellDag {
  return plan.dags[k];
}

/** Per type of a zone holding cells: unit loads of each cell-level class on the representative's arcs. */
interface TypeLoads {
  /** The representative's arcs in a fixed order: per node, inside arcs then boundary arcs. */
  arcs: Int32Array;
  /** Per class swept: members count, and the class's unit loads over `arcs`. */
  classes: number[];
  counts: number[];
  loads: Float64Array[];
}

/** Zeroed Float64 temporaries carved from one buffer, all released together (used = 0). */
class Float64Arena {
  buf = new Float64Array(1 << 12);
  used = 0;

  take(n: number): Float64Array {
    if (this.used + n > this.buf.length) {
      // Earlier views keep the old buffer alive; later ones come from the new one.
      this.buf = new Float64Array(Math.max(2 * this.buf.length, n));
      this.used = 0;
    }
    const a = this.buf.subarray(this.used, this.used + n);
    a.fill(0);
    this.used += n;
    return a;
  }
}

export function zoneAllToAllLoads(
  g: SimpleGraph, plan: ZonePlan, endpoints: Int32Array, arcLoad: Float64Array, tick?: (fraction: number) => void,
): ZoneLoadsResult {
  const tree = plan.tree;
  const { classes } = plan;
  const cg = plan.cells;
  const isEndpoint = new Uint8Array(g.n);
  const endpointPos = new Int32Array(g.n).fill(-1);
  for (let i = 0; i < endpoints.length; i++) {
    isEndpoint[endpoints[i]] = 1;
    endpointPos[endpoints[i]] = i;
  }
  const total = classes.reduce((s, c) => s + (c.alive ? 1 : 0), 0);
  let maxCell = 1;
  for (const c of tree.cells) maxCell = Math.max(maxCell, c.nodes.length);
  const cellFlow = new Float64Array(maxCell);
  let maxShell = 0;
  for (const sh of plan.shells) if (sh) maxShell = Math.max(maxShell, sh.graph.nodes.length);
  const unit = new Float64Array(maxShell);
  const agg = new Float64Array(maxShell);
  const arena = new Float64Arena();
  // Unit loads of the class being swept on representative cells' arcs (indexed by arc; reset after each class).
  const repLoad = scratchOf(g).float64(g.neighbors.length);
  const typeLoads = new Map<number, TypeLoads[]>();
  let rankBuf = new Int32Array(0);
  // The running hop sum lives in a typed array: a double in a closure variable is boxed anew at every update.
  const hopSum = new Float64Array(1);
  let swept = 0;
  let work = 0;

  for (let k = 0; k < classes.length; k++) if (classes[k].alive && classes[k].parent < 0) sweepClass(k, null);
  for (const [z, perType] of typeLoads) spreadTypeLoads(z, perType);
  // Every class moved its representative loads out (keepTypeLoads): the buffer is all zero again.
  scratchOf(g).give(repLoad);
  return { hopSum: hopSum[0], classesSwept: swept, work };

  function sweepClass(k: number, arrivals: Float64Array | null): void {
    const K = classes[k];
    if (!K.alive || K.count === 0) return;
    if (tick && (swept & 15) === 0) tick(swept / total);
    swept++;
    const zone = tree.zones[K.zone];
    const shell = plan.shells[K.zone]!;
    const sg = shell.graph;
    const childIdx = shell.childIdx;
    const dag = classDag(plan, k);
    work += dag.work;
    const { order, start, to, arc, bpos, size } = dag;
    const psi = K.psi;
    const B = K.boundary.length;
    const cellLevel = K.cellLevel;
    const types = shell.types;
    const nChild = cellLevel ? types!.length : zone.childZones.length;

    // Cell-level classes end the recursion: their temporaries come from a reused arena.
    if (cellLevel) arena.used = 0;
    const f64 = (m: number) => (cellLevel ? arena.take(m) : new Float64Array(m));
    // Members per child (zone, or cell type) and the weight of each child's sources: members outside it.
    const nQ = f64(nChild);
    const weight = f64(nChild);
    const copies = f64(nChild).fill(1);
    const childMembers: number[][] = Array.from({ length: nChild }, () => []);
    const n = K.count;
    if (cellLevel) {
      // Indexed loops in the per-class code: iterators cost an allocation per step until the code is optimised.
      const members = K.members;
      for (let i = 0; i < members.length; i++) {
        const p = members[i];
        if (plan.classOf[p] !== k) continue;
        const q = plan.types.typeOfCell[tree.cellOf[endpoints[p]]];
        nQ[q]++;
        childMembers[q].push(p);
      }
      // A type stands for all its cells: sum over them of (members outside the cell).
      for (let q = 0; q < nChild; q++) {
        copies[q] = types![q].length;
        weight[q] = copies[q] * n - nQ[q];
      }
    } else {
      const pos = tree.posAt[zone.level];
      const childClasses = K.childClasses;
      for (let i = 0; i < childClasses.length; i++) {
        const c = childClasses[i];
        if (!classes[c].alive || classes[c].count === 0) continue;
        const q = childIdx[sg.localOfPos[pos[tree.zones[classes[c].zone].nodes[0]]]];
        nQ[q] += classes[c].count;
        childMembers[q].push(c);
      }
      for (let q = 0; q < nChild; q++) weight[q] = n - nQ[q];
    }
    // Own outflow of each child holding members onto the class boundary (row q), for the exclusion below.
    const outQ = f64(nChild * B);

    // unit: per unit of destination (children: their own sources; elsewhere: everything); agg: summed over members.
    unit.fill(0, 0, size);
    agg.fill(0, 0, size);
    const arrive = f64(B);
    const throughB = f64(B);
    const psiSum = f64(nChild);
    if (arrivals) {
      for (let j = 0; j < arrivals.length; j++) {
        unit[sg.inner + j] += arrivals[j];
        agg[sg.inner + j] += n * arrivals[j];
      }
    }
    const inCount = K.inCount;
    for (let i = 0; i < order.length; i++) {
      const x = order[i];
      const q = childIdx[x];
      const lo = start[x];
      const hi = start[x + 1];
      if (q >= 0) {
        // Inside a child: one unit from each of its endpoints, loads weighted by the members outside it (a cell
        // type's loads go to its representative's arcs as unit loads, spread over its cells at the end).
        let f = unit[x];
        if (isEndpoint[sg.nodes[x]]) {
          f += 1;
          psiSum[q] += psi[x];
        }
        if (f === 0 || hi === lo) continue;
        const w = weight[q];
        const c = copies[q];
        const share = f / (hi - lo);
        const own = nQ[q] > 0 ? q * B : -1;
        for (let e = lo; e < hi; e++) {
          if (cellLevel) repLoad[arc[e]] += share;
          else arcLoad[arc[e]] += w * share;
          const y = to[e];
          if (childIdx[y] === q) {
            unit[y] += share;
            continue;
          }
          const j = bpos[y];
          if (j >= 0) {
            if (own >= 0) outQ[own + j] += share;
            if (!cellLevel) {
              arrive[j] += share;
              continue;
            }
          }
          unit[y] += c * share;
          agg[y] += w * share;
        }
        continue;
      }
      const j = bpos[x];
      if (j >= 0) {
        if (!cellLevel) continue;
        throughB[j] = unit[x];
      }
      const fu = unit[x];
      const fa = agg[x];
      if (fu === 0 && fa === 0) continue;
      const nh = hi - lo + (j >= 0 ? inCount[j] : 0);
      const su = fu / nh;
      const sa = fa / nh;
      for (let e = lo; e < hi; e++) {
        arcLoad[arc[e]] += sa;
        const y = to[e];
        const jy = bpos[y];
        if (jy >= 0 && !cellLevel) arrive[jy] += su;
        else {
          unit[y] += su;
          agg[y] += sa;
        }
      }
    }
    for (let q = 0; q < nChild; q++) hopSum[0] += weight[q] * psiSum[q];

    if (!cellLevel) {
      for (let q = 0; q < nChild; q++) {
        if (nQ[q] === 0) continue;
        const down = new Float64Array(B);
        // Clamp the rounding residue of (all arrivals) - (own outflow), which is >= 0 exactly.
        for (let jj = 0; jj < B; jj++) down[jj] = Math.max(0, arrive[jj] - outQ[q * B + jj]);
        const list = childMembers[q];
        for (let i = 0; i < list.length; i++) sweepClass(list[i], down);
      }
      return;
    }
    keepTypeLoads(k);
    sweepCells(k, dag, throughB, outQ, nQ, childMembers);
  }

  /** Move the class's unit loads on representative arcs into the zone's per-type records. */
  function keepTypeLoads(k: number): void {
    const K = classes[k];
    const types = plan.shells[K.zone]!.types!;
    let perType = typeLoads.get(K.zone);
    if (!perType) {
      perType = types.map((cells) => ({ arcs: cellArcs(cells[0]), classes: [], counts: [], loads: [] }));
      typeLoads.set(K.zone, perType);
    }
    perType.forEach((tl) => {
      const loads = new Float64Array(tl.arcs.length);
      for (let o = 0; o < tl.arcs.length; o++) {
        loads[o] = repLoad[tl.arcs[o]];
        repLoad[tl.arcs[o]] = 0;
      }
      tl.classes.push(k);
      tl.counts.push(K.count);
      tl.loads.push(loads);
    });
  }

  /** A cell's arcs in type order: per node, inside arcs then boundary arcs. */
  function cellArcs(ci: number): Int32Array {
    const m = tree.cells[ci].nodes.length;
    const base = cg.nodeStart[ci];
    const out: number[] = [];
    for (let i = 0; i < m; i++) {
      for (let e = cg.inStart[base + i]; e < cg.inStart[base + i + 1]; e++) out.push(cg.inArc[e]);
      for (let e = cg.outStart[base + i]; e < cg.outStart[base + i + 1]; e++) out.push(cg.outArc[e]);
    }
    return Int32Array.from(out);
  }

  /**
   * Every cell of a type carries, per class, the class's unit loads times the members outside the cell:
   * sum over classes of count x loads, minus the cell's own members' share (equal for cells whose members fall
   * in the same classes, so that correction is computed once per member pattern).
   */
  function spreadTypeLoads(z: number, perType: TypeLoads[]): void {
    const types = plan.shells[z]!.types!;
    perType.forEach((tl, q) => {
      const L = tl.arcs.length;
      const all = new Float64Array(L);
      tl.loads.forEach((loads, r) => { for (let o = 0; o < L; o++) all[o] += tl.counts[r] * loads[o]; });
      const slot = new Map<number, number>();
      tl.classes.forEach((k, r) => slot.set(k, r));
      // Keyed by the classes of the cell's endpoints in cell order (cells of a type mostly repeat one pattern).
      const byPattern = new Map<string, Float64Array>();
      for (const ci of types[q]) {
        const cell = tree.cells[ci];
        let key = '';
        for (const v of cell.endpoints) key += `${plan.classOf[endpointPos[v]]},`;
        let net = byPattern.get(key);
        if (!net) {
          net = all.slice();
          for (const v of cell.endpoints) {
            const r = slot.get(plan.classOf[endpointPos[v]]);
            if (r === undefined) continue;
            const loads = tl.loads[r];
            for (let o = 0; o < L; o++) net[o] -= loads[o];
          }
          byPattern.set(key, net);
        }
        // The cell's arcs in type order: per node, inside arcs then boundary arcs.
        const base = cg.nodeStart[ci];
        let o = 0;
        for (let i = 0; i < cell.nodes.length; i++) {
          for (let e = cg.inStart[base + i]; e < cg.inStart[base + i + 1]; e++) arcLoad[cg.inArc[e]] += net[o++];
          for (let e = cg.outStart[base + i]; e < cg.outStart[base + i + 1]; e++) arcLoad[cg.outArc[e]] += net[o++];
        }
        work += L;
      }
    });
  }

  /**
   * Cell level: per destination, the flow through each boundary node is the common flow minus the layer's response
   * to the destination's own cell (which the common sweep injected as if it were a stranger); then that cell.
   */
  function sweepCells(k: number, dag: ShellDag, throughB: Float64Array, outQ: Float64Array, nQ: Float64Array, childMembers: number[][]): void {
    const K = classes[k];
    const childIdx = plan.shells[K.zone]!.childIdx;
    const { order, start, to, bpos, size } = dag;
    const B = K.boundary.length;
    const inCount = K.inCount;
    const psi = K.psi;
    // Response of the boundary layer: a unit entering at boundary node j passes boundary node jj resp[j*B+jj] times.
    const needed = new Uint8Array(B);
    for (let q = 0; q < nQ.length; q++) if (nQ[q] > 0) for (let j = 0; j < B; j++) if (outQ[q * B + j] > 0) needed[j] = 1;
    const resp = arena.take(B * B);
    // The unit buffer is free again: the response sweeps use it (they leave it all zero).
    const flow = unit;
    flow.fill(0, 0, size);
    if (rankBuf.length < size) rankBuf = new Int32Array(size);
    const rank = rankBuf;
    for (let i = 0; i < order.length; i++) rank[order[i]] = i;
    for (let j = 0; j < B; j++) {
      if (!needed[j]) continue;
      const src = K.boundaryLocal[j];
      flow[src] = 1;
      for (let i = rank[src]; i < order.length; i++) {
        const x = order[i];
        const f = flow[x];
        if (f === 0 || childIdx[x] >= 0) continue;
        flow[x] = 0;
        const jx = bpos[x];
        if (jx >= 0) resp[j * B + jx] += f;
        const lo = start[x];
        const hi = start[x + 1];
        const share = f / (hi - lo + (jx >= 0 ? inCount[jx] : 0));
        for (let e = lo; e < hi; e++) flow[to[e]] += share;
        work += hi - lo;
      }
    }

    // Per member type (every member cell of a type sends the same own outflow), then per member.
    const through = arena.take(B);
    for (let q = 0; q < nQ.length; q++) {
      if (nQ[q] === 0) continue;
      const own = q * B;
      for (let jj = 0; jj < B; jj++) {
        let f = throughB[jj];
        for (let j = 0; j < B; j++) if (outQ[own + j] !== 0) f -= outQ[own + j] * resp[j * B + jj];
        through[jj] = Math.max(0, f);
      }
      const list = childMembers[q];
      for (let i = 0; i < list.length; i++) sweepOwnCell(tree.cellOf[endpoints[list[i]]], list[i], through);
    }

    function sweepOwnCell(ci: number, p: number, thru: Float64Array): void {
      const cell = tree.cells[ci];
      const m = cell.nodes.length;
      const base = cg.nodeStart[ci];
      const lamAt = plan.lambdaStart[p];
      const lam = plan.lambda;
      cellFlow.fill(0, 0, m);
      for (let i = 0; i < m; i++) {
        const d = lam[lamAt + i];
        for (let e = cg.outStart[base + i]; e < cg.outStart[base + i + 1]; e++) {
          const j = cg.outPos[e];
          const x = K.boundaryLocal[j];
          if (d !== psi[x] - 1 || thru[j] === 0) continue;
          const share = thru[j] / (start[x + 1] - start[x] + inCount[j]);
          arcLoad[cg.outRev[e]] += share;
          cellFlow[i] += share;
        }
      }
      // The cell toward t, far to near (the plan keeps the order); every other endpoint sends one unit.
      for (let r = 0; r < m; r++) {
        const i = plan.lambdaOrder[lamAt + r];
        const d = lam[lamAt + i];
        if (d === 0) break;
        const u = cell.nodes[i];
        let f = cellFlow[i];
        if (isEndpoint[u]) {
          f += 1;
          hopSum[0] += d;
        }
        if (f === 0) continue;
        work += splitToNextHops(cg, lam, lamAt, base, i, f, arcLoad, cellFlow);
      }
    }
  }
}
