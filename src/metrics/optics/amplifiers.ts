// In-line optical amplifiers of the fabric's long coherent runs, shared per route: DWDM wavelengths on the same
// route ride one amplified line, so links between the same two sites with the same length share one amplifier chain.
import type { Catalog } from '../../catalog/index.js';
import type { FabricDocument, FabricLink } from '../../model/types.js';
import { spanPlan } from './spans.js';

export interface AmplifiedRoute {
  /** The two ends (site ids; a node id where the node has no site and no rack), sorted. */
  ends: [string, string];
  lengthM: number;
  spans: number;
  amplifiers: number;
  /** Links riding this amplified line. */
  linkIds: string[];
}

export interface AmplifierPlan {
  amplifiers: number;
  amplifiedLinks: number;
  routes: AmplifiedRoute[];
}

/**
 * Site of a node: its own `site`, else its rack's site, else the node itself (a route end of its own).
 * `nodeIndex` (id -> position in doc.nodes, as in CompiledFabric) avoids building a map of every node.
 */
export function nodeSiteResolver(doc: FabricDocument, nodeIndex?: ReadonlyMap<string, number>): (nodeId: string) => string {
  const rackSite = new Map(doc.racks.map((r) => [r.id, r.site]));
  const index = nodeIndex ?? new Map(doc.nodes.map((n, i) => [n.id, i]));
  return (id) => {
    const i = index.get(id);
    const n = i === undefined ? undefined : doc.nodes[i];
    return n?.site ?? (n?.rack !== undefined ? rackSite.get(n.rack) : undefined) ?? id;
  };
}

export function planAmplifiers(doc: FabricDocument, catalog: Catalog, nodeIndex?: ReadonlyMap<string, number>): AmplifierPlan {
  const fibre = catalog.fibre;
  const coherent = new Map<string, boolean>();
  const amplified: { link: FabricLink; spans: number; amplifiers: number }[] = [];
  for (const link of doc.links) {
    const id = link.transceiver;
    if (id === undefined) continue;
    let c = coherent.get(id);
    if (c === undefined) {
      const t = catalog.transceiver(id);
      c = t !== undefined && t.coherent && !t.cable;
      coherent.set(id, c);
    }
    if (!c) continue;
    const plan = spanPlan(link.lengthM, true, fibre);
    if (plan.amplifiers > 0) amplified.push({ link, spans: plan.spans, amplifiers: plan.amplifiers });
  }
  // Most fabrics have no amplified run: resolve sites only when one turns up.
  const siteOf = amplified.length ? nodeSiteResolver(doc, nodeIndex) : (id: string) => id;
  const routes = new Map<string, AmplifiedRoute>();
  for (const { link, spans, amplifiers } of amplified) {
    const a = siteOf(link.a);
    const b = siteOf(link.b);
    const ends: [string, string] = a <= b ? [a, b] : [b, a];
    const key = `${ends[0]}\u0000${ends[1]}\u0000${link.lengthM}`;
    const route = routes.get(key);
    if (route) route.linkIds.push(link.id);
    else routes.set(key, { ends, lengthM: link.lengthM, spans, amplifiers, linkIds: [link.id] });
  }
  const list = [...routes.values()];
  return { amplifiers: list.reduce((s, r) => s + r.amplifiers, 0), amplifiedLinks: amplified.length, routes: list };
}
