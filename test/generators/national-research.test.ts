import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../src/catalog/index.js';
import {
  DEFAULT_DATACENTER_LOCATION, DEFAULT_RESEARCH_SITES, generateNationalCenter, generateResearchAccess, greatCircleM,
  nationalCenterMix, resolveMix,
} from '../../src/generators/index.js';
import { planCorePlanes } from '../../src/generators/core-planes.js';
import type { FabricDocument } from '../../src/model/types.js';
import { countBy, kinds, linkTiers, nodeTiers, structuralProblems } from './support.js';

describe('greatCircleM', () => {
  it('matches hand-worked distances', () => {
    // One degree of latitude along a meridian: 2 pi R / 360.
    expect(greatCircleM(0, 0, 1, 0)).toBeCloseTo((2 * Math.PI * 6_371_008.8) / 360, 6);
    // Quarter of the equator.
    expect(greatCircleM(0, 0, 0, 90)).toBeCloseTo((Math.PI / 2) * 6_371_008.8, 3);
    expect(greatCircleM(36.37, 127.36, 36.37, 127.36)).toBe(0);
    // Seoul (SNU) - Daejeon (KAIST): about 140 km as the crow flies.
    const d = greatCircleM(37.4601, 126.952, 36.3721, 127.3604);
    expect(d).toBeGreaterThan(125_000);
    expect(d).toBeLessThan(135_000);
  });
});

describe('generateResearchAccess', () => {
  it('six default sites, two coherent spans each, length = great circle x 1.3', () => {
    const doc = generateResearchAccess();
    expect(kinds(doc)).toMatchObject({ gateway: 6, accelerator: 64 });
    expect(doc.sites.map((s) => s.id)).toEqual(['dc', ...DEFAULT_RESEARCH_SITES.map((s) => `site-${s.id}`)]);
    const wan = doc.links.filter((l) => l.tier === 'wan');
    expect(wan.length).toBe(12);
    for (const s of DEFAULT_RESEARCH_SITES) {
      const expected = Math.round(greatCircleM(s.lat, s.lon, DEFAULT_DATACENTER_LOCATION.lat, DEFAULT_DATACENTER_LOCATION.lon) * 1.3);
      const spans = wan.filter((l) => l.a === `gw-${s.id}`);
      expect(spans.map((l) => l.lengthM)).toEqual([expected, expected]);
      // The two spans of a site land on different border switches.
      expect(new Set(spans.map((l) => l.b)).size).toBe(2);
      const optic = DEFAULT_CATALOG.transceiver(spans[0].transceiver!)!;
      expect(optic.coherent).toBe(true);
      expect(optic.reachM).toBeGreaterThanOrEqual(expected);
      expect(spans[0].transceiver).toBe(expected <= 120_000 ? 'qsfpdd-400zr' : 'qsfpdd-400zr-plus');
    }
    expect(doc.nodes.filter((n) => n.kind === 'gateway').every((n) => n.site?.startsWith('site-') && n.rack === undefined)).toBe(true);
    expect(structuralProblems(doc)).toEqual([]);
  });
  it('takes custom sites and rejects bad coordinates', () => {
    const doc = generateResearchAccess({ sites: [{ id: 'busan', name: 'Busan', kind: 'campus', lat: 35.18, lon: 129.08 }], linksPerSite: 1 });
    expect(kinds(doc).gateway).toBe(1);
    expect(() => generateResearchAccess({ sites: [{ id: 'x', name: 'x', kind: 'campus', lat: 95, lon: 0 }] })).toThrow(/--sites\[0\]\.lat/);
  });
});

describe('generateNationalCenter', () => {
  it('resolves the default vendor split 60/30/10 into model shares', () => {
    const mix = resolveMix({
      nvidiaShare: 0.6, intelAmdShare: 0.3, npuShare: 0.1,
      nvidiaModels: { a: 1, b: 1, c: 1 }, intelAmdModels: { d: 1, e: 1 }, npuModels: { f: 1, g: 3 },
    });
    const expected = { a: 0.2, b: 0.2, c: 0.2, d: 0.15, e: 0.15, f: 0.025, g: 0.075 };
    expect(Object.keys(mix)).toEqual(Object.keys(expected));
    for (const [k, v] of Object.entries(expected)) expect(mix[k]).toBeCloseTo(v, 12);
    // Rounded up to whole servers of 8: 50,000 x 0.15 = 7,500 -> 7,504.
    expect(nationalCenterMix({ accelerators: 50_000, mix: { d: 0.15, f: 0.025 } }, () => 8)).toEqual([
      { model: 'd', accelerators: 7504 }, { model: 'f', accelerators: 1256 },
    ]);
  });

  it('a small centre: every vendor with its own scale-up domain, pods, packet spine, valid', () => {
    const doc = generateNationalCenter({ accelerators: 2000 });
    const byModel = countBy(doc.nodes.filter((n) => n.kind === 'accelerator'), (n) => n.model);
    expect(byModel).toEqual({
      'nvidia-h100-sxm': 400, 'nvidia-h200-sxm': 400, 'nvidia-b200': 400, 'intel-gaudi3': 304, 'amd-mi300x': 304,
      'furiosa-rngd': 104, 'rebellions-rebel-quad': 104,
    });
    const tiers = nodeTiers(doc);
    // One NVLink domain per NVIDIA server, one PCIe switch per NPU server; MI300X / Gaudi are meshes.
    expect(tiers.nvlink).toBe(150);
    expect(tiers.pcie).toBe(26);
    const su = countBy(doc.links.filter((l) => l.tier === 'scale-up'), (l) => `${l.a.split('-')[0]}@${l.gbps}`);
    expect(su).toEqual({
      'h100@3600': 400, 'h200@3600': 400, 'b200@7200': 400,
      // 28 mesh links per 8-card server: Gaudi 3 bundles 3 x 200G per peer, MI300X one 512G xGMI link.
      'gaudi3@600': 38 * 28, 'mi300x@512': 38 * 28,
      'rngd@512': 104, 'rebel@512': 104,
    });
    // Gaudi 3 has 3 scale-out ports per card, the others one.
    expect(doc.links.filter((l) => l.tier === 'rail').length).toBe(400 * 3 + 304 * 3 + 304 + 104 + 104);
    expect(kinds(doc).gateway).toBe(6);
    expect(structuralProblems(doc)).toEqual([]);
  });

  it('the OCS spine joins pod spines directly through circuits', () => {
    const doc = generateNationalCenter({ accelerators: 3000, spine: 'ocs' });
    expect(nodeTiers(doc).core).toBeUndefined();
    const circuits = doc.links.filter((l) => l.tier === 'spine-ocs');
    expect(circuits.length).toBeGreaterThan(0);
    expect(circuits.every((l) => l.via?.length === 1 && l.medium === 'smf')).toBe(true);
    // Circuits join spines of different pods.
    const pod = (id: string) => id.split('-spine-')[0];
    expect(circuits.every((l) => pod(l.a) !== pod(l.b))).toBe(true);
    expect(structuralProblems(doc)).toEqual([]);
  });

  it('an explicit mix and custom switches', () => {
    const doc = generateNationalCenter({ accelerators: 1024, mix: { 'amd-mi300x': 1 }, sites: [] });
    expect(kinds(doc)).toMatchObject({ accelerator: 1024 });
    expect(kinds(doc).gateway).toBeUndefined();
    expect(structuralProblems(doc)).toEqual([]);
    expect(() => generateNationalCenter({ mix: { 'google-tpu-v4': 1 } })).toThrow(/--mix: google-tpu-v4 has no NIC/);
    expect(() => generateNationalCenter({ mix: { nope: 1 } })).toThrow(/--mix: unknown accelerator/);
    expect(() => generateNationalCenter({ nvidiaShare: 2 })).toThrow(/--nvidia-share/);
    expect(() => generateNationalCenter({ spine: 'copper' as 'ocs' })).toThrow(/--spine/);
  });

  it('the full default centre has at least 50,000 accelerators and is valid', () => {
    const doc = generateNationalCenter();
    const n = kinds(doc).accelerator;
    expect(n).toBeGreaterThanOrEqual(50_000);
    expect(n).toBe(50_016);
    expect(linkTiers(doc).wan).toBe(12);
    expect(structuralProblems(doc)).toEqual([]);
    // Counts by tier (derivation in CENTRES below) and an even core: the REBEL pod's 40 spines used to meet
    // 24 core groups, 8 of them through a single spine.
    expectCounts(doc, CENTRES[50_000]);
    expectEvenCore(doc, 8, 32);
  });
});

interface CentreCounts {
  accelerators: number;
  leaves: number;
  spines: number;
  cores: number;
  groups: number;
  leafSpine: number;
  spineCore: number;
  rail: number;
}

/**
 * Hand-derived counts, by accelerators asked for. Pod sizing (rail-pod.ts): NVIDIA on QM9700 (64 x 400G): 32 servers per leaf group, 32 leaf
 * uplinks, spines of 32 down + 32 up, 8 rails; MI300X / REBEL on TH5 at 400G (128 links): 64 servers per group,
 * 64 uplinks, spines 64 + 64, 8 rails; Gaudi 3 (3 x 200G, 24 rails) / RNGD (200G, 8 rails) on TH5 at 200G (256
 * links): 128 servers per group, 128 uplinks, spines of 128 down at 200G + 64 up at 400G. A pod has leaves =
 * groups x rails and, with 8 core planes, spines = 8 ceil(leaves x uplinks / (8 x spine down)) (= the leaves
 * here). Core: 8 planes of C TH6 cores (256 x 400G), C the smallest divisor of the spine uplinks (32, 64) whose
 * busiest core fits 256 links: spine-core links / 8 / C + 1 border link.
 */
const CENTRES: Record<number, CentreCounts> = {
  // NVIDIA 3 x 400 (1 pod of 50 servers: 2 groups, 16 leaves), Gaudi 304 (38 servers: 24 leaves), MI300X 304
  // (8 leaves), RNGD 104 (13 servers: 8 leaves), REBEL 104 (8 leaves). Spine-core 48 x 32 + 48 x 64 = 4,608:
  // 576 per plane, C = 4 (144 + 1 links; C = 2 would need 289).
  2000: {
    accelerators: 2016, leaves: 48 + 24 + 8 + 8 + 8, spines: 96, cores: 32, groups: 8,
    leafSpine: 3 * 16 * 32 + 24 * 128 + 8 * 64 + 8 * 128 + 8 * 64, spineCore: 4608, rail: 1200 + 304 * 3 + 304 + 104 + 104,
  },
  // NVIDIA 3 x 800 (100 servers: 4 groups, 32 leaves), Gaudi 600 (75 servers: 24 leaves), MI300X 600 (2 groups:
  // 16 leaves), RNGD 200 (8 leaves), REBEL 200 (8 leaves). Spine-core 96 x 32 + 56 x 64 = 6,656: 832 per plane,
  // C = 4 (208 + 1 links).
  4000: {
    accelerators: 4000, leaves: 96 + 24 + 16 + 8 + 8, spines: 152, cores: 32, groups: 8,
    leafSpine: 96 * 32 + 24 * 128 + 16 * 64 + 8 * 128 + 8 * 64, spineCore: 6656, rail: 2400 + 1800 + 600 + 200 + 200,
  },
  // NVIDIA 3 x 2,400 (300 servers: 3 pods of 100, 32 leaves each), Gaudi 1,800 (225 servers: 2 groups, 48
  // leaves), MI300X 1,800 (4 groups: 32 leaves), RNGD 600 (75 servers: 8 leaves), REBEL 600 (2 groups: 16
  // leaves). Spine-core 288 x 32 + 104 x 64 = 15,872: 1,984 per plane, C = 8 (248 + 1 links).
  12000: {
    accelerators: 12000, leaves: 288 + 48 + 32 + 8 + 16, spines: 392, cores: 64, groups: 8,
    leafSpine: 288 * 32 + 48 * 128 + 32 * 64 + 8 * 128 + 16 * 64, spineCore: 15872, rail: 7200 + 5400 + 1800 + 600 + 600,
  },
  // NVIDIA 3 x 10,000 (1,250 servers: 10 pods of 125, 32 leaves each), Gaudi 7,504 (938 servers: 2 pods of 469,
  // 4 groups, 96 leaves each), MI300X 7,504 (2 pods of 469: 8 groups, 64 leaves), RNGD 2,504 (313 servers: 3
  // groups, 24 leaves), REBEL 2,504 (5 groups, 40 leaves). Spine counts 24, 32, 40, 64, 96 share the factor 8:
  // spine-core 960 x 32 + 384 x 64 = 55,296: 6,912 per plane, C = 32 (216 + 1 links; 16 would need 433).
  50_000: {
    accelerators: 50_016, leaves: 960 + 192 + 128 + 24 + 40, spines: 1344, cores: 256, groups: 8,
    leafSpine: 960 * 32 + 192 * 128 + 128 * 64 + 24 * 128 + 40 * 64, spineCore: 55_296,
    rail: 30_000 + 7504 * 3 + 7504 + 2504 + 2504,
  },
};

function expectCounts(doc: FabricDocument, x: CentreCounts): void {
  expect(kinds(doc).accelerator).toBe(x.accelerators);
  expect(nodeTiers(doc)).toMatchObject({ leaf: x.leaves, spine: x.spines, core: x.cores, border: 2, gateway: 6 });
  expect(new Set(doc.nodes.filter((n) => n.tier === 'core').map((n) => n.group)).size).toBe(x.groups);
  // Border switch i takes one link to core i mod C of every group.
  expect(linkTiers(doc)).toMatchObject({
    rail: x.rail, 'leaf-spine': x.leafSpine, 'spine-core': x.spineCore, 'border-core': 2 * x.groups, wan: 12,
  });
}

/**
 * Every pod reaches every core group through the same number of links; every spine reaches exactly one group
 * and sends each of its C cores the same number of links; every leaf sends the same number into each group.
 */
function expectEvenCore(doc: FabricDocument, groups: number, perGroup: number): void {
  const node = new Map(doc.nodes.map((n) => [n.id, n]));
  const spineToCore = new Map<string, Map<string, number>>();
  const leafToSpines = new Map<string, string[]>();
  for (const l of doc.links) {
    const [a, b] = [node.get(l.a)!, node.get(l.b)!];
    if (l.tier === 'spine-core') {
      const [s, c] = a.tier === 'spine' ? [a, b] : [b, a];
      const m = spineToCore.get(s.id) ?? new Map<string, number>();
      m.set(c.id, (m.get(c.id) ?? 0) + 1);
      spineToCore.set(s.id, m);
    } else if (l.tier === 'leaf-spine') {
      const [lf, s] = a.tier === 'leaf' ? [a, b] : [b, a];
      const list = leafToSpines.get(lf.id) ?? [];
      list.push(s.id);
      leafToSpines.set(lf.id, list);
    }
  }
  const groupOfSpine = new Map<string, string>();
  const podGroup = new Map<string, Map<string, number>>();
  for (const [s, cores] of spineToCore) {
    const gs = new Set([...cores.keys()].map((c) => node.get(c)!.group!));
    expect(gs.size).toBe(1);
    const [g] = gs;
    groupOfSpine.set(s, g);
    expect(cores.size).toBe(perGroup);
    expect(new Set(cores.values()).size).toBe(1);
    const pod = node.get(s)!.group!;
    const m = podGroup.get(pod) ?? new Map<string, number>();
    for (const k of cores.values()) m.set(g, (m.get(g) ?? 0) + k);
    podGroup.set(pod, m);
  }
  for (const m of podGroup.values()) {
    expect(m.size).toBe(groups);
    expect(new Set(m.values()).size).toBe(1);
  }
  for (const spines of leafToSpines.values()) {
    const perPlane = countBy(spines, (s) => groupOfSpine.get(s));
    expect(Object.keys(perPlane).length).toBe(groups);
    expect(new Set(Object.values(perPlane)).size).toBe(1);
  }
}

describe('national centre: counts by tier and an even core', () => {
  it.each([2000, 4000, 12000])('%i accelerators asked: counts derived by hand, every pod spread evenly over the core', (n) => {
    const doc = generateNationalCenter({ accelerators: n });
    const x = CENTRES[n];
    expectCounts(doc, x);
    expectEvenCore(doc, x.groups, x.cores / x.groups);
    expect(structuralProblems(doc)).toEqual([]);
  });

  it('the core plan: 8 planes of 32 cores for the 50k pod shapes; uneven arithmetic falls back to the most even plan', () => {
    // The default centre's five pod shapes (leaf links, spine down max, leaf uplinks, gbps at 400G core links).
    const shape = (leafLinks: number, spineDownMax: number, leafUplinks: number, downGbps: number) => ({
      leafUplinks,
      spinesFor: (planes: number) => {
        const spines = planes * Math.ceil(leafLinks / (planes * spineDownMax));
        const spineDown = Math.ceil(leafLinks / spines);
        return { leaves: leafLinks / leafUplinks, spines, spineDown, spineUplinks: Math.ceil((spineDown * downGbps) / 400) };
      },
    });
    const pods = [
      ...Array.from({ length: 30 }, () => shape(32 * 32, 32, 32, 400)),
      shape(96 * 128, 128, 128, 200), shape(96 * 128, 128, 128, 200),
      shape(64 * 64, 64, 64, 400), shape(64 * 64, 64, 64, 400),
      shape(24 * 128, 128, 128, 200), shape(40 * 64, 64, 64, 400),
    ];
    const plan = planCorePlanes(pods, 256, 2)!;
    expect(plan).toMatchObject({ planes: 8, coresPerPlane: 32, leavesEven: true, coresEven: true, maxCoreLinks: 217 });
    expect(plan.pods.map((p) => p.spines).reduce((a, b) => a + b, 0)).toBe(1344);
    // Leaves of 3 uplinks; pod A 9 leaf links on spines of 9 down, pod B 12 on spines of 6 down; cores of 6
    // links, no borders. One plane: spines 1 (9 up) + 2 (6 up), 21 links; C must divide gcd(9, 6) = 3, but 3
    // cores take 7 > 6, so C = 4 (5 or 6 links each), uneven. Two planes split no leaf evenly; three planes
    // (spines 3 + 3 of 3 and 4 uplinks, 7 links a plane, C = 2 uneven) cost 12 switches against 7.
    const odd = [shape(9, 9, 3, 400), shape(12, 6, 3, 400)];
    expect(planCorePlanes(odd, 6, 0)).toMatchObject({ planes: 1, coresPerPlane: 4, leavesEven: true, coresEven: false, maxCoreLinks: 6 });
    // With 7-link cores the even plan fits: 3 cores of 7.
    expect(planCorePlanes(odd, 7, 0)).toMatchObject({ planes: 1, coresPerPlane: 3, coresEven: true, maxCoreLinks: 7 });
    // Nothing fits 1-link cores: a spine's uplinks cannot reach enough of them.
    expect(planCorePlanes(odd, 1, 0)).toBeNull();
  });
});
