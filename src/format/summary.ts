// What a topology file holds, counted: devices by kind and model, links by medium and transceiver, cable
// lengths, and port utilisation per model. Behind `lightfabric inspect`; plain JSON, stable shape.
import { createCatalog, type Catalog } from '../catalog/index.js';
import type { PortPool } from '../model/ports.js';
import { MEDIA, NODE_KINDS, SITE_KINDS, type FabricDocument, type Medium, type NodeKind } from '../model/types.js';
import { resolveLinkEnds } from './check-context.js';
import { countPorts } from './port-usage.js';

/** Devices above this share of a port pool in use are listed by name. */
export const BUSY_UTILISATION = 0.9;

export interface ModelCount { model: string; kind: NodeKind; count: number }
export interface TransceiverCount { transceiver: string | null; count: number }

export interface PortSummary {
  model: string;
  kind: NodeKind;
  pool: PortPool;
  devices: number;
  portsPerDevice: number;
  usedMin: number;
  usedMean: number;
  usedMax: number;
  /** used / ports, 0..1 (above 1 only in an invalid file). */
  utilisationMin: number;
  utilisationMean: number;
  utilisationMax: number;
}

export interface BusyDevice { id: string; model: string; pool: PortPool; used: number; ports: number; utilisation: number }

export interface FabricSummary {
  name: string;
  description?: string;
  generator?: { family: string; params: Record<string, unknown>; seed?: number };
  sites: { total: number; byKind: Record<string, number> };
  racks: { total: number; byCooling: Record<string, number>; powerLimitKw: number };
  nodes: { total: number; byKind: Record<NodeKind, number>; byModel: ModelCount[] };
  links: {
    total: number;
    byMedium: Record<Medium, number>;
    byTransceiver: TransceiverCount[];
    /** Sum of link capacities, per direction. */
    totalGbps: number;
    /** Cable runs, each link counted once (a duplex link's fibre pair or MPO strands are not multiplied). */
    fibreLengthM: number;
    copperLengthM: number;
    scaleUpLengthM: number;
    /** Links routed through at least one OCS / patch panel. */
    throughPassive: number;
  };
  ports: PortSummary[];
  /** Devices with more than BUSY_UTILISATION of a pool in use, busiest first. */
  busyDevices: BusyDevice[];
}

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Counts of a valid document (parseTopology's doc); `catalog` defaults to the built-in one with its overrides. */
export function summarizeFabric(doc: FabricDocument, catalog: Catalog = createCatalog(doc.catalogOverrides)): FabricSummary {
  const sitesByKind = zeroes(SITE_KINDS) as Record<string, number>;
  for (const s of doc.sites) sitesByKind[s.kind] = (sitesByKind[s.kind] ?? 0) + 1;
  const byCooling: Record<string, number> = { air: 0, liquid: 0 };
  let powerLimitKw = 0;
  for (const r of doc.racks) {
    byCooling[r.cooling] = (byCooling[r.cooling] ?? 0) + 1;
    powerLimitKw += r.powerLimitKw;
  }

  const byKind = zeroes(NODE_KINDS);
  const byModel = new Map<string, ModelCount>();
  for (const n of doc.nodes) {
    byKind[n.kind]++;
    const key = `${n.kind}\u0000${n.model}`;
    const m = byModel.get(key);
    if (m) m.count++;
    else byModel.set(key, { model: n.model, kind: n.kind, count: 1 });
  }
  const kindRank = (k: NodeKind) => NODE_KINDS.indexOf(k);
  const models = [...byModel.values()].sort((x, y) =>
    kindRank(x.kind) - kindRank(y.kind) || y.count - x.count || (x.model < y.model ? -1 : 1));

  const byMedium = zeroes(MEDIA);
  const byTransceiver = new Map<string | null, number>();
  const lengthBy = zeroes(MEDIA);
  let totalGbps = 0;
  let throughPassive = 0;
  for (const l of doc.links) {
    byMedium[l.medium]++;
    lengthBy[l.medium] += l.lengthM;
    totalGbps += l.gbps;
    const t = l.transceiver ?? null;
    byTransceiver.set(t, (byTransceiver.get(t) ?? 0) + 1);
    if (l.via && l.via.length > 0) throughPassive++;
  }
  const transceivers = [...byTransceiver].map(([transceiver, count]) => ({ transceiver, count }))
    .sort((x, y) => y.count - x.count || String(x.transceiver ?? '~').localeCompare(String(y.transceiver ?? '~')));

  const nodeIndex = new Map(doc.nodes.map((n, i) => [n.id, i]));
  const device = doc.nodes.map((n) => {
    const e = catalog.get(n.model);
    return e && e.kind === n.kind ? e : undefined;
  });
  const ledger = countPorts({ nodes: doc.nodes, links: doc.links, nodeIndex, device, ...resolveLinkEnds(doc.links, nodeIndex) });
  const groups = new Map<string, { model: string; kind: NodeKind; pool: PortPool; ports: number; used: number[] }>();
  const busy: BusyDevice[] = [];
  const add = (i: number, pool: PortPool, used: number, ports: number) => {
    const n = doc.nodes[i];
    const key = `${n.model}\u0000${pool}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { model: n.model, kind: n.kind, pool, ports, used: [] }));
    g.used.push(used);
    if (ports > 0 && used / ports > BUSY_UTILISATION) {
      busy.push({ id: n.id, model: n.model, pool, used, ports, utilisation: used / ports });
    }
  };
  for (let i = 0; i < doc.nodes.length; i++) {
    const pool = ledger.pool[i];
    if (pool !== undefined && (ledger.ports[i] > 0 || ledger.used[i] > 0)) add(i, pool, ledger.used[i], ledger.ports[i]);
    if (ledger.scaleUpPorts[i] > 0 || ledger.scaleUpUsed[i] > 0) add(i, 'scale-up', ledger.scaleUpUsed[i], ledger.scaleUpPorts[i]);
  }
  const ports: PortSummary[] = [...groups.values()].map((g) => {
    // A loop, not Math.min(...used): 50,000 arguments overflow the stack.
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (const x of g.used) {
      if (x < min) min = x;
      if (x > max) max = x;
      sum += x;
    }
    const mean = sum / g.used.length;
    const u = (x: number) => (g.ports > 0 ? x / g.ports : 0);
    return {
      model: g.model, kind: g.kind, pool: g.pool, devices: g.used.length, portsPerDevice: g.ports,
      usedMin: min, usedMean: mean, usedMax: max, utilisationMin: u(min), utilisationMean: u(mean), utilisationMax: u(max),
    };
  }).sort((x, y) => kindRank(x.kind) - kindRank(y.kind) || (x.model < y.model ? -1 : x.model > y.model ? 1 : 0) ||
    (x.pool < y.pool ? -1 : 1));
  busy.sort((x, y) => y.utilisation - x.utilisation);

  const summary: FabricSummary = {
    name: doc.name,
    sites: { total: doc.sites.length, byKind: sitesByKind },
    racks: { total: doc.racks.length, byCooling, powerLimitKw },
    nodes: { total: doc.nodes.length, byKind, byModel: models },
    links: {
      total: doc.links.length, byMedium, byTransceiver: transceivers, totalGbps,
      fibreLengthM: lengthBy.smf + lengthBy.mmf, copperLengthM: lengthBy.copper, scaleUpLengthM: lengthBy['scale-up'],
      throughPassive,
    },
    ports,
    busyDevices: busy,
  };
  if (doc.description !== undefined) summary.description = doc.description;
  if (doc.generator !== undefined) summary.generator = doc.generator;
  return summary;
}
