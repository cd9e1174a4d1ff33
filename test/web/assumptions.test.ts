// Reading the assumptions form (ranges as the CLI's flags) and where each BOM line's price lives in overrides.
import { describe, expect, it } from 'vitest';
import type { BomLine } from '../../src/metrics/cost/cost.js';
import { readAssumptions } from '../../web/views/assumptions-view.js';
import { priceField } from '../../web/views/prices-view.js';

describe('readAssumptions', () => {
  it('empty fields keep the defaults; numbers may carry thousands separators', () => {
    expect(readAssumptions({})).toEqual({ ok: true, assumptions: {} });
    expect(readAssumptions({ krwPerUsd: '1,385', pue: ' 1.2 ', tcoYears: '6', operatingRate: '0.5', utilisation: '', tariffKrwPerKwh: '0' }))
      .toEqual({ ok: true, assumptions: { krwPerUsd: 1385, pue: 1.2, tcoYears: 6, operatingRate: 0.5, tariffKrwPerKwh: 0 } });
  });

  it('names every value out of range, with what it got', () => {
    const r = readAssumptions({ pue: '0.9', operatingRate: '1.5', utilisation: '0', tcoYears: 'five', krwPerUsd: '-1', tariffKrwPerKwh: '-3' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map(([k]) => k).sort()).toEqual(['krwPerUsd', 'operatingRate', 'pue', 'tariffKrwPerKwh', 'tcoYears', 'utilisation']);
      expect(Object.fromEntries(r.problems).pue).toBe('PUE must be at least 1, got "0.9"');
      expect(Object.fromEntries(r.problems).tcoYears).toBe('Ownership period is not a number, got "five"');
    }
  });
});

describe('priceField', () => {
  const line = (kind: BomLine['kind'], model: string) => ({ kind, model }) as BomLine;
  it('maps each kind of line to its catalog field', () => {
    expect(priceField(line('accelerator', 'nvidia-h100-sxm'))).toEqual({ model: 'nvidia-h100-sxm', field: 'priceUsd' });
    expect(priceField(line('transceiver', 'aoc-400g'))).toEqual({ model: 'aoc-400g', field: 'priceUsd' });
    expect(priceField(line('server', 'nvidia-h100-sxm'))).toEqual({ model: 'nvidia-h100-sxm', field: 'serverOverheadCostUsd' });
    expect(priceField(line('fibre', 'smf'))).toEqual({ model: 'fibre', field: 'smfCostUsdPerM' });
    expect(priceField(line('fibre', 'mmf'))).toEqual({ model: 'fibre', field: 'mmfCostUsdPerM' });
    expect(priceField(line('amplifier', 'edfa'))).toBeNull();
  });
});
