// fast-check arbitraries of random VALID fabrics (validateDocument reports no problem at all), for round-trip,
// fuzz and metric property tests. Sizes, ids and texts come from fast-check (so they shrink); the wiring is
// built from a seeded RNG within every port budget, transceiver reach and rack power/units limit.
import fc from 'fast-check';
import {
  ACCELERATORS, DEFAULT_CATALOG, GATEWAYS, OCS_MODELS, PATCH_PANELS, SWITCHES, TRANSCEIVERS,
  type AcceleratorModel, type CatalogEntry, type SwitchModel, type TransceiverModel,
} from '../../src/catalog/index.js';
import { devicePowerW, deviceRackUnits } from '../../src/format/racks.js';
import { portPoolFor, portUnits } from '../../src/model/ports.js';
import { createRng, type Rng } from '../../src/model/random.js';
import type {
  CatalogOverrides, FabricDocument, FabricLink, FabricNode, FabricSettings, GeneratorInfo, Medium, Rack, Site,
} from '../../src/model/types.js';

export interface FabricArbOptions {
  /** Servers of 1-4 accelerators each (default 4). */
  maxServers?: number;
  /** Packet switches (leaves + spines, default 4). */
  maxSwitches?: number;
  /** OCS and patch panels that spine links pass through (default true). */
  passive?: boolean;
  /** Campus / institute sites with gateways on long coherent links (default true). */
  research?: boolean;
  /** Random extra fields on records, as a newer release might write (default false: no warnings at all). */
  unknownFields?: boolean;
}

/** JSON values that survive JSON.stringify -> JSON.parse unchanged (-0 would come back as 0). */
export const arbJsonValue: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 })
  .map((v) => JSON.parse(JSON.stringify(v)) as unknown);

/** Text including unicode, quotes, backslashes and lone surrogates: what a file may hold. */
export const arbText = fc.string({ unit: 'binary', maxLength: 12 });

interface Draw {
  seed: number;
  servers: number;
  leaves: number;
  spines: number;
  ocs: number;
  panels: number;
  campuses: number;
  racks: number;
  name: string;
  texts: string[];
  description: string | undefined;
  generator: GeneratorInfo | undefined;
  settings: FabricSettings | undefined;
  overrides: CatalogOverrides | undefined;
  extras: unknown[];
}

const PACKET_SWITCHES = SWITCHES.filter((s) => !s.scaleUp);
const OPTICS: TransceiverModel[] = TRANSCEIVERS;

/** Ports left per device and pool, so that every link fits. */
class PortBudget {
  private used = new Map<string, number>();
  constructor(private readonly entryOf: (id: string) => CatalogEntry) {}

  private units(id: string, medium: Medium, gbps: number): { key: string; units: number; ports: number } | undefined {
    const cap = portPoolFor(this.entryOf(id), { medium });
    if (!cap || cap.ports === 0) return undefined;
    return { key: `${id}\u0000${cap.pool}`, units: portUnits(cap, gbps), ports: cap.ports };
  }

  fits(id: string, medium: Medium, gbps: number): boolean {
    const u = this.units(id, medium, gbps);
    return !!u && (this.used.get(u.key) ?? 0) + u.units <= u.ports + 1e-9;
  }

  take(id: string, medium: Medium, gbps: number): void {
    const u = this.units(id, medium, gbps)!;
    this.used.set(u.key, (this.used.get(u.key) ?? 0) + u.units);
  }

  passThrough(id: string, ports: number, perPass: number): boolean {
    const key = `${id}\u0000passive`;
    const used = this.used.get(key) ?? 0;
    if (used + perPass > ports) return false;
    this.used.set(key, used + perPass);
    return true;
  }
}

function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[rng.int(xs.length)];
}

/** Decimal metres with at most one decimal place, in [lo, hi]. */
function metres(rng: Rng, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Math.round((lo + rng.next() * (hi - lo)) * 10) / 10));
}

function build(d: Draw, opts: Required<FabricArbOptions>): FabricDocument {
  const rng = createRng(d.seed);
  const text = () => d.texts[rng.int(d.texts.length)];
  const maybe = (p = 0.5) => rng.next() < p;
  // Unique ids whatever the suffix: the index before the first "|" tells them apart.
  const id = (prefix: string, i: number) => `${prefix}${i}|${maybe(0.3) ? text() : ''}`;
  const extra = (o: object) => {
    if (opts.unknownFields && d.extras.length > 0 && maybe(0.3)) (o as Record<string, unknown>)[`x-${rng.int(3)}`] = pick(rng, d.extras);
  };

  const sites: Site[] = [];
  const dc: Site = { id: id('dc', 0), kind: 'datacenter' };
  if (maybe()) dc.name = text();
  if (maybe()) { dc.lat = 36.37; dc.lon = 127.36; }
  sites.push(dc);
  for (let i = 0; i < d.campuses; i++) {
    const s: Site = { id: id('site', i + 1), kind: maybe() ? 'campus' : 'institute' };
    if (maybe(0.7)) {
      s.lat = Math.round((33 + rng.next() * 5) * 1000) / 1000;
      s.lon = Math.round((126 + rng.next() * 3) * 1000) / 1000;
    }
    sites.push(s);
  }
  sites.forEach(extra);

  const racks: Rack[] = [];
  for (let i = 0; i < d.racks; i++) {
    const r: Rack = {
      id: id('rack', i), site: dc.id, xM: metres(rng, 0, 60), yM: metres(rng, 0, 30),
      powerLimitKw: pick(rng, [30, 40, 60, 130]), cooling: maybe() ? 'air' : 'liquid',
    };
    if (maybe()) r.name = text();
    if (maybe()) r.row = rng.int(10);
    extra(r);
    racks.push(r);
  }
  const rackLoad = racks.map(() => ({ kw: 0, units: 0 }));

  const nodes: FabricNode[] = [];
  const entry = new Map<string, CatalogEntry>();
  const addNode = (n: FabricNode, e: CatalogEntry, site?: string) => {
    // Into a rack only where power, units and cooling allow; otherwise unplaced (both are valid).
    if (racks.length > 0 && maybe(0.7)) {
      const r = rng.int(racks.length);
      const kw = devicePowerW(e) / 1000;
      const u = deviceRackUnits(e);
      const liquidOnly = e.kind === 'accelerator' && e.cooling === 'liquid';
      if (rackLoad[r].kw + kw <= racks[r].powerLimitKw && rackLoad[r].units + u <= 42 &&
          !(liquidOnly && racks[r].cooling === 'air')) {
        rackLoad[r].kw += kw;
        rackLoad[r].units += u;
        n.rack = racks[r].id;
        if (maybe()) n.site = dc.id;
      }
    }
    if (!n.rack && site) n.site = site;
    if (maybe(0.3)) n.name = text();
    if (maybe(0.3)) n.group = text();
    extra(n);
    nodes.push(n);
    entry.set(n.id, e);
  };

  const links: FabricLink[] = [];
  const budget = new PortBudget((x) => entry.get(x)!);
  let linkNo = 0;
  const addLink = (a: string, b: string, gbps: number, medium: Medium, rest: Partial<FabricLink> = {}) => {
    const l: FabricLink = { id: id('l', linkNo++), a, b, gbps, lengthM: 0, medium, ...rest };
    if (maybe(0.2)) l.tier = text();
    extra(l);
    links.push(l);
  };
  /** A fibre / copper link with a transceiver that fits (or none), its length within reach. */
  const addPacketLink = (a: string, b: string, gbps: number, via?: string[]) => {
    const media: Medium[] = via ? ['smf', 'mmf'] : ['smf', 'mmf', 'copper'];
    const medium = pick(rng, media);
    const fitting = OPTICS.filter((t) => t.medium === medium && t.gbps >= gbps && t.reachM <= 200_000);
    const t = fitting.length > 0 && maybe(0.8) ? pick(rng, fitting) : undefined;
    const reach = t ? t.reachM : 100;
    const lengthM = metres(rng, 0, Math.min(reach, 500));
    const rest: Partial<FabricLink> = { lengthM };
    if (t) rest.transceiver = t.id;
    if (via && via.length > 0) rest.via = via;
    addLink(a, b, gbps, medium, rest);
  };

  // Servers with their scale-up domain.
  const accelerators: { id: string; model: AcceleratorModel }[] = [];
  for (let s = 0; s < d.servers; s++) {
    const model = pick(rng, ACCELERATORS);
    const count = 1 + rng.int(Math.min(4, model.perServer));
    const server = `srv${s}|${maybe(0.3) ? text() : ''}`;
    const members: string[] = [];
    for (let g = 0; g < count; g++) {
      const n: FabricNode = { id: id('acc', accelerators.length), kind: 'accelerator', model: model.id, server };
      addNode(n, model);
      accelerators.push({ id: n.id, model });
      members.push(n.id);
    }
    if (count < 2 || model.scaleUpPorts === 0) continue;
    const viaSwitch = model.scaleUpKind === 'nvlink' || model.scaleUpKind === 'pcie';
    if (viaSwitch) {
      const sw = model.scaleUpKind === 'pcie' ? 'pcie-gen5-switch'
        : model.scaleUpPortGbps >= 400 ? 'nvidia-nvswitch-gen4' : 'nvidia-nvswitch-gen3';
      const swModel = SWITCHES.find((x) => x.id === sw)!;
      const hub: FabricNode = { id: id('su', s), kind: 'switch', model: sw, server, tier: 'scale-up' };
      addNode(hub, swModel);
      const perAcc = Math.max(1, Math.min(model.scaleUpPorts, Math.floor(swModel.ports / count)));
      const k = 1 + rng.int(perAcc);
      for (const m of members) {
        const gbps = k * model.scaleUpPortGbps;
        if (budget.fits(m, 'scale-up', gbps) && budget.fits(hub.id, 'scale-up', gbps)) {
          budget.take(m, 'scale-up', gbps);
          budget.take(hub.id, 'scale-up', gbps);
          addLink(m, hub.id, gbps, 'scale-up', { lengthM: metres(rng, 0.1, 1.5) });
        }
      }
    } else {
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const gbps = model.scaleUpPortGbps;
          if (budget.fits(members[i], 'scale-up', gbps) && budget.fits(members[j], 'scale-up', gbps)) {
            budget.take(members[i], 'scale-up', gbps);
            budget.take(members[j], 'scale-up', gbps);
            addLink(members[i], members[j], gbps, 'scale-up', { lengthM: metres(rng, 0.1, 1.5) });
          }
        }
      }
    }
  }

  // Packet switches: leaves take the NICs, spines the leaf uplinks.
  const leaves: { id: string; model: SwitchModel }[] = [];
  const spines: { id: string; model: SwitchModel }[] = [];
  for (let i = 0; i < d.leaves + d.spines; i++) {
    const model = pick(rng, PACKET_SWITCHES);
    const isLeaf = i < d.leaves;
    const n: FabricNode = { id: id(isLeaf ? 'leaf' : 'spine', i), kind: 'switch', model: model.id };
    if (maybe()) n.tier = isLeaf ? 'leaf' : 'spine';
    addNode(n, model);
    (isLeaf ? leaves : spines).push({ id: n.id, model });
  }
  const passive: { id: string; ports: number; perPass: number }[] = [];
  if (opts.passive) {
    for (let i = 0; i < d.ocs + d.panels; i++) {
      const model = i < d.ocs ? pick(rng, OCS_MODELS) : pick(rng, PATCH_PANELS);
      const n: FabricNode = { id: id(i < d.ocs ? 'ocs' : 'pp', i), kind: model.kind, model: model.id };
      addNode(n, model);
      passive.push({ id: n.id, ports: model.ports, perPass: model.kind === 'ocs' ? 2 : 1 });
    }
  }

  for (const acc of accelerators) {
    for (let p = 0; p < acc.model.nicPorts && leaves.length > 0; p++) {
      if (!maybe(0.8)) continue;
      const leaf = pick(rng, leaves);
      const gbps = acc.model.nicGbps;
      if (budget.fits(acc.id, 'smf', gbps) && budget.fits(leaf.id, 'smf', gbps)) {
        budget.take(acc.id, 'smf', gbps);
        budget.take(leaf.id, 'smf', gbps);
        addPacketLink(acc.id, leaf.id, gbps);
      }
    }
  }
  for (const leaf of leaves) {
    const uplinks = spines.length ? rng.int(4) : 0;
    for (let u = 0; u < uplinks; u++) {
      const spine = pick(rng, spines);
      const gbps = Math.min(leaf.model.portGbps, spine.model.portGbps) / (maybe(0.3) ? 2 : 1);
      if (!budget.fits(leaf.id, 'smf', gbps) || !budget.fits(spine.id, 'smf', gbps)) continue;
      const via: string[] = [];
      if (passive.length > 0 && maybe()) {
        const p = pick(rng, passive);
        if (budget.passThrough(p.id, p.ports, p.perPass)) via.push(p.id);
      }
      budget.take(leaf.id, 'smf', gbps);
      budget.take(spine.id, 'smf', gbps);
      addPacketLink(leaf.id, spine.id, gbps, via.length ? via : undefined);
    }
  }

  // Research sites: a gateway each, on a coherent link to a data-centre switch.
  if (opts.research) {
    const border = [...spines, ...leaves];
    for (let i = 1; i < sites.length; i++) {
      const gw = GATEWAYS[0];
      const n: FabricNode = { id: id('gw', i), kind: 'gateway', model: gw.id, tier: 'border' };
      nodes.push(n);
      entry.set(n.id, gw);
      n.site = sites[i].id;
      if (border.length === 0) continue;
      const sw = pick(rng, border);
      const zr = pick(rng, OPTICS.filter((t) => t.coherent && t.gbps === 400));
      if (budget.fits(n.id, 'smf', 400) && budget.fits(sw.id, 'smf', 400)) {
        budget.take(n.id, 'smf', 400);
        budget.take(sw.id, 'smf', 400);
        addLink(n.id, sw.id, 400, 'smf', { lengthM: metres(rng, 1000, Math.min(zr.reachM, 300_000)), transceiver: zr.id });
      }
    }
  }

  const doc: FabricDocument = { name: d.name, sites, racks, nodes, links };
  if (d.description !== undefined) doc.description = d.description;
  if (d.generator !== undefined) doc.generator = d.generator;
  if (d.settings !== undefined) doc.settings = d.settings;
  if (d.overrides !== undefined) doc.catalogOverrides = d.overrides;
  return doc;
}

const arbSettings: fc.Arbitrary<FabricSettings> = fc.record(
  {
    krwPerUsd: fc.integer({ min: 1000, max: 2000 }),
    tariffKrwPerKwh: fc.double({ min: 0, max: 500, noNaN: true, noDefaultInfinity: true }).map((x) => Math.abs(x)),
    pue: fc.double({ min: 1, max: 2, noNaN: true }),
  },
  { requiredKeys: [], noNullPrototype: true },
);

/** Overrides of prices and costs only, so that they never change what is valid. */
const arbOverrides: fc.Arbitrary<CatalogOverrides> = fc.record(
  {
    'nvidia-h100-sxm': fc.record({ priceUsd: fc.integer({ min: 0, max: 60000 }) }, { noNullPrototype: true }),
    'nvidia-qm9700': fc.record({ priceUsd: fc.integer({ min: 0, max: 90000 }), latencyNs: fc.integer({ min: 0, max: 1000 }) }, { noNullPrototype: true }),
    fibre: fc.record({ smfCostUsdPerM: fc.double({ min: 0, max: 10, noNaN: true }).map((x) => Math.abs(x)) }, { noNullPrototype: true }),
  },
  { requiredKeys: [], noNullPrototype: true },
);

const arbGenerator: fc.Arbitrary<GeneratorInfo> = fc.record(
  {
    family: fc.constantFrom('fat-tree', 'clos', 'random'),
    params: fc.dictionary(fc.string({ maxLength: 6 }), arbJsonValue, { maxKeys: 4, noNullPrototype: true }),
    seed: fc.integer(),
  },
  { requiredKeys: ['family', 'params'], noNullPrototype: true },
);

/** Random valid fabrics: validateDocument(doc) is empty (only unknown-field warnings with `unknownFields`). */
export function arbFabricDocument(options: FabricArbOptions = {}): fc.Arbitrary<FabricDocument> {
  const opts: Required<FabricArbOptions> = {
    maxServers: 4, maxSwitches: 4, passive: true, research: true, unknownFields: false, ...options,
  };
  const half = Math.max(0, Math.ceil(opts.maxSwitches / 2));
  return fc.record({
    seed: fc.integer(),
    servers: fc.integer({ min: 0, max: opts.maxServers }),
    leaves: fc.integer({ min: 0, max: half }),
    spines: fc.integer({ min: 0, max: Math.max(0, opts.maxSwitches - half) }),
    ocs: fc.integer({ min: 0, max: 1 }),
    panels: fc.integer({ min: 0, max: 1 }),
    campuses: fc.integer({ min: 0, max: opts.research ? 2 : 0 }),
    racks: fc.integer({ min: 0, max: 3 }),
    name: arbText,
    texts: fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }),
    description: fc.option(arbText, { nil: undefined }),
    generator: fc.option(arbGenerator, { nil: undefined }),
    settings: fc.option(arbSettings, { nil: undefined }),
    overrides: fc.option(arbOverrides, { nil: undefined }),
    extras: fc.array(arbJsonValue, { maxLength: 3 }),
  }).map((d) => build(d, opts));
}

/** The catalog the arbitraries build against (the built-in one). */
export const ARB_CATALOG = DEFAULT_CATALOG;
