// What the design holds, counted from the document (no metric): devices by kind and model, links by medium.
import { createCatalog } from '../../src/catalog/index.js';
import { summarizeFabric } from '../../src/format/index.js';
import { MEDIA, type FabricDocument, type Medium, type NodeKind } from '../../src/model/types.js';

export interface ModelLine { model: string; name: string; count: number }

export interface KindCount { kind: NodeKind; count: number; models: ModelLine[] }

export interface DesignCounts {
  /** Every node kind, in NODE_KINDS order, zeros included. */
  kinds: KindCount[];
  servers: number;
  racks: number;
  sites: number;
  links: number;
  /** Every medium, in MEDIA order, zeros included. */
  byMedium: { medium: Medium; count: number }[];
}

export function designCounts(doc: FabricDocument): DesignCounts {
  const catalog = createCatalog(doc.catalogOverrides);
  const s = summarizeFabric(doc, catalog);
  const kinds = (Object.keys(s.nodes.byKind) as NodeKind[]).map((kind) => ({
    kind,
    count: s.nodes.byKind[kind],
    models: s.nodes.byModel.filter((m) => m.kind === kind)
      .map((m) => ({ model: m.model, name: catalog.get(m.model)?.name ?? m.model, count: m.count })),
  }));
  const servers = new Set<string>();
  for (const n of doc.nodes) if (n.kind === 'accelerator' && n.server !== undefined) servers.add(n.server);
  return {
    kinds, servers: servers.size, racks: doc.racks.length, sites: doc.sites.length, links: s.links.total,
    byMedium: MEDIA.map((medium) => ({ medium, count: s.links.byMedium[medium] })),
  };
}
