// The editable fabric: a graphology multigraph of nodes and links plus sites, racks and settings.
// The graph is the one source of truth; the plain FabricDocument is its serialisable form.
import { MultiUndirectedGraph } from 'graphology';
import { LightfabricError } from './errors.js';
import type {
  CatalogOverrides, FabricDocument, FabricLink, FabricNode, FabricSettings, GeneratorInfo, Rack, Site,
} from './types.js';

export type FabricGraph = MultiUndirectedGraph<FabricNode, FabricLink>;

export interface Fabric {
  name: string;
  description?: string;
  generator?: GeneratorInfo;
  /** Absent when the document had none (an empty object is kept, so export gives back the same bytes). */
  settings?: FabricSettings;
  catalogOverrides?: CatalogOverrides;
  sites: Map<string, Site>;
  racks: Map<string, Rack>;
  graph: FabricGraph;
  /** Top-level fields this version does not know (another tool's, a newer minor's): kept and written back. */
  extra?: Record<string, unknown>;
}

const DOCUMENT_KEYS = new Set([
  'format', 'version', 'name', 'description', 'generator', 'settings', 'catalogOverrides', 'sites', 'racks', 'nodes', 'links',
]);

export function createGraph(): FabricGraph {
  return new MultiUndirectedGraph<FabricNode, FabricLink>({ allowSelfLoops: false });
}

/**
 * Build the graph from a document. The document must already be valid (parseTopology checks it);
 * a duplicate id or dangling end here is a programmer error and throws.
 */
export function fabricFromDocument(doc: FabricDocument): Fabric {
  const graph = createGraph();
  for (const n of doc.nodes) {
    if (graph.hasNode(n.id)) throw new LightfabricError('duplicate-id', `duplicate node id ${n.id}`);
    graph.addNode(n.id, { ...n });
  }
  for (const l of doc.links) {
    if (!graph.hasNode(l.a) || !graph.hasNode(l.b)) {
      throw new LightfabricError('dangling-link', `link ${l.id} joins a missing node`);
    }
    if (graph.hasEdge(l.id)) throw new LightfabricError('duplicate-id', `duplicate link id ${l.id}`);
    graph.addEdgeWithKey(l.id, l.a, l.b, { ...l, via: l.via ? [...l.via] : undefined });
  }
  let extra: Record<string, unknown> | undefined;
  for (const k of Object.keys(doc)) {
    if (DOCUMENT_KEYS.has(k)) continue;
    (extra ??= {})[k] = (doc as unknown as Record<string, unknown>)[k];
  }
  return {
    extra,
    name: doc.name,
    description: doc.description,
    generator: doc.generator,
    settings: doc.settings ? { ...doc.settings } : undefined,
    catalogOverrides: doc.catalogOverrides,
    sites: new Map(doc.sites.map((s) => [s.id, { ...s }])),
    racks: new Map(doc.racks.map((r) => [r.id, { ...r }])),
    graph,
  };
}

/** The plain document of a fabric, in graph insertion order (so export is deterministic). */
export function fabricToDocument(f: Fabric): FabricDocument {
  const nodes: FabricNode[] = [];
  f.graph.forEachNode((_, attrs) => nodes.push({ ...attrs }));
  const links: FabricLink[] = [];
  f.graph.forEachEdge((_, attrs) => links.push({ ...attrs, via: attrs.via ? [...attrs.via] : undefined }));
  const doc: FabricDocument = {
    name: f.name,
    sites: [...f.sites.values()].map((s) => ({ ...s })),
    racks: [...f.racks.values()].map((r) => ({ ...r })),
    nodes,
    links,
  };
  if (f.description !== undefined) doc.description = f.description;
  if (f.generator !== undefined) doc.generator = f.generator;
  if (f.settings !== undefined) doc.settings = { ...f.settings };
  if (f.catalogOverrides !== undefined) doc.catalogOverrides = f.catalogOverrides;
  if (f.extra) Object.assign(doc, f.extra);
  return doc;
}
