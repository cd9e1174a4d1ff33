// Twin classes: accelerators with exactly the same neighbours (all hosts under one leaf) have the same
// distance to every other node, so all-pairs work runs once per class on a graph keeping one representative.
import type { CompiledFabric } from '../../compile/compile.js';
import { lazyProperty, reverseArcs, type SimpleGraph } from './simple.js';

export interface TwinReduction {
  /** Number of accelerator classes. */
  classes: number;
  /** Class -> representative node (original index) and member count. */
  classRep: Int32Array;
  classSize: Int32Array;
  /** Original node -> class, -1 for non-accelerators. */
  classOf: Int32Array;
  /** The graph without the non-representative members; node ids renumbered (reduced index). */
  graph: SimpleGraph;
  /** Reduced index -> original node, and original node -> reduced index (-1 when removed). */
  keptNodes: Int32Array;
  reducedIndex: Int32Array;
  /** Reduced index -> class size when the node is a representative accelerator, else 0. */
  weight: Int32Array;
}

const reductions = new WeakMap<SimpleGraph, { c: CompiledFabric; red: TwinReduction }>();

/** twinReduction, cached per graph: the hop metric builds it, others may ask whether it exists (cachedTwinReduction). */
export function twinReductionOf(c: CompiledFabric, g: SimpleGraph): TwinReduction {
  const hit = reductions.get(g);
  if (hit && hit.c === c) return hit.red;
  const red = twinReduction(c, g);
  reductions.set(g, { c, red });
  return red;
}

/** The cached twin reduction of c's graph g, if one was built (nothing is built here). */
export function cachedTwinReduction(c: CompiledFabric, g: SimpleGraph): TwinReduction | undefined {
  const hit = reductions.get(g);
  return hit && hit.c === c ? hit.red : undefined;
}

/**
 * Group accelerators by identical neighbour sets (in the simple graph) and drop all but one of each group.
 * Twins are never adjacent (a node is not its own neighbour), so mapping every node to its representative
 * maps links to links: distances between kept nodes are unchanged.
 */
export function twinReduction(c: CompiledFabric, g: SimpleGraph): TwinReduction {
  const n = g.n;
  const { offsets, neighbors } = g;
  const classOf = new Int32Array(n).fill(-1);
  const reps: number[] = [];
  const sizes: number[] = [];
  const acc = c.accelerators;
  // Open addressing on a hash of the sorted neighbour list; slots hold class ids.
  let cap = 1;
  while (cap < 2 * acc.length + 2) cap <<= 1;
  const slots = new Int32Array(cap).fill(-1);
  for (let i = 0; i < acc.length; i++) {
    const u = acc[i];
    let h = 0x811c9dc5 ^ (offsets[u + 1] - offsets[u]);
    for (let k = offsets[u]; k < offsets[u + 1]; k++) h = Math.imul(h ^ neighbors[k], 0x01000193);
    let slot = (h ^ (h >>> 15)) & (cap - 1);
    let cls = -1;
    for (;;) {
      const id = slots[slot];
      if (id < 0) break;
      if (sameNeighbours(g, reps[id], u)) {
        cls = id;
        break;
      }
      slot = (slot + 1) & (cap - 1);
    }
    if (cls < 0) {
      cls = reps.length;
      reps.push(u);
      sizes.push(0);
      slots[slot] = cls;
    }
    classOf[u] = cls;
    sizes[cls]++;
  }

  const classRep = Int32Array.from(reps);
  const classSize = Int32Array.from(sizes);
  const reducedIndex = new Int32Array(n).fill(-1);
  let kept = 0;
  for (let u = 0; u < n; u++) if (classOf[u] < 0 || classRep[classOf[u]] === u) reducedIndex[u] = kept++;
  const keptNodes = new Int32Array(kept);
  for (let u = 0; u < n; u++) if (reducedIndex[u] >= 0) keptNodes[reducedIndex[u]] = u;

  const weight = new Int32Array(kept);
  if (kept === n) {
    // No twins: the graph is reused as is.
    for (let cls = 0; cls < classRep.length; cls++) weight[classRep[cls]] = classSize[cls];
    return { classes: classRep.length, classRep, classSize, classOf, graph: g, keptNodes, reducedIndex, weight };
  }
  const rOffsets = new Int32Array(kept + 1);
  let arcs = 0;
  for (let i = 0; i < kept; i++) {
    const u = keptNodes[i];
    for (let k = offsets[u]; k < offsets[u + 1]; k++) if (reducedIndex[neighbors[k]] >= 0) arcs++;
    rOffsets[i + 1] = arcs;
  }
  const rNeighbors = new Int32Array(arcs);
  const rCap = new Float64Array(arcs);
  // Kept arcs keep their links (through srcArc, read on first use); renumbering is monotone, so neighbour lists
  // stay sorted.
  const srcArc = new Int32Array(arcs);
  for (let i = 0, a = 0; i < kept; i++) {
    const u = keptNodes[i];
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const v = reducedIndex[neighbors[k]];
      if (v < 0) continue;
      rNeighbors[a] = v;
      rCap[a] = g.capacityGbps[k];
      srcArc[a++] = k;
    }
  }
  const reduced = { n: kept, offsets: rOffsets, neighbors: rNeighbors, capacityGbps: rCap } as SimpleGraph;
  let links: { linkStart: Int32Array; arcLinks: Int32Array } | undefined;
  let reverse: Int32Array | undefined;
  const linksOf = () => {
    const linkStart = new Int32Array(arcs + 1);
    const fromStart = g.linkStart;
    const fromLinks = g.arcLinks;
    for (let a = 0; a < arcs; a++) linkStart[a + 1] = linkStart[a] + fromStart[srcArc[a] + 1] - fromStart[srcArc[a]];
    const arcLinks = new Int32Array(linkStart[arcs]);
    for (let a = 0; a < arcs; a++) arcLinks.set(fromLinks.subarray(fromStart[srcArc[a]], fromStart[srcArc[a] + 1]), linkStart[a]);
    return { linkStart, arcLinks };
  };
  lazyProperty(reduced, 'linkStart', () => (links ??= linksOf()).linkStart);
  lazyProperty(reduced, 'arcLinks', () => (links ??= linksOf()).arcLinks);
  lazyProperty(reduced, 'reverse', () => (reverse ??= reverseArcs(reduced)));
  for (let cls = 0; cls < classRep.length; cls++) weight[reducedIndex[classRep[cls]]] = classSize[cls];
  return {
    classes: classRep.length,
    classRep,
    classSize,
    classOf,
    graph: reduced,
    keptNodes,
    reducedIndex,
    weight,
  };
}

function sameNeighbours(g: SimpleGraph, a: number, b: number): boolean {
  const da = g.offsets[a + 1] - g.offsets[a];
  if (da !== g.offsets[b + 1] - g.offsets[b]) return false;
  for (let i = 0; i < da; i++) if (g.neighbors[g.offsets[a] + i] !== g.neighbors[g.offsets[b] + i]) return false;
  return true;
}
