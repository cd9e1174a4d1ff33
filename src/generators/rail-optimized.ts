// Rail-optimized DGX SuperPOD (NVIDIA DGX H100 reference architecture): scalable units (SU) of 32 node slots,
// GPU r of every node on rail leaf r of its SU, leaves on spines; one slot of the POD is kept for the fabric
// manager (UFM), so 1-4 SUs hold 31/63/95/127 nodes, 8/16/24/32 leaves and 4/8/16/16 spines as NVIDIA's table.
// Past 4 SUs a core tier joins per-SU spine groups. Each node's NVLink domain is modelled as scale-up links.
import type { FabricDocument } from '../model/types.js';
import { GeneratorParamError } from '../model/errors.js';
import { FabricBuilder } from './builder.js';
import { catalogOf, floorFrom, generatorInfo, type CommonParams } from './common.js';
import { acceleratorModel, checkNic, switchLinks, switchModel } from './hardware.js';
import { intParam, positiveParam } from './params.js';
import { addServer } from './server.js';

export interface RailOptimizedParams extends CommonParams {
  sus: number;
  accelerator?: string;
  switch?: string;
  gbps?: number;
  /** Node slots per SU (32 in the DGX SuperPOD). */
  nodesPerSu?: number;
  /** Keep one node slot of the POD for the fabric manager (NVIDIA's table does). */
  reserveUfmSlot?: boolean;
  /** Model the NVLink domain of each node. */
  scaleUp?: boolean;
}

export const RAIL_OPTIMIZED_DEFAULTS = {
  accelerator: 'nvidia-h100-sxm', switch: 'nvidia-qm9700', gbps: 400, nodesPerSu: 32, reserveUfmSlot: true, scaleUp: true,
  // 4 DGX H100 per rack draw ~41 kW (reference sheet), as in NVIDIA's SuperPOD racks.
  rackPowerKw: 42,
} as const;

/** Smallest divisor of `n` that is >= x (the spine count that splits every leaf's uplinks evenly). */
function divisorAtLeast(n: number, x: number): number {
  for (let d = Math.max(1, Math.ceil(x)); d <= n; d++) if (n % d === 0) return d;
  return n;
}

/** Counts of the design for `sus` scalable units (exposed for tests and the CLI summary). */
export function railOptimizedPlan(sus: number, nodesPerSu: number, rails: number, radix: number, reserveUfm: boolean) {
  const nodes = sus * nodesPerSu - (reserveUfm ? 1 : 0);
  const leaves = sus * rails;
  const down = nodesPerSu;
  // Non-blocking: as many uplinks as node downlinks (a larger radix leaves ports free).
  const up = Math.min(radix - down, down);
  if (up <= 0) throw new GeneratorParamError('nodes-per-su', `leaves of ${radix} ports cannot serve ${nodesPerSu} nodes and uplinks; use nodes-per-su < ${radix}`);
  const totalUp = leaves * up;
  const spines2 = divisorAtLeast(up, totalUp / radix);
  // NVIDIA's reference design stops at 4 SUs in two tiers; larger PODs grow with a core tier.
  if (sus <= 4 && totalUp / spines2 <= radix) {
    return { nodes, leaves, spines: spines2, cores: 0, coreGroups: 0, leafUplinks: up, spineUplinks: 0 };
  }
  // Three tiers: each SU gets its own spine group (a divisor of the leaf uplinks, at least one spine per rail, so
  // every leaf sends each spine the same number of links), spine j of every SU joins core group j, each group of
  // C cores (a divisor of the spine uplinks, ports permitting).
  const spinesPerSu = divisorAtLeast(up, rails);
  const spineDown = (rails * up) / spinesPerSu;
  const spineUp = Math.min(radix - spineDown, spineDown);
  const perGroup = divisorAtLeast(spineUp, (sus * spineUp) / radix);
  if ((sus * spineUp) / perGroup > radix) {
    throw new GeneratorParamError('sus', `${sus} SUs exceed what a ${radix}-port core can join in three tiers; use at most ${Math.floor(radix * perGroup / spineUp)} SUs`);
  }
  return { nodes, leaves, spines: sus * spinesPerSu, cores: spinesPerSu * perGroup, coreGroups: spinesPerSu, leafUplinks: up, spineUplinks: spineUp };
}

export function generateRailOptimized(params: RailOptimizedParams): FabricDocument {
  const p = { ...RAIL_OPTIMIZED_DEFAULTS, ...params };
  const sus = intParam('sus', p.sus, 1, 64, 'scalable units of 32 DGX nodes');
  const nodesPerSu = intParam('nodes-per-su', p.nodesPerSu, 1);
  const gbps = positiveParam('gbps', p.gbps);
  const catalog = catalogOf(p);
  const acc = acceleratorModel(catalog, p.accelerator);
  checkNic(acc, gbps, acc.nicPorts, 'gbps', catalog);
  const sw = switchModel(catalog, p.switch);
  const radix = switchLinks(sw, gbps);
  // A rail per NIC port of the node: GPU r (port j) goes to rail r * nicPorts + j.
  const rails = acc.perServer * acc.nicPorts;
  const plan = railOptimizedPlan(sus, nodesPerSu, rails, radix, p.reserveUfmSlot);
  const threeTier = plan.cores > 0;

  const b = new FabricBuilder(catalog);
  const leafIdx: number[][] = [];
  const spineIdx: number[] = [];
  const coreIdx: number[][] = [];
  const suZones = Array.from({ length: sus }, (_, s) => b.zone(`su-${s}`, true));
  const coreZone = b.zone('spine-core', true);
  let nodeCount = 0;
  for (let s = 0; s < sus; s++) {
    const leaves: number[] = [];
    const nodeGpus: number[][] = [];
    for (let n = 0; n < nodesPerSu && nodeCount < plan.nodes; n++, nodeCount++) {
      const srv = addServer(b, suZones[s], `dgx-${s}-${n}`, acc, acc.perServer, `su-${s}`, p.scaleUp);
      nodeGpus.push(srv.accelerators);
    }
    for (let r = 0; r < rails; r++) {
      const i = b.node({ id: `leaf-${s}-${r}`, kind: 'switch', model: sw.id, tier: 'leaf', group: `su-${s}` });
      b.device(suZones[s], i);
      leaves.push(i);
    }
    for (const gpus of nodeGpus) {
      for (let g = 0; g < gpus.length; g++) {
        for (let j = 0; j < acc.nicPorts; j++) b.link(gpus[g], leaves[g * acc.nicPorts + j], gbps, { tier: 'rail' });
      }
    }
    leafIdx.push(leaves);
  }
  if (!threeTier) {
    for (let j = 0; j < plan.spines; j++) {
      const i = b.node({ id: `spine-${j}`, kind: 'switch', model: sw.id, tier: 'spine', group: 'spine' });
      b.device(coreZone, i);
      spineIdx.push(i);
    }
    // Every leaf spreads its uplinks evenly: leafUplinks / spines parallel links to each spine.
    for (const leaves of leafIdx) {
      for (const l of leaves) for (let u = 0; u < plan.leafUplinks; u++) b.link(l, spineIdx[u % plan.spines], gbps, { tier: 'leaf-spine' });
    }
  } else {
    const perGroup = plan.cores / plan.coreGroups;
    for (let g = 0; g < plan.coreGroups; g++) {
      const cs: number[] = [];
      for (let c = 0; c < perGroup; c++) {
        const i = b.node({ id: `core-${g}-${c}`, kind: 'switch', model: sw.id, tier: 'core', group: `core-group-${g}` });
        b.device(coreZone, i);
        cs.push(i);
      }
      coreIdx.push(cs);
    }
    const spinesPerSu = plan.spines / sus;
    for (let s = 0; s < sus; s++) {
      const spines: number[] = [];
      for (let j = 0; j < spinesPerSu; j++) {
        const i = b.node({ id: `spine-${s}-${j}`, kind: 'switch', model: sw.id, tier: 'spine', group: `su-${s}` });
        b.device(suZones[s], i);
        spines.push(i);
        spineIdx.push(i);
      }
      for (const l of leafIdx[s]) for (let u = 0; u < plan.leafUplinks; u++) b.link(l, spines[u % spinesPerSu], gbps, { tier: 'leaf-spine' });
      spines.forEach((sp, j) => {
        for (let u = 0; u < plan.spineUplinks; u++) b.link(sp, coreIdx[j][u % perGroup], gbps, { tier: 'spine-core' });
      });
    }
  }
  const gpus = plan.nodes * acc.perServer;
  return b.build({
    name: p.name ?? `rail-optimized SuperPOD ${sus} SU`,
    description:
      `rail-optimized ${acc.id} POD: ${sus} SU, ${plan.nodes} nodes, ${gpus} accelerators, ${plan.leaves} leaves, ` +
      `${plan.spines} spines${threeTier ? `, ${plan.cores} cores` : ''} (${sw.id}), ${gbps} Gbps rails`,
    generator: generatorInfo('rail-optimized', { ...p, sus, nodesPerSu, gbps, accelerator: acc.id, switch: sw.id }),
    floor: floorFrom(p),
    prefs: p.optics,
  });
}
