// Single points of failure by one iterative Tarjan DFS over the compiled multigraph: bridges (a parallel link
// is never one) and articulation nodes, each with the number of accelerators its failure cuts off.
import { KIND_ACCELERATOR, type CompiledFabric } from '../../compile/compile.js';
import { scratchOf } from '../graph/scratch.js';

export interface CutPoints {
  /** Link -> accelerators cut off when it fails (-1 when it is not a bridge). */
  bridgeCutOff: Int32Array;
  /** Node -> accelerators cut off when it fails (-1 when it is not an articulation node); the node itself not counted. */
  articulationCutOff: Int32Array;
  /** Node -> DFS root of its component (component id), and the accelerators of each component by root. */
  component: Int32Array;
  componentAccelerators: Int32Array;
}

/**
 * "Cut off" = accelerators separated from the largest surviving part (counted in accelerators) of their
 * connected component. For a connected fabric: the accelerators outside the largest group still connected.
 */
export function findCutPoints(c: CompiledFabric): CutPoints {
  const { n, offsets, neighbors, halfEdgeLink, nodeKind } = c;
  // Working arrays come from the fabric's scratch pool and go back at the end.
  const pool = scratchOf(c);
  const disc = pool.int32(n).fill(-1);
  const low = pool.int32(n);
  const parent = pool.int32(n).fill(-1);
  const parentLink = pool.int32(n).fill(-1);
  const it = pool.int32(n);
  const subAcc = pool.int32(n);
  // Per node: accelerators in its DFS children that its removal separates, the largest of them, how many.
  const sepSum = pool.int32(n);
  const sepMax = pool.int32(n);
  const sepCount = pool.int32(n);
  const component = new Int32Array(n);
  const componentAccelerators = new Int32Array(n);
  const bridgeCutOff = new Int32Array(c.m).fill(-1);
  const articulationCutOff = new Int32Array(n).fill(-1);
  const bridgeChild = pool.int32(c.m).fill(-1);
  const stack = pool.int32(n);
  // The nodes of the component being searched, in discovery order.
  const visited = pool.int32(n);
  let time = 0;
  for (let r = 0; r < n; r++) {
    if (disc[r] !== -1) continue;
    let top = 0;
    stack[0] = r;
    disc[r] = low[r] = time++;
    it[r] = offsets[r];
    subAcc[r] = nodeKind[r] === KIND_ACCELERATOR ? 1 : 0;
    let seen = 0;
    visited[seen++] = r;
    while (top >= 0) {
      const v = stack[top];
      const h = it[v];
      if (h < offsets[v + 1]) {
        it[v]++;
        const e = halfEdgeLink[h];
        if (e === parentLink[v]) continue;
        const w = neighbors[h];
        if (disc[w] === -1) {
          parent[w] = v;
          parentLink[w] = e;
          disc[w] = low[w] = time++;
          it[w] = offsets[w];
          subAcc[w] = nodeKind[w] === KIND_ACCELERATOR ? 1 : 0;
          stack[++top] = w;
          visited[seen++] = w;
        } else if (disc[w] < low[v]) {
          low[v] = disc[w];
        }
        continue;
      }
      top--;
      const p = parent[v];
      if (p < 0) continue;
      if (low[v] < low[p]) low[p] = low[v];
      subAcc[p] += subAcc[v];
      if (low[v] > disc[p]) bridgeChild[parentLink[v]] = v;
      if (low[v] >= disc[p]) {
        sepSum[p] += subAcc[v];
        sepCount[p]++;
        if (subAcc[v] > sepMax[p]) sepMax[p] = subAcc[v];
      }
    }
    const total = subAcc[r];
    for (let i = 0; i < seen; i++) component[visited[i]] = r;
    componentAccelerators[r] = total;
    for (let i = 0; i < seen; i++) {
      const v = visited[i];
      const e = parentLink[v];
      if (e >= 0 && bridgeChild[e] === v) bridgeCutOff[e] = Math.min(subAcc[v], total - subAcc[v]);
      // The root separates its children only when it has two or more; any other node when one child is cut.
      const isArticulation = v === r ? sepCount[v] >= 2 : sepCount[v] >= 1;
      if (!isArticulation) continue;
      const self = nodeKind[v] === KIND_ACCELERATOR ? 1 : 0;
      const rest = total - self - sepSum[v];
      const largest = Math.max(rest, sepMax[v]);
      articulationCutOff[v] = total - self - largest;
    }
  }
  pool.give(disc, low, parent, parentLink, it, subAcc, sepSum, sepMax, sepCount, bridgeChild, stack, visited);
  return { bridgeCutOff, articulationCutOff, component, componentAccelerators };
}
