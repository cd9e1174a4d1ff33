// The seed scenario: a national AI computing centre of ~50,000 accelerators from several vendors. Each model gets
// rail-optimized pods with its own scale-up domain (NVLink domain, xGMI / Gaudi RoCE full mesh, PCIe switch) and
// NICs; pods join through an optical spine of packet core switches or of OCS circuits between pod spines; border
// switches carry the research-access spans to the university and institute sites.
import type { AcceleratorModel, SwitchModel } from '../catalog/index.js';
import { GeneratorParamError } from '../model/errors.js';
import type { FabricDocument } from '../model/types.js';
import { portUnits } from '../model/ports.js';
import { DATACENTER_SITE, FabricBuilder } from './builder.js';
import { catalogOf, floorFrom, generatorInfo, type CommonParams } from './common.js';
import { acceleratorModel, checkNic, ocsModel, pickSwitch, switchModel } from './hardware.js';
import { fractionParam, intParam, oneOfParam, positiveParam, rangeParam } from './params.js';
import { planCorePlanes, type CorePlan } from './core-planes.js';
import { buildRailPod, railPodDesign, railPodSpines, type RailPod } from './rail-pod.js';
import {
  addResearchAccess, checkSites, DEFAULT_DATACENTER_LOCATION, DEFAULT_RESEARCH_SITES, type ResearchSite,
} from './research-access.js';

export interface NationalCenterParams extends CommonParams {
  accelerators?: number;
  /** Vendor shares: NVIDIA H100/H200/B200, Intel Gaudi 3 / AMD MI300X, Korean NPUs (FuriosaAI RNGD / Rebellions REBEL). */
  nvidiaShare?: number;
  intelAmdShare?: number;
  npuShare?: number;
  /** Weights of the models inside each vendor share. */
  nvidiaModels?: Record<string, number>;
  intelAmdModels?: Record<string, number>;
  npuModels?: Record<string, number>;
  /** Explicit model -> share of all accelerators; replaces the three shares and model weights. */
  mix?: Record<string, number>;
  spine?: 'packet' | 'ocs';
  /** Speed of the pod-to-spine links. */
  coreGbps?: number;
  /** Oversubscription from pod spines to the optical spine (1 = non-blocking). */
  coreOversubscription?: number;
  nvidiaSwitch?: string;
  ethernetSwitch?: string;
  coreSwitch?: string;
  ocsModel?: string;
  borderSwitches?: number;
  /** Research sites: JSON list of { id, name, kind, lat, lon }; [] for none. Default the six Korean sites. */
  sites?: ResearchSite[];
  siteGbps?: number;
  dcLat?: number;
  dcLon?: number;
}

export const NATIONAL_CENTER_DEFAULTS = {
  accelerators: 50_000, nvidiaShare: 0.6, intelAmdShare: 0.3, npuShare: 0.1,
  nvidiaModels: { 'nvidia-h100-sxm': 1, 'nvidia-h200-sxm': 1, 'nvidia-b200': 1 },
  intelAmdModels: { 'intel-gaudi3': 1, 'amd-mi300x': 1 },
  npuModels: { 'furiosa-rngd': 1, 'rebellions-rebel-quad': 1 },
  spine: 'packet', coreGbps: 400, coreOversubscription: 1,
  nvidiaSwitch: 'nvidia-qm9700', ethernetSwitch: 'broadcom-th5', coreSwitch: 'broadcom-th6', ocsModel: 'ocs-mems-300',
  borderSwitches: 2, siteGbps: 400, dcLat: DEFAULT_DATACENTER_LOCATION.lat, dcLon: DEFAULT_DATACENTER_LOCATION.lon,
  // A 50k-accelerator hall is liquid cooled (~130 kW racks); air racks would need several thousand. Rows of 48
  // racks keep the ~1,400-rack hall closer to square than the generic 24.
  cooling: 'liquid', racksPerRow: 48,
} as const;

export interface ModelCount {
  model: string;
  accelerators: number;
}

/** Accelerators per model: share x total, rounded up to whole servers (so the total is at least the target). */
export function nationalCenterMix(p: {
  accelerators: number; mix: Record<string, number>;
}, perServer: (model: string) => number): ModelCount[] {
  const out: ModelCount[] = [];
  for (const [model, share] of Object.entries(p.mix)) {
    if (share <= 0) continue;
    const per = perServer(model);
    out.push({ model, accelerators: Math.ceil((p.accelerators * share) / per - 1e-9) * per });
  }
  return out;
}

function weights(param: string, w: unknown): Record<string, number> {
  if (!w || typeof w !== 'object' || Array.isArray(w)) throw new GeneratorParamError(param, 'use a JSON object of model -> weight');
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(w as Record<string, unknown>)) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new GeneratorParamError(`${param}.${k}`, 'use a weight >= 0');
    out[k] = v;
  }
  return out;
}

/** Model -> share of all accelerators from the three vendor shares and the weights inside each. */
export function resolveMix(p: {
  nvidiaShare: number; intelAmdShare: number; npuShare: number;
  nvidiaModels: Record<string, number>; intelAmdModels: Record<string, number>; npuModels: Record<string, number>;
}): Record<string, number> {
  const mix: Record<string, number> = {};
  for (const [share, models] of [[p.nvidiaShare, p.nvidiaModels], [p.intelAmdShare, p.intelAmdModels], [p.npuShare, p.npuModels]] as const) {
    const total = Object.values(models).reduce((a, b) => a + b, 0);
    if (share <= 0 || total <= 0) continue;
    for (const [m, w] of Object.entries(models)) if (w > 0) mix[m] = (mix[m] ?? 0) + (share * w) / total;
  }
  return mix;
}

const shortName = (model: string) => model.split('-').slice(1, 2)[0] ?? model;

/** Equal integer parts of n into k (the first n mod k parts one larger). */
function split(n: number, k: number): number[] {
  return Array.from({ length: k }, (_, i) => Math.floor(n / k) + (i < n % k ? 1 : 0));
}

export function generateNationalCenter(params: NationalCenterParams = {}): FabricDocument {
  const p = { ...NATIONAL_CENTER_DEFAULTS, ...params };
  const total = intParam('accelerators', p.accelerators, 1, 500_000);
  const spineKind = oneOfParam('spine', p.spine, ['packet', 'ocs'] as const);
  const coreGbps = positiveParam('core-gbps', p.coreGbps);
  const oversub = rangeParam('core-oversubscription', p.coreOversubscription, 1, 64);
  const catalog = catalogOf(p);
  let mix: Record<string, number>;
  if (p.mix !== undefined) mix = weights('mix', p.mix);
  else {
    mix = resolveMix({
      nvidiaShare: fractionParam('nvidia-share', p.nvidiaShare),
      intelAmdShare: fractionParam('intel-amd-share', p.intelAmdShare),
      npuShare: fractionParam('npu-share', p.npuShare),
      nvidiaModels: weights('nvidia-models', p.nvidiaModels),
      intelAmdModels: weights('intel-amd-models', p.intelAmdModels),
      npuModels: weights('npu-models', p.npuModels),
    });
  }
  const shareSum = Object.values(mix).reduce((a, b) => a + b, 0);
  if (!(shareSum > 0)) throw new GeneratorParamError('mix', 'all shares are zero; give at least one model a share > 0');
  for (const m of Object.keys(mix)) mix[m] /= shareSum;
  const models = new Map<string, AcceleratorModel>();
  for (const id of Object.keys(mix)) {
    const acc = acceleratorModel(catalog, id, 'mix');
    if (acc.nicPorts === 0) throw new GeneratorParamError('mix', `${id} has no NIC to join a scale-out pod; use the torus or ocs-torus family for it`);
    if (acc.scaleUpDomain > acc.perServer) {
      throw new GeneratorParamError('mix', `${id} has a rack-scale NVLink domain (${acc.scaleUpDomain}) that national-center does not model yet; use HGX models`);
    }
    models.set(id, acc);
  }
  const counts = nationalCenterMix({ accelerators: total, mix }, (m) => models.get(m)!.perServer);
  const nvSw = switchModel(catalog, p.nvidiaSwitch, 'nvidia-switch');
  const ethSw = switchModel(catalog, p.ethernetSwitch, 'ethernet-switch');

  // Pod plans per model.
  interface PodPlan { prefix: string; acc: AcceleratorModel; servers: number; sw: SwitchModel; gbps: number }
  const plans: PodPlan[] = [];
  for (const { model, accelerators } of counts) {
    const acc = models.get(model)!;
    const sw = acc.scaleUpKind === 'nvlink' ? nvSw : ethSw;
    const gbps = acc.nicGbps;
    checkNic(acc, gbps, acc.nicPorts, 'mix', catalog);
    const design = railPodDesign(acc, sw, sw, gbps, coreGbps, oversub);
    const servers = accelerators / acc.perServer;
    const pods = Math.ceil(servers / design.serversPerPod);
    split(servers, pods).forEach((n, k) => plans.push({ prefix: `${shortName(model)}-p${k}`, acc, servers: n, sw, gbps }));
  }

  // Border switches: to one core of every group (packet) or one spine of every pod (OCS), and to the sites.
  const sites = p.sites === undefined ? [...DEFAULT_RESEARCH_SITES] : checkSites(p.sites);
  const nb = intParam('border-switches', p.borderSwitches, sites.length ? 1 : 0, 64);
  const siteGbps = positiveParam('site-gbps', p.siteGbps);
  const dcLat = rangeParam('dc-lat', p.dcLat, -90, 90);
  const dcLon = rangeParam('dc-lon', p.dcLon, -180, 180);

  // Packet core: planes and cores per plane are chosen before the pods, whose spine counts depend on the planes.
  const core = spineKind === 'packet' ? pickSwitch(catalog, 1, coreGbps, p.coreSwitch, 'core-switch') : undefined;
  const designs = plans.map((plan) => railPodDesign(plan.acc, plan.sw, plan.sw, plan.gbps, coreGbps, oversub));
  let corePlan: CorePlan | null = null;
  if (core && plans.length > 0) {
    const unit = portUnits({ pool: 'switch', ports: core.ports, portGbps: core.portGbps, maxBreakout: core.maxBreakout }, coreGbps);
    corePlan = planCorePlanes(
      plans.map((plan, i) => ({
        leafUplinks: designs[i].leafUplinks,
        spinesFor: (planes: number) => railPodSpines(designs[i], plan.servers, plan.gbps, coreGbps, oversub, planes),
      })),
      Math.floor(core.ports / unit + 1e-9),
      nb,
    );
    if (!corePlan) {
      throw new GeneratorParamError(
        'core-switch',
        `the pods' spine uplinks do not fit cores of ${core.id} with every spine reaching every core of its group; use a larger --core-switch, --core-oversubscription 2, or --spine ocs`,
      );
    }
  }

  const b = new FabricBuilder(catalog);
  const pods: (RailPod & { plan: PodPlan })[] = [];
  // The optical spine sits mid-floor (between the two halves of the pods), so no pod is far from all of it.
  const middle = Math.floor(plans.length / 2);
  let coreZone = plans.length === 0 ? b.zone('core', true) : undefined;
  plans.forEach((plan, i) => {
    if (i === middle) coreZone = b.zone('core', true);
    const zone = b.zone(plan.prefix, true);
    const planes = corePlan?.planes ?? 1;
    const pod = buildRailPod(b, zone, plan.prefix, plan.acc, plan.servers, designs[i], plan.sw, plan.sw, plan.gbps, coreGbps, oversub, planes);
    pods.push({ ...pod, plan });
  });
  const spineZone = coreZone!;
  const borderZone = b.zone('border');
  const borders: number[] = [];
  let cores: number[][] = [];
  let ocsCount = 0;
  let borderSw: SwitchModel | undefined;
  const makeBorders = (links: number) => {
    borderSw = nb > 0 ? pickSwitch(catalog, links + Math.ceil((sites.length * 2) / nb), Math.max(coreGbps, siteGbps), p.ethernetSwitch, 'ethernet-switch') : undefined;
    for (let i = 0; i < nb; i++) {
      const x = b.node({ id: `border-${i}`, kind: 'switch', model: borderSw!.id, tier: 'border', group: 'border' });
      b.device(borderZone, x);
      borders.push(x);
    }
  };
  if (core) {
    cores = corePlan ? buildPacketCore(b, spineZone, pods, core, coreGbps, corePlan) : [];
    makeBorders(cores.length);
    borders.forEach((x, i) => cores.forEach((g) => b.link(x, g[i % g.length], coreGbps, { tier: 'border-core' })));
  } else {
    makeBorders(pods.length);
    // Each border takes one uplink of one spine per pod; the OCS circuits use the rest.
    const free = pods.map((pod) => pod.spines.map(() => pod.spineUplinks));
    borders.forEach((x, i) => pods.forEach((pod, k) => {
      const j = i % pod.spines.length;
      if (free[k][j] <= 0) throw new GeneratorParamError('border-switches', `pod ${pod.plan.prefix} has no spine uplink left for border ${i}; use fewer border switches`);
      free[k][j]--;
      b.link(x, pod.spines[j], coreGbps, { tier: 'border-spine' });
    }));
    ocsCount = buildOcsSpine(b, spineZone, pods, free, ocsModel(catalog, p.ocsModel), coreGbps, p.optics);
  }
  const extraSites = sites.length
    ? addResearchAccess(b, borders, { sites, linksPerSite: Math.min(2, nb), gbps: siteGbps, gateway: 'research-router-400g', dcLat, dcLon, wanClasses: ['coherent'] }, catalog)
    : [];

  const n = counts.reduce((s, c) => s + c.accelerators, 0);
  const byModel = counts.map((c) => `${c.accelerators} ${c.model}`).join(', ');
  return b.build({
    name: p.name ?? `national AI computing centre (${n} accelerators)`,
    description:
      `${n} accelerators (${byModel}) in ${pods.length} rail-optimized pods, joined by ` +
      (spineKind === 'packet' ? `${cores.flat().length} core switches in ${cores.length} groups` : `OCS circuits through ${ocsCount} OCS`) +
      `; ${sites.length} research sites`,
    generator: generatorInfo('national-center', { ...p, accelerators: total, spine: spineKind, coreGbps, coreOversubscription: oversub, sites, mix: p.mix }),
    floor: floorFrom(p),
    prefs: p.optics,
    site: { ...DATACENTER_SITE, name: 'National AI computing centre', lat: dcLat, lon: dcLon },
    extraSites,
  });
}

/**
 * Packet core: spine j of every pod joins core plane j mod G, and each plane's C cores take its spines' uplinks
 * round-robin (./core-planes.ts chooses G and C). Every pod has a multiple of G spines, so it reaches every plane
 * through the same number of spines; when C divides the spine uplinks every spine sends each core of its plane
 * the same number of links (pod to pod is leaf, spine, core, spine, leaf).
 */
function buildPacketCore(
  b: FabricBuilder,
  zone: ReturnType<FabricBuilder['zone']>,
  pods: RailPod[],
  core: SwitchModel,
  coreGbps: number,
  plan: CorePlan,
): number[][] {
  const { planes: G, coresPerPlane: C } = plan;
  const groups: number[][] = [];
  for (let g = 0; g < G; g++) {
    const cs: number[] = [];
    for (let c = 0; c < C; c++) {
      const i = b.node({ id: `core-${g}-${c}`, kind: 'switch', model: core.id, tier: 'core', group: `core-${g}` });
      b.device(zone, i);
      cs.push(i);
    }
    let k = 0;
    for (const pod of pods) {
      for (let j = g; j < pod.spines.length; j += G) {
        for (let u = 0; u < pod.spineUplinks; u++) b.link(pod.spines[j], cs[(k + u) % C], coreGbps, { tier: 'spine-core' });
        k += pod.spineUplinks;
      }
    }
    groups.push(cs);
  }
  return groups;
}

/**
 * OCS spine: pod spines link to each other directly through optical circuits (Jupiter-style direct connect).
 * Pod i and pod j get floor(E_i E_j / T) circuits (E = a pod's uplinks, T = their sum), leftover ports paired
 * greedily; each pod's circuits take its spines round-robin, and circuit k passes OCS k mod count.
 */
function buildOcsSpine(
  b: FabricBuilder,
  zone: ReturnType<FabricBuilder['zone']>,
  pods: RailPod[],
  free: number[][],
  ocs: { id: string; ports: number; insertionLossDb: number },
  coreGbps: number,
  optics: NationalCenterParams['optics'],
): number {
  const P = pods.length;
  if (P < 2) return 0;
  const E = free.map((f) => f.reduce((a, c) => a + c, 0));
  const T = E.reduce((a, c) => a + c, 0);
  const left = E.slice();
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < P; i++) {
    for (let j = i + 1; j < P; j++) {
      const x = Math.floor((E[i] * E[j]) / T);
      if (x > 0) pairs.push([i, j, x]);
      left[i] -= x;
      left[j] -= x;
    }
  }
  // Spend leftover ports one circuit at a time on pod pairs that both have some, round-robin over pairs.
  for (let progress = true; progress; ) {
    progress = false;
    for (let i = 0; i < P; i++) {
      for (let j = i + 1; j < P && left[i] > 0; j++) {
        if (left[j] > 0) {
          pairs.push([i, j, 1]);
          left[i]--;
          left[j]--;
          progress = true;
        }
      }
    }
  }
  const circuits = pairs.reduce((s, x) => s + x[2], 0);
  const perOcs = Math.floor(ocs.ports / 2);
  const count = Math.ceil(circuits / perOcs);
  const ocsIdx: number[] = [];
  for (let o = 0; o < count; o++) {
    const i = b.node({ id: `ocs-${o}`, kind: 'ocs', model: ocs.id, tier: 'ocs' });
    b.device(zone, i);
    ocsIdx.push(i);
  }
  const next = pods.map(() => 0);
  // Round-robin over a pod's spines, skipping spines whose uplinks are used up.
  const takeSpine = (pod: number): number => {
    const f = free[pod];
    for (;;) {
      const j = next[pod]++ % f.length;
      if (f[j] > 0) {
        f[j]--;
        return pods[pod].spines[j];
      }
    }
  };
  // MEMS OCS switch single-mode light only. One object for all circuits, so transceiver choices are memoised.
  const prefs = { ...(optics ?? {}), classes: ["smf"] as const, passiveLossDb: ocs.insertionLossDb };
  let k = 0;
  for (const [i, j, x] of pairs) {
    for (let t = 0; t < x; t++) {
      const si = takeSpine(i);
      const sj = takeSpine(j);
      b.link(si, sj, coreGbps, { tier: 'spine-ocs', via: [ocsIdx[k % count]], prefs });
      k++;
    }
  }
  return count;
}
