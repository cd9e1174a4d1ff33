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
  const research = doc.sites.filter((s) => !dc.has(s.id));
  if (research.length === 0) return [];
  // One pass over the links: a span is a link with one end at the site and the other elsewhere.
  const acc = new Map(research.map((s) => [s.id, { spans: 0, longestM: -1, gbps: 0, optics: new Set<string>() }]));
  const add = (site: string | undefined, l: FabricDocument['links'][number]) => {
    const a = site === undefined ? undefined : acc.get(site);
    if (!a) return;
    a.spans++;
    a.longestM = Math.max(a.longestM, l.lengthM);
    a.gbps += l.gbps;
    if (l.transceiver) a.optics.add(l.transceiver);
  };
  for (const l of doc.links) {
    const sa = siteOf.get(l.a);
    const sb = siteOf.get(l.b);
    if (sa === sb) continue;
    add(sa, l);
    add(sb, l);
  }
  return research.map((s) => {
    const a = acc.get(s.id)!;
    const r = bySite.get(s.id);
    return {
      site: s.id, name: s.name ?? s.id, kind: s.kind, spans: a.spans, spanKm: a.longestM < 0 ? null : a.longestM / 1000, gbps: a.gbps,
      optics: [...a.optics].sort(),
      minUs: us(r?.minNs), meanUs: us(r?.meanNs), maxUs: us(r?.maxNs), minHops: r?.minHops ?? null,
      reachable: r ? r.reachable : null, unreachable: r ? r.unreachable : null,
    };
  });
}
