import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCost, takeInventory } from '../../../src/metrics/cost/index.js';
import { LightfabricError } from '../../../src/model/errors.js';
import type { FabricDocument } from '../../../src/model/types.js';
import { ctxOf, doc, gpus, link, node, rack } from '../optics/tiny.js';

/** One DGX-style H100 server (8 GPUs, 4 NVSwitch chips inside), a QM9700 leaf, 8 x 400G on twin-port 2xSR4 at 20 m. */
function dgx(): FabricDocument {
  const g = gpus('g', 's1', 'r1');
  const nvs = [0, 1, 2, 3].map((i) => node(`nvs${i}`, 'switch', 'nvidia-nvswitch-gen3', { rack: 'r1' }));
  return doc({
    racks: [rack('r1', 40)],
    nodes: [...g, ...nvs, node('leaf', 'switch', 'nvidia-qm9700', { rack: 'r1' })],
    links: [
      ...g.map((x, i) => link(`up${i}`, x.id, 'leaf', { gbps: 400, lengthM: 20, medium: 'mmf', transceiver: 'osfp-800g-2xsr4' })),
      ...g.flatMap((x, i) => nvs.map((s, j) => link(`nv${i}-${j}`, x.id, s.id, { gbps: 800, lengthM: 0.5, medium: 'scale-up' }))),
    ],
  });
}

describe('computeCost on one DGX H100 and a leaf', () => {
  const r = computeCost(ctxOf(dgx()), { bisectionGbps: 1600 });

  it('prices every BOM line from the catalog', () => {
    expect(r.bom.map((l) => [l.kind, l.model, l.quantity, l.unit, l.unitPriceUsd, l.totalUsd])).toEqual([
      ['accelerator', 'nvidia-h100-sxm', 8, 'each', 27_500, 220_000],
      ['server', 'nvidia-h100-sxm', 1, 'each', 60_000, 60_000],
      ['switch', 'nvidia-qm9700', 1, 'each', 35_000, 35_000],
      // 400G links on 800G twin-port modules: 2 x 400 / 800 = 1 module per link
      ['transceiver', 'osfp-800g-2xsr4', 8, 'each', 900, 7_200],
      ['fibre', 'mmf', 160, 'm', 2, 320],
    ]);
    expect(r.bom.every((l) => l.estimate && l.source !== undefined)).toBe(true);
    expect(r.bom[0].source).toMatchObject({ flag: 'E' });
  });

  it('totals: capex, KRW, per accelerator, network share, per Tb/s of bisection', () => {
    expect(r.capexUsd).toBe(322_520);
    expect(r.krwPerUsd).toBe(1400);
    expect(r.krwPerUsdSource).toBe('catalog');
    expect(r.capexKrw).toBe(451_528_000);
    expect(r.accelerators).toBe(8);
    expect(r.servers).toBe(1);
    expect(r.costPerAcceleratorUsd).toBe(40_315);
    expect(r.networkUsd).toBe(42_520);
    expect(r.networkShare).toBeCloseTo(42_520 / 322_520, 15);
    expect(r.byKindUsd).toMatchObject({ accelerator: 220_000, server: 60_000, switch: 35_000, transceiver: 7_200, fibre: 320, ocs: 0 });
    expect(r.costPerTbpsUsd).toBe(201_575);
    expect(r.networkCostPerTbpsUsd).toBe(26_575);
    expect(r.estimatedUsd).toBe(322_520);
    expect(r.problems).toEqual([]);
  });
});

describe('computeCost: overrides and settings', () => {
  it('a negotiated GPU price in catalogOverrides lowers capex by exactly 8 x 3,500', () => {
    const d = dgx();
    const base = computeCost(ctxOf(d)).capexUsd;
    d.catalogOverrides = { 'nvidia-h100-sxm': { priceUsd: 24_000 } };
    const r = computeCost(ctxOf(d));
    expect(r.capexUsd).toBe(base - 28_000);
    expect(r.bom[0].source).toMatchObject({ flag: 'U' });
  });

  it('every priced value is overridable: module, switch, server overhead, fibre per metre, exchange rate', () => {
    const d = dgx();
    d.catalogOverrides = {
      'osfp-800g-2xsr4': { priceUsd: 1000 }, 'nvidia-qm9700': { priceUsd: 30_000 },
      'nvidia-h100-sxm': { serverOverheadCostUsd: 50_000 }, fibre: { mmfCostUsdPerM: 3 }, facility: { krwPerUsd: 1300 },
    };
    const r = computeCost(ctxOf(d));
    expect(r.capexUsd).toBe(322_520 + 800 - 5_000 - 10_000 + 160);
    expect(r.krwPerUsd).toBe(1300);
    expect(r.capexKrw).toBe(r.capexUsd * 1300);
  });

  it('krwPerUsd: option over settings over catalog; a bad setting is reported and ignored', () => {
    const d = dgx();
    d.settings = { krwPerUsd: 1350 };
    expect(computeCost(ctxOf(d))).toMatchObject({ krwPerUsd: 1350, krwPerUsdSource: 'settings' });
    expect(computeCost(ctxOf(d), { krwPerUsd: 1500 })).toMatchObject({ krwPerUsd: 1500, krwPerUsdSource: 'option' });
    d.settings = { krwPerUsd: -3 };
    const r = computeCost(ctxOf(d));
    expect(r).toMatchObject({ krwPerUsd: 1400, krwPerUsdSource: 'catalog' });
    expect(r.problems).toEqual([expect.objectContaining({ path: 'settings.krwPerUsd', code: 'bad-setting' })]);
  });

  it('throws a typed error for a bad option', () => {
    expect(() => computeCost(ctxOf(dgx()), { krwPerUsd: 0 })).toThrow(LightfabricError);
    expect(() => computeCost(ctxOf(dgx()), { bisectionGbps: Number.NaN })).toThrow(LightfabricError);
  });

  it('a zero bisection has no cost per Tb/s', () => {
    expect(computeCost(ctxOf(dgx()), { bisectionGbps: 0 }).costPerTbpsUsd).toBeNull();
  });
});

describe('computeCost: counting', () => {
  it('servers: named by `server`, else perServer per model and rack', () => {
    const d = doc({
      racks: [rack('r1', 100), rack('r2', 100)],
      nodes: [
        ...gpus('a', 'sa', 'r1'), ...gpus('b', 'sb', 'r1'),
        ...gpus('c', undefined, 'r1', 'nvidia-h100-sxm', 12), ...gpus('d', undefined, 'r2', 'nvidia-h100-sxm', 4),
        ...gpus('m', undefined, undefined, 'amd-mi300x', 9),
      ],
    });
    const r = computeCost(ctxOf(d));
    // H100: 2 named + ceil(12/8) in r1 + ceil(4/8) in r2 = 5; MI300X: ceil(9/8) = 2
    const servers = r.bom.filter((l) => l.kind === 'server').map((l) => [l.model, l.quantity, l.totalUsd]);
    expect(servers).toEqual([['amd-mi300x', 2, 100_000], ['nvidia-h100-sxm', 5, 300_000]]);
    expect(r.servers).toBe(7);
    expect(takeInventory(ctxOf(d)).servers).toEqual([
      { model: 'amd-mi300x', servers: 2 },
      { model: 'nvidia-h100-sxm', rack: 'r1', servers: 4 },
      { model: 'nvidia-h100-sxm', rack: 'r2', servers: 1 },
    ]);
  });

  it('a server holding two models counts once and is flagged', () => {
    const d = doc({ nodes: [...gpus('a', 's1', undefined, 'nvidia-h100-sxm', 4), ...gpus('b', 's1', undefined, 'nvidia-h200-sxm', 4)] });
    const r = computeCost(ctxOf(d));
    expect(r.bom.filter((l) => l.kind === 'server').map((l) => [l.model, l.quantity])).toEqual([['nvidia-h100-sxm', 1]]);
    expect(r.problems).toEqual([expect.objectContaining({ path: 'nodes[4].server', code: 'mixed-server', severity: 'warning' })]);
  });

  it('modules: gbps / module gbps per end, rounded up to half a module; cables as half-cables; fibre plant', () => {
    const d = doc({
      nodes: [node('s1', 'switch', 'broadcom-th5'), node('s2', 'switch', 'broadcom-th5')],
      links: [
        link('a', 's1', 's2', { gbps: 800, lengthM: 100, medium: 'smf', transceiver: 'osfp-800g-dr8' }), // 2 modules
        link('b', 's1', 's2', { gbps: 400, lengthM: 50, medium: 'smf', transceiver: 'osfp-800g-dr8' }), // 1 module
        link('c', 's1', 's2', { gbps: 400, lengthM: 2, medium: 'copper', transceiver: 'dac-400g' }), // 2 half-cables
        link('d', 's1', 's2', { gbps: 800, lengthM: 10, medium: 'mmf', transceiver: 'aoc-800g' }), // 2 half-cables
        link('e', 's1', 's2', { gbps: 1600, lengthM: 30, medium: 'smf', transceiver: 'osfp-800g-dr8' }), // 4 modules
        link('f', 's1', 's2', { gbps: 800, lengthM: 7, medium: 'scale-up' }), // electrical: no fibre
        link('h', 's1', 's2', { gbps: 375, lengthM: 40, medium: 'scale-up', transceiver: 'osfp-400g-dr4' }), // ICI over optics: 2 modules, 40 m smf
        link('g', 's1', 's2', { gbps: 400, lengthM: 20, medium: 'mmf' }), // fibre with no optic: fibre counted
      ],
    });
    const r = computeCost(ctxOf(d));
    const rows = r.bom.filter((l) => l.kind !== 'switch').map((l) => [l.model, l.quantity, l.unit, l.totalUsd]);
    expect(rows).toEqual([
      ['aoc-800g', 2, 'half-cable', 1200],
      ['dac-400g', 2, 'half-cable', 150],
      ['osfp-400g-dr4', 2, 'each', 1400],
      ['osfp-800g-dr8', 7, 'each', 7700],
      ['smf', 220, 'm', 330],
      ['mmf', 20, 'm', 40],
    ]);
    expect(r.capexUsd).toBe(2 * 25_000 + 1200 + 150 + 1400 + 7700 + 330 + 40);
    expect(r.costPerAcceleratorUsd).toBeNull();
    expect(r.networkShare).toBe(1);
  });

  it('gateways, OCS, patch panels and amplifiers of long coherent runs', () => {
    const d = doc({
      nodes: [
        node('gw', 'gateway', 'research-router-400g'), node('b', 'switch', 'nvidia-sn5600'),
        node('o', 'ocs', 'ocs-mems-136'), node('p', 'patch-panel', 'patch-panel-lc-96'),
      ],
      links: [link('w', 'gw', 'b', { gbps: 400, lengthM: 200_000, transceiver: 'qsfpdd-400zr-plus', via: ['p', 'o'] })],
    });
    const r = computeCost(ctxOf(d));
    expect(r.bom.map((l) => [l.kind, l.model, l.quantity, l.totalUsd])).toEqual([
      ['switch', 'nvidia-sn5600', 1, 60_000],
      ['gateway', 'research-router-400g', 1, 80_000],
      ['ocs', 'ocs-mems-136', 1, 60_000],
      ['patch-panel', 'patch-panel-lc-96', 1, 800],
      ['transceiver', 'qsfpdd-400zr-plus', 2, 12_000],
      ['fibre', 'smf', 200_000, 300_000],
      ['amplifier', 'inline-amplifier', 2, 30_000],
    ]);
    expect(r.capexUsd).toBe(60_000 + 80_000 + 60_000 + 800 + 12_000 + 300_000 + 30_000);
  });

  it('skips scale-up chips inside servers and reports unknown or mismatched models', () => {
    const d = doc({
      nodes: [
        node('n', 'switch', 'nvidia-nvswitch-gen4'), node('x', 'switch', 'no-such-switch'), node('y', 'accelerator', 'nvidia-qm9700'),
        node('t', 'accelerator', 'nvidia-gb200', { server: 'tray1' }),
      ],
    });
    const r = computeCost(ctxOf(d));
    expect(takeInventory(ctxOf(d)).includedInServer).toBe(1);
    expect(r.problems.map((p) => [p.path, p.code])).toEqual([['nodes[1].model', 'unknown-model'], ['nodes[2].model', 'model-kind-mismatch']]);
    // GB200: the rack price is spread over the GPUs, the tray overhead costs nothing extra
    expect(r.bom.map((l) => [l.kind, l.quantity, l.totalUsd])).toEqual([['accelerator', 1, 34_722], ['server', 1, 0]]);
  });
});

describe('computeCost: properties', () => {
  it('capex is the sum of the lines, and scaling one price scales its lines exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 100_000 }),
      (accelerators, links, price) => {
        const g = gpus('g', undefined, undefined, 'nvidia-h200-sxm', accelerators);
        const d = doc({
          nodes: [...g, node('leaf', 'switch', 'nvidia-qm9700')],
          links: Array.from({ length: links }, (_, i) => link(`l${i}`, g[i % accelerators].id, 'leaf', { transceiver: 'osfp-400g-dr4', lengthM: 10 + i })),
        });
        const base = computeCost(ctxOf(d));
        expect(base.capexUsd).toBeCloseTo(base.bom.reduce((s, l) => s + l.totalUsd, 0), 6);
        expect(base.bom.find((l) => l.kind === 'server')!.quantity).toBe(Math.ceil(accelerators / 8));
        d.catalogOverrides = { 'nvidia-h200-sxm': { priceUsd: price } };
        const r = computeCost(ctxOf(d));
        expect(r.capexUsd - base.capexUsd).toBeCloseTo(accelerators * (price - 32_000), 6);
        expect(r.networkUsd).toBeCloseTo(base.networkUsd, 9);
      }), { numRuns: 50 });
  });
});
