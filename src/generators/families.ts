// The families the CLI and recipes can generate, with their parameters and defaults (one table, so `generate
// --help`, recipes and the generator functions cannot drift apart).
import { GeneratorParamError } from '../model/errors.js';
import { DRAGONFLY_DEFAULTS, generateDragonfly, type DragonflyParams } from './dragonfly.js';
import { generateJellyfish, JELLYFISH_DEFAULTS, type JellyfishParams } from './jellyfish.js';
import { generateNationalCenter, NATIONAL_CENTER_DEFAULTS, type NationalCenterParams } from './national-center.js';
import { generateOcsTorus, OCS_TORUS_DEFAULTS, type OcsTorusParams } from './ocs-torus.js';
import { generateRailOptimized, RAIL_OPTIMIZED_DEFAULTS, type RailOptimizedParams } from './rail-optimized.js';
import { generateResearchAccess, RESEARCH_ACCESS_DEFAULTS, type ResearchAccessParams } from './research-access.js';
import { generateSlimFly, SLIMFLY_DEFAULTS, type SlimFlyParams } from './slimfly.js';
import type { FabricDocument } from '../model/types.js';
import { CLOS_DEFAULTS, generateClos, type ClosParams } from './clos.js';
import { FAT_TREE_DEFAULTS, generateFatTree, type FatTreeParams } from './fat-tree.js';
import { generateHypercube, HYPERCUBE_DEFAULTS, type HypercubeParams } from './hypercube.js';
import { generateHyperX, HYPERX_DEFAULTS, type HyperXParams } from './hyperx.js';
import { PLACEMENT_PARAMS, runEntry, type GeneratorEntry, type ParamSpec } from './registry.js';
import { generateTorus, TORUS_DEFAULTS, type TorusParams } from './torus.js';

const as = <T>(p: Record<string, unknown>) => p as unknown as T;

/** The placement parameters with one family-specific default. */
const withDefault = (specs: ParamSpec[], name: string, value: unknown): ParamSpec[] =>
  specs.map((s) => (s.name === name ? { ...s, default: value } : s));

export const GENERATORS: Record<string, GeneratorEntry> = {
  'fat-tree': {
    summary: 'k-ary fat-tree (Al-Fares): k^3/4 accelerators, 5k^2/4 switches, 3k^3/4 links',
    params: [
      { name: 'k', type: 'int', required: true, description: 'switch radix, even (k=16: 1,024 accelerators)' },
      { name: 'gbps', type: 'number', default: FAT_TREE_DEFAULTS.gbps, description: 'speed of every link' },
      { name: 'accelerator', type: 'string', default: FAT_TREE_DEFAULTS.accelerator, description: 'accelerator model' },
      { name: 'switch', type: 'string', default: FAT_TREE_DEFAULTS.switch, description: 'switch model or auto (cheapest that fits)' },
      ...PLACEMENT_PARAMS,
    ],
    run: (p) => generateFatTree(as<FatTreeParams>(p)),
  },
  clos: {
    summary: 'leaf-spine folded Clos, 2 or 3 tiers, any oversubscription, optional planes',
    params: [
      { name: 'leaves', type: 'int', required: true, description: 'leaf switches' },
      { name: 'spines', type: 'int', required: true, description: 'spine switches (per pod with 3 tiers)' },
      { name: 'hostsPerLeaf', type: 'int', required: true, description: 'accelerators per leaf' },
      { name: 'uplinks', type: 'int', required: true, description: 'uplinks per leaf, round-robin over the spines' },
      { name: 'gbps', type: 'number', default: CLOS_DEFAULTS.gbps, description: 'host link speed' },
      { name: 'uplinkGbps', type: 'number', description: 'leaf-spine (and spine-core) link speed (default gbps)' },
      { name: 'tiers', type: 'int', default: CLOS_DEFAULTS.tiers, description: '2 (leaf-spine) or 3 (leaf-spine-core)' },
      { name: 'planes', type: 'int', default: CLOS_DEFAULTS.planes, description: 'independent fabric planes (one NIC link per plane)' },
      { name: 'pods', type: 'int', default: 2, description: '3 tiers: pods the leaves are split into' },
      { name: 'cores', type: 'int', description: '3 tiers: core switches (default = spines)' },
      { name: 'spineUplinks', type: 'int', description: '3 tiers: uplinks per spine (default non-blocking)' },
      { name: 'accelerator', type: 'string', default: CLOS_DEFAULTS.accelerator, description: 'accelerator model' },
      { name: 'leafSwitch', type: 'string', default: 'auto', description: 'leaf switch model or auto' },
      { name: 'spineSwitch', type: 'string', default: 'auto', description: 'spine switch model or auto' },
      { name: 'coreSwitch', type: 'string', default: 'auto', description: 'core switch model or auto' },
      ...PLACEMENT_PARAMS,
    ],
    run: (p) => generateClos(as<ClosParams>(p)),
  },
  torus: {
    summary: 'k-ary n-cube torus / mesh / twisted torus of directly linked accelerators (TPU style)',
    params: [
      { name: 'dims', type: 'dims', required: true, description: 'sizes, e.g. 4x4x4' },
      { name: 'wrap', type: 'boolean', default: TORUS_DEFAULTS.wrap, description: 'wrap-around links (false: mesh)' },
      { name: 'twisted', type: 'boolean', default: TORUS_DEFAULTS.twisted, description: 'twisted torus (K x 2K shapes)' },
      { name: 'gbps', type: 'number', description: 'link speed (default: the accelerator scale-up port speed)' },
      { name: 'accelerator', type: 'string', default: TORUS_DEFAULTS.accelerator, description: 'accelerator model' },
      ...PLACEMENT_PARAMS,
    ],
    run: (p) => generateTorus(as<TorusParams>(p)),
  },
  hypercube: {
    summary: 'binary hypercube Q_n of directly linked accelerators (2^n nodes, degree n)',
    params: [
      { name: 'n', type: 'int', required: true, description: 'dimension (2^n accelerators)' },
      { name: 'gbps', type: 'number', description: 'link speed (default: the accelerator scale-up port speed)' },
      { name: 'accelerator', type: 'string', default: HYPERCUBE_DEFAULTS.accelerator, description: 'accelerator model' },
      ...PLACEMENT_PARAMS,
    ],
    run: (p) => generateHypercube(as<HypercubeParams>(p)),
  },
  hyperx: {
    summary: 'HyperX / flattened butterfly: S^L switches, K links per switch pair of a dimension, T accelerators each',
    params: [
      { name: 'dims', type: 'int', required: true, description: 'dimensions L' },
      { name: 'size', type: 'dims', required: true, description: 'switches per dimension S (or one size per dimension, 4x8)' },
      { name: 'links', type: 'int', default: HYPERX_DEFAULTS.links, description: 'parallel links K between switches of a dimension' },
      { name: 'endpoints', type: 'int', required: true, description: 'accelerators per switch T' },
      { name: 'gbps', type: 'number', default: HYPERX_DEFAULTS.gbps, description: 'link speed' },
      { name: 'accelerator', type: 'string', default: HYPERX_DEFAULTS.accelerator, description: 'accelerator model' },
      { name: 'switch', type: 'string', default: HYPERX_DEFAULTS.switch, description: 'switch model or auto' },
      ...PLACEMENT_PARAMS,
    ],
    run: (p) => generateHyperX(as<HyperXParams>(p)),
  },
  'rail-optimized': {
    summary: 'DGX SuperPOD rail-optimized fabric: SUs of 32 nodes, GPU r on rail leaf r, spines (core tier past 4 SUs)',
    params: [
      { name: 'sus', type: 'int', required: true, description: 'scalable units (1-4: NVIDIA table counts; more: core tier)' },
      { name: 'accelerator', type: 'string', default: RAIL_OPTIMIZED_DEFAULTS.accelerator, description: 'accelerator model' },
      { name: 'switch', type: 'string', default: RAIL_OPTIMIZED_DEFAULTS.switch, description: 'leaf/spine/core switch model' },
      { name: 'gbps', type: 'number', default: RAIL_OPTIMIZED_DEFAULTS.gbps, description: 'rail link speed' },
      { name: 'nodesPerSu', type: 'int', default: RAIL_OPTIMIZED_DEFAULTS.nodesPerSu, description: 'node slots per SU' },
      { name: 'reserveUfmSlot', type: 'boolean', default: RAIL_OPTIMIZED_DEFAULTS.reserveUfmSlot, description: 'keep one slot for the fabric manager' },
      { name: 'scaleUp', type: 'boolean', default: RAIL_OPTIMIZED_DEFAULTS.scaleUp, description: 'model each node\'s NVLink domain' },
      ...withDefault(PLACEMENT_PARAMS, 'rackPowerKw', RAIL_OPTIMIZED_DEFAULTS.rackPowerKw),
    ],
    run: (p) => generateRailOptimized(as<RailOptimizedParams>(p)),
  },
  'ocs-torus': {
    summary: 'TPU v4-style torus of 4x4x4 cubes whose face links run through OCS circuits (torus or twisted torus)',
    params: [
      { name: 'cubes', type: 'int', default: OCS_TORUS_DEFAULTS.cubes, description: 'cubes (64: 4,096 chips)' },
      { name: 'cubeSize', type: 'int', default: OCS_TORUS_DEFAULTS.cubeSize, description: 'chips per cube edge' },
      { name: 'shape', type: 'dims', description: 'cubes per dimension of a slice (default: most cubic)' },
      { name: 'slices', type: 'int', default: OCS_TORUS_DEFAULTS.slices, description: 'independent tori the cubes form' },
      { name: 'ocsCount', type: 'int', default: OCS_TORUS_DEFAULTS.ocsCount, description: 'optical circuit switches' },
      { name: 'twisted', type: 'boolean', default: OCS_TORUS_DEFAULTS.twisted, description: 'twisted torus circuits (K x K x 2K slices)' },
      { name: 'accelerator', type: 'string', default: OCS_TORUS_DEFAULTS.accelerator, description: 'accelerator model' },
      { name: 'ocsModel', type: 'string', default: OCS_TORUS_DEFAULTS.ocsModel, description: 'OCS model' },
      { name: 'gbps', type: 'number', description: 'ICI link speed (default: the accelerator scale-up port speed)' },
      ...PLACEMENT_PARAMS,
    ],
    run: (p) => generateOcsTorus(as<OcsTorusParams>(p)),
  },
  dragonfly: {
    summary: 'dragonfly (Kim et al.): g groups of a routers, p accelerators and h global links per router',
    params: [
      { name: 'a', type: 'int', required: true, description: 'routers per group' },
      { name: 'p', type: 'int', required: true, description: 'accelerators per router' },
      { name: 'h', type: 'int', required: true, description: 'global links per router' },
      { name: 'g', type: 'int', description: 'groups (default and maximum a h + 1)' },
      { name: 'gbps', type: 'number', default: DRAGONFLY_DEFAULTS.gbps, description: 'link speed' },
      { name: 'accelerator', type: 'string', default: DRAGONFLY_DEFAULTS.accelerator, description: 'accelerator model' },
      { name: 'switch', type: 'string', default: DRAGONFLY_DEFAULTS.switch, description: 'router model or auto' },
      ...PLACEMENT_PARAMS,
    ],
    run: (p) => generateDragonfly(as<DragonflyParams>(p)),
  },
  jellyfish: {
    summary: 'Jellyfish: seeded random regular graph of switches, remaining ports to accelerators',
    params: [
      { name: 'switches', type: 'int', required: true, description: 'switches' },
      { name: 'ports', type: 'int', required: true, description: 'ports per switch (degree to switches, the rest to accelerators)' },
      { name: 'degree', type: 'int', required: true, description: 'switch-to-switch links per switch' },
      { name: 'seed', type: 'int', default: JELLYFISH_DEFAULTS.seed, description: 'random seed (same seed, same fabric)' },
      { name: 'gbps', type: 'number', default: JELLYFISH_DEFAULTS.gbps, description: 'link speed' },
      { name: 'accelerator', type: 'string', default: JELLYFISH_DEFAULTS.accelerator, description: 'accelerator model' },
      { name: 'switch', type: 'string', default: JELLYFISH_DEFAULTS.switch, description: 'switch model or auto' },
      ...PLACEMENT_PARAMS,
    ],
    run: (p) => generateJellyfish(as<JellyfishParams>(p)),
  },
  slimfly: {
    summary: 'Slim Fly (MMS graph): 2q^2 routers of network radix (3q - delta)/2, diameter 2',
    params: [
      { name: 'q', type: 'int', required: true, description: 'prime power with q mod 4 != 2 (3, 4, 5, 7, 8, 9, 11, ...)' },
      { name: 'endpoints', type: 'int', description: 'accelerators per router (default ceil(radix / 2))' },
      { name: 'gbps', type: 'number', default: SLIMFLY_DEFAULTS.gbps, description: 'link speed' },
      { name: 'accelerator', type: 'string', default: SLIMFLY_DEFAULTS.accelerator, description: 'accelerator model' },
      { name: 'switch', type: 'string', default: SLIMFLY_DEFAULTS.switch, description: 'router model or auto' },
      ...PLACEMENT_PARAMS,
    ],
    run: (p) => generateSlimFly(as<SlimFlyParams>(p)),
  },
  'national-center': {
    summary: 'the seed scenario: ~50,000 accelerators of several vendors in rail pods, optical spine, research sites',
    params: [
      { name: 'accelerators', type: 'int', default: NATIONAL_CENTER_DEFAULTS.accelerators, description: 'target accelerator count (rounded up to whole servers)' },
      { name: 'nvidiaShare', type: 'number', default: NATIONAL_CENTER_DEFAULTS.nvidiaShare, description: 'share of NVIDIA H100/H200/B200' },
      { name: 'intelAmdShare', type: 'number', default: NATIONAL_CENTER_DEFAULTS.intelAmdShare, description: 'share of Intel Gaudi 3 / AMD MI300X' },
      { name: 'npuShare', type: 'number', default: NATIONAL_CENTER_DEFAULTS.npuShare, description: 'share of FuriosaAI RNGD / Rebellions REBEL' },
      { name: 'nvidiaModels', type: 'json', default: NATIONAL_CENTER_DEFAULTS.nvidiaModels, description: 'weights of the NVIDIA models' },
      { name: 'intelAmdModels', type: 'json', default: NATIONAL_CENTER_DEFAULTS.intelAmdModels, description: 'weights of the Intel/AMD models' },
      { name: 'npuModels', type: 'json', default: NATIONAL_CENTER_DEFAULTS.npuModels, description: 'weights of the NPU models' },
      { name: 'mix', type: 'json', description: 'model -> share of all accelerators (replaces the shares above)' },
      { name: 'spine', type: 'string', default: NATIONAL_CENTER_DEFAULTS.spine, description: 'packet (core switches) or ocs (circuits between pod spines)' },
      { name: 'coreGbps', type: 'number', default: NATIONAL_CENTER_DEFAULTS.coreGbps, description: 'pod-to-spine link speed' },
      { name: 'coreOversubscription', type: 'number', default: NATIONAL_CENTER_DEFAULTS.coreOversubscription, description: 'pod spine oversubscription to the optical spine' },
      { name: 'nvidiaSwitch', type: 'string', default: NATIONAL_CENTER_DEFAULTS.nvidiaSwitch, description: 'leaf/spine switch of NVIDIA pods' },
      { name: 'ethernetSwitch', type: 'string', default: NATIONAL_CENTER_DEFAULTS.ethernetSwitch, description: 'leaf/spine/border switch of the other pods' },
      { name: 'coreSwitch', type: 'string', default: NATIONAL_CENTER_DEFAULTS.coreSwitch, description: 'core switch (packet spine)' },
      { name: 'ocsModel', type: 'string', default: NATIONAL_CENTER_DEFAULTS.ocsModel, description: 'OCS model (ocs spine)' },
      { name: 'borderSwitches', type: 'int', default: NATIONAL_CENTER_DEFAULTS.borderSwitches, description: 'border switches for the research sites' },
      { name: 'sites', type: 'json', description: 'research sites [{id,name,kind,lat,lon}] (default KAIST, SNU, POSTECH, GIST, UNIST, KISTI)' },
      { name: 'siteGbps', type: 'number', default: NATIONAL_CENTER_DEFAULTS.siteGbps, description: 'speed of each research-site span' },
      { name: 'dcLat', type: 'number', default: NATIONAL_CENTER_DEFAULTS.dcLat, description: 'data-centre latitude' },
      { name: 'dcLon', type: 'number', default: NATIONAL_CENTER_DEFAULTS.dcLon, description: 'data-centre longitude' },
      ...withDefault(withDefault(PLACEMENT_PARAMS, 'cooling', NATIONAL_CENTER_DEFAULTS.cooling), 'racksPerRow', NATIONAL_CENTER_DEFAULTS.racksPerRow),
    ],
    run: (p) => generateNationalCenter(as<NationalCenterParams>(p)),
  },
  'research-access': {
    summary: 'research sites (KAIST, SNU, POSTECH, GIST, UNIST, KISTI) reaching the data centre over coherent spans',
    params: [
      { name: 'sites', type: 'json', description: 'sites [{id,name,kind,lat,lon}] (default the six above)' },
      { name: 'linksPerSite', type: 'int', default: RESEARCH_ACCESS_DEFAULTS.linksPerSite, description: 'spans per site, over different border switches' },
      { name: 'gbps', type: 'number', default: RESEARCH_ACCESS_DEFAULTS.gbps, description: 'span speed' },
      { name: 'borderSwitches', type: 'int', default: RESEARCH_ACCESS_DEFAULTS.borderSwitches, description: 'data-centre border switches' },
      { name: 'dcLat', type: 'number', default: RESEARCH_ACCESS_DEFAULTS.dcLat, description: 'data-centre latitude' },
      { name: 'dcLon', type: 'number', default: RESEARCH_ACCESS_DEFAULTS.dcLon, description: 'data-centre longitude' },
      { name: 'dcAccelerators', type: 'int', default: RESEARCH_ACCESS_DEFAULTS.dcAccelerators, description: 'accelerators of the data-centre cluster' },
      { name: 'accelerator', type: 'string', default: RESEARCH_ACCESS_DEFAULTS.accelerator, description: 'accelerator model' },
      { name: 'switch', type: 'string', default: RESEARCH_ACCESS_DEFAULTS.switch, description: 'leaf/border switch model or auto' },
      { name: 'gateway', type: 'string', default: RESEARCH_ACCESS_DEFAULTS.gateway, description: 'site gateway model' },
      ...PLACEMENT_PARAMS,
    ],
    run: (p) => generateResearchAccess(as<ResearchAccessParams>(p)),
  },
};

/** Generate a fabric of `family` from loose parameters (CLI strings or typed values, camelCase or kebab-case). */
export function generate(family: string, params: Record<string, unknown> = {}): FabricDocument {
  const entry = Object.prototype.hasOwnProperty.call(GENERATORS, family) ? GENERATORS[family] : undefined;
  if (!entry) {
    throw new GeneratorParamError('family', `unknown family ${JSON.stringify(family)}; use one of ${Object.keys(GENERATORS).join(', ')}`);
  }
  return runEntry(family, entry, params);
}
