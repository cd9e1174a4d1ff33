// What a fabric is made of, counted once for the bill of materials and the power budget: devices by model, servers,
// transceiver modules, installed fibre and in-line amplifiers, each line with its catalog price and power.
import { sourceOf, type Catalog, type CatalogEntry, type SourceNote, type TransceiverModel } from '../../catalog/index.js';
import type { Problem } from '../../model/problem.js';
import type { EvalContext } from '../context.js';
import { planAmplifiers, type AmplifierPlan } from '../optics/amplifiers.js';
import { fibreMediumOf } from '../optics/fibre.js';
import { modulesPerLink } from './modules.js';
import { countServers, type ServerGroup } from './servers.js';

export const BOM_KINDS = [
  'accelerator', 'server', 'switch', 'gateway', 'ocs', 'patch-panel', 'transceiver', 'fibre', 'amplifier',
] as const;
export type BomKind = (typeof BOM_KINDS)[number];

/** 'half-cable': cable assemblies are priced and powered per end, so a whole cable is two. */
export type BomUnit = 'each' | 'half-cable' | 'm';

export interface InventoryLine {
  kind: BomKind;
  /** Catalog id; for servers the accelerator model; for fibre 'smf' / 'mmf'; 'inline-amplifier'. */
  model: string;
  name: string;
  quantity: number;
  unit: BomUnit;
  unitPriceUsd: number;
  priceSource?: SourceNote;
  unitPowerW: number;
  powerSource?: SourceNote;
}

export interface Inventory {
  lines: InventoryLine[];
  accelerators: number;
  servers: ServerGroup[];
  serverCount: number;
  amplifiers: AmplifierPlan;
  /** Scale-up switch chips inside servers (NVSwitch, PCIe switch): their cost and power are the server's. */
  includedInServer: number;
  problems: Problem[];
}

type DeviceKind = 'accelerator' | 'switch' | 'gateway' | 'ocs' | 'patch-panel';

// Contexts are built once per evaluation and not changed, so cost and power share one inventory.
const cache = new WeakMap<EvalContext, Inventory>();

export function takeInventory(ctx: EvalContext): Inventory {
  let inv = cache.get(ctx);
  if (!inv) {
    inv = buildInventory(ctx);
    cache.set(ctx, inv);
  }
  return inv;
}

function entryLine(kind: BomKind, e: CatalogEntry & { priceUsd: number; powerW: number }, quantity: number, unit: BomUnit): InventoryLine {
  return {
    kind, model: e.id, name: e.name, quantity, unit,
    unitPriceUsd: e.priceUsd, priceSource: sourceOf(e.sources, 'priceUsd'),
    unitPowerW: e.powerW, powerSource: sourceOf(e.sources, 'powerW'),
  };
}

function buildInventory(ctx: EvalContext): Inventory {
  const { doc, catalog } = ctx;
  const problems: Problem[] = [];
  const devices: Record<DeviceKind, Map<string, number>> = {
    accelerator: new Map(), switch: new Map(), gateway: new Map(), ocs: new Map(), 'patch-panel': new Map(),
  };
  let accelerators = 0;
  let includedInServer = 0;
  for (let i = 0; i < doc.nodes.length; i++) {
    const node = doc.nodes[i];
    const entry = catalog.get(node.model);
    if (!entry) {
      problems.push({
        path: `nodes[${i}].model`, code: 'unknown-model', severity: 'error',
        message: `node ${node.id} names model "${node.model}", which is not in the catalog, so it has no price or power: ` +
          'pick a model from `catalog`',
      });
      continue;
    }
    if (entry.kind !== node.kind) {
      problems.push({
        path: `nodes[${i}].model`, code: 'model-kind-mismatch', severity: 'error',
        message: `node ${node.id} is a ${node.kind} but ${node.model} is a ${entry.kind}: it is left out of cost and power; ` +
          `pick a ${node.kind} model`,
      });
      continue;
    }
    if (entry.kind === 'switch' && entry.includedInServer) {
      includedInServer++;
      continue;
    }
    if (entry.kind === 'accelerator') accelerators++;
    const counts = devices[entry.kind as DeviceKind];
    counts.set(entry.id, (counts.get(entry.id) ?? 0) + 1);
  }

  const modules = new Map<string, number>();
  const fibreM = { smf: 0, mmf: 0 };
  const unusable = new Set<string>();
  for (let e = 0; e < doc.links.length; e++) {
    const link = doc.links[e];
    let t: TransceiverModel | undefined;
    if (link.transceiver !== undefined) {
      t = catalog.transceiver(link.transceiver);
      if (t && t.gbps > 0) modules.set(t.id, (modules.get(t.id) ?? 0) + modulesPerLink(link.gbps, t));
      else if (!unusable.has(link.transceiver)) {
        unusable.add(link.transceiver);
        problems.push({
          path: `links[${e}].transceiver`, code: 'unknown-transceiver', severity: 'error',
          message: `transceiver "${link.transceiver}" (link ${link.id}, and any other link naming it) is not a usable ` +
            'catalog transceiver, so its modules are not counted: pick one from `catalog --kind transceiver`',
        });
      }
    }
    const plant = fibreMediumOf(link.medium, t);
    if (plant) fibreM[plant] += link.lengthM;
  }

  const servers = countServers(doc, catalog, problems);
  const serversByModel = new Map<string, number>();
  for (const g of servers) serversByModel.set(g.model, (serversByModel.get(g.model) ?? 0) + g.servers);

  const lines: InventoryLine[] = [];
  const sortedIds = (m: Map<string, number>) => [...m.keys()].sort();
  for (const id of sortedIds(devices.accelerator)) lines.push(entryLine('accelerator', catalog.accelerator(id)!, devices.accelerator.get(id)!, 'each'));
  for (const id of sortedIds(serversByModel)) {
    const acc = catalog.accelerator(id)!;
    lines.push({
      kind: 'server', model: id, name: `${acc.name} server (chassis, CPUs, memory, NICs beyond the accelerators)`,
      quantity: serversByModel.get(id)!, unit: 'each',
      unitPriceUsd: acc.serverOverheadCostUsd, priceSource: sourceOf(acc.sources, 'serverOverheadCostUsd'),
      unitPowerW: acc.serverOverheadPowerW, powerSource: sourceOf(acc.sources, 'serverOverheadPowerW'),
    });
  }
  for (const kind of ['switch', 'gateway', 'ocs', 'patch-panel'] as const) {
    for (const id of sortedIds(devices[kind])) {
      const e = catalog.get(id) as CatalogEntry & { priceUsd: number; powerW: number };
      lines.push(entryLine(kind, e, devices[kind].get(id)!, 'each'));
    }
  }
  for (const id of sortedIds(modules)) {
    const t = catalog.transceiver(id)!;
    lines.push(entryLine('transceiver', t, modules.get(id)!, t.cable ? 'half-cable' : 'each'));
  }
  const fibre = catalog.fibre;
  if (fibreM.smf > 0) {
    lines.push({
      kind: 'fibre', model: 'smf', name: 'Single-mode fibre, installed', quantity: fibreM.smf, unit: 'm',
      unitPriceUsd: fibre.smfCostUsdPerM, priceSource: sourceOf(fibre.sources, 'smfCostUsdPerM'), unitPowerW: 0,
    });
  }
  if (fibreM.mmf > 0) {
    lines.push({
      kind: 'fibre', model: 'mmf', name: 'Multimode fibre (OM4), installed', quantity: fibreM.mmf, unit: 'm',
      unitPriceUsd: fibre.mmfCostUsdPerM, priceSource: sourceOf(fibre.sources, 'mmfCostUsdPerM'), unitPowerW: 0,
    });
  }
  const amplifiers = planAmplifiers(doc, catalog, ctx.compiled.nodeIndex);
  if (amplifiers.amplifiers > 0) {
    lines.push({
      kind: 'amplifier', model: 'inline-amplifier', name: `In-line optical amplifier (every ${fibre.amplifierSpacingKm} km)`,
      quantity: amplifiers.amplifiers, unit: 'each',
      unitPriceUsd: fibre.amplifierCostUsd, priceSource: sourceOf(fibre.sources, 'amplifierCostUsd'),
      unitPowerW: fibre.amplifierPowerW, powerSource: sourceOf(fibre.sources, 'amplifierPowerW'),
    });
  }
  return {
    lines, accelerators, servers, serverCount: servers.reduce((s, g) => s + g.servers, 0), amplifiers,
    includedInServer, problems,
  };
}
