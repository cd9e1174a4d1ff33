// One accelerator server with its scale-up domain, the way each vendor builds it: NVLink through the board's
// NVSwitch domain, AMD xGMI full mesh, Gaudi on-chip RoCE full mesh (bundles of ports per peer), PCIe switch for
// PCIe cards (RNGD, REBEL). The server is one placement unit.
import type { AcceleratorModel, Catalog, SwitchModel } from '../catalog/index.js';
import { GeneratorParamError } from '../model/errors.js';
import type { FabricBuilder } from './builder.js';
import type { PlacementZone } from '../placement/racks.js';

export interface ServerNodes {
  /** Accelerator node indices in slot order. */
  accelerators: number[];
  /** The in-server scale-up switch (NVLink domain, PCIe switch), if the design has one. */
  scaleUpSwitch?: number;
}

/** The in-server switch joining the accelerators of `m`, or undefined for mesh designs (xGMI, RoCE) and none. */
export function scaleUpSwitchFor(m: AcceleratorModel, catalog: Catalog): SwitchModel | undefined {
  if (m.scaleUpKind !== 'nvlink' && m.scaleUpKind !== 'pcie') return undefined;
  const need = m.perServer * (m.scaleUpKind === 'nvlink' ? m.scaleUpPorts : 1);
  const fits = catalog
    .entries('switch')
    .map((e) => e as SwitchModel)
    .filter((s) => s.scaleUp && s.includedInServer && s.portGbps === m.scaleUpPortGbps && s.ports >= need)
    // Prefer the smallest that fits (the board's own switch), then the id.
    .sort((x, y) => x.ports - y.ports || (x.id < y.id ? -1 : 1));
  if (fits.length === 0) {
    throw new GeneratorParamError(
      'accelerator',
      `no catalog scale-up switch joins ${m.perServer} ${m.id} (${need} ports of ${m.scaleUpPortGbps} Gbps); add one to the catalog or pick another accelerator`,
    );
  }
  return fits[0];
}

/** Gbps of the scale-up link between two accelerators of a full-mesh server (all ports split over the peers). */
export function meshLinkGbps(m: AcceleratorModel): number {
  const peers = m.perServer - 1;
  return Math.floor(m.scaleUpPorts / peers) * m.scaleUpPortGbps;
}

/**
 * Add one server of `count` accelerators (count <= perServer) with its scale-up links to zone `zone`.
 * Ids: `${id}-a${slot}` for accelerators, `${id}-su` for the scale-up switch; `server` = id.
 */
export function addServer(
  b: FabricBuilder,
  zone: PlacementZone,
  id: string,
  m: AcceleratorModel,
  count: number,
  group: string | undefined,
  scaleUp = true,
): ServerNodes {
  const accelerators: number[] = [];
  for (let s = 0; s < count; s++) {
    const node = { id: `${id}-a${s}`, kind: 'accelerator' as const, model: m.id, server: id, ...(group ? { group } : {}) };
    accelerators.push(b.node(node));
  }
  const unitNodes = [...accelerators];
  let scaleUpSwitch: number | undefined;
  if (scaleUp && count > 1) {
    if (m.scaleUpKind === 'nvlink' || m.scaleUpKind === 'pcie') {
      const sw = scaleUpSwitchFor(m, b.catalog)!;
      scaleUpSwitch = b.node({ id: `${id}-su`, kind: 'switch', model: sw.id, server: id, tier: m.scaleUpKind === 'nvlink' ? 'nvlink' : 'pcie', ...(group ? { group } : {}) });
      unitNodes.push(scaleUpSwitch);
      // NVLink: every GPU bundles all its links into the domain; PCIe: one x16 port per card.
      const gbps = m.scaleUpKind === 'nvlink' ? m.scaleUpPorts * m.scaleUpPortGbps : m.scaleUpPortGbps;
      for (const a of accelerators) b.link(a, scaleUpSwitch, gbps, { scaleUp: true, tier: 'scale-up' });
    } else if (m.scaleUpKind === 'xgmi' || m.scaleUpKind === 'roce') {
      const gbps = meshLinkGbps(m);
      if (gbps <= 0) {
        throw new GeneratorParamError('accelerator', `${m.id} has ${m.scaleUpPorts} scale-up ports, too few for a full mesh of ${m.perServer}`);
      }
      for (let x = 0; x < count; x++) for (let y = x + 1; y < count; y++) b.link(accelerators[x], accelerators[y], gbps, { scaleUp: true, tier: 'scale-up' });
    }
  }
  zone.units.push({
    nodes: unitNodes,
    powerW: count * m.powerW + (m.serverOverheadPowerW * count) / m.perServer,
    rackUnits: m.serverRackUnits,
    liquid: m.cooling === 'liquid',
  });
  return { accelerators, scaleUpSwitch };
}
