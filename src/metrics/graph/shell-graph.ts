// Local CSR views of the zones of a ZoneTree: a zone's shell (its nodes, then its boundary, with the arcs among
// them) and every cell (arcs inside the cell, and arcs to the cell boundary). Searches that run once per
// destination class or per destination read these small arrays instead of the whole graph.
import type { SimpleGraph } from './simple.js';
import type { ZoneTree } from './zones.js';

export interface ShellGraph {
  zone: number;
  /** Shell nodes: the zone's nodes (or the subset kept), then its boundary; local index -> global node. */
  nodes: Int32Array;
  /** How many of `nodes` belong to the zone (the rest are its boundary). */
  inner: number;
  /** CSR over local indices; arcs leaving the shell are left out. */
  start: Int32Array;
  to: Int32Array;
  /** Local arc -> arc of the simple graph. */
  arc: Int32Array;
  /** Zone position (index in zone.nodes) -> local index, -1 for a node left out. */
  localOfPos: Int32Array;
}

/** Scratch for shellGraph: shell nodes found by stamp, and which nodes have a neighbour at their own level. */
export interface ShellScratch {
  stamp: Int32Array;
  local: Int32Array;
  next: number;
  /** 1 when the node has a neighbour as far from the endpoints as itself (only then can two boundary nodes touch). */
  sideways: Uint8Array;
}

export function shellScratch(g: SimpleGraph, tree: ZoneTree): ShellScratch {
  const sideways = new Uint8Array(g.n);
  for (let v = 0; v < g.n; v++) {
    for (let a = g.offsets[v]; a < g.offsets[v + 1]; a++) {
      if (tree.level[g.neighbors[a]] === tree.level[v]) {
        sideways[v] = 1;
        break;
      }
    }
  }
  return { stamp: new Int32Array(g.n), local: new Int32Array(g.n), next: 0, sideways };
}

/**
 * The shell of zone z: its nodes (or `keep`, an ascending subset of them) and its boundary, with the arcs among
 * them. A boundary node's arcs into the zone are the reverses of the zone's arcs to it, so its own adjacency (a
 * core's arcs reach every pod) is read only when it may touch another boundary node.
 */
export function shellGraph(
  g: SimpleGraph, tree: ZoneTree, z: number, scratch = shellScratch(g, tree), keep?: Int32Array,
): ShellGraph {
  const zone = tree.zones[z];
  if (!keep && zone.boundary.length === 0 && zone.nodes.length === g.n) return wholeGraph(g, z);
  const members = keep ?? zone.nodes;
  const inner = members.length;
  const size = inner + zone.boundary.length;
  const nodes = new Int32Array(size);
  nodes.set(members);
  nodes.set(zone.boundary, inner);
  const { offsets, neighbors, reverse } = g;
  const s = ++scratch.next;
  const { stamp, local, sideways } = scratch;
  for (let x = 0; x < size; x++) {
    stamp[nodes[x]] = s;
    local[nodes[x]] = x;
  }
  const pos = tree.posAt[zone.level];
  const localOfPos = new Int32Array(zone.nodes.length).fill(-1);
  for (let x = 0; x < inner; x++) localOfPos[pos[nodes[x]]] = x;
  // Degrees first: kept zone nodes keep their arcs inside the shell; boundary nodes get the reversed arcs, plus
  // boundary-boundary arcs.
  const deg = new Int32Array(size + 1);
  for (let x = 0; x < inner; x++) {
    const v = nodes[x];
    for (let a = offsets[v], end = offsets[v + 1]; a < end; a++) {
      const w = neighbors[a];
      if (stamp[w] !== s) continue;
      deg[x]++;
      if (local[w] >= inner) deg[local[w]]++;
    }
  }
  for (let x = inner; x < size; x++) {
    const v = nodes[x];
    if (!sideways[v]) continue;
    for (let a = offsets[v], end = offsets[v + 1]; a < end; a++) {
      const w = neighbors[a];
      if (stamp[w] === s && local[w] >= inner) deg[x]++;
    }
  }
  const start = new Int32Array(size + 1);
  for (let x = 0; x < size; x++) start[x + 1] = start[x] + deg[x];
  const fill = start.slice(0, size);
  const to = new Int32Array(start[size]);
  const arc = new Int32Array(start[size]);
  for (let x = 0; x < inner; x++) {
    const v = nodes[x];
    for (let a = offsets[v], end = offsets[v + 1]; a < end; a++) {
      const w = neighbors[a];
      if (stamp[w] !== s) continue;
      const y = local[w];
      to[fill[x]] = y;
      arc[fill[x]++] = a;
      if (y >= inner) {
        to[fill[y]] = x;
        arc[fill[y]++] = reverse[a];
      }
    }
  }
  for (let x = inner; x < size; x++) {
    const v = nodes[x];
    if (!sideways[v]) continue;
    for (let a = offsets[v], end = offsets[v + 1]; a < end; a++) {
      const w = neighbors[a];
      if (stamp[w] !== s || local[w] < inner) continue;
      to[fill[x]] = local[w];
      arc[fill[x]++] = a;
    }
  }
  return { zone: z, nodes, inner, start, to, arc, localOfPos };
}

/** A zone that is the whole graph (the usual root): its shell is the simple graph itself, arcs numbered alike. */
function wholeGraph(g: SimpleGraph, z: number): ShellGraph {
  const identity = new Int32Array(Math.max(g.n, g.neighbors.length));
  for (let i = 0; i < identity.length; i++) identity[i] = i;
  return {
    zone: z, nodes: identity.subarray(0, g.n), inner: g.n, start: g.offsets, to: g.neighbors,
    arc: identity.subarray(0, g.neighbors.length), localOfPos: identity.subarray(0, g.n),
  };
}

export interface CellGraphs {
  /** Cell c's nodes occupy flat indices nodeStart[c] .. nodeStart[c+1]-1, in cell-local order. */
  nodeStart: Int32Array;
  /** Per flat node: arcs inside its cell (cell-local heads). */
  inStart: Int32Array;
  inTo: Int32Array;
  inArc: Int32Array;
  /** Per flat node: arcs to the cell boundary (position in the cell's boundary list), and the reverse arcs. */
  outStart: Int32Array;
  outPos: Int32Array;
  outArc: Int32Array;
  outRev: Int32Array;
}

export function cellGraphs(g: SimpleGraph, tree: ZoneTree): CellGraphs {
  const { offsets, neighbors, reverse } = g;
  const cells = tree.cells;
  const nodeStart = new Int32Array(cells.length + 1);
  cells.forEach((c, i) => (nodeStart[i + 1] = nodeStart[i] + c.nodes.length));
  const total = nodeStart[cells.length];
  const inStart = new Int32Array(total + 1);
  const outStart = new Int32Array(total + 1);
  // Count inside and boundary arcs first, so each array is allocated at its size.
  let inside = 0;
  let outside = 0;
  cells.forEach((c, ci) => {
    for (let i = 0; i < c.nodes.length; i++) {
      const v = c.nodes[i];
      for (let a = offsets[v]; a < offsets[v + 1]; a++) {
        if (tree.cellOf[neighbors[a]] === ci) inside++;
        else outside++;
      }
    }
  });
  const inTo = new Int32Array(inside);
  const inArc = new Int32Array(inside);
  const outPos = new Int32Array(outside);
  const outArc = new Int32Array(outside);
  const outRev = new Int32Array(outside);
  let mi = 0;
  let mo = 0;
  cells.forEach((c, ci) => {
    c.nodes.forEach((v, i) => {
      const f = nodeStart[ci] + i;
      inStart[f] = mi;
      outStart[f] = mo;
      for (let a = offsets[v]; a < offsets[v + 1]; a++) {
        const w = neighbors[a];
        if (tree.cellOf[w] === ci) {
          inTo[mi] = tree.cellPos[w];
          inArc[mi++] = a;
        } else {
          let lo = 0;
          let hi = c.boundary.length - 1;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (c.boundary[mid] < w) lo = mid + 1;
            else hi = mid;
          }
          outPos[mo] = lo;
          outArc[mo] = a;
          outRev[mo++] = reverse[a];
        }
      }
    });
  });
  inStart[total] = mi;
  outStart[total] = mo;
  return { nodeStart, inStart, inTo, inArc, outStart, outPos, outArc, outRev };
}
