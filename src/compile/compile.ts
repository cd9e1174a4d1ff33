// Compile a fabric to flat typed arrays (CSR adjacency + per-link columns) for the heavy algorithms.
// Index <-> id maps let results be reported back in model ids. Built once per evaluation.
import type { Fabric } from '../model/fabric.js';
import { MEDIA, NODE_KINDS, type FabricDocument, type Medium, type NodeKind } from '../model/types.js';

export const KIND_CODE: Record<NodeKind, number> = Object.fromEntries(NODE_KINDS.map((k, i) => [k, i])) as Record<NodeKind, number>;
export const MEDIUM_CODE: Record<Medium, number> = Object.fromEntries(MEDIA.map((m, i) => [m, i])) as Record<Medium, number>;
export const KIND_ACCELERATOR = KIND_CODE.accelerator;
export const KIND_SWITCH = KIND_CODE.switch;
export const KIND_GATEWAY = KIND_CODE.gateway;

export interface CompiledFabric {
  /** Number of nodes and links. */
  n: number;
  m: number;
  /** Node index -> id, and id -> index. */
  nodeIds: string[];
  nodeIndex: Map<string, number>;
  /** Node index -> NODE_KINDS index. */
  nodeKind: Uint8Array;
  /** Node index -> catalog model id (strings are shared, not copied). */
  nodeModel: string[];
  /** Node indices of the accelerators, ascending. */
  accelerators: Int32Array;
  /** Link index -> id and columns. */
  linkIds: string[];
  linkA: Int32Array;
  linkB: Int32Array;
  linkGbps: Float64Array;
  linkLengthM: Float64Array;
  /** Link index -> MEDIA index. */
  linkMedium: Uint8Array;
  /** CSR adjacency over both directions of every link: the half-edges of node u are offsets[u] .. offsets[u+1]-1. */
  offsets: Int32Array;
  /** Half-edge -> neighbour node index. */
  neighbors: Int32Array;
  /** Half-edge -> link index. */
  halfEdgeLink: Int32Array;
}

interface NodeLike { id: string; kind: NodeKind; model: string }
interface LinkLike { id: string; a: string; b: string; gbps: number; lengthM: number; medium: Medium }

function compileLists(nodes: NodeLike[], links: LinkLike[]): CompiledFabric {
  const n = nodes.length;
  const m = links.length;
  const nodeIds = new Array<string>(n);
  const nodeModel = new Array<string>(n);
  const nodeIndex = new Map<string, number>();
  const nodeKind = new Uint8Array(n);
  let accCount = 0;
  for (let i = 0; i < n; i++) {
    const node = nodes[i];
    nodeIds[i] = node.id;
    nodeModel[i] = node.model;
    nodeIndex.set(node.id, i);
    nodeKind[i] = KIND_CODE[node.kind];
    if (node.kind === 'accelerator') accCount++;
  }
  const accelerators = new Int32Array(accCount);
  for (let i = 0, j = 0; i < n; i++) if (nodeKind[i] === KIND_ACCELERATOR) accelerators[j++] = i;

  const linkIds = new Array<string>(m);
  const linkA = new Int32Array(m);
  const linkB = new Int32Array(m);
  const linkGbps = new Float64Array(m);
  const linkLengthM = new Float64Array(m);
  const linkMedium = new Uint8Array(m);
  const degree = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const l = links[e];
    const a = nodeIndex.get(l.a);
    const b = nodeIndex.get(l.b);
    if (a === undefined || b === undefined) throw new Error(`compile: link ${l.id} joins a missing node`);
    linkIds[e] = l.id;
    linkA[e] = a;
    linkB[e] = b;
    linkGbps[e] = l.gbps;
    linkLengthM[e] = l.lengthM;
    linkMedium[e] = MEDIUM_CODE[l.medium];
    degree[a]++;
    degree[b]++;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i];
  const fill = offsets.slice(0, n);
  const neighbors = new Int32Array(2 * m);
  const halfEdgeLink = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const a = linkA[e];
    const b = linkB[e];
    neighbors[fill[a]] = b;
    halfEdgeLink[fill[a]++] = e;
    neighbors[fill[b]] = a;
    halfEdgeLink[fill[b]++] = e;
  }
  return {
    n, m, nodeIds, nodeIndex, nodeKind, nodeModel, accelerators,
    linkIds, linkA, linkB, linkGbps, linkLengthM, linkMedium, offsets, neighbors, halfEdgeLink,
  };
}

/** Compile the graph of a fabric (node and link order = graph insertion order). */
export function compileFabric(fabric: Fabric): CompiledFabric {
  const nodes: NodeLike[] = [];
  fabric.graph.forEachNode((_, a) => nodes.push(a));
  const links: LinkLike[] = [];
  fabric.graph.forEachEdge((_, a) => links.push(a));
  return compileLists(nodes, links);
}

/** Compile straight from a (valid) document, skipping the graph: generators and the bench use it at 50k scale. */
export function compileDocument(doc: FabricDocument): CompiledFabric {
  return compileLists(doc.nodes, doc.links);
}
