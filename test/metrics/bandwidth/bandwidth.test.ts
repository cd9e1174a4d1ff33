import { describe, expect, it } from 'vitest';
import { generateClos, generateFatTree, generateTorus } from '../../../src/generators/index.js';
import { computeBandwidth } from '../../../src/metrics/bandwidth/bandwidth.js';
import { ctxOf, DocBuilder, fatTreeDoc, leafSpineDoc, railFabricDoc, torusDoc } from '../support/fabrics.js';

describe('bandwidth: injection', () => {
  it('fat-tree hosts inject one link each, nothing scale-up', () => {
    const r = computeBandwidth(ctxOf(fatTreeDoc(4, 400)));
    expect(r.injection.scaleOut).toEqual({ minGbps: 400, meanGbps: 400, maxGbps: 400 });
    expect(r.injection.scaleUp).toEqual({ minGbps: 0, meanGbps: 0, maxGbps: 0 });
    expect(r.injection.byModel).toEqual([{ model: 'nvidia-h100-sxm', accelerators: 16, scaleOut: r.injection.scaleOut, scaleUp: r.injection.scaleUp }]);
  });
  it('torus accelerators have 2n scale-up links and no NIC links', () => {
    const r = computeBandwidth(ctxOf(torusDoc([4, 4, 4], true, 100)));
    expect(r.injection.scaleUp).toEqual({ minGbps: 600, meanGbps: 600, maxGbps: 600 });
    expect(r.injection.scaleOut.maxGbps).toBe(0);
    expect(r.oversubscription).toEqual([]);
    const mesh = computeBandwidth(ctxOf(torusDoc([3, 3], false, 100)));
    // corners 2 links, edges 3, centre 4: mean (4 x 200 + 4 x 300 + 400) / 9
    expect(mesh.injection.scaleUp).toEqual({ minGbps: 200, meanGbps: 2400 / 9, maxGbps: 400 });
  });
  it('rail-optimised servers: 400G NIC + 3,600G NVLink per GPU, mixed models reported apart', () => {
    const doc = railFabricDoc({ servers: 4, serversPerSu: 2, susPerGroup: 1, spinesPerGroup: 2, coresPerPlane: 1 });
    // swap two GPUs of the last server to another model with a slower NIC link
    doc.nodes.filter((n) => n.id === 'gpu3-0' || n.id === 'gpu3-1').forEach((n) => (n.model = 'amd-mi300x'));
    doc.links.filter((l) => l.a === 'gpu3-0' && l.medium === 'mmf').forEach((l) => (l.gbps = 200));
    const r = computeBandwidth(ctxOf(doc));
    expect(r.injection.scaleUp).toEqual({ minGbps: 3600, meanGbps: 3600, maxGbps: 3600 });
    expect(r.injection.scaleOut).toEqual({ minGbps: 200, meanGbps: (31 * 400 + 200) / 32, maxGbps: 400 });
    expect(r.injection.byModel.map((m) => [m.model, m.accelerators, m.scaleOut.meanGbps])).toEqual([
      ['amd-mi300x', 2, 300],
      ['nvidia-h100-sxm', 30, 400],
    ]);
    expect(r.scaleUpOnlySwitches).toBe(4);
  });
});

describe('bandwidth: oversubscription per level', () => {
  it('fat-tree: edge and aggregation 1:1, cores are the top', () => {
    for (const doc of [fatTreeDoc(8), generateFatTree({ k: 8 })]) {
      const r = computeBandwidth(ctxOf(doc));
      expect(r.oversubscription.map((l) => [l.level, l.tiers, l.switches, l.withUplinks, l.ratio])).toEqual([
        [1, ['edge'], 32, 32, { min: 1, mean: 1, max: 1 }],
        [2, ['aggregation'], 32, 32, { min: 1, mean: 1, max: 1 }],
        [3, ['core'], 16, 0, null],
      ]);
      expect(r.oversubscription[0].downGbps).toBe(128 * 400);
      expect(r.oversubscription[2].downGbps).toBe(16 * 8 * 400);
    }
  });
  it('leaf-spine d x b_host / (u x b_up): 4 x 400 / (2 x 400) = 2', () => {
    for (const doc of [leafSpineDoc({ leaves: 4, spines: 2, hostsPerLeaf: 4 }), generateClos({ leaves: 4, spines: 2, hostsPerLeaf: 4, uplinks: 2 })]) {
      const r = computeBandwidth(ctxOf(doc));
      expect(r.oversubscription[0]).toMatchObject({ level: 1, tiers: ['leaf'], switches: 4, withUplinks: 4, downGbps: 6400, upGbps: 3200, ratio: { min: 2, mean: 2, max: 2 } });
      expect(r.oversubscription[1]).toMatchObject({ level: 2, switches: 2, withUplinks: 0, downGbps: 3200, upGbps: 0, ratio: null });
    }
  });
  it('unequal leaves give min < mean < max; peer links are kept apart', () => {
    const b = new DocBuilder();
    b.sw('S', { tier: 'spine' });
    b.sw('A', { tier: 'leaf' });
    b.sw('B', { tier: 'leaf' });
    for (let i = 0; i < 3; i++) b.link(b.acc(`a${i}`), 'A', 400);
    b.link(b.acc('b0'), 'B', 400);
    b.link('A', 'S', 400);
    b.link('B', 'S', 800);
    b.link('A', 'B', 100);
    const r = computeBandwidth(ctxOf(b.doc()));
    expect(r.oversubscription[0]).toMatchObject({ level: 1, switches: 2, downGbps: 1600, upGbps: 1200, peerGbps: 100, ratio: { min: 0.5, mean: (3 + 0.5) / 2, max: 3 } });
  });
  it('generated torus: no switches, no levels', () => {
    expect(computeBandwidth(ctxOf(generateTorus({ dims: [4, 4] }))).oversubscription).toEqual([]);
  });
});
