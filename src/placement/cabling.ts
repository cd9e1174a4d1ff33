// Turning logical links into cables: each link's length from where its ends sit (same server, same rack, racks
// apart, through OCS racks), then its transceiver and medium from that length and its speed.
import type { Catalog, CatalogEntry } from '../catalog/index.js';
import { GeneratorParamError } from '../model/errors.js';
import type { FabricLink, FabricNode, Rack } from '../model/types.js';
import { cableLengthM, round, type FloorOptions } from './floor.js';
import type { PackResult } from './racks.js';
import { chooseTransceiver, type TransceiverChoice, type TransceiverPrefs } from './transceiver.js';

/** What few links carry beyond their ends and speed. */
export interface LinkExtra {
  /** OCS / patch-panel node indices the circuit passes through, in order from a to b. */
  via?: number[];
  /** Fixed length (a metro / long-haul span) instead of one computed from rack positions. */
  lengthM?: number;
  prefs?: TransceiverPrefs;
}

/**
 * Links before placement, as columns (50k-accelerator fabrics have ~300k links: one object per link here and
 * another in the document doubled the garbage-collection time).
 */
export class LinkTable {
  readonly a: number[] = [];
  readonly b: number[] = [];
  readonly gbps: number[] = [];
  /** Scale-up link (NVLink, xGMI, Gaudi RoCE mesh, TPU ICI): medium 'scale-up'; optics only if it leaves the rack. */
  readonly scaleUp: boolean[] = [];
  readonly tier: (string | undefined)[] = [];
  readonly extra = new Map<number, LinkExtra>();

  get length(): number {
    return this.a.length;
  }

  push(a: number, b: number, gbps: number, scaleUp: boolean, tier: string | undefined, extra?: LinkExtra): void {
    if (extra && (extra.via?.length || extra.lengthM !== undefined || extra.prefs)) this.extra.set(this.a.length, extra);
    this.a.push(a);
    this.b.push(b);
    this.gbps.push(gbps);
    this.scaleUp.push(scaleUp);
    this.tier.push(tier);
  }
}

/**
 * Cage speed at one link end: 800G OSFP cages are the form factor of the 400G-and-faster gear in the catalog
 * (Quantum-2 twin-port 2x400G cages, DGX H100 "Cedar7" twin-port NIC cages, Gaudi 3 boards' 800G OSFPs, 51.2T
 * switches' 800G ports), so a port of up to 800G sits in an 800G cage; scale-up ports (ICI) take their own speed.
 */
export const CAGE_MIN_GBPS = 800;

export function cageGbps(entry: CatalogEntry | undefined, scaleUp: boolean): number {
  if (!entry) return CAGE_MIN_GBPS;
  switch (entry.kind) {
    case 'switch':
    case 'gateway':
      return Math.max(entry.portGbps, CAGE_MIN_GBPS);
    case 'accelerator':
      return scaleUp ? entry.scaleUpPortGbps : Math.max(entry.nicGbps, CAGE_MIN_GBPS);
    default:
      return CAGE_MIN_GBPS;
  }
}

function rackDistance(ra: number, rb: number, racks: readonly Rack[], floor: FloorOptions): number {
  if (ra < 0 || rb < 0) throw new Error('placement: a link end has no rack and the link no fixed length');
  return cableLengthM(racks[ra], racks[rb], ra === rb, floor);
}

/** Length of link i: fixed, in-server, same rack, or the sum of rack-to-rack runs along its via chain. */
export function linkLengthM(t: LinkTable, i: number, pack: PackResult, floor: FloorOptions): number {
  const extra = t.extra.get(i);
  if (extra?.lengthM !== undefined) return extra.lengthM;
  const { nodeRack, nodeUnit, racks } = pack;
  const a = t.a[i];
  const b = t.b[i];
  const via = extra?.via;
  if (!via?.length) {
    const ua = nodeUnit[a];
    if (ua >= 0 && ua === nodeUnit[b]) return floor.inServerM;
    return rackDistance(nodeRack[a], nodeRack[b], racks, floor);
  }
  let total = 0;
  let prev = a;
  for (const v of [...via, b]) {
    total += rackDistance(nodeRack[prev], nodeRack[v], racks, floor);
    prev = v;
  }
  return round(total, 1);
}

/**
 * The final link records. Ids are l0, l1, ... in table order. Throws GeneratorParamError when no catalog
 * transceiver reaches a link (a floor too large for the optics the preferences allow).
 */
export function cableLinks(
  t: LinkTable,
  nodes: readonly FabricNode[],
  pack: PackResult,
  floor: FloorOptions,
  catalog: Catalog,
  defaultPrefs: TransceiverPrefs = {},
): FabricLink[] {
  // Choices memoised per preference object, then per (gbps, cage, length in decimetres) as one number.
  const memo = new Map<TransceiverPrefs, Map<number, TransceiverChoice | null>>();
  const choose = (gbps: number, lengthM: number, cap: number, prefs: TransceiverPrefs): TransceiverChoice | null => {
    let m = memo.get(prefs);
    if (!m) memo.set(prefs, (m = new Map()));
    const key = (gbps * 4096 + cap) * 1e8 + Math.round(lengthM * 10);
    let c = m.get(key);
    if (c === undefined) {
      c = chooseTransceiver(gbps, lengthM, catalog, { ...prefs, maxModuleGbps: Math.min(cap, prefs.maxModuleGbps ?? Infinity) }) ?? null;
      m.set(key, c);
    }
    return c;
  };
  const entries = new Map<string, CatalogEntry | undefined>();
  const nicCage = new Float64Array(nodes.length);
  const suCage = new Float64Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const model = nodes[i].model;
    let e = entries.get(model);
    if (e === undefined && !entries.has(model)) entries.set(model, (e = catalog.get(model)));
    nicCage[i] = cageGbps(e, false);
    suCage[i] = cageGbps(e, true);
  }
  const n = t.length;
  const out = new Array<FabricLink>(n);
  for (let i = 0; i < n; i++) {
    const a = t.a[i];
    const b = t.b[i];
    const gbps = t.gbps[i];
    const scaleUp = t.scaleUp[i];
    const extra = t.extra.get(i);
    const lengthM = linkLengthM(t, i, pack, floor);
    const link: FabricLink = { id: `l${i}`, a: nodes[a].id, b: nodes[b].id, gbps, lengthM, medium: 'scale-up' };
    const hasVia = (extra?.via?.length ?? 0) > 0;
    const sameRack = pack.nodeRack[a] >= 0 && pack.nodeRack[a] === pack.nodeRack[b] && !hasVia;
    const needsOptic = !scaleUp || (!sameRack && extra?.lengthM === undefined) || hasVia;
    if (needsOptic) {
      const cap = scaleUp ? Math.max(suCage[a], suCage[b]) : Math.max(nicCage[a], nicCage[b]);
      const c = choose(gbps, lengthM, cap, extra?.prefs ?? defaultPrefs);
      if (!c) {
        throw new GeneratorParamError(
          'floor',
          `no catalog transceiver carries ${gbps} Gbps over ${lengthM} m (link ${nodes[a].id} - ${nodes[b].id}): ` +
            'use a smaller floor (more racks per row, shorter pitch) or a slower link',
        );
      }
      link.transceiver = c.model.id;
      if (!scaleUp) link.medium = c.medium;
    }
    if (hasVia) link.via = extra!.via!.map((v) => nodes[v].id);
    const tier = t.tier[i];
    if (tier !== undefined) link.tier = tier;
    out[i] = link;
  }
  return out;
}
