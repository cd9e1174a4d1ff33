// Test helpers for generated fabrics: counts by kind/tier/model, and a structural check that every generated
// document is valid (unique ids, resolved references, ports within every device's capacity, optics in reach).
import { DEFAULT_CATALOG, type Catalog } from '../../src/catalog/index.js';
import { PORT_EPSILON, portUsage } from '../../src/model/ports.js';
import type { FabricDocument } from '../../src/model/types.js';
import { validateDocument } from '../../src/format/index.js';

export function countBy<T>(items: readonly T[], key: (t: T) => string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const it of items) {
    const k = key(it) ?? '(none)';
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

export const kinds = (doc: FabricDocument) => countBy(doc.nodes, (n) => n.kind);
export const nodeTiers = (doc: FabricDocument) => countBy(doc.nodes, (n) => n.tier);
export const linkTiers = (doc: FabricDocument) => countBy(doc.links, (l) => l.tier);

/**
 * Every problem found, as readable strings (empty = valid): the format package's validateDocument (errors and
 * warnings) plus the checks below, which stay as a second opinion on ids, references, ports and reach.
 */
export function structuralProblems(doc: FabricDocument, catalog: Catalog = DEFAULT_CATALOG): string[] {
  const out: string[] = validateDocument(doc, catalog)
    .map((p) => `${p.severity} ${p.code} at ${p.path}: ${p.message}`);
  const ids = new Set<string>();
  const siteIds = new Set(doc.sites.map((s) => s.id));
  const rackIds = new Set<string>();
  for (const r of doc.racks) {
    if (rackIds.has(r.id)) out.push(`duplicate rack ${r.id}`);
    rackIds.add(r.id);
    if (!siteIds.has(r.site)) out.push(`rack ${r.id} at unknown site ${r.site}`);
    if (!(r.powerLimitKw > 0)) out.push(`rack ${r.id} power limit ${r.powerLimitKw}`);
  }
  const kindOf = new Map<string, string>();
  for (const n of doc.nodes) {
    if (ids.has(n.id)) out.push(`duplicate node ${n.id}`);
    ids.add(n.id);
    kindOf.set(n.id, n.kind);
    const m = catalog.get(n.model);
    if (!m) out.push(`node ${n.id}: unknown model ${n.model}`);
    else if (m.kind !== n.kind) out.push(`node ${n.id}: ${n.kind} with ${m.kind} model`);
    if (n.rack !== undefined && !rackIds.has(n.rack)) out.push(`node ${n.id}: unknown rack ${n.rack}`);
    if (n.site !== undefined && !siteIds.has(n.site)) out.push(`node ${n.id}: unknown site ${n.site}`);
  }
  const linkIds = new Set<string>();
  for (const l of doc.links) {
    if (linkIds.has(l.id)) out.push(`duplicate link ${l.id}`);
    linkIds.add(l.id);
    if (!ids.has(l.a) || !ids.has(l.b)) out.push(`link ${l.id}: dangling end`);
    if (l.a === l.b) out.push(`link ${l.id}: self link`);
    if (!(l.gbps > 0) || !Number.isFinite(l.gbps)) out.push(`link ${l.id}: gbps ${l.gbps}`);
    if (!(l.lengthM >= 0) || !Number.isFinite(l.lengthM)) out.push(`link ${l.id}: lengthM ${l.lengthM}`);
    for (const end of [l.a, l.b]) {
      const k = kindOf.get(end);
      if (k === 'ocs' || k === 'patch-panel') out.push(`link ${l.id} ends at passive ${end}`);
    }
    for (const v of l.via ?? []) {
      const k = kindOf.get(v);
      if (k !== 'ocs' && k !== 'patch-panel') out.push(`link ${l.id}: via ${v} is ${k}`);
    }
    if (l.transceiver !== undefined) {
      const t = catalog.transceiver(l.transceiver);
      if (!t) out.push(`link ${l.id}: unknown transceiver ${l.transceiver}`);
      else {
        if (t.reachM < l.lengthM) out.push(`link ${l.id}: ${l.lengthM} m over ${t.id} reach ${t.reachM} m`);
        if (t.gbps < l.gbps) out.push(`link ${l.id}: ${l.gbps} Gbps over ${t.id} (${t.gbps})`);
        if (l.medium !== 'scale-up' && l.medium !== t.medium) out.push(`link ${l.id}: medium ${l.medium} with ${t.medium} optic`);
      }
    } else if (l.medium === 'smf' || l.medium === 'mmf') out.push(`link ${l.id}: optical without transceiver`);
  }
  for (const [id, uses] of portUsage(doc.nodes, doc.links, catalog)) {
    for (const u of uses) if (u.used > u.ports + PORT_EPSILON) out.push(`node ${id}: ${u.pool} ports ${u.used} > ${u.ports}`);
  }
  return out;
}

/** Largest number of ports used on any device of the given kind, as a fraction of its capacity. */
export function maxPortUtilisation(doc: FabricDocument, catalog: Catalog = DEFAULT_CATALOG): number {
  let max = 0;
  for (const uses of portUsage(doc.nodes, doc.links, catalog).values()) {
    for (const u of uses) max = Math.max(max, u.used / u.ports);
  }
  return max;
}

/** Undirected adjacency (accelerator-level), for hand-checkable BFS distances in tests. */
export function adjacency(doc: FabricDocument): Map<string, string[]> {
  const adj = new Map<string, string[]>(doc.nodes.map((n) => [n.id, []]));
  for (const l of doc.links) {
    adj.get(l.a)!.push(l.b);
    adj.get(l.b)!.push(l.a);
  }
  return adj;
}

export function bfs(adj: Map<string, string[]>, src: string): Map<string, number> {
  const dist = new Map<string, number>([[src, 0]]);
  const queue = [src];
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i];
    for (const v of adj.get(u)!) {
      if (!dist.has(v)) {
        dist.set(v, dist.get(u)! + 1);
        queue.push(v);
      }
    }
  }
  return dist;
}

/** Diameter and mean over ordered pairs of distinct accelerators (plain BFS: small fabrics only). */
export function acceleratorDistances(doc: FabricDocument): { diameter: number; mean: number; disconnected: number } {
  const adj = adjacency(doc);
  const accs = doc.nodes.filter((n) => n.kind === 'accelerator').map((n) => n.id);
  let sum = 0;
  let pairs = 0;
  let diameter = 0;
  let disconnected = 0;
  for (const s of accs) {
    const d = bfs(adj, s);
    for (const t of accs) {
      if (t === s) continue;
      const x = d.get(t);
      if (x === undefined) disconnected++;
      else {
        sum += x;
        pairs++;
        diameter = Math.max(diameter, x);
      }
    }
  }
  return { diameter, mean: sum / pairs, disconnected };
}
