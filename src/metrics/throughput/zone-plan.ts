// Exact destination classes for ECMP over nested zones (../graph/zones.ts). A class groups destinations whose child
// zones (cells, or zones one level down) share a boundary and see it at the same distances: outside its own child
// zone every member has the same distance function, the class potential, found by one BFS over the parent zone's
// shell seeded at that boundary. Every potential is PROVEN: the pieced-together distance function of each member
// (its cell, each level's potential, up to the root) satisfies d(v) = 1 + min over neighbours at every node, whose
// only solution is the true hop distance. The checks also make the flow decomposition of ./zone-loads.ts exact.
// Members that fail a check are left to the plain per-destination sweep.
import { cellGraphs, shellGraph, shellScratch, type CellGraphs, type ShellGraph, type ShellScratch } from '../graph/shell-graph.js';
import type { SimpleGraph } from '../graph/simple.js';
import { cellTypes, type CellTypes } from '../graph/cell-types.js';
import { buildZoneTree, type ZoneTree } from '../graph/zones.js';
import { DagScratch, potentialDag, seededBfs, UNREACHED, type ShellDag } from './zone-potential.js';

export interface ZoneClass {
  /** Zone whose shell (its nodes, or one cell per type, then its boundary) the potential lives on. */
  zone: number;
  /** True when the members' child zones are cells (the level where per-destination work happens). */
  cellLevel: boolean;
  /** The boundary shared by the members' child zones (global nodes, ascending) and its shell-local indices. */
  boundary: Int32Array;
  boundaryLocal: Int32Array;
  /** Distance to the members, shell-local; exact outside each member's own child zone. */
  psi: Int32Array;
  maxPsi: number;
  /** Class at the parent zone this one maps to (-1 at the root). */
  parent: number;
  /** Checks passed here and at the parent. */
  ok: boolean;
  /** Cell level: member endpoint positions (indices into the endpoint list). */
  members: number[];
  /** Cell level: per boundary position, next hops toward a member that lie inside its cell (equal for all). */
  inCount: Int32Array;
  /** Zone level: classes one level down (at child zones) grouped here. */
  childClasses: number[];
  /** Every member's chain passes. */
  alive: boolean;
  /** Destinations below this class whose whole chain passes. */
  count: number;
}

/**
 * A zone's shell with, per shell node, the index of the child holding it (-1: none): a child zone, or for a zone
 * holding cells, the type of the representative cell (the shell keeps one cell per type).
 */
export interface ZoneShell {
  graph: ShellGraph;
  childIdx: Int32Array;
  /** Zone holding cells: per type, its cells (the first is the representative). */
  types?: number[][];
  /** Per type: shell-local indices of the representative's nodes (cell-local order) and of its boundary. */
  repLocal?: Int32Array[];
  repBoundaryLocal?: Int32Array[];
}

export interface ZonePlan {
  tree: ZoneTree;
  classes: ZoneClass[];
  /** Endpoint position -> its cell-level class (-1: not certified, swept plainly). */
  classOf: Int32Array;
  /** Endpoint position -> offset of its in-cell distances in `lambda` (cell-local order). */
  lambdaStart: Int32Array;
  lambda: Int32Array;
  /** Same layout: the cell-local nodes by decreasing distance (the order a sweep toward the destination takes). */
  lambdaOrder: Int32Array;
  cells: CellGraphs;
  types: CellTypes;
  /** Shell of every zone. */
  shells: (ZoneShell | undefined)[];
  /** Per class: its DAG over the zone shell, next hops one step down the potential (./zone-potential.ts). */
  dags: ShellDag[];
  /** Endpoint positions swept plainly. */
  fallback: number[];
  /** Arc visits spent on planning. */
  work: number;
}

const planCache = new WeakMap<SimpleGraph, { endpoints: Int32Array; plan: ZonePlan | null }>();

/**
 * The zone plan of `g` for these endpoints, or null when zones do not apply; cached per graph (the throughput
 * metric's all-to-all, permutation and ring share one plan).
 */
export function zonePlanOf(g: SimpleGraph, endpoints: Int32Array): ZonePlan | null {
  const hit = planCache.get(g);
  if (hit && sameArray(hit.endpoints, endpoints)) return hit.plan;
  const tree = buildZoneTree(g, endpoints);
  const plan = tree ? planZoneRouting(g, tree, endpoints) : null;
  planCache.set(g, { endpoints: endpoints.slice(), plan });
  return plan;
}

/** Drop the cached plan of `g` (it holds shells and DAGs of every class: tens of MB at 50,000 accelerators). */
export function forgetZonePlan(g: SimpleGraph): void {
  planCache.delete(g);
}

function sameArray(a: Int32Array, b: Int32Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Build the classes bottom-up and certify them. */
export function planZoneRouting(g: SimpleGraph, tree: ZoneTree, endpoints: Int32Array): ZonePlan {
  const N = endpoints.length;
  const endpointPos = new Int32Array(g.n).fill(-1);
  for (let i = 0; i < N; i++) endpointPos[endpoints[i]] = i;
  const cg = cellGraphs(g, tree);
  const types = cellTypes(tree, cg);
  const classes: ZoneClass[] = [];
  const classOf = new Int32Array(N).fill(-1);
  const lambdaStart = new Int32Array(N + 1);
  let maxCell = 1;
  for (const c of tree.cells) maxCell = Math.max(maxCell, c.nodes.length);
  for (let i = 0; i < N; i++) {
    const c = tree.cellOf[endpoints[i]];
    lambdaStart[i + 1] = lambdaStart[i] + (c >= 0 ? tree.cells[c].nodes.length : 0);
  }
  const lambda = new Int32Array(lambdaStart[N]);
  const lambdaOrder = new Int32Array(lambdaStart[N]);
  const shells: (ZoneShell | undefined)[] = new Array(tree.zones.length);
  // Class DAGs, parallel to `classes` (the subclasses of one cell-level group share theirs).
  const dags: ShellDag[] = [];
  const dagScratch = new DagScratch();
  const boundaryIds = new Map<string, number>();
  const boundaryId = (b: Int32Array) => {
    const key = b.join(',');
    let id = boundaryIds.get(key);
    if (id === undefined) boundaryIds.set(key, (id = boundaryIds.size));
    return id;
  };
  // Scratch for the cells (seeds, distances, queue, and the distance order of the last search).
  const cellDist = new Int32Array(maxCell);
  const cellQueue = new Int32Array(maxCell + 1);
  const cellSeeds = new Int32Array(maxCell + 1);
  const cellVals = new Int32Array(maxCell + 1);
  const cellOrder = new Int32Array(maxCell + 1);
  const byDist = new Int32Array(maxCell);
  let profile = new Int32Array(64);
  let inScratch = new Int32Array(64);
  let work = 0;

  // Zones children-first, so each zone's child classes exist when it is grouped.
  const order: number[] = [];
  const visit = (z: number) => {
    for (const c of tree.zones[z].childZones) visit(c);
    order.push(z);
  };
  visit(tree.root);
  const scratch = shellScratch(g, tree);
  for (const z of order) {
    const shell = zoneShell(g, tree, z, types, scratch);
    shells[z] = shell;
    if (tree.zones[z].childCells.length > 0) planCells(z, shell);
    else planZone(z, shell);
  }

  // Alive: checks passed on the whole chain up to the root. Parents have higher ids than their children.
  for (let k = classes.length - 1; k >= 0; k--) {
    const c = classes[k];
    c.alive = c.ok && (c.parent < 0 || classes[c.parent].alive);
  }
  const fallback: number[] = [];
  for (let i = 0; i < N; i++) {
    if (classOf[i] >= 0 && !classes[classOf[i]].alive) classOf[i] = -1;
    if (classOf[i] < 0) fallback.push(i);
    else classes[classOf[i]].count++;
  }
  for (const c of classes) if (c.alive && c.parent >= 0) classes[c.parent].count += c.count;
  return {
    tree, classes, classOf, lambdaStart, lambda, lambdaOrder, cells: cg, types, shells, dags, fallback, work,
  };

  /** Distances inside cell ci to its node at position p: from it, and from each boundary node j at entry(j) + 1. */
  function cellDistances(ci: number, p: number, entry: ((j: number) => number) | null): void {
    const m = tree.cells[ci].nodes.length;
    const base = cg.nodeStart[ci];
    let k = 0;
    cellSeeds[k] = p;
    cellVals[k++] = 0;
    if (entry) {
      for (let i = 0; i < m; i++) {
        let best = UNREACHED;
        for (let e = cg.outStart[base + i]; e < cg.outStart[base + i + 1]; e++) best = Math.min(best, entry(cg.outPos[e]) + 1);
        if (best < UNREACHED) {
          cellSeeds[k] = i;
          cellVals[k++] = best;
        }
      }
    }
    const r = seededBfs(m, cg.inStart, cg.inTo, base, cellSeeds.subarray(0, k), cellVals.subarray(0, k), cellDist, cellQueue, cellOrder);
    work += r.work + m;
  }

  /**
   * Cell-level classes of zone z. Cells of one type share everything here: per type and endpoint position, the
   * distances to the cell boundary group destinations; per group one BFS over the zone's shell (which holds one
   * cell per type) gives the potential; per type and position the in-cell distances and the Bellman checks at
   * the cell boundary decide, for every destination in that position of a cell of that type.
   */
  function planCells(z: number, shell: ZoneShell): void {
    const sg = shell.graph;
    const cellTypesHere = shell.types!;
    const index = new VectorIndex();
    const groupList: { type: number; entries: number[]; values: Int32Array }[] = [];
    cellTypesHere.forEach((cells, type) => {
      const rep = cells[0];
      const cell = tree.cells[rep];
      const bid = boundaryId(cell.boundary);
      const base = cg.nodeStart[rep];
      const B = cell.boundary.length;
      if (profile.length < B) profile = new Int32Array(2 * B);
      for (let p = 0; p < cell.nodes.length; p++) {
        if (tree.level[cell.nodes[p]] !== 0) continue;
        cellDistances(rep, p, null);
        profile.fill(UNREACHED, 0, B);
        for (let i = 0; i < cell.nodes.length; i++) {
          for (let e = cg.outStart[base + i]; e < cg.outStart[base + i + 1]; e++) {
            const j = cg.outPos[e];
            if (cellDist[i] + 1 < profile[j]) profile[j] = cellDist[i] + 1;
          }
        }
        const id = index.id(bid, profile, B);
        if (id === groupList.length) groupList.push({ type, entries: [], values: profile.slice(0, B) });
        groupList[id].entries.push(type, p);
      }
    });
    const localOf = (v: number) => sg.localOfPos[tree.posAt[tree.zones[z].level][v]];
    const typeCount = (type: number) => cellTypesHere[type].length;
    for (const grp of groupList) {
      const boundary = tree.cells[cellTypesHere[grp.type][0]].boundary;
      // Cell boundaries lie inside the zone (one hop from its endpoints), and are kept in the shell.
      const boundaryLocal = Int32Array.from(boundary, localOf);
      const pd = potentialDag(g, sg, shell.childIdx, boundaryLocal, grp.values, true, dagScratch);
      work += pd.work;
      const psi = pd.psi;
      const B = boundary.length;
      // Per boundary node: does a neighbour outside any cell (a DAG arc), or in which cell types, realise psi - 1?
      const achNonCell = new Uint8Array(B);
      const achTypes: number[][] = Array.from({ length: B }, () => []);
      for (let j = 0; j < B; j++) achNonCell[j] = pd.dag.start[boundaryLocal[j] + 1] > pd.dag.start[boundaryLocal[j]] ? 1 : 0;
      // A cell entered from outside it would carry transit flow: only the destination's own cell may be.
      const violating: number[] = [];
      for (let e = 0; e < pd.excluded.length; e += 2) {
        const q = shell.childIdx[pd.excluded[e + 1]];
        const j = pd.dag.bpos[pd.excluded[e]];
        if (j >= 0 && !achTypes[j].includes(q)) achTypes[j].push(q);
        if (!violating.includes(q)) violating.push(q);
      }
      const sub = new VectorIndex();
      const subClass: number[] = [];
      for (let r = 0; r < grp.entries.length; r += 2) {
        const type = grp.entries[r];
        const p = grp.entries[r + 1];
        // Foreign cells entered: fatal unless the only one is the destination's own (a type of one cell).
        if (violating.length > 1 || (violating.length === 1 && (violating[0] !== type || typeCount(type) > 1))) continue;
        if (!cellCheck(cellTypesHere[type][0], type, p, boundaryLocal, psi, achNonCell, achTypes, typeCount)) continue;
        const sid = sub.id(0, inScratch, B);
        if (sid === subClass.length) {
          subClass.push(classes.length);
          classes.push({
            zone: z, cellLevel: true, boundary, boundaryLocal, psi, maxPsi: pd.maxPsi, parent: -1, ok: true,
            members: [], inCount: inScratch.slice(0, B), childClasses: [], alive: false, count: 0,
          });
          dags.push(pd.dag);
        }
        const k = subClass[sid];
        const m = tree.cells[cellTypesHere[type][0]].nodes.length;
        const ofType = cellTypesHere[type];
        for (let t = 0; t < ofType.length; t++) {
          const pos = endpointPos[tree.cells[ofType[t]].nodes[p]];
          classes[k].members.push(pos);
          classOf[pos] = k;
          const o = lambdaStart[pos];
          for (let i = 0; i < m; i++) {
            lambda[o + i] = cellDist[i];
            lambdaOrder[o + i] = byDist[i];
          }
        }
      }
    }
  }

  /**
   * For the destination at position p of the cells of this type (checked on the representative cell ci): its
   * distances inside the cell (left in cellDist, their order in byDist) with the class potential outside, and
   * the checks that make the pieced function the true distance and the flow decomposition exact: (1) no cell node
   * is closer through the boundary than the potential allows, (2) every boundary node realises its potential
   * through some neighbour, (3) no next hop leaves the destination's cell toward it. Leaves the in-cell next-hop
   * count per boundary node in inScratch; false when a check fails.
   */
  function cellCheck(
    ci: number, type: number, p: number, boundaryLocal: Int32Array, psi: Int32Array,
    achNonCell: Uint8Array, achTypes: number[][], typeCount: (type: number) => number,
  ): boolean {
    const m = tree.cells[ci].nodes.length;
    const base = cg.nodeStart[ci];
    const B = boundaryLocal.length;
    cellDistances(ci, p, (j) => psi[boundaryLocal[j]]);
    if (inScratch.length < B) inScratch = new Int32Array(2 * B);
    const inCount = inScratch;
    inCount.fill(0, 0, B);
    for (let i = 0; i < m; i++) {
      const d = cellDist[i];
      if (d >= UNREACHED) return false;
      // Insertion by decreasing distance (cells are a handful of nodes).
      let q = i;
      while (q > 0 && cellDist[byDist[q - 1]] < d) {
        byDist[q] = byDist[q - 1];
        q--;
      }
      byDist[q] = i;
      for (let e = cg.outStart[base + i]; e < cg.outStart[base + i + 1]; e++) {
        const j = cg.outPos[e];
        const px = psi[boundaryLocal[j]];
        if (d < px - 1 || px === d - 1) return false;
        if (d === px - 1) inCount[j]++;
      }
    }
    for (let j = 0; j < B; j++) {
      if (inCount[j] > 0 || achNonCell[j]) continue;
      // Realised through another cell: one of another type, or another cell of this type.
      if (!achTypes[j].some((q) => q !== type || typeCount(q) > 1)) return false;
    }
    return true;
  }

  /** Zone-level classes of zone z: child classes grouped by (child boundary, potential on it). */
  function planZone(z: number, shell: ZoneShell): void {
    const zone = tree.zones[z];
    const sg = shell.graph;
    const groups = new Map<string, { child: number; members: number[] }>();
    for (const cz of zone.childZones) {
      const child = tree.zones[cz];
      const bid = boundaryId(child.boundary);
      const base = shells[cz]!.graph.inner;
      for (let k = 0; k < classes.length; k++) {
        const c = classes[k];
        if (c.zone !== cz || !c.ok) continue;
        const values = Array.from(child.boundary, (_, j) => c.psi[base + j]);
        const key = `${bid}|${values.join(',')}`;
        let grp = groups.get(key);
        if (!grp) groups.set(key, (grp = { child: cz, members: [] }));
        grp.members.push(k);
      }
    }
    const localOf = (v: number) => sg.localOfPos[tree.posAt[zone.level][v]];
    for (const grp of groups.values()) {
      const child = tree.zones[grp.child];
      const boundary = child.boundary;
      const boundaryLocal = Int32Array.from(boundary, localOf);
      const seedClass = classes[grp.members[0]];
      const base = shells[grp.child]!.graph.inner;
      const values = Array.from(boundary, (_, j) => seedClass.psi[base + j]);
      const pd = potentialDag(g, sg, shell.childIdx, boundaryLocal, values, false, dagScratch);
      work += pd.work;
      const psi = pd.psi;
      const id = classes.length;
      const K: ZoneClass = {
        zone: z, cellLevel: false, boundary, boundaryLocal, psi, maxPsi: pd.maxPsi, parent: -1, ok: true,
        members: [], inCount: new Int32Array(0), childClasses: grp.members, alive: false, count: 0,
      };
      classes.push(K);
      dags.push(pd.dag);
      // Seeds must not be undercut: the child's distances on its boundary are the class's there.
      for (let j = 0; j < boundary.length && K.ok; j++) K.ok = psi[boundaryLocal[j]] === values[j];
      // The boundary must absorb: from it, no next hop toward a member leaves the member's child shell.
      const bpos = pd.dag.bpos;
      const violating: number[] = [];
      for (let e = 0; e < pd.excluded.length && K.ok; e += 2) {
        const y = pd.excluded[e + 1];
        if (bpos[y] >= 0) continue;
        const q = shell.childIdx[y];
        if (q < 0) K.ok = false;
        else if (!violating.includes(q)) violating.push(q);
      }
      // No flow may enter a child zone from the rest of the shell (a foreign zone is never transit).
      const { start, to } = pd.dag;
      for (let x = 0; x < sg.nodes.length && K.ok; x++) {
        if (bpos[x] >= 0 || shell.childIdx[x] >= 0) continue;
        for (let e = start[x]; e < start[x + 1]; e++) if (shell.childIdx[to[e]] >= 0) K.ok = false;
      }
      for (const k of grp.members) {
        const c = classes[k];
        c.parent = id;
        const q = shell.childIdx[localOf(tree.zones[c.zone].nodes[0])];
        if (!K.ok || violating.length > 1 || (violating.length === 1 && violating[0] !== q)) c.ok = false;
      }
    }
  }
}

/** Groups integer vectors (with a tag) by content: hashing instead of building a string key per destination. */
class VectorIndex {
  private readonly byHash = new Map<number, number[]>();
  private readonly tags: number[] = [];
  private readonly vectors: Int32Array[] = [];

  /** Id of the group of (tag, vec[0 .. len-1]); a new vector gets the next id (= the number of groups so far). */
  id(tag: number, vec: Int32Array, len: number): number {
    let h = Math.imul(0x811c9dc5 ^ tag, 0x01000193);
    for (let i = 0; i < len; i++) h = Math.imul(h ^ vec[i], 0x01000193);
    // Small-integer keys keep the Map fast.
    h &= 0x3fffffff;
    let bucket = this.byHash.get(h);
    if (!bucket) this.byHash.set(h, (bucket = []));
    for (const id of bucket) {
      const w = this.vectors[id];
      if (this.tags[id] !== tag || w.length !== len) continue;
      let same = true;
      for (let i = 0; i < len && same; i++) same = w[i] === vec[i];
      if (same) return id;
    }
    const id = this.vectors.length;
    bucket.push(id);
    this.tags.push(tag);
    this.vectors.push(vec.slice(0, len));
    return id;
  }
}

/**
 * The shell of zone z with each shell node's child index. A zone holding cells keeps one cell per type (the
 * representative; childIdx is then the type), since cells of a type are interchangeable from outside.
 */
export function zoneShell(g: SimpleGraph, tree: ZoneTree, z: number, types: CellTypes, scratch?: ShellScratch): ZoneShell {
  const zone = tree.zones[z];
  const byType = types.byZone[z];
  let keep: Int32Array | undefined;
  if (byType) {
    const drop = new Uint8Array(zone.nodes.length);
    const pos = tree.posAt[zone.level];
    for (const cells of byType) {
      for (let i = 1; i < cells.length; i++) {
        const nodes = tree.cells[cells[i]].nodes;
        for (let j = 0; j < nodes.length; j++) drop[pos[nodes[j]]] = 1;
      }
    }
    let kept = 0;
    for (let i = 0; i < drop.length; i++) kept += 1 - drop[i];
    keep = new Int32Array(kept);
    for (let i = 0, j = 0; i < drop.length; i++) if (!drop[i]) keep[j++] = zone.nodes[i];
  }
  const graph = shellGraph(g, tree, z, scratch, keep);
  const childIdx = new Int32Array(graph.nodes.length).fill(-1);
  const pos = tree.posAt[zone.level];
  if (!byType) {
    zone.childZones.forEach((cz, q) => {
      const nodes = tree.zones[cz].nodes;
      for (let i = 0; i < nodes.length; i++) childIdx[graph.localOfPos[pos[nodes[i]]]] = q;
    });
    return { graph, childIdx };
  }
  const local = (v: number) => graph.localOfPos[pos[v]];
  byType.forEach((cells, type) => {
    const nodes = tree.cells[cells[0]].nodes;
    for (let i = 0; i < nodes.length; i++) childIdx[local(nodes[i])] = type;
  });
  return {
    graph, childIdx, types: byType,
    repLocal: byType.map((cells) => Int32Array.from(tree.cells[cells[0]].nodes, local)),
    repBoundaryLocal: byType.map((cells) => Int32Array.from(tree.cells[cells[0]].boundary, local)),
  };
}
