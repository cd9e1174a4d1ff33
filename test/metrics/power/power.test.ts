import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annualEnergyKwh, computePower, HOURS_PER_YEAR } from '../../../src/metrics/power/index.js';
import { LightfabricError } from '../../../src/model/errors.js';
import type { FabricDocument, FabricNode } from '../../../src/model/types.js';
import { ctxOf, doc, gpus, link, node, rack } from '../optics/tiny.js';

function server(prefix: string, rackId?: string): FabricNode[] {
  return [
    ...gpus(`${prefix}g`, prefix, rackId),
    ...[0, 1, 2, 3].map((i) => node(`${prefix}nvs${i}`, 'switch', 'nvidia-nvswitch-gen3', rackId ? { rack: rackId } : {})),
  ];
}

describe('computePower: 8 H100 in one server', () => {
  const d = doc({ nodes: server('s1') });

  it('8 x 700 + 4,600 = 10,200 W; PUE 1.2 -> 12,240 W -> 107,222.4 kWh/yr -> x 182.7 KRW', () => {
    const r = computePower(ctxOf(d), { pue: 1.2 });
    expect(r.itW).toBe(10_200);
    expect(r.byKindW).toMatchObject({ accelerator: 5_600, server: 4_600, switch: 0, transceiver: 0 });
    expect(r.itWPerAccelerator).toBe(1_275);
    expect(r.pue).toBe(1.2);
    expect(r.pueSource).toBe('option');
    expect(r.facilityW).toBeCloseTo(12_240, 9);
    expect(r.hoursPerYear).toBe(8_760);
    expect(r.annualEnergyKwh).toBeCloseTo(107_222.4, 6);
    expect(r.tariffKrwPerKwh).toBe(182.7);
    expect(r.tariffSource).toBe('catalog');
    expect(r.annualEnergyCostKrw).toBeCloseTo(19_589_532.48, 4);
    expect(r.annualEnergyCostUsd).toBeCloseTo(19_589_532.48 / 1400, 6);
    expect(r.facility.facilityMw).toBeCloseTo(0.01224, 12);
    expect(r.facility.buildCostUsd).toBeCloseTo(122_400, 6);
    expect(r.facility.buildCostKrw).toBeCloseTo(122_400 * 1400, 3);
    expect(r.lines.map((l) => [l.kind, l.quantity, l.unitPowerW, l.totalW])).toEqual([
      ['accelerator', 8, 700, 5_600], ['server', 1, 4_600, 4_600],
    ]);
    expect(r.racks.unrackedW).toBe(10_200);
    expect(r.racks.racks).toEqual([]);
  });

  it('PUE and tariff: option over settings over the catalog (pueAverage 1.57, KEPCO 182.7)', () => {
    expect(computePower(ctxOf(d))).toMatchObject({ pue: 1.57, pueSource: 'catalog' });
    expect(computePower(ctxOf(d)).facilityW).toBeCloseTo(16_014, 9);
    const withSettings = { ...d, settings: { pue: 1.1, tariffKrwPerKwh: 165.8, krwPerUsd: 1300 } };
    const r = computePower(ctxOf(withSettings));
    expect(r).toMatchObject({ pue: 1.1, pueSource: 'settings', tariffKrwPerKwh: 165.8, tariffSource: 'settings', krwPerUsd: 1300 });
    expect(r.annualEnergyCostKrw).toBeCloseTo(10_200 * 1.1 / 1000 * 8760 * 165.8, 4);
    expect(computePower(ctxOf(withSettings), { tariffKrwPerKwh: 200 }).tariffKrwPerKwh).toBe(200);
  });

  it('a PUE below 1 in the file is reported and replaced; a bad option throws', () => {
    const r = computePower(ctxOf({ ...d, settings: { pue: 0.9 } }));
    expect(r.pue).toBe(1.57);
    expect(r.problems).toEqual([expect.objectContaining({ path: 'settings.pue', code: 'bad-setting' })]);
    expect(() => computePower(ctxOf(d), { pue: 0.5 })).toThrow(LightfabricError);
    expect(() => computePower(ctxOf(d), { utilisation: 1.5 })).toThrow(LightfabricError);
  });

  it('utilisation scales the energy, not the power', () => {
    const r = computePower(ctxOf(d), { pue: 1.2, utilisation: 0.5 });
    expect(r.facilityW).toBeCloseTo(12_240, 9);
    expect(r.annualEnergyKwh).toBeCloseTo(53_611.2, 6);
    expect(annualEnergyKwh(1000, 1)).toBe(HOURS_PER_YEAR);
  });

  it('follows catalog overrides of power', () => {
    const r = computePower(ctxOf({ ...d, catalogOverrides: { 'nvidia-h100-sxm': { powerW: 650, serverOverheadPowerW: 5000 } } }));
    expect(r.itW).toBe(8 * 650 + 5000);
  });
});

describe('computePower: network devices, optics and amplifiers', () => {
  it('switch + gateway + OCS + patch panel + 2 x 400ZR+ + 2 amplifiers = 940 + 1200 + 108 + 0 + 40 + 100 W', () => {
    const d = doc({
      nodes: [
        node('gw', 'gateway', 'research-router-400g'), node('b', 'switch', 'nvidia-sn5600'),
        node('o', 'ocs', 'ocs-mems-136'), node('p', 'patch-panel', 'patch-panel-lc-96'),
      ],
      links: [link('w', 'gw', 'b', { gbps: 400, lengthM: 200_000, transceiver: 'qsfpdd-400zr-plus', via: ['p', 'o'] })],
    });
    const r = computePower(ctxOf(d));
    expect(r.byKindW).toMatchObject({ switch: 940, gateway: 1200, ocs: 108, 'patch-panel': 0, transceiver: 40, amplifier: 100, fibre: 0 });
    expect(r.itW).toBe(2388);
    expect(r.itWPerAccelerator).toBeNull();
    expect(r.racks.unrackedW).toBe(2388);
  });

  it('a 400G link on a twin-port 800G module draws half the module at each end', () => {
    const d = doc({
      nodes: [node('a', 'switch', 'broadcom-th5'), node('b', 'switch', 'broadcom-th5')],
      links: [link('l', 'a', 'b', { gbps: 400, lengthM: 30, medium: 'mmf', transceiver: 'osfp-800g-2xsr4' })],
    });
    expect(computePower(ctxOf(d)).byKindW.transceiver).toBe(15);
  });
});

describe('computePower: racks', () => {
  function dgxWithLeaf(leafRack: string, limitKw = 40): FabricDocument {
    const nodes = [...server('s1', 'r1'), node('leaf', 'switch', 'nvidia-qm9700', { rack: leafRack })];
    return doc({
      racks: [rack('r1', limitKw), rack('r2', 20)],
      nodes,
      links: nodes.filter((n) => n.kind === 'accelerator')
        .map((g, i) => link(`u${i}`, g.id, 'leaf', { gbps: 400, lengthM: 20, medium: 'mmf', transceiver: 'osfp-800g-2xsr4' })),
    });
  }

  it('counts devices, server overhead and the modules at each end in the rack of that end', () => {
    // each end of a 400G link on a 15 W twin-port module: 7.5 W
    const same = computePower(ctxOf(dgxWithLeaf('r1')));
    expect(same.itW).toBe(5_600 + 4_600 + 940 + 120);
    expect(same.racks.racks[0]).toMatchObject({ rackId: 'r1', path: 'racks[0]', powerW: 11_260, powerLimitKw: 40, coolingLimitKw: 30 });
    expect(same.racks.racks[0].utilisation).toBeCloseTo(11_260 / 40_000, 15);
    const split = computePower(ctxOf(dgxWithLeaf('r2')));
    expect(split.racks.racks.map((x) => x.powerW)).toEqual([10_200 + 60, 940 + 60]);
    expect(split.racks.rackedW).toBe(11_260);
    expect(split.racks.unrackedW).toBe(0);
    expect(split.racks.maxKw).toBeCloseTo(10.26, 12);
    expect(split.racks.meanKw).toBeCloseTo(11.26 / 2, 12);
    expect(split.racks.violations).toEqual([]);
  });

  it('over the rack limit: a power-limit violation with the fix', () => {
    const r = computePower(ctxOf(dgxWithLeaf('r1', 10)));
    expect(r.racks.overPowerLimit).toBe(1);
    expect(r.racks.violations).toEqual([expect.objectContaining({ rackId: 'r1', path: 'racks[0]', kind: 'power-limit', powerW: 11_260, limitKw: 10 })]);
    expect(r.racks.violations[0].message).toContain('11.26 kW, over its 10 kW');
  });

  it('air above 30 kW is a cooling violation even when the power limit allows it', () => {
    const d = doc({ racks: [rack('r1', 50)], nodes: ['a', 'b', 'c', 'd'].flatMap((s) => server(s, 'r1')) });
    const r = computePower(ctxOf(d));
    expect(r.racks.racks[0].powerW).toBe(40_800);
    expect(r.racks.violations.map((v) => [v.kind, v.limitKw])).toEqual([['cooling', 30]]);
    expect(r.racks.violations[0].message).toContain('set cooling to "liquid"');
  });

  it('liquid above 130 kW: cooling; over the limit too: both', () => {
    const servers = Array.from({ length: 13 }, (_, i) => server(`s${i}`, 'r1')).flat();
    const ok = computePower(ctxOf(doc({ racks: [rack('r1', 200, 'liquid')], nodes: servers })));
    expect(ok.racks.racks[0].powerW).toBe(132_600);
    expect(ok.racks.violations.map((v) => [v.kind, v.limitKw])).toEqual([['cooling', 130]]);
    const both = computePower(ctxOf(doc({ racks: [rack('r1', 100, 'liquid')], nodes: servers })));
    expect(both.racks.violations.map((v) => v.kind)).toEqual(['power-limit', 'cooling']);
    const raised = computePower(ctxOf(doc({
      racks: [rack('r1', 200, 'liquid')], nodes: servers, catalogOverrides: { facility: { liquidCoolingLimitKw: 140 } },
    })));
    expect(raised.racks.violations).toEqual([]);
  });

  it('a node in an unknown rack is counted outside racks and reported', () => {
    const r = computePower(ctxOf(doc({ racks: [rack('r1', 30)], nodes: [node('x', 'switch', 'broadcom-th5', { rack: 'r9' })] })));
    expect(r.racks.unrackedW).toBe(800);
    expect(r.problems).toEqual([expect.objectContaining({ path: 'nodes[0].rack', code: 'dangling-rack' })]);
  });

  it('property: racked + unracked power is the IT power; IT power is the sum of the lines', () => {
    const models = ['nvidia-h100-sxm', 'amd-mi300x', 'intel-gaudi3', 'furiosa-rngd', 'nvidia-gb200'];
    const optics = ['osfp-400g-dr4', 'osfp-800g-2xsr4', 'dac-400g', 'qsfpdd-400zr-plus', undefined];
    fc.assert(fc.property(
      fc.array(fc.record({ model: fc.constantFrom(...models), rack: fc.constantFrom('r1', 'r2', undefined), server: fc.constantFrom('x', 'y', undefined) }), { minLength: 1, maxLength: 30 }),
      fc.array(fc.record({ a: fc.nat(), t: fc.constantFrom(...optics), lengthM: fc.constantFrom(2, 40, 90_000, 300_000), gbps: fc.constantFrom(200, 400, 800) }), { maxLength: 20 }),
      (accs, ls) => {
        const nodes: FabricNode[] = accs.map((a, i) => node(`g${i}`, 'accelerator', a.model, {
          ...(a.rack ? { rack: a.rack } : {}), ...(a.server ? { server: `${a.server}-${a.model}` } : {}),
        }));
        nodes.push(node('leaf', 'switch', 'nvidia-sn5600', { rack: 'r2' }));
        const d = doc({
          racks: [rack('r1', 30), rack('r2', 130, 'liquid')],
          nodes,
          links: ls.map((l, i) => link(`l${i}`, nodes[l.a % accs.length].id, 'leaf', { gbps: l.gbps, lengthM: l.lengthM, ...(l.t ? { transceiver: l.t } : {}) })),
        });
        const r = computePower(ctxOf(d));
        expect(r.racks.rackedW + r.racks.unrackedW).toBeCloseTo(r.itW, 6);
        expect(r.lines.reduce((s, l) => s + l.totalW, 0)).toBeCloseTo(r.itW, 6);
        expect(r.annualEnergyKwh).toBeCloseTo(r.itW * r.pue / 1000 * 8760, 6);
      }), { numRuns: 100 });
  });
});
