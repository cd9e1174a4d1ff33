import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCatalog, DEFAULT_CATALOG, FIBRE, type TransceiverModel } from '../../../src/catalog/index.js';
import {
  endConnectorDb, fibreDbPerKm, isParallelOptic, linkLoss, spanPlan, type OpticalTransceiver,
} from '../../../src/metrics/optics/index.js';

const optic = (id: string) => DEFAULT_CATALOG.transceiver(id) as TransceiverModel as OpticalTransceiver;

describe('connectors: parallel optics terminate on MPO', () => {
  it.each([
    ['osfp-400g-sr4', true], ['osfp-800g-2xsr4', true], ['osfp-800g-sr8', true], ['osfp-400g-dr4', true],
    ['osfp-800g-2xdr4', true], ['osfp-800g-dr8', true], ['osfp-1600g-dr8', true],
    ['osfp-800g-2xfr4', false], ['qsfp-400g-lr4', false], ['qsfpdd-400zr', false], ['qsfpdd-400zr-plus', false],
    ['osfp-800zr', false], ['lpo-800g', false], ['cpo-800g', false], ['dac-400g', false], ['aoc-800g', false],
  ] as const)('%s parallel = %s', (id, parallel) => {
    const t = DEFAULT_CATALOG.transceiver(id)!;
    expect(isParallelOptic(t)).toBe(parallel);
    expect(endConnectorDb(t, FIBRE)).toBe(parallel ? 0.75 : 0.5);
  });
});

describe('attenuation by band', () => {
  it('uses the catalog values: MMF 850 -> 3, SMF 1310 -> 0.4, SMF 1550 -> 0.2 dB/km', () => {
    expect(fibreDbPerKm('mmf', 850, FIBRE)).toBe(3);
    expect(fibreDbPerKm('smf', 1310, FIBRE)).toBe(0.4);
    expect(fibreDbPerKm('smf', 1550, FIBRE)).toBe(0.2);
    expect(fibreDbPerKm('smf', 1271, FIBRE)).toBe(0.4); // CWDM O-band lane
  });

  it('follows a fibre override', () => {
    const c = createCatalog({ fibre: { smfDbPerKm1310: 0.35 } });
    expect(fibreDbPerKm('smf', 1310, c.fibre)).toBe(0.35);
  });
});

describe('spans and splices', () => {
  it('leaves non-coherent and short coherent runs as one span', () => {
    expect(spanPlan(400, false, FIBRE)).toEqual({ spans: 1, spanKm: 0.4, amplifiers: 0, splicesPerSpan: 0 });
    expect(spanPlan(80_000, true, FIBRE)).toEqual({ spans: 1, spanKm: 80, amplifiers: 0, splicesPerSpan: 39 });
  });

  it('cuts a coherent run into equal spans of at most amplifierSpacingKm', () => {
    // 200 km / 80 km -> 3 spans of 66.67 km, 2 amplifiers; 66.67 / 2 km reels -> 34 reels, 33 splices
    const p = spanPlan(200_000, true, FIBRE);
    expect(p.spans).toBe(3);
    expect(p.amplifiers).toBe(2);
    expect(p.spanKm).toBeCloseTo(200 / 3, 12);
    expect(p.splicesPerSpan).toBe(33);
    expect(spanPlan(160_000, true, FIBRE).spans).toBe(2);
    expect(spanPlan(160_001, true, FIBRE).spans).toBe(3);
  });

  it('puts a splice at every reel joint: 4 km -> 1, 4.1 km -> 2', () => {
    expect(spanPlan(2000, false, FIBRE).splicesPerSpan).toBe(0);
    expect(spanPlan(4000, false, FIBRE).splicesPerSpan).toBe(1);
    expect(spanPlan(4100, false, FIBRE).splicesPerSpan).toBe(2);
  });

  it('property: spans are the fewest that keep every span within the spacing', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2_000_000 }), (lengthM) => {
      const p = spanPlan(lengthM, true, FIBRE);
      expect(p.spans * p.spanKm).toBeCloseTo(lengthM / 1000, 6);
      expect(p.spanKm).toBeLessThanOrEqual(FIBRE.amplifierSpacingKm + 1e-9);
      if (p.spans > 1) expect(lengthM / 1000 / (p.spans - 1)).toBeGreaterThan(FIBRE.amplifierSpacingKm);
      expect(p.amplifiers).toBe(p.spans - 1);
    }));
  });
});

describe('linkLoss against hand-computed budgets', () => {
  it('400 m DR8 through one OCS: 0.4 x 0.4 + 2 x 0.75 + 2.0 = 3.66 dB vs 3 dB', () => {
    const l = linkLoss(400, optic('osfp-800g-dr8'), 2.0, FIBRE);
    expect(l.fibreDb).toBeCloseTo(0.16, 12);
    expect(l.connectorsDb).toBe(1.5);
    expect(l.passivesDb).toBe(2);
    expect(l.totalDb).toBeCloseTo(3.66, 12);
    expect(l.budgetDb).toBe(3);
    expect(l.marginDb).toBeCloseTo(-0.66, 12);
  });

  it('40 m 2xSR4 on OM4: 3 x 0.04 + 2 x 0.75 = 1.62 dB vs 1.9 dB', () => {
    const l = linkLoss(40, optic('osfp-800g-2xsr4'), 0, FIBRE);
    expect(l.totalDb).toBeCloseTo(1.62, 12);
    expect(l.marginDb).toBeCloseTo(0.28, 12);
  });

  it('1.8 km 2xFR4 through an LC patch panel: 0.72 + 1.0 + 0.5 = 2.22 dB vs 4 dB', () => {
    const l = linkLoss(1800, optic('osfp-800g-2xfr4'), 0.5, FIBRE);
    expect(l.splices).toBe(0);
    expect(l.totalDb).toBeCloseTo(2.22, 12);
    expect(l.marginDb).toBeCloseTo(1.78, 12);
  });

  it('10 km LR4: 4.0 + 1.0 + 4 splices x 0.15 = 5.6 dB vs 6.3 dB', () => {
    const l = linkLoss(10_000, optic('qsfp-400g-lr4'), 0, FIBRE);
    expect(l.splices).toBe(4);
    expect(l.totalDb).toBeCloseTo(5.6, 12);
    expect(l.marginDb).toBeCloseTo(0.7, 12);
  });

  it('200 km 400ZR+: each of 3 spans 13.33 + 1.0 + 33 x 0.15 = 19.283 dB vs 25 dB', () => {
    const l = linkLoss(200_000, optic('qsfpdd-400zr-plus'), 0, FIBRE);
    expect(l.spans).toBe(3);
    expect(l.amplifiers).toBe(2);
    expect(l.dbPerKm).toBe(0.2);
    expect(l.totalDb).toBeCloseTo(0.2 * 200 / 3 + 1 + 4.95, 10);
    expect(l.marginDb).toBeCloseTo(25 - (40 / 3 + 5.95), 10);
  });

  it('60 km 400ZR unamplified: 12 + 1 + 29 x 0.15 = 17.35 dB', () => {
    const l = linkLoss(60_000, optic('qsfpdd-400zr'), 0, FIBRE);
    expect(l.spans).toBe(1);
    expect(l.totalDb).toBeCloseTo(17.35, 10);
  });

  const nonCoherent = DEFAULT_CATALOG.entries('transceiver')
    .map((e) => e as TransceiverModel)
    .filter((t) => !t.cable && !t.coherent && t.medium !== 'copper') as OpticalTransceiver[];

  it('property: unamplified loss is the closed form and never falls as the run grows', () => {
    fc.assert(fc.property(
      fc.constantFrom(...nonCoherent), fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 20_000 }),
      fc.double({ min: 0, max: 10, noNaN: true }),
      (t, a, b, passivesDb) => {
        const [short, long] = a <= b ? [a, b] : [b, a];
        const l = linkLoss(long, t, passivesDb, FIBRE);
        const alpha = t.medium === 'mmf' ? 3 : 0.4;
        const splices = Math.max(0, Math.ceil(long / 2000 - 1e-9) - 1);
        expect(l.totalDb).toBeCloseTo(alpha * long / 1000 + 2 * endConnectorDb(t, FIBRE) + splices * 0.15 + passivesDb, 9);
        expect(l.totalDb).toBeGreaterThanOrEqual(linkLoss(short, t, passivesDb, FIBRE).totalDb - 1e-12);
      },
    ));
  });

  it('property: every OCS / patch panel passed lowers the margin by exactly its insertion loss', () => {
    const passives = [...DEFAULT_CATALOG.entries('ocs'), ...DEFAULT_CATALOG.entries('patch-panel')]
      .map((e) => (e as { insertionLossDb: number }).insertionLossDb);
    fc.assert(fc.property(
      fc.constantFrom(...nonCoherent), fc.integer({ min: 0, max: 5000 }), fc.array(fc.constantFrom(...passives), { maxLength: 4 }),
      (t, lengthM, via) => {
        const sum = via.reduce((s, x) => s + x, 0);
        expect(linkLoss(lengthM, t, sum, FIBRE).marginDb).toBeCloseTo(linkLoss(lengthM, t, 0, FIBRE).marginDb - sum, 9);
      },
    ));
  });
});
