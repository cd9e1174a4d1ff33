// compareReports on hand-built reports: best designs with ties, relative differences against baselines of 0 and
// null, the budget row, misuse as typed errors, and properties of rows over random values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPARED_METRICS, compareReports, type ComparisonRow } from '../../src/compare/index.js';
import { LightfabricError } from '../../src/model/errors.js';
import { capexReport, handReport } from './support.js';

const row = (rows: ComparisonRow[], key: string): ComparisonRow => {
  const r = rows.find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key}`);
  return r;
};

describe('compareReports', () => {
  it('one row per compared metric in order, one value per design in input order, names kept', () => {
    const c = compareReports([{ name: 'A', report: capexReport(100) }, { name: 'B', report: capexReport(300) }]);
    expect(c.designs).toEqual(['A', 'B']);
    expect(c.baseline).toBe(0);
    expect(c.rows.map((r) => r.key)).toEqual(COMPARED_METRICS.map((m) => m.key));
    for (const r of c.rows) {
      expect(r.values).toHaveLength(2);
      expect(r.relative).toHaveLength(2);
    }
    const capex = row(c.rows, 'cost.capexUsd');
    expect(capex).toMatchObject({ section: 'Cost', label: 'Capex', unit: 'USD', better: 'lower', values: [100, 300], relative: [null, 2], best: [0] });
    expect(row(c.rows, 'cost.capexPerAcceleratorUsd').values).toEqual([12.5, 37.5]); // 100 / 8, 300 / 8
  });

  it('best lists every design tied at the best value; none for rows without a direction', () => {
    const reports = [
      handReport({ cost: { capexUsd: 100 }, bisection: { lowerGbps: 10 } }, { accelerators: 4 }),
      handReport({ cost: { capexUsd: 50 }, bisection: { lowerGbps: 20 } }, { accelerators: 4 }),
      handReport({ cost: { capexUsd: 50 }, bisection: { lowerGbps: 20 } }, { accelerators: 4 }),
    ];
    const c = compareReports(reports.map((report, i) => ({ name: `d${i}`, report })));
    expect(row(c.rows, 'cost.capexUsd').best).toEqual([1, 2]);
    expect(row(c.rows, 'bisection.lowerGbps').best).toEqual([1, 2]);
    // 100 / 0.01 Tbps = 10,000; 50 / 0.02 = 2,500 (twice)
    expect(row(c.rows, 'cost.usdPerTbps')).toMatchObject({ values: [10_000, 2500, 2500], best: [1, 2], relative: [null, -0.75, -0.75] });
    // counts have no better direction, even when they differ
    expect(row(c.rows, 'counts.accelerators').best).toEqual([]);
  });

  it('values equal up to float rounding tie; a real difference does not', () => {
    const a = 400 / 15;
    const b = (400 * 3) / 45; // the same rate reached another way: may differ in the last bit
    const rate = (x: number) => handReport({ throughput: { allToAll: { ecmp: { lambdaGbps: x } } } });
    const tie = compareReports([{ name: 'a', report: rate(a) }, { name: 'b', report: rate(b) }]);
    expect(row(tie.rows, 'allToAll.ecmpLambdaGbps').best).toEqual([0, 1]);
    const apart = compareReports([{ name: 'a', report: rate(a) }, { name: 'b', report: rate(a * (1 + 1e-6)) }]);
    expect(row(apart.rows, 'allToAll.ecmpLambdaGbps').best).toEqual([1]);
  });

  it('no best with fewer than two values; null values never best', () => {
    const c = compareReports([
      { name: 'a', report: capexReport(null) }, { name: 'b', report: capexReport(70) }, { name: 'c', report: capexReport(null) },
    ]);
    expect(row(c.rows, 'cost.capexUsd')).toMatchObject({ values: [null, 70, null], best: [] });
    const two = compareReports([
      { name: 'a', report: capexReport(90) }, { name: 'b', report: capexReport(null) }, { name: 'c', report: capexReport(60) },
    ]);
    expect(row(two.rows, 'cost.capexUsd').best).toEqual([2]);
  });

  it('relative: (value - baseline) / |baseline|; null for the baseline, null values, and a baseline of 0 or null', () => {
    const c = compareReports([
      { name: 'a', report: capexReport(200) }, { name: 'b', report: capexReport(150) }, { name: 'c', report: capexReport(null) },
      { name: 'd', report: capexReport(500) },
    ], { baseline: 0 });
    expect(row(c.rows, 'cost.capexUsd').relative).toEqual([null, -0.25, null, 1.5]);

    const zero = compareReports([{ name: 'a', report: capexReport(0) }, { name: 'b', report: capexReport(150) }]);
    expect(row(zero.rows, 'cost.capexUsd').relative).toEqual([null, null]);

    const fromNull = compareReports([{ name: 'a', report: capexReport(null) }, { name: 'b', report: capexReport(150) }]);
    expect(row(fromNull.rows, 'cost.capexUsd').relative).toEqual([null, null]);

    // a subnormal baseline would give an infinite ratio: null, never Infinity (JSON has no Infinity)
    const tiny = compareReports([{ name: 'a', report: capexReport(5e-324) }, { name: 'b', report: capexReport(1) }]);
    expect(row(tiny.rows, 'cost.capexUsd').relative).toEqual([null, null]);

    // a negative baseline (loss margins can be): the sign says whether the value went up
    const margin = (minDb: number) => handReport({ optics: { margin: { minDb } } });
    const neg = compareReports([{ name: 'a', report: margin(-2) }, { name: 'b', report: margin(1) }, { name: 'c', report: margin(-3) }]);
    expect(row(neg.rows, 'optics.minMarginDb')).toMatchObject({ relative: [null, 1.5, -0.5], best: [1] });
  });

  it('another baseline: differences are measured from it and it gets null', () => {
    const c = compareReports([{ name: 'a', report: capexReport(200) }, { name: 'b', report: capexReport(100) }], { baseline: 1 });
    expect(c.baseline).toBe(1);
    expect(row(c.rows, 'cost.capexUsd').relative).toEqual([1, null]);
  });

  it('budget: a "capex of budget" row right after the KRW capex, only when a budget is given', () => {
    const designs = [{ name: 'a', report: capexReport(1_000_000) }, { name: 'b', report: capexReport(500_000) }];
    expect(compareReports(designs).rows.some((r) => r.key === 'cost.budgetPercent')).toBe(false);
    const c = compareReports(designs, { budgetKrw: 2_000_000_000 });
    const keys = c.rows.map((r) => r.key);
    expect(keys.indexOf('cost.budgetPercent')).toBe(keys.indexOf('cost.capexKrw') + 1);
    expect(keys).toHaveLength(COMPARED_METRICS.length + 1);
    // 1,000,000 USD x 1,400 = 1.4e9 KRW = 70 % of 2e9; half that for b
    const budget = row(c.rows, 'cost.budgetPercent');
    expect(budget.values[0]).toBeCloseTo(70, 12);
    expect(budget.values[1]).toBeCloseTo(35, 12);
    expect(budget).toMatchObject({ unit: '%', better: 'lower', best: [1], relative: [null, -0.5] });
  });

  it('misuse throws a typed error: a baseline that is no design index, a budget that is not > 0', () => {
    const designs = [{ name: 'a', report: capexReport(1) }, { name: 'b', report: capexReport(2) }];
    for (const options of [{ baseline: 2 }, { baseline: -1 }, { baseline: 0.5 }, { budgetKrw: 0 }, { budgetKrw: -5 }, { budgetKrw: Number.NaN }]) {
      let error: unknown;
      try {
        compareReports(designs, options);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(options)).toBeInstanceOf(LightfabricError);
      expect((error as LightfabricError).code).toBe('bad-option');
    }
  });

  it('no designs: rows with empty values (a view may ask before anything is loaded)', () => {
    const c = compareReports([]);
    expect(c.designs).toEqual([]);
    for (const r of c.rows) expect(r).toMatchObject({ values: [], relative: [], best: [] });
  });

  it('is plain JSON: a JSON round trip gives the same comparison', () => {
    const c = compareReports([{ name: 'a', report: capexReport(3) }, { name: 'b', report: capexReport(4) }], { budgetKrw: 100 });
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });

  it('property: best holds exactly the extreme values, relative rebuilds each value from the baseline', () => {
    const value = fc.option(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { nil: null });
    fc.assert(fc.property(fc.array(value, { minLength: 1, maxLength: 6 }), fc.nat(), (values, pick) => {
      const baseline = pick % values.length;
      const c = compareReports(values.map((v, i) => ({ name: `d${i}`, report: capexReport(v) })), { baseline });
      const capex = row(c.rows, 'cost.capexUsd');
      expect(capex.values).toEqual(values);
      const present = values.filter((v): v is number => v !== null);
      if (present.length < 2) expect(capex.best).toEqual([]);
      else {
        const min = Math.min(...present);
        const atMin = values.flatMap((v, i) => (v !== null && Math.abs(v - min) <= 1e-9 * Math.max(Math.abs(v), Math.abs(min)) ? [i] : []));
        expect(capex.best).toEqual(atMin);
      }
      const b = values[baseline];
      capex.relative.forEach((r, i) => {
        const v = values[i];
        if (i === baseline || v === null || b === null || b === 0) expect(r).toBeNull();
        else if (!Number.isFinite((v - b) / Math.abs(b))) expect(r).toBeNull(); // subnormal baseline: no ratio
        else expect(b + r! * Math.abs(b)).toBeCloseTo(v, 3);
      });
    }));
  });
});
