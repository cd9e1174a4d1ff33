// Nested zones around a set of endpoints: cells (endpoints with the switches that only serve them: a server with
// its NVSwitch, a mesh of accelerators), then the components of the nodes within k hops of an endpoint for
// k = 1, 2, ... (a rail group with its leaves, a pod with its spines, the whole fabric). Each zone knows its
// boundary (the nodes just outside it). Exact all-to-all routing uses the nesting: destinations whose zones share a
// boundary and see it at the same distances share everything outside their zone.
import type { CsrGraph } from './bitbfs.js';
import { unionFind } from './union-find.js';

export interface Cell {
  /** Member nodes (global indices); the position of a node here is its cell-local index. */
  nodes: Int32Array;
  /** Nodes outside the cell adjacent to it, ascending. */
  boundary: Int32Array;
  /** Endpoints of the cell (global indices, ascending). */
  endpoints: Int32Array;
  /** The zone whose children the cell is (after compression). */
  zone: number;
}

export interface Zone {
  /** k: the zone is a component of the nodes at most k hops from an endpoint. */
  level: number;
  /** Member nodes (global indices, ascending); shell-local index of nodes[i] is i. */
  nodes: Int32Array;
  /** Nodes outside the zone adjacent to it, ascending; shell-local index of boundary[j] is nodes.length + j. */
  boundary: Int32Array;
  /** Enclosing zone, -1 for a root. */
  parent: number;
  /** Child zones, or child cells when the zone holds cells directly (one of the two is empty). */
  childZones: number[];
  childCells: number[];
}

export interface ZoneTree {
  /** Node -> hops to the nearest endpoint, -1 when no endpoint reaches it. */
  level: Int32Array;
  maxLevel: number;
  cells: Cell[];
  /** Node -> cell (-1 outside cells) and its index inside the cell. */
  cellOf: Int32Array;
  cellPos: Int32Array;
  /** Zones kept after compression (a zone with a single child zone adopts the grandchildren). */
  zones: Zone[];
  /** zoneAt[k][v]: the level-k component holding v (an index into `components[k]`), -1 when level(v) > k. */
  zoneAt: Int32Array[];
  /** posAt[k][v]: the index of v in its level-k component's node list (its shell-local index there). */
  posAt: Int32Array[];
  /** components[k][i]: the kept zone id of level-k component i, or -1 when compression removed it. */
  components: Int32Array[];
  /** The single root zone (the component holding every endpoint). */
  root: number;
}

/** Largest endpoint distance for which zones are built; deeper fabrics (long chains) are not decomposed. */
export const MAX_ZONE_LEVEL = 24;

/**
 * Build the zones of `g` around `endpoints`, or null when they do not apply: fewer than two cells, endpoints in
 * several components, or a fabric deeper than MAX_ZONE_LEVEL.
 */
export function buildZoneTree(g: CsrGraph, endpoints: Int32Array): ZoneTree | null {
  const { n, offsets, neighbors } = g;
  const level = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < endpoints.length; i++) {
    const v = endpoints[i];
    if (level[v] !== 0) {
      level[v] = 0;
      queue[tail++] = v;
    }
  }
  for (let head = 0; head < tail; head++) {
    const u = queue[head];
    for (let a = offsets[u]; a < offsets[u + 1]; a++) {
      const v = neighbors[a];
      if (level[v] < 0) {
        level[v] = level[u] + 1;
        queue[tail++] = v;
      }
    }
  }
  const maxLevel = tail > 0 ? level[queue[tail - 1]] : 0;
  if (maxLevel < 1 || maxLevel > MAX_ZONE_LEVEL) return null;

  const cellsOut = buildCells(g, level);
  if (cellsOut.cells.length < 2) return null;
  const { cells, cellOf, cellPos } = cellsOut;

  // Components of {level <= k} by a union-find grown one level at a time; `queue` lists nodes by level.
  const { find, union } = unionFind(n);
  const zoneAt: Int32Array[] = [new Int32Array(0)];
  const posAt: Int32Array[] = [new Int32Array(0)];
  const rootId = new Int32Array(n);
  const compNodes: Int32Array[][] = [[]];
  let idx = 0;
  for (let k = 0; k <= maxLevel; k++) {
    const from = idx;
    while (idx < tail && level[queue[idx]] === k) idx++;
    for (let i = from; i < idx; i++) {
      const u = queue[i];
      for (let a = offsets[u]; a < offsets[u + 1]; a++) {
        const v = neighbors[a];
        if (level[v] >= 0 && level[v] <= k) {
          union(u, v);
        }
      }
    }
    if (k === 0) continue;
    const at = new Int32Array(n).fill(-1);
    // Component ids in order of first node (rootId[r] = id + 1, 0 = none yet).
    rootId.fill(0);
    const sizes: number[] = [];
    for (let i = 0; i < idx; i++) {
      const v = queue[i];
      const r = find(v);
      let id = rootId[r] - 1;
      if (id < 0) {
        id = sizes.length;
        rootId[r] = id + 1;
        sizes.push(0);
      }
      at[v] = id;
      sizes[id]++;
    }
    // Node lists ascending by node index (a counting pass over all nodes keeps them sorted).
    const lists = sizes.map((s) => new Int32Array(s));
    const fill = new Int32Array(sizes.length);
    const pos = new Int32Array(n).fill(-1);
    for (let v = 0; v < n; v++) {
      if (at[v] < 0) continue;
      pos[v] = fill[at[v]]++;
      lists[at[v]][pos[v]] = v;
    }
    zoneAt.push(at);
    posAt.push(pos);
    compNodes.push(lists);
  }
  if (compNodes[maxLevel].length !== 1) return null;

  // Zones before compression: one per component per level, children one level down (cells under level 1).
  interface Draft { level: number; comp: number; nodes: Int32Array; parent: number; childZones: number[]; childCells: number[]; kept: boolean }
  const drafts: Draft[] = [];
  const draftOf: Int32Array[] = [new Int32Array(0)];
  for (let k = 1; k <= maxLevel; k++) {
    const ids = new Int32Array(compNodes[k].length);
    compNodes[k].forEach((nodes, comp) => {
      ids[comp] = drafts.length;
      drafts.push({ level: k, comp, nodes, parent: -1, childZones: [], childCells: [], kept: true });
    });
    draftOf.push(ids);
  }
  // A component one level down lies inside the component of its first node.
  for (let k = 2; k <= maxLevel; k++) {
    compNodes[k - 1].forEach((nodes, c) => {
      const child = draftOf[k - 1][c];
      const parent = draftOf[k][zoneAt[k][nodes[0]]];
      drafts[parent].childZones.push(child);
      drafts[child].parent = parent;
    });
  }
  cells.forEach((cell, ci) => {
    const z = draftOf[1][zoneAt[1][cell.nodes[0]]];
    drafts[z].childCells.push(ci);
  });
  // A zone with a single child zone adopts that child's children: the child adds no sharing, only work.
  const rootDraft = draftOf[maxLevel][0];
  const stack = [rootDraft];
  while (stack.length > 0) {
    const z = stack.pop()!;
    const d = drafts[z];
    while (d.childZones.length === 1 && d.childCells.length === 0) {
      const only = drafts[d.childZones[0]];
      only.kept = false;
      d.childZones = only.childZones;
      d.childCells = only.childCells;
      for (const c of d.childZones) drafts[c].parent = z;
    }
    stack.push(...d.childZones);
  }

  const keptId = new Int32Array(drafts.length).fill(-1);
  const zones: Zone[] = [];
  drafts.forEach((d, i) => {
    if (d.kept) keptId[i] = zones.length, zones.push({
      level: d.level, nodes: d.nodes, boundary: new Int32Array(0), parent: -1, childZones: [], childCells: d.childCells,
    });
  });
  drafts.forEach((d, i) => {
    if (!d.kept) return;
    const z = zones[keptId[i]];
    z.parent = d.parent >= 0 ? keptId[d.parent] : -1;
    z.childZones = d.childZones.map((c) => keptId[c]);
    for (const ci of d.childCells) cells[ci].zone = keptId[i];
  });
  const components: Int32Array[] = [new Int32Array(0)];
  for (let k = 1; k <= maxLevel; k++) components.push(Int32Array.from(draftOf[k], (d) => keptId[d]));

  const mark = new Int32Array(n).fill(-1);
  zones.forEach((z, id) => {
    // The root is a whole component: nothing lies outside it.
    if (id === keptId[rootDraft]) return;
    const at = zoneAt[z.level];
    const comp = at[z.nodes[0]];
    const out: number[] = [];
    for (let i = 0; i < z.nodes.length; i++) {
      const u = z.nodes[i];
      for (let a = offsets[u]; a < offsets[u + 1]; a++) {
        const v = neighbors[a];
        if (at[v] !== comp && mark[v] !== id) {
          mark[v] = id;
          out.push(v);
        }
      }
    }
    z.boundary = Int32Array.from(out).sort();
  });
  return { level, maxLevel, cells, cellOf, cellPos, zones, zoneAt, posAt, components, root: keptId[rootDraft] };
}

/** Cells: components of the endpoints and the nodes all of whose neighbours are endpoints. */
function buildCells(g: CsrGraph, level: Int32Array): { cells: Cell[]; cellOf: Int32Array; cellPos: Int32Array } {
  const { n, offsets, neighbors } = g;
  const eligible = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    if (level[v] === 0) eligible[v] = 1;
    else if (level[v] === 1) {
      let all = true;
      for (let a = offsets[v]; a < offsets[v + 1] && all; a++) all = level[neighbors[a]] === 0;
      eligible[v] = all ? 1 : 0;
    }
  }
  const cellOf = new Int32Array(n).fill(-1);
  const cellPos = new Int32Array(n).fill(-1);
  const cells: Cell[] = [];
  const queue: number[] = [];
  const mark = new Int32Array(n).fill(-1);
  for (let s = 0; s < n; s++) {
    if (!eligible[s] || cellOf[s] >= 0) continue;
    const id = cells.length;
    queue.length = 0;
    queue.push(s);
    cellOf[s] = id;
    const boundary: number[] = [];
    for (let h = 0; h < queue.length; h++) {
      const u = queue[h];
      for (let a = offsets[u]; a < offsets[u + 1]; a++) {
        const v = neighbors[a];
        if (eligible[v]) {
          if (cellOf[v] < 0) {
            cellOf[v] = id;
            queue.push(v);
          }
        } else if (mark[v] !== id) {
          mark[v] = id;
          boundary.push(v);
        }
      }
    }
    const nodes = Int32Array.from(queue).sort();
    nodes.forEach((v, i) => (cellPos[v] = i));
    cells.push({
      nodes,
      boundary: Int32Array.from(boundary).sort(),
      endpoints: nodes.filter((v) => level[v] === 0),
      zone: -1,
    });
  }
  return { cells, cellOf, cellPos };
}

/** Shell-local index of node v in zone z (its nodes, then its boundary), -1 when v is outside the shell. */
export function shellIndex(t: ZoneTree, z: number, v: number): number {
  const zone = t.zones[z];
  const comp = t.zoneAt[zone.level][v];
  if (comp >= 0 && t.components[zone.level][comp] === z) return t.posAt[zone.level][v];
  const j = binarySearch(zone.boundary, v);
  return j >= 0 ? zone.nodes.length + j : -1;
}

/** Position of v in an ascending array, -1 when absent. */
export function binarySearch(a: Int32Array, v: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = a[mid];
    if (w === v) return mid;
    if (w < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
