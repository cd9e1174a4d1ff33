// Shared machinery of every generator: plain node and link arrays (no graph calls: 50k fabrics build in
// milliseconds), placement units and zones, and the final placed FabricDocument.
import type { AcceleratorModel, Catalog, CatalogEntry } from '../catalog/index.js';
import { LightfabricError } from '../model/errors.js';
import type { FabricDocument, FabricNode, GeneratorInfo, Site } from '../model/types.js';
import { cableLinks, LinkTable, type LinkExtra } from '../placement/cabling.js';
import { floorOptions, type FloorOptions } from '../placement/floor.js';
import { packRacks, type PlacementUnit, type PlacementZone } from '../placement/racks.js';
import type { TransceiverPrefs } from '../placement/transceiver.js';

export const DATACENTER_SITE: Site = { id: 'dc', kind: 'datacenter', name: 'Data centre' };

export interface BuildOptions {
  name: string;
  description?: string;
  generator: GeneratorInfo;
  floor?: Partial<FloorOptions>;
  prefs?: TransceiverPrefs;
  /** Sites besides the data centre (research campuses); nodes outside zones keep only their `site`. */
  extraSites?: Site[];
  /** Data-centre site record; default DATACENTER_SITE. */
  site?: Site;
}

export interface LinkOptions extends LinkExtra {
  scaleUp?: boolean;
  tier?: string;
}

const NO_OPTIONS: LinkOptions = {};

export class FabricBuilder {
  readonly nodes: FabricNode[] = [];
  readonly links = new LinkTable();
  readonly zones: PlacementZone[] = [];
  private readonly ids = new Set<string>();

  constructor(readonly catalog: Catalog) {}

  /** Add a node; returns its index. Duplicate ids are a generator bug. */
  node(n: FabricNode): number {
    if (this.ids.has(n.id)) throw new LightfabricError('duplicate-id', `generator produced duplicate node id ${n.id}`);
    this.ids.add(n.id);
    return this.nodes.push(n) - 1;
  }

  link(a: number, b: number, gbps: number, opts: LinkOptions = NO_OPTIONS): void {
    if (a === b) throw new LightfabricError('self-link', `generator linked ${this.nodes[a].id} to itself`);
    this.links.push(a, b, gbps, opts.scaleUp ?? false, opts.tier, opts);
  }

  zone(id: string, newRow = false): PlacementZone {
    const z: PlacementZone = { id, units: [], newRow };
    this.zones.push(z);
    return z;
  }

  /** A server unit: `count` accelerators of `model` plus any in-server switches (power/cost already in the server). */
  server(zone: PlacementZone, nodes: number[], model: AcceleratorModel, count: number): void {
    zone.units.push(serverUnit(nodes, model, count));
  }

  /** A standalone device (switch, OCS, patch panel, gateway) as its own unit. */
  device(zone: PlacementZone, node: number): void {
    const entry = this.catalog.get(this.nodes[node].model);
    if (!entry) throw new LightfabricError('unknown-model', `generator used unknown model ${this.nodes[node].model}`);
    zone.units.push(deviceUnit(node, entry));
  }

  build(opts: BuildOptions): FabricDocument {
    const floor = floorOptions(opts.floor);
    const site = opts.site ?? DATACENTER_SITE;
    const pack = packRacks(this.zones, this.nodes.length, floor, this.catalog, site.id);
    for (let i = 0; i < this.nodes.length; i++) {
      const r = pack.nodeRack[i];
      if (r >= 0) {
        this.nodes[i].rack = pack.racks[r].id;
        this.nodes[i].site = site.id;
      }
    }
    const links = cableLinks(this.links, this.nodes, pack, floor, this.catalog, opts.prefs);
    const doc: FabricDocument = {
      name: opts.name,
      generator: opts.generator,
      sites: [site, ...(opts.extraSites ?? [])],
      racks: pack.racks,
      nodes: this.nodes,
      links,
    };
    if (opts.description !== undefined) doc.description = opts.description;
    return reorder(doc);
  }
}

export function serverUnit(nodes: number[], model: AcceleratorModel, count: number): PlacementUnit {
  return {
    nodes,
    powerW: count * model.powerW + (model.serverOverheadPowerW * count) / model.perServer,
    rackUnits: model.serverRackUnits,
    liquid: model.cooling === 'liquid',
  };
}

export function deviceUnit(node: number, entry: CatalogEntry): PlacementUnit {
  switch (entry.kind) {
    case 'switch':
      return entry.includedInServer
        ? { nodes: [node], powerW: 0, rackUnits: 0, liquid: false }
        : { nodes: [node], powerW: entry.powerW, rackUnits: entry.rackUnits, liquid: false };
    case 'gateway':
    case 'ocs':
    case 'patch-panel':
      return { nodes: [node], powerW: entry.powerW, rackUnits: entry.rackUnits, liquid: false };
    default:
      throw new LightfabricError('bad-unit', `an accelerator (${entry.id}) is placed as part of a server, not alone`);
  }
}

/** Fixed key order in the document (name, description, generator, sites, racks, nodes, links). */
function reorder(doc: FabricDocument): FabricDocument {
  const out: FabricDocument = { name: doc.name } as FabricDocument;
  if (doc.description !== undefined) out.description = doc.description;
  out.generator = doc.generator;
  out.sites = doc.sites;
  out.racks = doc.racks;
  out.nodes = doc.nodes;
  out.links = doc.links;
  return out;
}
