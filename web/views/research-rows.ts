// Research sites (campuses and institutes reaching the data centre over optical spans): for each, its spans to the
// data centre read off the design (length, capacity, optics) and, once evaluated, its latency to the centre's
// accelerators from the report (latencyNs.researchSites). DOM-free, so Node tests check it.
import type { FabricReport } from '../../src/metrics/evaluate.js';
import type { FabricDocument } from '../../src/model/types.js';

export interface ResearchRow {
  site: string;
  name: string;
  kind: string;
  /** Links between the site's nodes and nodes elsewhere: count, length (km, the longest), capacity (Gbps, added). */
  spans: number;
  spanKm: number | null;
  gbps: number;
  optics: string[];
  /** From the report; null before evaluation or when the site reaches no accelerator. */
  minUs: number | null;
  meanUs: number | null;
  maxUs: number | null;
  minHops: number | null;
  reachable: number | null;
  unreachable: number | null;
}

export function researchRows(doc: FabricDocument, report: FabricReport | null): ResearchRow[] {
  const dc = new Set(doc.sites.filter((s) => s.kind === 'datacenter').map((s) => s.id));
  const siteOf = new Map(doc.nodes.map((n) => [n.id, n.site]));
  const bySite = new Map((report?.latencyNs?.researchSites ?? []).map((r) => [r.site, r]));
  const us = (ns: number | null | undefined) => (ns === null || ns === undefined ? null : ns / 1000);
  return doc.sites.filter((s) => !dc.has(s.id)).map((s) => {
    let spans = 0;
    let longestM = -1;
    let gbps = 0;
    const optics = new Set<string>();
    for (const l of doc.links) {
      const inA = siteOf.get(l.a) === s.id;
      const inB = siteOf.get(l.b) === s.id;
      if (inA === inB) continue;
      spans++;
      longestM = Math.max(longestM, l.lengthM);
      gbps += l.gbps;
      if (l.transceiver) optics.add(l.transceiver);
    }
    const r = bySite.get(s.id);
    return {
      site: s.id, name: s.name ?? s.id, kind: s.kind, spans, spanKm: longestM < 0 ? null : longestM / 1000, gbps, optics: [...optics].sort(),
      minUs: us(r?.minNs), meanUs: us(r?.meanNs), maxUs: us(r?.maxNs), minHops: r?.minHops ?? null,
      reachable: r ? r.reachable : null, unreachable: r ? r.unreachable : null,
    };
  });
}
