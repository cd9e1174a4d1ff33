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
    const keys: Int32Array[] = [];
    const byHash = new Map<number, number[]>();
    for (const ci of zone.childCells) {
      const key = signature(tree, cg, ci);
      let h = 0x811c9dc5;
      for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key[i], 0x01000193);
      h &= 0x3fffffff;
      let bucket = byHash.get(h);
      if (!bucket) byHash.set(h, (bucket = []));
      let type = -1;
      for (const t of bucket) {
        const other = keys[t];
        if (other.length !== key.length) continue;
        let same = true;
        for (let i = 0; i < key.length && same; i++) same = other[i] === key[i];
        if (same) {
          type = t;
          break;
        }
      }
      if (type < 0) {
        type = types.length;
        types.push([]);
        keys.push(key);
        bucket.push(type);
      }
      types[type].push(ci);
      typeOfCell[ci] = type;
    }
    byZone[z] = types;
  });
  return { typeOfCell, byZone };
}

/** The boundary, then per node: endpoint flag, inside arcs (cell-local heads), boundary arcs (positions). */
function signature(tree: ZoneTree, cg: CellGraphs, ci: number): Int32Array {
  const cell = tree.cells[ci];
  const m = cell.nodes.length;
  const base = cg.nodeStart[ci];
  const out: number[] = [m, cell.boundary.length, ...cell.boundary];
  for (let i = 0; i < m; i++) {
    out.push(tree.level[cell.nodes[i]] === 0 ? 1 : 0);
    out.push(cg.inStart[base + i + 1] - cg.inStart[base + i]);
    for (let e = cg.inStart[base + i]; e < cg.inStart[base + i + 1]; e++) out.push(cg.inTo[e]);
    out.push(cg.outStart[base + i + 1] - cg.outStart[base + i]);
    for (let e = cg.outStart[base + i]; e < cg.outStart[base + i + 1]; e++) out.push(cg.outPos[e]);
  }
  return Int32Array.from(out);
}
