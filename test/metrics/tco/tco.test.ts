// Ownership: totals and the used accelerator-hour worked by hand, the reference operating rates, bad options, and
// the figure evaluateFabric reports for the example equal to its own cost and power sections.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../../src/format/index.js';
import type { CostReport } from '../../../src/metrics/cost/cost.js';
import { evaluateFabric } from '../../../src/metrics/evaluate.js';
import type { PowerReport } from '../../../src/metrics/power/power.js';
import { computeTco } from '../../../src/metrics/tco/tco.js';

const cost = { capexKrw: 1e9, krwPerUsd: 1250 } as CostReport;
const power = {
  annualEnergyCostKrw: 1e8, utilisation: 1, pue: 1.5, tariffKrwPerKwh: 180,
  facility: { buildCostKrw: 5e8 },
} as unknown as PowerReport;

describe('computeTco by hand', () => {
  it('1e9 equipment + 5e8 building + 5 x 1e8 energy = 2e9 KRW; 10 accelerators at 50 %: 2e9 / 219,000 h', () => {
    const t = computeTco(cost, power, 10, { years: 5, operatingRate: 0.5 });
    expect(t.totalKrw).toBe(2e9);
    expect(t.totalUsd).toBe(2e9 / 1250);
    expect(t.shares).toEqual({ equipment: 0.5, facility: 0.25, energy: 0.25 });
    expect(t.perAcceleratorKrw).toBe(2e8);
    // 10 accelerators x 5 years x 8,760 h x 0.5 = 219,000 used hours.
    expect(t.atOperatingRate.usedAcceleratorHours).toBe(219_000);
    expect(t.atOperatingRate.krwPerUsedAcceleratorHour).toBeCloseTo(2e9 / 219_000, 9);
    expect(t.atOperatingRate.usdPerUsedAcceleratorHour).toBeCloseTo(2e9 / 1250 / 219_000, 12);
    expect(t.byOperatingRate.map((x) => x.operatingRate)).toEqual([1, 0.7, 0.5, 0.3]);
    // Half the use, twice the price of a used hour.
    expect(t.byOperatingRate[2].krwPerUsedAcceleratorHour! / t.byOperatingRate[0].krwPerUsedAcceleratorHour!).toBeCloseTo(2, 12);
    expect(t.yearsSource).toBe('option');
  });

  it('defaults to 5 years (flagged as an estimate) at a 100 % operating rate; an asked rate joins the reference ones', () => {
    const t = computeTco(cost, power, 4);
    expect(t.years).toBe(5);
    expect(t.yearsSource).toBe('default');
    expect(t.notes.join(' ')).toMatch(/estimate/);
    expect(t.operatingRate).toBe(1);
    expect(t.atOperatingRate.usedAcceleratorHours).toBe(4 * 5 * 8760);
    expect(computeTco(cost, power, 4, { operatingRate: 0.42 }).byOperatingRate.map((x) => x.operatingRate)).toEqual([1, 0.7, 0.5, 0.42, 0.3]);
  });

  it('no accelerators: no per-accelerator figures; bad periods and rates are refused', () => {
    const t = computeTco(cost, power, 0);
    expect(t.perAcceleratorKrw).toBeNull();
    expect(t.atOperatingRate.krwPerUsedAcceleratorHour).toBeNull();
    for (const o of [{ years: 0 }, { years: -1 }, { years: Number.NaN }, { operatingRate: 0 }, { operatingRate: 1.2 }]) {
      expect(() => computeTco(cost, power, 4, o)).toThrow(/years|operatingRate/);
    }
  });
});

describe('tco in evaluateFabric', () => {
  it('the example: equipment + building + years x energy from its own cost and power sections', async () => {
    const r = parseTopology(readFileSync(join(import.meta.dirname, '..', '..', '..', 'topologies', 'small-two-servers.json'), 'utf8'));
    if (!r.ok) throw new Error('example');
    const report = await evaluateFabric(r.doc, { phases: ['cost', 'power'], tcoYears: 4, operatingRate: 0.6 });
    const t = report.tco!;
    expect(t.totalKrw).toBeCloseTo(report.cost!.capexKrw + report.power!.facility.buildCostKrw + 4 * report.power!.annualEnergyCostKrw, 3);
    expect(t.atOperatingRate.usedAcceleratorHours).toBeCloseTo(16 * 4 * 8760 * 0.6, 6);
    const without = await evaluateFabric(r.doc, { phases: ['cost'] });
    expect(without.tco).toBeUndefined();
  });
});
