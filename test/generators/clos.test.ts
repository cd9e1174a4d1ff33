import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateClos } from '../../src/generators/index.js';
import { acceleratorDistances, countBy, kinds, linkTiers, nodeTiers, structuralProblems } from './support.js';

const degreeOf = (doc: ReturnType<typeof generateClos>, tier: string) => {
  const ids = new Set(doc.nodes.filter((n) => n.tier === tier).map((n) => n.id));
  const deg = new Map<string, number>();
  for (const l of doc.links) for (const e of [l.a, l.b]) if (ids.has(e)) deg.set(e, (deg.get(e) ?? 0) + 1);
  return [...ids].map((id) => deg.get(id) ?? 0);
};

describe('generateClos (2 tiers)', () => {
  const cases = [
    { leaves: 4, spines: 2, hostsPerLeaf: 4, uplinks: 2 },
    { leaves: 6, spines: 4, hostsPerLeaf: 8, uplinks: 6 },
    { leaves: 32, spines: 16, hostsPerLeaf: 32, uplinks: 32 },
  ];
  for (const c of cases) {
    it(`L=${c.leaves} S=${c.spines} d=${c.hostsPerLeaf} u=${c.uplinks}: counts`, () => {
      const doc = generateClos(c);
      const H = c.leaves * c.hostsPerLeaf;
      expect(kinds(doc)).toEqual({ accelerator: H, switch: c.leaves + c.spines });
      expect(nodeTiers(doc)).toMatchObject({ leaf: c.leaves, spine: c.spines });
      expect(linkTiers(doc)).toEqual({ host: H, 'leaf-spine': c.leaves * c.uplinks });
      expect(degreeOf(doc, 'leaf').every((x) => x === c.hostsPerLeaf + c.uplinks)).toBe(true);
      // Round-robin spread: spine loads differ by at most one link.
      const sp = degreeOf(doc, 'spine');
      expect(Math.max(...sp) - Math.min(...sp)).toBeLessThanOrEqual(1);
      expect(sp.reduce((a, b) => a + b, 0)).toBe(c.leaves * c.uplinks);
      expect(structuralProblems(doc)).toEqual([]);
    });
  }

  it('the 2:1 reference example: 4 leaves, 2 spines, 4 hosts, mean hops 54/15', () => {
    const doc = generateClos({ leaves: 4, spines: 2, hostsPerLeaf: 4, uplinks: 2 });
    expect(doc.description).toMatch(/oversubscription 2:1/);
    const d = acceleratorDistances(doc);
    expect(d.diameter).toBe(4);
    expect(d.mean).toBeCloseTo((3 * 2 + 12 * 4) / 15, 12);
  });

  it('uplinks beyond the spine count become parallel links', () => {
    const doc = generateClos({ leaves: 2, spines: 2, hostsPerLeaf: 2, uplinks: 6 });
    const pairs = countBy(doc.links.filter((l) => l.tier === 'leaf-spine'), (l) => `${l.a}-${l.b}`);
    expect(pairs).toEqual({ 'leaf-0-spine-0': 3, 'leaf-0-spine-1': 3, 'leaf-1-spine-0': 3, 'leaf-1-spine-1': 3 });
  });

  it('uplink speed differs from host speed', () => {
    const doc = generateClos({ leaves: 4, spines: 2, hostsPerLeaf: 8, uplinks: 2, gbps: 400, uplinkGbps: 800 });
    expect(countBy(doc.links, (l) => `${l.tier}@${l.gbps}`)).toEqual({ 'host@400': 32, 'leaf-spine@800': 8 });
    expect(structuralProblems(doc)).toEqual([]);
  });

  it('planes copy the switch layers and give each host one link per plane', () => {
    const doc = generateClos({ leaves: 4, spines: 2, hostsPerLeaf: 4, uplinks: 2, planes: 3, gbps: 200, accelerator: 'intel-gaudi3' });
    expect(kinds(doc)).toEqual({ accelerator: 16, switch: 3 * 6 });
    expect(linkTiers(doc)).toEqual({ host: 48, 'leaf-spine': 24 });
    expect(structuralProblems(doc)).toEqual([]);
    expect(() => generateClos({ leaves: 4, spines: 2, hostsPerLeaf: 4, uplinks: 2, planes: 2 })).toThrow(/--gbps: nvidia-h100-sxm has 1 NIC port.*--accelerator intel-gaudi3 --gbps 200/);
  });

  it('property: counts and balance hold for random sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 12 }),
        (leaves, spines, d, u) => {
          const doc = generateClos({ leaves, spines, hostsPerLeaf: d, uplinks: u });
          expect(doc.links.length).toBe(leaves * (d + u));
          const sp = degreeOf(doc, 'spine');
          expect(Math.max(...sp) - Math.min(...sp)).toBeLessThanOrEqual(1);
          expect(structuralProblems(doc)).toEqual([]);
        }),
      { numRuns: 25 },
    );
  });

  it('rejects impossible parameters', () => {
    expect(() => generateClos({ leaves: 0, spines: 2, hostsPerLeaf: 4, uplinks: 2 })).toThrow(/--leaves/);
    expect(() => generateClos({ leaves: 4, spines: 2, hostsPerLeaf: 300, uplinks: 2 })).toThrow(/--hosts-per-leaf: no catalog switch/);
    expect(() => generateClos({ leaves: 4, spines: 2, hostsPerLeaf: 4, uplinks: 2, tiers: 4 as 3 })).toThrow(/--tiers/);
    expect(() => generateClos({ leaves: 4, spines: 2, hostsPerLeaf: 60, uplinks: 10, leafSwitch: 'nvidia-qm9700' })).toThrow(/--leaf-switch: nvidia-qm9700 has 64 ports/);
  });
});

describe('generateClos (3 tiers)', () => {
  for (const c of [
    { leaves: 8, spines: 4, hostsPerLeaf: 16, uplinks: 8, pods: 2, cores: 4 },
    { leaves: 12, spines: 2, hostsPerLeaf: 8, uplinks: 4, pods: 3, cores: 6 },
    { leaves: 16, spines: 8, hostsPerLeaf: 32, uplinks: 32, pods: 4, cores: 16 },
  ]) {
    it(`${c.pods} pods x ${c.leaves / c.pods} leaves, ${c.spines} spines/pod, ${c.cores} cores`, () => {
      const doc = generateClos({ ...c, tiers: 3 });
      const spineUp = (c.leaves / c.pods) * c.uplinks / c.spines;
      expect(nodeTiers(doc)).toMatchObject({ leaf: c.leaves, spine: c.pods * c.spines, core: c.cores });
      expect(linkTiers(doc)).toEqual({
        host: c.leaves * c.hostsPerLeaf, 'leaf-spine': c.leaves * c.uplinks, 'spine-core': c.pods * c.spines * spineUp,
      });
      // Non-blocking by default: every spine has as many core uplinks as leaf downlinks.
      expect(degreeOf(doc, 'spine').every((x) => x === 2 * spineUp)).toBe(true);
      expect(structuralProblems(doc)).toEqual([]);
      expect(acceleratorDistances(doc).diameter).toBe(6);
    });
  }
  it('rejects leaves that do not split into pods', () => {
    expect(() => generateClos({ leaves: 9, spines: 2, hostsPerLeaf: 4, uplinks: 2, tiers: 3, pods: 2 })).toThrow(/--pods: 9 leaves/);
  });
});
