// Folded-Clos leaf-spine: L leaves of d accelerators, u uplinks per leaf spread round-robin over the spines
// (parallel links when u > spines), any oversubscription; optional planes (independent copies, one NIC link per
// host in each) and a 3-tier option where pods of leaves and spines hang under a core layer.
import type { FabricDocument } from '../model/types.js';
import { GeneratorParamError } from '../model/errors.js';
import { FabricBuilder } from './builder.js';
import { catalogOf, chunks, floorFrom, generatorInfo, type CommonParams } from './common.js';
import type { SwitchModel } from '../catalog/index.js';
import { PORT_EPSILON, portUnits } from '../model/ports.js';
import { acceleratorModel, checkNic, pickSwitch, switchModel } from './hardware.js';
import { intParam, positiveParam } from './params.js';

export interface ClosParams extends CommonParams {
  leaves: number;
  /** Spines (2 tiers), or spines per pod (3 tiers). */
  spines: number;
  hostsPerLeaf: number;
  /** Uplinks per leaf, spread round-robin over the spines (of its pod). */
  uplinks: number;
  gbps?: number;
  uplinkGbps?: number;
  tiers?: 2 | 3;
  planes?: number;
  /** 3 tiers: number of pods (leaves are split evenly) and core switches. */
  pods?: number;
  cores?: number;
  /** 3 tiers: uplinks per spine to the cores; default = the spine's downlinks (non-blocking). */
  spineUplinks?: number;
  accelerator?: string;
  leafSwitch?: string;
  spineSwitch?: string;
  coreSwitch?: string;
}

export const CLOS_DEFAULTS = {
  gbps: 400, tiers: 2, planes: 1, accelerator: 'nvidia-h100-sxm',
  leafSwitch: 'auto', spineSwitch: 'auto', coreSwitch: 'auto',
} as const;

/** Round-robin spread of `perSource` links from each of `sources` over `targets` targets, offset so it balances. */
function spread(source: number, perSource: number, targets: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < perSource; j++) out.push((source * perSource + j) % targets);
  return out;
}

/** Most links any one target receives from the round-robin spread. */
function maxSpread(sources: number, perSource: number, targets: number): number {
  const count = new Array<number>(targets).fill(0);
  for (let s = 0; s < sources; s++) for (const t of spread(s, perSource, targets)) count[t]++;
  return Math.max(...count);
}

export function generateClos(params: ClosParams): FabricDocument {
  const p = { ...CLOS_DEFAULTS, ...params };
  const tiers = p.tiers;
  if (tiers !== 2 && tiers !== 3) throw new GeneratorParamError('tiers', `got ${String(tiers)}; use 2 (leaf-spine) or 3 (leaf-spine-core)`);
  const leaves = intParam('leaves', p.leaves, 1);
  const spines = intParam('spines', p.spines, 1);
  const d = intParam('hosts-per-leaf', p.hostsPerLeaf, 1);
  const u = intParam('uplinks', p.uplinks, tiers === 2 && leaves === 1 ? 0 : 1);
  const gbps = positiveParam('gbps', p.gbps);
  const upGbps = positiveParam('uplink-gbps', p.uplinkGbps ?? gbps);
  const planes = intParam('planes', p.planes, 1);
  const catalog = catalogOf(p);
  const acc = acceleratorModel(catalog, p.accelerator);
  checkNic(acc, gbps, planes, 'gbps', catalog);

  let pods = 1;
  let cores = 0;
  let spineUp = 0;
  if (tiers === 3) {
    pods = intParam('pods', p.pods ?? 2, 1);
    if (leaves % pods !== 0) {
      throw new GeneratorParamError('pods', `${leaves} leaves do not split evenly into ${pods} pods; use a divisor of ${leaves}`);
    }
    cores = intParam('cores', p.cores ?? spines, 1);
  }
  const leavesPerPod = leaves / pods;
  const spineDown = maxSpread(leavesPerPod, u, spines);
  if (tiers === 3) {
    spineUp = intParam('spine-uplinks', p.spineUplinks ?? Math.ceil((leavesPerPod * u) / spines), 1);
  }
  // Host and uplink ports may run at different speeds: the leaf is checked in port units of both.
  const leafUnits = (m: SwitchModel): number => {
    const unit = (g: number) => portUnits({ pool: 'switch', ports: m.ports, portGbps: m.portGbps, maxBreakout: m.maxBreakout }, g);
    return d * unit(gbps) + u * unit(upGbps);
  };
  let leaf: SwitchModel;
  if (p.leafSwitch === 'auto') {
    const fits = catalog
      .entries('switch')
      .map((e) => e as SwitchModel)
      .filter((m) => !m.scaleUp && leafUnits(m) <= m.ports + PORT_EPSILON)
      .sort((x, y) => x.priceUsd - y.priceUsd || (x.id < y.id ? -1 : 1));
    if (!fits.length) {
      throw new GeneratorParamError(
        'hosts-per-leaf',
        `no catalog switch takes ${d} host links of ${gbps} Gbps plus ${u} uplinks of ${upGbps} Gbps; use fewer hosts per leaf or uplinks`,
      );
    }
    leaf = fits[0];
  } else {
    leaf = switchModel(catalog, p.leafSwitch, 'leaf-switch');
    if (leafUnits(leaf) > leaf.ports + PORT_EPSILON) {
      throw new GeneratorParamError(
        'leaf-switch',
        `${leaf.id} has ${leaf.ports} ports; ${d} hosts at ${gbps} Gbps plus ${u} uplinks at ${upGbps} Gbps need ${leafUnits(leaf)}`,
      );
    }
  }
  const spineNeed = spineDown + spineUp;
  const spine = pickSwitch(catalog, spineNeed, upGbps, p.spineSwitch, 'spine-switch');
  const coreNeed = tiers === 3 ? maxSpread(pods * spines, spineUp, cores) : 0;
  const core = tiers === 3 ? pickSwitch(catalog, coreNeed, upGbps, p.coreSwitch, 'core-switch') : undefined;

  const b = new FabricBuilder(catalog);
  const hostIdx: number[] = [];
  // Accelerators first, in leaf order, so that accelerator ids and servers read naturally.
  const podZones = Array.from({ length: pods }, (_, pod) => b.zone(`pod-${pod}`));
  for (let l = 0; l < leaves; l++) {
    const pod = Math.floor(l / leavesPerPod);
    const hs: number[] = [];
    for (let h = 0; h < d; h++) hs.push(b.node({ id: `h-${l}-${h}`, kind: 'accelerator', model: acc.id, group: `pod-${pod}` }));
    chunks(hs, acc.perServer).forEach((srv, s) => {
      for (const i of srv) b.nodes[i].server = `srv-${l}-${s}`;
      b.server(podZones[pod], srv, acc, srv.length);
    });
    hostIdx.push(...hs);
  }
  const coreZone = tiers === 3 ? b.zone('core') : undefined;
  const coreIdx: number[][] = [];
  for (let plane = 0; plane < planes; plane++) {
    const pre = planes > 1 ? `p${plane}-` : '';
    const group = (pod: number) => (planes > 1 ? `plane-${plane}/pod-${pod}` : `pod-${pod}`);
    const leafIdx: number[] = [];
    const spineIdx: number[][] = [];
    for (let pod = 0; pod < pods; pod++) {
      const sp: number[] = [];
      for (let s = 0; s < spines; s++) {
        const id = tiers === 3 ? `${pre}spine-${pod}-${s}` : `${pre}spine-${s}`;
        const i = b.node({ id, kind: 'switch', model: spine.id, tier: 'spine', group: group(pod) });
        sp.push(i);
        b.device(podZones[pod], i);
      }
      spineIdx.push(sp);
    }
    for (let l = 0; l < leaves; l++) {
      const pod = Math.floor(l / leavesPerPod);
      const i = b.node({ id: `${pre}leaf-${l}`, kind: 'switch', model: leaf.id, tier: 'leaf', group: group(pod) });
      leafIdx.push(i);
      b.device(podZones[pod], i);
    }
    const cs: number[] = [];
    if (core && coreZone) {
      for (let c = 0; c < cores; c++) {
        const i = b.node({ id: `${pre}core-${c}`, kind: 'switch', model: core.id, tier: 'core', group: planes > 1 ? `plane-${plane}/core` : 'core' });
        cs.push(i);
        b.device(coreZone, i);
      }
    }
    coreIdx.push(cs);
    for (let l = 0; l < leaves; l++) {
      for (let h = 0; h < d; h++) b.link(hostIdx[l * d + h], leafIdx[l], gbps, { tier: 'host' });
    }
    for (let l = 0; l < leaves; l++) {
      const pod = Math.floor(l / leavesPerPod);
      for (const s of spread(l % leavesPerPod, u, spines)) b.link(leafIdx[l], spineIdx[pod][s], upGbps, { tier: 'leaf-spine' });
    }
    if (tiers === 3) {
      for (let pod = 0; pod < pods; pod++) {
        for (let s = 0; s < spines; s++) {
          for (const c of spread(pod * spines + s, spineUp, cores)) b.link(spineIdx[pod][s], cs[c], upGbps, { tier: 'spine-core' });
        }
      }
    }
  }
  const hosts = leaves * d;
  const over = (d * gbps) / (u * upGbps);
  return b.build({
    name: p.name ?? `clos ${leaves}x${d} (${tiers} tiers)`,
    description:
      `${tiers}-tier folded Clos: ${hosts} accelerators, ${leaves} leaves (${leaf.id}), ` +
      `${tiers === 3 ? `${pods} pods of ${spines} spines, ${cores} cores` : `${spines} spines`} (${spine.id})` +
      `${planes > 1 ? `, ${planes} planes` : ''}; leaf oversubscription ${Number.isFinite(over) ? over.toFixed(3).replace(/\.?0+$/, '') : 'n/a'}:1`,
    generator: generatorInfo('clos', {
      ...p, leaves, spines, hostsPerLeaf: d, uplinks: u, gbps, uplinkGbps: upGbps, tiers, planes,
      ...(tiers === 3 ? { pods, cores, spineUplinks: spineUp } : {}),
      accelerator: acc.id,
    }),
    floor: floorFrom(p),
    prefs: p.optics,
  });
}
