import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../src/catalog/index.js';
import {
  DEFAULT_DATACENTER_LOCATION, DEFAULT_RESEARCH_SITES, generateNationalCenter, generateResearchAccess, greatCircleM,
  nationalCenterMix, resolveMix,
} from '../../src/generators/index.js';
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
  });
});
