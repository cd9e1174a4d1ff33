// Port accounting: how many ports of a device one link uses, and how many the device has.
// Shared by validation (ports over-used), generators (never exceed radix) and the bill of materials.
import type { Catalog, CatalogEntry } from '../catalog/index.js';
import type { FabricLink } from './types.js';

/** The port pool of a device a link draws from: accelerators have separate NIC and scale-up pools. */
export type PortPool = 'nic' | 'scale-up' | 'switch' | 'gateway' | 'ocs' | 'patch-panel';

export interface PortCapacity {
  pool: PortPool;
  ports: number;
  portGbps: number;
  maxBreakout: number;
}

/** The pool a link uses at an end whose model is `entry` (accelerators: scale-up medium -> scale-up pool). */
export function portPoolFor(entry: CatalogEntry, link: Pick<FabricLink, 'medium'>): PortCapacity | undefined {
  switch (entry.kind) {
    case 'accelerator':
      return link.medium === 'scale-up'
        ? { pool: 'scale-up', ports: entry.scaleUpPorts, portGbps: entry.scaleUpPortGbps, maxBreakout: 1 }
        : { pool: 'nic', ports: entry.nicPorts, portGbps: entry.nicGbps, maxBreakout: 1 };
    case 'switch':
      return { pool: 'switch', ports: entry.ports, portGbps: entry.portGbps, maxBreakout: entry.maxBreakout };
    case 'gateway':
      return { pool: 'gateway', ports: entry.ports, portGbps: entry.portGbps, maxBreakout: entry.maxBreakout };
    default:
      return undefined;
  }
}

/**
 * Ports one link end uses: gbps / portGbps, at least 1 / maxBreakout (an 800G port broken out into 2x400G
 * gives 0.5 per 400G link). A 3,600 Gbps NVLink bundle on 200 Gbps NVLink4 ports uses 18.
 */
export function portUnits(cap: PortCapacity, gbps: number): number {
  if (cap.portGbps <= 0) return Infinity;
  return Math.max(gbps / cap.portGbps, 1 / Math.max(1, cap.maxBreakout));
}

/** Ports of an OCS or patch panel one circuit passing through it uses (in and out). */
export function passivePortsPerPass(entry: CatalogEntry): number {
  return entry.kind === 'ocs' ? 2 : 1;
}

/** Small slack so that 0.5 + 0.5 + ... sums compare cleanly against an integer port count. */
export const PORT_EPSILON = 1e-9;

export interface PortUse {
  pool: PortPool;
  used: number;
  ports: number;
}

/** Ports used per device and pool, for inspect/BOM; devices with unknown models are skipped. */
export function portUsage(
  nodes: readonly { id: string; model: string }[],
  links: readonly FabricLink[],
  catalog: Catalog,
): Map<string, PortUse[]> {
  const modelOf = new Map(nodes.map((n) => [n.id, n.model]));
  const out = new Map<string, PortUse[]>();
  const add = (id: string, pool: PortPool, units: number, ports: number) => {
    let uses = out.get(id);
    if (!uses) out.set(id, (uses = []));
    let u = uses.find((x) => x.pool === pool);
    if (!u) uses.push((u = { pool, used: 0, ports }));
    u.used += units;
  };
  for (const l of links) {
    for (const end of [l.a, l.b]) {
      const model = modelOf.get(end);
      const entry = model === undefined ? undefined : catalog.get(model);
      if (!entry) continue;
      const cap = portPoolFor(entry, l);
      if (cap) add(end, cap.pool, portUnits(cap, l.gbps), cap.ports);
    }
    for (const v of l.via ?? []) {
      const model = modelOf.get(v);
      const entry = model === undefined ? undefined : catalog.get(model);
      if (entry && (entry.kind === 'ocs' || entry.kind === 'patch-panel')) {
        add(v, entry.kind, passivePortsPerPass(entry), entry.ports);
      }
    }
  }
  return out;
}
