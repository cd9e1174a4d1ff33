// Identical cells: within a zone, cells with the same boundary and the same inside (node for node, arc for arc, in
// cell-local order) are interchangeable for anything measured from outside them, as twins are. Per-destination-
// class work then runs once per type on a representative cell instead of once per cell.
import type { CellGraphs } from './shell-graph.js';
import type { ZoneTree } from './zones.js';

export interface CellTypes {
  /** Cell -> its type within its zone (types of one zone are numbered from 0). */
  typeOfCell: Int32Array;
  /** Per zone (undefined for zones without cells): per type, its cells; the first is the representative. */
  byZone: (number[][] | undefined)[];
}

/**
 * Group the cells of every zone by (boundary, inside). Arc order is part of the key, so the i-th arc of a node
 * in one cell and in another of the same type lead to the same cell-local node or boundary position.
 */
export function cellTypes(tree: ZoneTree, cg: CellGraphs): CellTypes {
  const typeOfCell = new Int32Array(tree.cells.length).fill(-1);
  const byZone: (number[][] | undefined)[] = new Array(tree.zones.length);
  tree.zones.forEach((zone, z) => {
    if (zone.childCells.length === 0) return;
    const types: number[][] = [];
    const byHash = new Map<number, number[]>();
    for (const ci of zone.childCells) {
      const h = signatureHash(tree, cg, ci);
      let bucket = byHash.get(h);
      if (!bucket) byHash.set(h, (bucket = []));
      let type = -1;
      for (const t of bucket) {
        if (sameSignature(tree, cg, types[t][0], ci)) {
          type = t;
          break;
        }
      }
      if (type < 0) {
        type = types.length;
        types.push([]);
        bucket.push(type);
      }
      types[type].push(ci);
      typeOfCell[ci] = type;
    }
    byZone[z] = types;
  });
  return { typeOfCell, byZone };
}

/**
 * The signature of a cell: its size and boundary, then per node the endpoint flag, the inside arcs (cell-local
 * heads) and the boundary arcs (positions). Hashed and compared in place (no array per cell).
 */
function signatureHash(tree: ZoneTree, cg: CellGraphs, ci: number): number {
  const cell = tree.cells[ci];
  const m = cell.nodes.length;
  const base = cg.nodeStart[ci];
  let h = 0x811c9dc5;
  const mix = (x: number) => (h = Math.imul(h ^ x, 0x01000193));
  mix(m);
  mix(cell.boundary.length);
  for (let j = 0; j < cell.boundary.length; j++) mix(cell.boundary[j]);
  for (let i = 0; i < m; i++) {
    mix(tree.level[cell.nodes[i]] === 0 ? 1 : 0);
    mix(cg.inStart[base + i + 1] - cg.inStart[base + i]);
    for (let e = cg.inStart[base + i]; e < cg.inStart[base + i + 1]; e++) mix(cg.inTo[e]);
    mix(cg.outStart[base + i + 1] - cg.outStart[base + i]);
    for (let e = cg.outStart[base + i]; e < cg.outStart[base + i + 1]; e++) mix(cg.outPos[e]);
  }
  return h & 0x3fffffff;
}

function sameSignature(tree: ZoneTree, cg: CellGraphs, a: number, b: number): boolean {
  const ca = tree.cells[a];
  const cb = tree.cells[b];
  const m = ca.nodes.length;
  if (m !== cb.nodes.length || ca.boundary.length !== cb.boundary.length) return false;
  for (let j = 0; j < ca.boundary.length; j++) if (ca.boundary[j] !== cb.boundary[j]) return false;
  const ba = cg.nodeStart[a];
  const bb = cg.nodeStart[b];
  for (let i = 0; i < m; i++) {
    if ((tree.level[ca.nodes[i]] === 0) !== (tree.level[cb.nodes[i]] === 0)) return false;
    const ia = cg.inStart[ba + i];
    const ib = cg.inStart[bb + i];
    const ni = cg.inStart[ba + i + 1] - ia;
    if (ni !== cg.inStart[bb + i + 1] - ib) return false;
    for (let k = 0; k < ni; k++) if (cg.inTo[ia + k] !== cg.inTo[ib + k]) return false;
    const oa = cg.outStart[ba + i];
    const ob = cg.outStart[bb + i];
    const no = cg.outStart[ba + i + 1] - oa;
    if (no !== cg.outStart[bb + i + 1] - ob) return false;
    for (let k = 0; k < no; k++) if (cg.outPos[oa + k] !== cg.outPos[ob + k]) return false;
  }
  return true;
}
