// A rail-optimized pod for one accelerator model: leaf groups (one leaf per rail = per NIC port slot of a server),
// pod spines above them, and spine uplinks left for a core; sized from the switch radix so the pod is
// non-blocking up to the spines. The national centre is built from these pods.
import type { AcceleratorModel, SwitchModel } from '../catalog/index.js';
import { GeneratorParamError } from '../model/errors.js';
import { portUnits } from '../model/ports.js';
import type { FabricBuilder } from './builder.js';
import { switchLinks } from './hardware.js';
import { addServer } from './server.js';

export interface RailPodDesign {
  /** Rails: NIC ports of one server (perServer x nicPorts); one leaf per rail in each leaf group. */
  rails: number;
  /** Servers per leaf group (the leaf's downlinks) and uplinks per leaf (= downlinks: non-blocking). */
  serversPerGroup: number;
  leafUplinks: number;
  /** Largest number of leaf links one spine takes while keeping room for its core uplinks. */
  spineDownMax: number;
  groupsPerPod: number;
  serversPerPod: number;
}

function units(sw: SwitchModel, gbps: number): number {
  return portUnits({ pool: 'switch', ports: sw.ports, portGbps: sw.portGbps, maxBreakout: sw.maxBreakout }, gbps);
}

/** Pod sizing for `acc` on `leaf`/`spine` switches, NIC links of `gbps`, core uplinks of `coreGbps`. */
export function railPodDesign(acc: AcceleratorModel, leaf: SwitchModel, spine: SwitchModel, gbps: number, coreGbps: number, oversub: number): RailPodDesign {
  const rails = acc.perServer * acc.nicPorts;
  const leafLinks = switchLinks(leaf, gbps);
  const serversPerGroup = Math.floor(leafLinks / 2);
  if (serversPerGroup < 1) throw new GeneratorParamError('switch', `${leaf.id} cannot take ${gbps} Gbps links`);
  // Each downlink of gbps needs gbps / (coreGbps x oversubscription) uplinks of coreGbps.
  const perDown = units(spine, gbps) + (gbps / (coreGbps * oversub)) * units(spine, coreGbps);
  const spineDownMax = Math.floor(spine.ports / perDown + 1e-9);
  const groupsPerPod = Math.floor(spineDownMax / rails);
  if (groupsPerPod < 1) {
    throw new GeneratorParamError('switch', `${spine.id} spines cannot join the ${rails} rail leaves of one ${acc.id} leaf group; use a larger spine switch`);
  }
  return { rails, serversPerGroup, leafUplinks: serversPerGroup, spineDownMax, groupsPerPod, serversPerPod: groupsPerPod * serversPerGroup };
}

const LEAF_SPINE = { tier: 'leaf-spine' } as const;

export interface RailPodSpines {
  leaves: number;
  spines: number;
  /** Most leaf links on one spine, and the core uplinks each spine keeps for them. */
  spineDown: number;
  spineUplinks: number;
}

/**
 * Spine layout of a pod of `servers` servers whose spines form `planes` equal planes (spine j in plane j mod
 * planes): as few spines per plane as take the plane's share of the leaf uplinks. With planes = 1 this is the
 * fewest spines that take them all.
 */
export function railPodSpines(design: RailPodDesign, servers: number, gbps: number, coreGbps: number, oversub: number, planes = 1): RailPodSpines {
  const leaves = Math.ceil(servers / design.serversPerGroup) * design.rails;
  const links = leaves * design.leafUplinks;
  const spines = planes * Math.ceil(links / (planes * design.spineDownMax) - 1e-9);
  const spineDown = Math.ceil(links / spines - 1e-9);
  const spineUplinks = Math.ceil((spineDown * gbps) / (coreGbps * oversub) - 1e-9);
  return { leaves, spines, spineDown, spineUplinks };
}

export interface RailPod {
  spines: number[];
  /** Core uplinks each spine keeps free (same for every spine of the pod). */
  spineUplinks: number;
  accelerators: number;
}

/**
 * Build one pod of `servers` servers. Ids start with `prefix`; servers, leaves and spines go to `zone` in that
 * order. Leaf uplinks spread evenly over the spines; a leaf reaches every spine when it has as many uplinks.
 * With `planes` (see railPodSpines), each leaf's uplinks are a contiguous run of the spines taken cyclically, so
 * when planes divides the leaf uplinks every leaf sends the same number of links into every plane.
 */
export function buildRailPod(
  b: FabricBuilder,
  zone: Parameters<typeof addServer>[1],
  prefix: string,
  acc: AcceleratorModel,
  servers: number,
  design: RailPodDesign,
  leaf: SwitchModel,
  spine: SwitchModel,
  gbps: number,
  coreGbps: number,
  oversub: number,
  planes = 1,
): RailPod {
  const groups = Math.ceil(servers / design.serversPerGroup);
  const leaves: number[][] = [];
  const serverAccs: number[][] = [];
  for (let s = 0; s < servers; s++) serverAccs.push(addServer(b, zone, `${prefix}-s${s}`, acc, acc.perServer, prefix).accelerators);
  for (let g = 0; g < groups; g++) {
    const row: number[] = [];
    for (let r = 0; r < design.rails; r++) {
      const i = b.node({ id: `${prefix}-leaf-${g}-${r}`, kind: 'switch', model: leaf.id, tier: 'leaf', group: prefix });
      b.device(zone, i);
      row.push(i);
    }
    leaves.push(row);
  }
  // Leaf uplinks go round-robin over the spines with a per-leaf offset, so spine loads differ by at most one.
  const { spines: nSpines, spineUplinks } = railPodSpines(design, servers, gbps, coreGbps, oversub, planes);
  const spines: number[] = [];
  for (let j = 0; j < nSpines; j++) {
    const i = b.node({ id: `${prefix}-spine-${j}`, kind: 'switch', model: spine.id, tier: 'spine', group: prefix });
    b.device(zone, i);
    spines.push(i);
  }
  for (let s = 0; s < servers; s++) {
    const row = leaves[Math.floor(s / design.serversPerGroup)];
    const accs = serverAccs[s];
    for (let a = 0; a < accs.length; a++) {
      for (let j = 0; j < acc.nicPorts; j++) b.link(accs[a], row[a * acc.nicPorts + j], gbps, { tier: 'rail' });
    }
  }
  let k = 0;
  for (const row of leaves) {
    for (const l of row) for (let u = 0; u < design.leafUplinks; u++) b.link(l, spines[k++ % nSpines], gbps, LEAF_SPINE);
  }
  return { spines, spineUplinks, accelerators: servers * acc.perServer };
}
