// Number formatting of the page and export file names, against values written out by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../web/io/export-design.js';
import { formatCount, formatDurationMs, formatNumber, formatSignificant, NO_VALUE } from '../../web/views/format.js';

describe('formatNumber', () => {
  it('groups thousands and rounds to the decimals asked for, dropping trailing zeros', () => {
    expect(formatNumber(990673600)).toBe('990,673,600');
    expect(formatNumber(2.2666666666666666, 3)).toBe('2.267');
    expect(formatNumber(529.94, 1)).toBe('529.9');
    expect(formatNumber(3200, 2)).toBe('3,200');
    expect(formatNumber(22.556, 2)).toBe('22.56');
    expect(formatNumber(0.5, 0)).toBe('1'); // Intl rounds half away from zero
    expect(formatNumber(-0.0001, 2)).toBe('0');
  });
  it('shows no value for null, NaN and infinities', () => {
    for (const x of [null, undefined, NaN, Infinity, -Infinity]) expect(formatNumber(x as number | null)).toBe(NO_VALUE);
  });
});

describe('formatSignificant', () => {
  it('keeps four significant digits below 10,000 and whole numbers above', () => {
    expect(formatSignificant(0.390625)).toBe('0.3906');
    expect(formatSignificant(0.003794)).toBe('0.003794');
    expect(formatSignificant(42.10526315789474)).toBe('42.11');
    expect(formatSignificant(241.1764705882353)).toBe('241.2');
    expect(formatSignificant(400 / 15)).toBe('26.67');
    expect(formatSignificant(9999.4)).toBe('9,999');
    expect(formatSignificant(204800)).toBe('204,800');
    expect(formatSignificant(0)).toBe('0');
    expect(formatSignificant(null)).toBe(NO_VALUE);
  });
  it('is within half a unit of the last digit shown', () => {
    fc.assert(fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), (x) => {
      const shown = Number(formatSignificant(x).replaceAll(',', ''));
      const unit = x >= 1e4 ? 1 : 10 ** (Math.floor(Math.log10(x)) - 3);
      expect(Math.abs(shown - x)).toBeLessThanOrEqual(unit / 2 + 1e-9 * x);
    }));
  });
});

describe('formatCount and formatDurationMs', () => {
  it('pluralise and pick a unit', () => {
    expect(formatCount(1, 'rack')).toBe('1 rack');
    expect(formatCount(1360, 'rack')).toBe('1,360 racks');
    expect(formatCount(2, 'switch', 'switches')).toBe('2 switches');
    expect(formatDurationMs(49.4)).toBe('49 ms');
    expect(formatDurationMs(1530)).toBe('1.53 s');
  });
});

describe('exportFileName', () => {
  it('turns the design name into lower-case words joined by dashes', () => {
    expect(exportFileName('Two DGX servers, two leaves and an OCS')).toBe('two-dgx-servers-two-leaves-and-an-ocs.json');
    expect(exportFileName('k=16 fat-tree (1,024 accelerators)')).toBe('k-16-fat-tree-1-024-accelerators.json');
    expect(exportFileName('Café Ünïcode')).toBe('cafe-unicode.json');
    expect(exportFileName('국가 AI 센터')).toBe('ai.json');
    expect(exportFileName('')).toBe('fabric.json');
    expect(exportFileName('!!!')).toBe('fabric.json');
  });
  it('always gives a short, safe name', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (name) => {
      expect(exportFileName(name)).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?\.json$/);
    }));
  });
});
