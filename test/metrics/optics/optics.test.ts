import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../../src/catalog/index.js';
import { computeOptics } from '../../../src/metrics/optics/index.js';
import type { FabricLink, Medium } from '../../../src/model/types.js';
import { ctxOf, doc, link, node, pointToPoint } from './tiny.js';

const ocs136 = node('o1', 'ocs', 'ocs-mems-136');
const ocs300 = node('o2', 'ocs', 'ocs-mems-300');
const mpoPanel = node('p1', 'patch-panel', 'patch-panel-mpo-144');

describe('computeOptics: the loss check', () => {
  it('400 m DR8 through one OCS loses 3.66 dB against 3 dB: loss violation, fixed by a 2 km 2xFR4', () => {
    const r = computeOptics(ctxOf(pointToPoint(
      { gbps: 800, lengthM: 400, medium: 'smf', transceiver: 'osfp-800g-dr8', via: ['o1'] }, [ocs136])));
    expect(r.counts).toMatchObject({ links: 1, optical: 1, reachChecked: 1, lossChecked: 1, violatingLinks: 1 });
    expect(r.violationsByKind).toEqual({ reach: 0, loss: 1, medium: 0 });
    const v = r.violations[0];
    expect(v).toMatchObject({ linkId: 'l1', path: 'links[0]', kind: 'loss', transceiver: 'osfp-800g-dr8', budgetDb: 3 });
    expect(v.lossDb).toBeCloseTo(3.66, 12);
    expect(v.marginDb).toBeCloseTo(-0.66, 12);
    // 2xFR4 is duplex LC: 0.16 + 2 x 0.5 + 2.0 = 3.16 dB within its 4 dB; the LPO (500 m, LC, 3 dB) would lose 3.16 > 3.
    expect(v.fix).toMatchObject({ transceiver: 'osfp-800g-2xfr4', reachM: 2000, recable: false });
    expect(v.fix!.marginDb).toBeCloseTo(0.84, 12);
    expect(v.message).toContain('use osfp-800g-2xfr4 (2 km)');
    expect(v.message).toContain('fewer OCS');
    expect(r.margin.minDb).toBeCloseTo(-0.66, 12);
    expect(r.ocsPasses).toEqual({ circuits: 1, totalPasses: 1, maxPasses: 1, meanPasses: 1, histogram: [{ passes: 1, links: 1 }] });
  });

  it('the OCS insertion loss comes from the catalog: an override of 1 dB makes the same link pass with 0.34 dB', () => {
    const d = pointToPoint({ gbps: 800, lengthM: 400, transceiver: 'osfp-800g-dr8', via: ['o1'] }, [ocs136]);
    d.catalogOverrides = { 'ocs-mems-136': { insertionLossDb: 1 } };
    const r = computeOptics(ctxOf(d));
    expect(r.violations).toEqual([]);
    expect(r.margin.minDb).toBeCloseTo(0.34, 12);
  });

  it('adds every passive on the circuit: two OCS and an MPO panel on a 1 km 2xFR4 = 0.4 + 1.0 + 2 + 3 + 0.75', () => {
    const r = computeOptics(ctxOf(pointToPoint(
      { gbps: 800, lengthM: 1000, transceiver: 'osfp-800g-2xfr4', via: ['o1', 'p1', 'o2'] }, [ocs136, ocs300, mpoPanel])));
    expect(r.violations[0].lossDb).toBeCloseTo(7.15, 12);
    expect(r.violations[0].marginDb).toBeCloseTo(-3.15, 12);
    expect(r.violations[0].fix?.transceiver).toBe('osfp-800zr'); // 0.2 + 1.0 + 5.75 = 6.95 dB of its 25
    expect(r.ocsPasses.histogram).toEqual([{ passes: 2, links: 1 }]);
    expect(r.patchPanelPasses.histogram).toEqual([{ passes: 1, links: 1 }]);
  });

  it('checks amplified coherent runs per span and counts their amplifiers', () => {
    const r = computeOptics(ctxOf(pointToPoint({ lengthM: 200_000, transceiver: 'qsfpdd-400zr-plus' })));
    expect(r.violations).toEqual([]);
    expect(r.margin.worst[0].spans).toBe(3);
    expect(r.margin.worst[0].lossDb).toBeCloseTo(40 / 3 + 5.95, 10);
    expect(r.amplifiers).toMatchObject({ amplifiers: 2, amplifiedLinks: 1 });
    expect(r.fibreLengthM.smf).toBe(200_000);
  });
});

describe('computeOptics: reach and medium', () => {
  it('800 m on a 500 m DR8 is a reach violation (its loss 1.82 dB is fine); fix: 2xFR4', () => {
    const r = computeOptics(ctxOf(pointToPoint({ gbps: 800, lengthM: 800, transceiver: 'osfp-800g-dr8' })));
    expect(r.violationsByKind).toEqual({ reach: 1, loss: 0, medium: 0 });
    expect(r.violations[0]).toMatchObject({ kind: 'reach', reachM: 500, lengthM: 800, fix: { transceiver: 'osfp-800g-2xfr4' } });
    expect(r.violations[0].message).toContain('use osfp-800g-2xfr4 (2 km)');
    expect(r.margin.minDb).toBeCloseTo(3 - 1.82, 12);
  });

  it('150 km on 400ZR (120 km) is a reach violation; fix: 400ZR+ (1000 km); the run still gets 1 amplifier', () => {
    const r = computeOptics(ctxOf(pointToPoint({ lengthM: 150_000, transceiver: 'qsfpdd-400zr' })));
    expect(r.violations).toHaveLength(1);
    expect(r.violations[0].fix).toMatchObject({ transceiver: 'qsfpdd-400zr-plus', reachM: 1_000_000 });
    expect(r.violations[0].message).toContain('use qsfpdd-400zr-plus (1000 km)');
    // 2 spans of 75 km: 15 + 1 + 37 x 0.15 = 21.55 dB
    expect(r.margin.minDb).toBeCloseTo(25 - 21.55, 10);
    expect(r.amplifiers.amplifiers).toBe(1);
  });

  it('a 3 m DAC is checked for reach only; fix: the 5 m active copper cable', () => {
    const r = computeOptics(ctxOf(pointToPoint({ lengthM: 3, medium: 'copper', transceiver: 'dac-400g' })));
    expect(r.counts).toMatchObject({ optical: 0, reachChecked: 1, lossChecked: 0, cableAssemblies: 1 });
    expect(r.violations[0]).toMatchObject({ kind: 'reach', fix: { transceiver: 'acc-800g', costPerEndUsd: 125 } });
    expect(r.fibreLengthM).toEqual({ smf: 0, mmf: 0, cableAssemblies: 3 });
    expect(r.margin.links).toBe(0);
    expect(r.margin.minDb).toBeNull();
  });

  it('a multimode optic on single-mode fibre is a medium violation, not loss-checked; fix: cheapest SMF 800G optic', () => {
    const r = computeOptics(ctxOf(pointToPoint({ gbps: 800, lengthM: 30, medium: 'smf', transceiver: 'osfp-800g-2xsr4' })));
    expect(r.violationsByKind).toEqual({ reach: 0, loss: 0, medium: 1 });
    expect(r.violations[0]).toMatchObject({ kind: 'medium', transceiverMedium: 'mmf', fix: { transceiver: 'lpo-800g', recable: false } });
    expect(r.counts.lossChecked).toBe(0);
  });

  it('suggests re-cabling when no optic of the link medium fits: 400G over 45 m MMF through an MPO panel', () => {
    // 2xSR4: 0.135 + 1.5 + 0.75 = 2.385 > 1.9; every MMF optic fails the same way; the cheapest SMF fit per 400G end
    // is half an 800G LPO (800 / 2 = 400 USD): 0.018 + 1.0 + 0.75 = 1.768 dB of 3.
    const r = computeOptics(ctxOf(pointToPoint(
      { gbps: 400, lengthM: 45, medium: 'mmf', transceiver: 'osfp-800g-2xsr4', via: ['p1'] }, [mpoPanel])));
    expect(r.violations[0].lossDb).toBeCloseTo(2.385, 12);
    expect(r.violations[0].fix).toMatchObject({ transceiver: 'lpo-800g', recable: true, costPerEndUsd: 400 });
    expect(r.violations[0].fix!.marginDb).toBeCloseTo(3 - 1.768, 12);
    expect(r.violations[0].message).toContain('re-cable the run as single-mode fibre');
  });

  it('a scale-up link takes its medium, and its fibre plant, from its optic', () => {
    const r = computeOptics(ctxOf(pointToPoint({ gbps: 800, lengthM: 20, medium: 'scale-up', transceiver: 'osfp-800g-2xdr4' })));
    expect(r.violations).toEqual([]);
    expect(r.counts).toMatchObject({ optical: 1, lossChecked: 1 });
    expect(r.margin.minDb).toBeCloseTo(3 - 0.008 - 1.5, 12);
    expect(r.fibreLengthM).toEqual({ smf: 20, mmf: 0, cableAssemblies: 0 });
  });
});

describe('computeOptics: what it cannot check', () => {
  it('reports fibre without a transceiver, unknown optics and bad via entries as problems with paths', () => {
    const d = doc({
      nodes: [node('s1', 'switch', 'nvidia-sn5600'), node('s2', 'switch', 'nvidia-sn5600'), node('s3', 'switch', 'broadcom-th5')],
      links: [
        link('a', 's1', 's2', { gbps: 800, lengthM: 300, medium: 'smf' }),
        link('b', 's1', 's2', { transceiver: 'osfp-9000g-magic' }),
        link('c', 's1', 's2', { transceiver: 'osfp-400g-dr4', via: ['s3', 'ghost'] }),
        link('d', 's2', 's3', { medium: 'scale-up' }),
      ],
    });
    const r = computeOptics(ctxOf(d));
    expect(r.counts).toMatchObject({ links: 4, noTransceiver: 1, unknownTransceiver: 1, notOptical: 1, reachChecked: 1 });
    expect(r.problems.map((p) => [p.path, p.code, p.severity])).toEqual([
      ['links[0].transceiver', 'optics-unchecked', 'warning'],
      ['links[1].transceiver', 'unknown-transceiver', 'error'],
      ['links[2].via[0]', 'via-not-passive', 'error'],
      ['links[2].via[1]', 'dangling-via', 'error'],
    ]);
    expect(r.problems[0].message).toContain('e.g. lpo-800g (500 m)');
    expect(r.fibreLengthM.smf).toBe(300 + 10);
  });
});

describe('computeOptics: distribution and totals', () => {
  const lengths = [10, 20, 40, 80, 100];
  const d = doc({
    nodes: [node('s1', 'switch', 'nvidia-sn5600'), node('s2', 'switch', 'nvidia-sn5600')],
    links: [
      ...lengths.map((lengthM, i) => link(`d${i}`, 's1', 's2', { gbps: 800, lengthM, transceiver: 'osfp-800g-2xdr4' })),
      link('m0', 's1', 's2', { gbps: 800, lengthM: 30, medium: 'mmf', transceiver: 'osfp-800g-2xsr4' }),
      link('a0', 's1', 's2', { gbps: 800, lengthM: 25, medium: 'mmf', transceiver: 'aoc-800g' }),
    ],
  });
  const r = computeOptics(ctxOf(d), { worstLinks: 3 });

  it('min / mean / max and the worst links of the loss-checked links', () => {
    // 2xDR4: 3 - 1.5 - 0.4 L(km); 2xSR4 at 30 m: 1.9 - 1.5 - 0.09 = 0.31
    const margins = [...lengths.map((l) => 1.5 - 0.0004 * l), 0.31];
    expect(r.margin.links).toBe(6);
    expect(r.margin.minDb).toBeCloseTo(0.31, 12);
    expect(r.margin.maxDb).toBeCloseTo(1.496, 12);
    expect(r.margin.meanDb).toBeCloseTo(margins.reduce((s, x) => s + x, 0) / 6, 12);
    expect(r.margin.worst.map((w) => w.linkId)).toEqual(['m0', 'd4', 'd3']);
    expect(r.margin.histogram.map((b) => b.links)).toEqual([0, 1, 0, 5, 0, 0, 0]);
    expect(r.margin.histogram[0]).toEqual({ fromDb: null, toDb: 0, links: 0 });
    expect(r.margin.histogram[6]).toEqual({ fromDb: 5, toDb: null, links: 0 });
  });

  it('fibre length by medium, cable assemblies apart', () => {
    expect(r.fibreLengthM).toEqual({ smf: 250, mmf: 30, cableAssemblies: 25 });
    expect(r.counts).toMatchObject({ links: 7, optical: 7, reachChecked: 7, lossChecked: 6, cableAssemblies: 1 });
  });
});

describe('computeOptics: shared amplifier lines', () => {
  it('links between the same two sites with the same length share one amplifier chain', () => {
    const d = doc({
      sites: [{ id: 'dc', kind: 'datacenter' }, { id: 'snu', kind: 'campus' }],
      racks: [{ id: 'r1', site: 'dc', xM: 0, yM: 0, powerLimitKw: 30, cooling: 'air' }],
      nodes: [
        node('b1', 'switch', 'nvidia-sn5600', { rack: 'r1' }), node('b2', 'switch', 'nvidia-sn5600', { site: 'dc' }),
        node('gw', 'gateway', 'research-router-400g', { site: 'snu' }),
      ],
      links: [
        link('w1', 'gw', 'b1', { lengthM: 217_490, transceiver: 'qsfpdd-400zr-plus' }),
        link('w2', 'b2', 'gw', { lengthM: 217_490, transceiver: 'qsfpdd-400zr-plus' }),
        link('w3', 'gw', 'b2', { lengthM: 250_000, transceiver: 'qsfpdd-400zr-plus' }),
      ],
    });
    const r = computeOptics(ctxOf(d));
    expect(r.amplifiers.amplifiedLinks).toBe(3);
    expect(r.amplifiers.routes).toEqual([
      { ends: ['dc', 'snu'], lengthM: 217_490, spans: 3, amplifiers: 2, linkIds: ['w1', 'w2'] },
      { ends: ['dc', 'snu'], lengthM: 250_000, spans: 4, amplifiers: 3, linkIds: ['w3'] },
    ]);
    expect(r.amplifiers.amplifiers).toBe(5);
  });
});

describe('computeOptics: properties', () => {
  const optical = DEFAULT_CATALOG.entries('transceiver').map((t) => t.id);
  const arbLink = fc.record({
    gbps: fc.constantFrom(100, 200, 400, 800),
    lengthM: fc.integer({ min: 0, max: 300_000 }),
    medium: fc.constantFrom<Medium>('smf', 'mmf', 'copper', 'scale-up'),
    transceiver: fc.option(fc.constantFrom(...optical), { nil: undefined }),
    via: fc.option(fc.array(fc.constantFrom('o1', 'o2', 'p1'), { maxLength: 3 }), { nil: undefined }),
  });

  it('every link lands in exactly one category; violations and margins agree', () => {
    fc.assert(fc.property(fc.array(arbLink, { maxLength: 25 }), (ls) => {
      const links: FabricLink[] = ls.map((l, i) => ({ id: `l${i}`, a: 's1', b: 's2', ...l }));
      const r = computeOptics(ctxOf(doc({
        nodes: [node('s1', 'switch', 'nvidia-sn5600'), node('s2', 'switch', 'nvidia-sn5600'), ocs136, ocs300, mpoPanel],
        links,
      })));
      const c = r.counts;
      expect(c.reachChecked + c.noTransceiver + c.unknownTransceiver + c.notOptical).toBe(links.length);
      expect(r.violations.length).toBe(r.violationsByKind.reach + r.violationsByKind.loss + r.violationsByKind.medium);
      expect(new Set(r.violations.map((v) => v.linkId)).size).toBe(c.violatingLinks);
      expect(r.margin.histogram.reduce((s, b) => s + b.links, 0)).toBe(c.lossChecked);
      expect(r.margin.histogram[0].links).toBe(r.violationsByKind.loss);
      for (const v of r.violations) {
        if (v.kind === 'reach') expect(v.lengthM).toBeGreaterThan(v.reachM!);
        if (v.fix) expect(v.fix.reachM).toBeGreaterThanOrEqual(v.lengthM);
        if (v.fix?.marginDb !== undefined) expect(v.fix.marginDb).toBeGreaterThanOrEqual(0);
      }
      const fibre = links.filter((l) => {
        const t = l.transceiver ? DEFAULT_CATALOG.transceiver(l.transceiver)! : undefined;
        if (t?.cable) return false;
        return l.medium === 'smf' || l.medium === 'mmf' || (l.medium === 'scale-up' && t !== undefined && t.medium !== 'copper');
      });
      expect(r.fibreLengthM.smf + r.fibreLengthM.mmf).toBe(fibre.reduce((s, l) => s + l.lengthM, 0));
    }), { numRuns: 200 });
  });
});
