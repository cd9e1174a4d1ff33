// The chart's short labels and its choice of panels (the numbers themselves are the table's, checked in Chromium).
import { describe, expect, it } from 'vitest';
import type { Comparison, ComparisonRow } from '../../src/compare/index.js';
import { chartRows, compactNumber } from '../../web/views/compare-chart.js';
import { direction, formatRelative } from '../../web/views/compare-view.js';

describe('compactNumber', () => {
  it.each([
    [1_668_240_000, '1.67 B'], [990_673_600, '991 M'], [100_000_000, '100 M'], [2_000_000_000_000, '2 T'], [12_000, '12 K'],
    [10_000, '10 K'], [9_999, '9999'], [2000, '2000'], [631.6, '632'], [100, '100'], [71.7, '71.7'], [35.4, '35.4'],
    [20, '20'], [1, '1'], [0.0123, '0.0123'], [0.5, '0.5'], [0, '0'], [-1500000, '-1.5 M'], [null, '—'], [Infinity, '—'],
  ])('%s -> %s', (v, text) => expect(compactNumber(v as number | null)).toBe(text));
});

describe('formatRelative', () => {
  it.each([[null, ''], [0, '±0 %'], [0.0004, '±0 %'], [0.5, '+50 %'], [-0.123, '−12 %'], [0.031, '+3.1 %'], [9, '+900 %']])(
    '%s -> %s', (r, text) => expect(formatRelative(r as number | null)).toBe(text));
});

describe('direction', () => {
  it.each([
    ['higher', 0.2, 'better'], ['higher', -0.2, 'worse'], ['lower', 0.2, 'worse'], ['lower', -0.2, 'better'],
    ['lower', 0.0001, ''], [null, 0.5, ''], ['higher', null, ''],
  ])('%s is better, %s -> %s', (better, rel, want) => expect(direction(better as 'higher' | 'lower' | null, rel as number | null)).toBe(want));
});

describe('chartRows', () => {
  const row = (key: string, section: string, values: (number | null)[]): ComparisonRow =>
    ({ key, section, label: key, unit: '', better: 'lower', digits: 0, how: '', values, relative: values.map(() => null), best: [] });
  it('one panel per section in the preferred order, at most five, none for a row without values', () => {
    const cmp: Comparison = {
      designs: ['a', 'b'], baseline: 0,
      rows: [
        row('cost.capexUsd', 'Cost', [1, 2]), row('cost.capexKrw', 'Cost', [1400, 2800]),
        row('bisection.perAcceleratorGbps', 'Bisection', [null, null]), row('bisection.lowerGbps', 'Bisection', [5, 6]),
        row('allToAll.ecmpThetaGbps', 'All-to-all', [3, 4]), row('power.facilityKw', 'Power', [7, 8]),
        row('latency.p99Ns', 'Latency', [9, 9]), row('tco.krwPerUsedAcceleratorHour', 'Ownership', [10, 11]),
      ],
    };
    expect(chartRows(cmp).map((r) => r.key)).toEqual(['tco.krwPerUsedAcceleratorHour', 'cost.capexKrw', 'bisection.lowerGbps', 'allToAll.ecmpThetaGbps', 'power.facilityKw']);
  });
});
