import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCatalog, DEFAULT_CATALOG } from '../../src/catalog/index.js';
import { chooseTransceiver, TRANSCEIVER_CLASSES, transceiverClass } from '../../src/placement/transceiver.js';
import type { TransceiverModel } from '../../src/catalog/index.js';

// 800G cages, as every switch and NIC of the catalog has (see CAGE_MIN_GBPS in placement/cabling.ts).
const CAGE = { maxModuleGbps: 800 };
const pick = (gbps: number, m: number, prefs = {}) => chooseTransceiver(gbps, m, DEFAULT_CATALOG, { ...CAGE, ...prefs })?.model.id;

describe('chooseTransceiver thresholds', () => {
  it('400G: DAC to 2 m, ACC to 5 m, AOC to 100 m, DR8 (shared) to 500 m, 2xFR4 to 2 km, LR4 to 10 km, ZR, ZR+', () => {
    expect(pick(400, 0.5)).toBe('dac-400g');
    expect(pick(400, 2)).toBe('dac-400g');
    expect(pick(400, 2.1)).toBe('acc-800g');
    expect(pick(400, 5)).toBe('acc-800g');
    expect(pick(400, 5.1)).toBe('aoc-400g');
    expect(pick(400, 100)).toBe('aoc-400g');
    expect(pick(400, 100.1)).toBe('osfp-800g-dr8');
    expect(pick(400, 500)).toBe('osfp-800g-dr8');
    expect(pick(400, 501)).toBe('osfp-800g-2xfr4');
    expect(pick(400, 2000)).toBe('osfp-800g-2xfr4');
    expect(pick(400, 2001)).toBe('qsfp-400g-lr4');
    expect(pick(400, 10_000)).toBe('qsfp-400g-lr4');
    expect(pick(400, 10_001)).toBe('qsfpdd-400zr');
    expect(pick(400, 120_000)).toBe('qsfpdd-400zr');
    expect(pick(400, 120_001)).toBe('qsfpdd-400zr-plus');
    expect(pick(400, 1_000_000)).toBe('qsfpdd-400zr-plus');
    expect(pick(400, 1_000_001)).toBeUndefined();
  });

  it('800G: DAC 2 m, ACC 5 m, AOC 30 m, SR8 50 m, 2xDR4 100 m, DR8 500 m, 2xFR4 2 km, then 800ZR', () => {
    expect(pick(800, 2)).toBe('dac-800g');
    expect(pick(800, 5)).toBe('acc-800g');
    expect(pick(800, 30)).toBe('aoc-800g');
    expect(pick(800, 31)).toBe('osfp-800g-sr8');
    expect(pick(800, 50)).toBe('osfp-800g-sr8');
    // 2xDR4 and DR8 cost and draw the same: the id breaks the tie.
    expect(pick(800, 51)).toBe('osfp-800g-2xdr4');
    expect(pick(800, 101)).toBe('osfp-800g-dr8');
    expect(pick(800, 2000)).toBe('osfp-800g-2xfr4');
    expect(pick(800, 2001)).toBe('osfp-800zr');
    expect(pick(800, 120_001)).toBeUndefined();
    expect(pick(1600, 10)).toBe('osfp-1600g-dr8');
  });

  it('a module never exceeds the cage, except the slowest module that carries the link', () => {
    // Without a cage limit a 1.6T DR8 shared by four 400G links is cheapest per link (2 x 2000 / 4 = 1000 USD).
    expect(chooseTransceiver(400, 300, DEFAULT_CATALOG)?.model.id).toBe('osfp-1600g-dr8');
    expect(chooseTransceiver(400, 300, DEFAULT_CATALOG)?.costUsdPerLink).toBe(1000);
    expect(pick(400, 300)).toBe('osfp-800g-dr8');
    // A 375G ICI port may still use a 400G module.
    expect(chooseTransceiver(375, 2, DEFAULT_CATALOG, { maxModuleGbps: 375 })?.model.id).toBe('dac-400g');
    expect(chooseTransceiver(375, 3, DEFAULT_CATALOG, { maxModuleGbps: 375 })?.model.id).toBe('aoc-400g');
    expect(chooseTransceiver(375, 300, DEFAULT_CATALOG, { maxModuleGbps: 375 })?.model.id).toBe('qsfp-400g-fr4');
  });

  it('reports medium, modules shared and the per-link cost', () => {
    const c = chooseTransceiver(400, 300, DEFAULT_CATALOG, CAGE)!;
    expect(c.medium).toBe('smf');
    expect(c.linksPerModule).toBe(2);
    expect(c.costUsdPerLink).toBe((2 * 1100) / 2);
    const cable = chooseTransceiver(400, 4, DEFAULT_CATALOG, CAGE)!;
    // Cable assemblies are never shared between links.
    expect(cable.linksPerModule).toBe(1);
    expect(cable.medium).toBe('copper');
  });

  it('honours preferences: classes, linear optics, CPO, exclusions, no breakout sharing', () => {
    expect(pick(400, 3, { classes: ['smf'] })).toBe('osfp-800g-2xdr4');
    expect(pick(800, 80, { allowLinear: true })).toBe('lpo-800g');
    expect(pick(800, 80, { allowCpo: true })).toBe('cpo-800g');
    expect(pick(400, 1, { exclude: ['dac-400g'] })).toBe('dac-800g');
    // Without sharing, the whole 800G DR8 (2 x 1,100 USD) loses to a duplex 400G FR4 (2 x 1,000 USD).
    expect(pick(400, 300, { allowFractional: false })).toBe('qsfp-400g-fr4');
    expect(chooseTransceiver(400, 300, DEFAULT_CATALOG, { ...CAGE, allowFractional: false })!.costUsdPerLink).toBe(2000);
    expect(pick(400, 3, { classes: [] })).toBeUndefined();
  });

  it('keeps a loss margin through passives: parallel MPO optics lose too much through an OCS', () => {
    // 400G at 30 m through a 2 dB OCS: DR4/2xDR4 (MPO 2 x 0.75 + 2.0 + 0.012 dB > 3 dB) are out; FR4-class optics
    // (LC: 2 x 0.5 + 2.0 + 0.012 = 3.012 dB <= 4 dB) fit. Shared, half of a twin-port 2xFR4 is cheaper per link;
    // unshared, the 400G FR4 wins. Cable assemblies cannot pass an OCS at all.
    expect(pick(400, 30, { classes: ['smf'], passiveLossDb: 2 })).toBe('osfp-800g-2xfr4');
    expect(pick(400, 30, { classes: ['smf'], passiveLossDb: 2, allowFractional: false })).toBe('qsfp-400g-fr4');
    expect(pick(400, 1, { passiveLossDb: 2 })).not.toMatch(/^(dac|acc|aoc)-/);
    expect(pick(400, 30, { classes: ['smf'] })).toBe('osfp-800g-2xdr4');
  });

  it('follows catalog overrides (a cheaper SR4 wins the multimode class)', () => {
    const cat = createCatalog({ 'osfp-400g-sr4': { priceUsd: 100 } });
    expect(chooseTransceiver(400, 40, cat)?.model.id).toBe('osfp-400g-sr4');
    expect(chooseTransceiver(400, 60, cat)?.model.id).toBe('aoc-400g');
  });
});

describe('chooseTransceiver properties', () => {
  const all = DEFAULT_CATALOG.entries('transceiver') as TransceiverModel[];
  it('the choice carries the link, reaches it, and nothing of an earlier class or cheaper in its class does', () => {
    fc.assert(
      fc.property(fc.constantFrom(100, 200, 375, 400, 800), fc.double({ min: 0, max: 1_200_000, noNaN: true }), (gbps, lengthM) => {
        const c = chooseTransceiver(gbps, lengthM, DEFAULT_CATALOG, CAGE);
        // Reaches, carries the link, fits an 800G cage (or is the slowest module that carries it), not LPO / CPO.
        const slowest = Math.min(...all.filter((x) => x.gbps >= gbps).map((x) => x.gbps));
        const linear = (m: TransceiverModel) => m.medium !== 'copper' && !m.cable && m.latencyNs === 0;
        const fits = (m: TransceiverModel) =>
          m.gbps >= gbps && m.reachM >= lengthM && m.gbps <= Math.max(800, slowest) && !linear(m) && m.formFactor !== 'CPO';
        const candidates = all.filter(fits);
        if (!c) {
          expect(candidates).toEqual([]);
          return;
        }
        expect(c.model.gbps).toBeGreaterThanOrEqual(gbps);
        expect(c.model.reachM).toBeGreaterThanOrEqual(lengthM);
        const rank = TRANSCEIVER_CLASSES.indexOf(transceiverClass(c.model));
        for (const m of candidates) {
          const r = TRANSCEIVER_CLASSES.indexOf(transceiverClass(m));
          expect(r).toBeGreaterThanOrEqual(rank);
          if (r === rank) {
            const share = m.cable ? 1 : Math.max(1, Math.floor(m.gbps / gbps));
            expect((2 * m.priceUsd) / share).toBeGreaterThanOrEqual(c.costUsdPerLink);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
