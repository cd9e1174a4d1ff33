import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../src/catalog/index.js';
import { generateFatTree, generateTorus } from '../../src/generators/index.js';
import { GeneratorParamError } from '../../src/model/errors.js';
import { cableLengthM, DEFAULT_FLOOR, floorOptions, rackPosition } from '../../src/placement/floor.js';
import { packRacks } from '../../src/placement/racks.js';
import { countBy } from '../generators/support.js';

describe('floor layout', () => {
  it('places racks row-major at the pitch', () => {
    const f = floorOptions({ racksPerRow: 10 });
    expect(rackPosition(0, f)).toEqual({ xM: 0.3, yM: 0, row: 0 });
    expect(rackPosition(9, f)).toEqual({ xM: 5.7, yM: 0, row: 0 });
    expect(rackPosition(10, f)).toEqual({ xM: 0.3, yM: 2.4, row: 1 });
    expect(rackPosition(23, f)).toEqual({ xM: 2.1, yM: 4.8, row: 2 });
  });

  it('cable length: same rack 2 m, else Manhattan + 2 vertical runs + slack', () => {
    const f = DEFAULT_FLOOR;
    expect(cableLengthM({ xM: 0.3, yM: 0 }, { xM: 0.3, yM: 0 }, true, f)).toBe(2);
    // Neighbouring racks: 0.6 + 2 x 1.5 + 1 = 4.6 m.
    expect(cableLengthM({ xM: 0.3, yM: 0 }, { xM: 0.9, yM: 0 }, false, f)).toBe(4.6);
    // Three rows and ten racks apart: 6 + 7.2 + 3 + 1 = 17.2 m.
    expect(cableLengthM({ xM: 0.3, yM: 0 }, { xM: 6.3, yM: 7.2 }, false, f)).toBe(17.2);
  });

  it('longer floors give longer links and different optics', () => {
    const compact = generateFatTree({ k: 8 });
    const stretched = generateFatTree({ k: 8, racksPerRow: 1, rowPitchM: 30 });
    const max = (d: typeof compact) => Math.max(...d.links.map((l) => l.lengthM));
    expect(max(stretched)).toBeGreaterThan(5 * max(compact));
    const tx = (d: typeof compact) => countBy(d.links, (l) => l.transceiver);
    expect(tx(compact)['osfp-800g-dr8']).toBeUndefined();
    expect(tx(stretched)['osfp-800g-dr8']).toBeGreaterThan(0);
  });
});

describe('rack packing', () => {
  const unit = (i: number, powerW: number, rackUnits: number) => ({ nodes: [i], powerW, rackUnits, liquid: false });

  it('starts a new rack at the power limit, then at the rack-unit limit', () => {
    const f = floorOptions({ cooling: 'air' });
    // 10.2 kW DGX-class servers: 2 fit under 30 kW, the third opens a rack.
    const byPower = packRacks([{ id: 'z', units: [0, 1, 2, 3, 4].map((i) => unit(i, 10_200, 8)) }], 5, f, DEFAULT_CATALOG, 'dc');
    expect(byPower.racks.length).toBe(3);
    expect([...byPower.nodeRack]).toEqual([0, 0, 1, 1, 2]);
    expect(byPower.racks[0]).toMatchObject({ powerLimitKw: 30, cooling: 'air', site: 'dc' });
    // Liquid racks (130 kW): 42U holds five 8U servers.
    const liquid = floorOptions({ cooling: 'liquid' });
    const byUnits = packRacks([{ id: 'z', units: Array.from({ length: 11 }, (_, i) => unit(i, 10_200, 8)) }], 11, liquid, DEFAULT_CATALOG, 'dc');
    expect(byUnits.racks.length).toBe(3);
    expect(byUnits.racks[0].powerLimitKw).toBe(130);
  });

  it('each zone opens a rack; newRow zones open a row', () => {
    const f = floorOptions({ racksPerRow: 4, cooling: 'air' });
    const r = packRacks(
      [{ id: 'a', units: [unit(0, 100, 1)] }, { id: 'b', units: [unit(1, 100, 1)] }, { id: 'c', units: [unit(2, 100, 1)], newRow: true }],
      3, f, DEFAULT_CATALOG, 'dc',
    );
    expect(r.racks.map((x) => x.id)).toEqual(['r0-0', 'r0-1', 'r1-0']);
  });

  it('auto cooling goes liquid for liquid-cooled accelerators', () => {
    const doc = generateTorus({ dims: [4, 4, 4] });
    expect(doc.racks.every((r) => r.cooling === 'liquid' && r.powerLimitKw === 130)).toBe(true);
    expect(generateFatTree({ k: 4 }).racks.every((r) => r.cooling === 'air' && r.powerLimitKw === 30)).toBe(true);
  });

  it('rack power stays within every rack limit in generated fabrics', () => {
    for (const doc of [generateFatTree({ k: 8 }), generateFatTree({ k: 8, rackPowerKw: 45 }), generateTorus({ dims: [8, 8] })]) {
      const power = new Map<string, number>();
      const servers = new Set<string>();
      for (const n of doc.nodes) {
        const m = DEFAULT_CATALOG.get(n.model)!;
        let w = 0;
        if (m.kind === 'accelerator') {
          w = m.powerW + m.serverOverheadPowerW / m.perServer;
          if (n.server) servers.add(n.server);
        } else if (m.kind === 'switch') w = m.includedInServer ? 0 : m.powerW;
        power.set(n.rack!, (power.get(n.rack!) ?? 0) + w);
      }
      for (const r of doc.racks) expect(power.get(r.id)! / 1000).toBeLessThanOrEqual(r.powerLimitKw + 1e-9);
    }
  });

  it('a rack power limit of 45 kW holds four DGX-class servers (4 x 10.2 kW)', () => {
    const doc = generateFatTree({ k: 8, rackPowerKw: 45 });
    const perRack = countBy(doc.nodes.filter((n) => n.kind === 'accelerator'), (n) => n.rack);
    expect(Math.max(...Object.values(perRack))).toBe(16);
  });

  it('a device larger than a rack is a parameter error', () => {
    expect(() => generateTorus({ dims: [4, 4], cooling: 'air', rackPowerKw: 0.5 })).toThrow(GeneratorParamError);
    expect(() => generateTorus({ dims: [4, 4], cooling: 'air', rackPowerKw: 0.5 })).toThrow(/--cooling: .*0\.98 kW, over the 0\.5 kW/);
  });
});
