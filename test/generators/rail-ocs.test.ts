import { describe, expect, it } from 'vitest';
import { cubicShape, generateOcsTorus, generateRailOptimized, generateTorus, railOptimizedPlan } from '../../src/generators/index.js';
import { DEFAULT_CATALOG } from '../../src/catalog/index.js';
import { portUsage } from '../../src/model/ports.js';
import { countBy, kinds, linkTiers, nodeTiers, structuralProblems } from './support.js';

describe('generateRailOptimized (DGX H100 SuperPOD)', () => {
  // NVIDIA's compute-fabric table: SUs -> nodes, GPUs, leaves, spines, spine-leaf cables.
  const table = [
    [1, 31, 248, 8, 4, 256],
    [2, 63, 504, 16, 8, 512],
    [3, 95, 760, 24, 16, 768],
    [4, 127, 1016, 32, 16, 1024],
  ];
  for (const [sus, nodes, gpus, leaves, spines, cables] of table) {
    it(`${sus} SU: ${nodes} nodes, ${gpus} GPUs, ${leaves} leaves, ${spines} spines, ${cables} spine-leaf cables`, () => {
      const doc = generateRailOptimized({ sus });
      expect(kinds(doc).accelerator).toBe(gpus);
      expect(nodeTiers(doc)).toMatchObject({ leaf: leaves, spine: spines, nvlink: nodes });
      expect(nodeTiers(doc).core).toBeUndefined();
      expect(linkTiers(doc)).toEqual({ 'scale-up': gpus, rail: gpus, 'leaf-spine': cables });
      expect(new Set(doc.nodes.filter((n) => n.kind === 'accelerator').map((n) => n.server)).size).toBe(nodes);
      // Every leaf-spine pair gets the same number of parallel links (32 uplinks / spines).
      const pairs = countBy(doc.links.filter((l) => l.tier === 'leaf-spine'), (l) => `${l.a}|${l.b}`);
      expect(new Set(Object.values(pairs))).toEqual(new Set([32 / spines]));
      expect(structuralProblems(doc)).toEqual([]);
    });
  }

  it('rail r of every node lands on leaf r of its SU; NVLink bundles of 18 x 200G', () => {
    const doc = generateRailOptimized({ sus: 2 });
    const rails = doc.links.filter((l) => l.tier === 'rail');
    expect(rails.every((l) => l.b === `leaf-${l.a.split('-')[1]}-${l.a.split('-a')[1]}`)).toBe(true);
    const nvl = doc.links.filter((l) => l.tier === 'scale-up');
    expect(nvl.every((l) => l.gbps === 3600 && l.medium === 'scale-up' && l.transceiver === undefined)).toBe(true);
    const uses = portUsage(doc.nodes, doc.links, DEFAULT_CATALOG);
    expect(uses.get('dgx-0-0-su')).toEqual([{ pool: 'switch', used: 144, ports: 256 }]);
    expect(uses.get('dgx-0-0-a3')).toEqual([{ pool: 'scale-up', used: 18, ports: 18 }, { pool: 'nic', used: 1, ports: 1 }]);
  });

  it('past 4 SUs a core tier appears: 5 SU -> 40 spines, 32 cores; 8 SU -> 64 spines, 32 cores, every port used', () => {
    expect(railOptimizedPlan(5, 32, 8, 64, true)).toEqual({ nodes: 159, leaves: 40, spines: 40, cores: 32, coreGroups: 8, leafUplinks: 32, spineUplinks: 32 });
    const doc = generateRailOptimized({ sus: 8 });
    expect(nodeTiers(doc)).toMatchObject({ leaf: 64, spine: 64, core: 32 });
    expect(linkTiers(doc)).toMatchObject({ rail: 255 * 8, 'leaf-spine': 64 * 32, 'spine-core': 64 * 32 });
    const used = portUsage(doc.nodes, doc.links, DEFAULT_CATALOG);
    expect(doc.nodes.filter((n) => n.tier === 'core').every((n) => used.get(n.id)![0].used === 64)).toBe(true);
    expect(structuralProblems(doc)).toEqual([]);
  });

  it('racks hold four DGX H100 (42 kW by default)', () => {
    const doc = generateRailOptimized({ sus: 1 });
    const perRack = countBy(doc.nodes.filter((n) => n.kind === 'accelerator'), (n) => n.rack);
    expect(Math.max(...Object.values(perRack))).toBe(32);
    expect(doc.racks.every((r) => r.powerLimitKw === 42)).toBe(true);
  });
});

describe('generateOcsTorus (TPU v4)', () => {
  it('64 cubes, 48 OCS: 4,096 chips, 3N links of which 96 x 64 / 2 pass an OCS, 128 OCS ports each', () => {
    const doc = generateOcsTorus();
    expect(kinds(doc)).toEqual({ accelerator: 4096, ocs: 48 });
    expect(doc.links.length).toBe(3 * 4096);
    const via = doc.links.filter((l) => l.via);
    expect(via.length).toBe((64 * 96) / 2);
    expect(via.every((l) => l.via!.length === 1 && l.medium === 'scale-up' && l.transceiver !== undefined)).toBe(true);
    expect(doc.links.filter((l) => !l.via).every((l) => l.transceiver === undefined)).toBe(true);
    const uses = portUsage(doc.nodes, doc.links, DEFAULT_CATALOG);
    for (const n of doc.nodes.filter((x) => x.kind === 'ocs')) expect(uses.get(n.id)).toEqual([{ pool: 'ocs', used: 128, ports: 136 }]);
    // One cube per rack.
    expect(new Set(Object.values(countBy(doc.nodes.filter((n) => n.kind === 'accelerator'), (n) => n.rack)))).toEqual(new Set([64]));
    expect(structuralProblems(doc)).toEqual([]);
  });

  const edges = (doc: { links: { a: string; b: string }[] }) => new Set(doc.links.map((l) => (l.a < l.b ? `${l.a}|${l.b}` : `${l.b}|${l.a}`)));
  it('the circuits make exactly the torus (8 cubes = 8x8x8) and the twisted torus (16 cubes = 8x8x16)', () => {
    expect(edges(generateOcsTorus({ cubes: 8 }))).toEqual(edges(generateTorus({ dims: [8, 8, 8] })));
    expect(edges(generateOcsTorus({ cubes: 16 }))).toEqual(edges(generateTorus({ dims: [8, 8, 16] })));
    expect(edges(generateOcsTorus({ cubes: 16, twisted: true }))).toEqual(edges(generateTorus({ dims: [8, 8, 16], twisted: true })));
  });

  it('torus and twisted torus share the fibre plant: same chips, same in-cube links, only circuits differ', () => {
    const plain = generateOcsTorus({ cubes: 16 });
    const twisted = generateOcsTorus({ cubes: 16, twisted: true });
    expect(twisted.nodes).toEqual(plain.nodes);
    const inCube = (d: typeof plain) => d.links.filter((l) => !l.via).map((l) => `${l.a}|${l.b}`);
    expect(inCube(twisted)).toEqual(inCube(plain));
    const circuits = (d: typeof plain) => edges({ links: d.links.filter((l) => l.via) });
    const diff = [...circuits(twisted)].filter((x) => !circuits(plain).has(x));
    // Only the wrap circuits of the two short (8-chip) dimensions move: 8 x 16 face positions each.
    expect(diff.length).toBe(2 * 8 * 16);
  });

  it('cubicShape and parameter errors', () => {
    expect(cubicShape(64)).toEqual([4, 4, 4]);
    expect(cubicShape(32)).toEqual([2, 4, 4]);
    expect(cubicShape(16)).toEqual([2, 2, 4]);
    expect(() => generateOcsTorus({ twisted: true })).toThrow(/--twisted: .*16x16x16 torus, which has no twisted form.*--slices 2/);
    expect(structuralProblems(generateOcsTorus({ twisted: true, slices: 2 }))).toEqual([]);
    expect(() => generateOcsTorus({ ocsCount: 16 })).toThrow(/--ocs-count: 16 OCS of 136 ports cannot take 64 cubes.*--ocs-count 48/);
    expect(structuralProblems(generateOcsTorus({ cubes: 8, ocsCount: 24 }))).toEqual([]);
  });
});
