// Every compared metric on a hand-built report whose figures are worked out by hand, missing sections as null,
// and the list's own invariants (unique keys, known sections, a `how` for each).
import { describe, expect, it } from 'vitest';
import { budgetShareMetric, COMPARED_METRICS, type ComparedMetric } from '../../src/compare/index.js';
import { handReport } from './support.js';

const SECTIONS = ['Scale', 'Cost', 'Bisection', 'All-to-all', 'Latency', 'Hops', 'Power', 'Ownership', 'Resilience', 'Optics', 'Collectives'];

// 64 accelerators; every section holds round figures so the derived values can be checked by hand.
const HAND = handReport({
  cost: { capexUsd: 3_200_000, capexKrw: 4_480_000_000, networkUsd: 640_000 },
  bisection: { lowerGbps: 12_800, upperGbps: 25_600 },
  throughput: { allToAll: { ecmp: { lambdaGbps: 400 / 63, thetaGbps: 400 } }, ring: { rateGbps: 200 } },
  latencyNs: { p50: 1234.5, p99: 2345.6 },
  hops: { diameter: 4, mean: 3.5 },
  power: {
    itW: 96_000, facilityW: 150_720, annualEnergyCostKrw: 241_207_315,
    racks: { maxKw: 41.5, violations: [{ rackId: 'r1', kind: 'power' }, { rackId: 'r1', kind: 'cooling' }, { rackId: 'r4', kind: 'power' }] },
  },
  tco: { totalKrw: 7_000_000_000, atOperatingRate: { krwPerUsedAcceleratorHour: 7e9 / (64 * 5 * 8760 * 0.5) } },
  resilience: {
    edgeConnectivity: { links: 2 },
    singlePointsOfFailure: {
      separatingBridges: 0, articulationSwitches: 1, articulationAccelerators: 0, criticalOcs: 1,
      worstDevice: { nodeId: 'ocs-0', kind: 'ocs', acceleratorsCutOff: 32 },
    },
    pathDiversity: { meanPaths: 2.5 },
    monteCarlo: { acceleratorsCutOff: { mean: 0.25, max: 2, trialsWithLoss: 5 }, bisection: { meanGbps: 12_000, minGbps: 11_200 } },
  },
  optics: { counts: { violatingLinks: 3 }, margin: { minDb: -1.5 } },
  collectives: { ringAllReduce: { timeNs: 2.5e7 }, allToAll: { timeNs: 1.2e8 } },
}, { accelerators: 64, switches: 12, ocs: 2, links: 160, racks: 6 });

/** The value of every metric on HAND, worked out by hand. */
const EXPECTED: Record<string, number | null> = {
  'counts.accelerators': 64,
  'counts.switches': 12,
  'counts.ocs': 2,
  'counts.links': 160,
  'counts.racks': 6,
  'cost.capexUsd': 3_200_000,
  'cost.capexKrw': 4_480_000_000,
  'cost.networkUsd': 640_000,
  'cost.capexPerAcceleratorUsd': 50_000, // 3,200,000 / 64
  'cost.usdPerTbps': 250_000, // 3,200,000 / 12.8 Tbps (the lower bound)
  'bisection.lowerGbps': 12_800,
  'bisection.upperGbps': 25_600,
  'bisection.perAcceleratorGbps': 200, // 12,800 / 64
  'allToAll.ecmpLambdaGbps': 400 / 63,
  'allToAll.ecmpThetaGbps': 400,
  'allToAll.optimalLambdaGbps': null, // LP not solved
  'allToAll.optimalThetaGbps': null,
  'throughput.permutationGbps': null, // permutation disabled
  'throughput.ringGbps': 200,
  'latency.p50Ns': 1234.5,
  'latency.p99Ns': 2345.6,
  'hops.diameter': 4,
  'hops.mean': 3.5,
  'power.itKw': 96,
  'power.facilityKw': 150.72,
  'power.annualEnergyCostKrw': 241_207_315,
  'power.perAcceleratorW': 1500, // 96,000 W / 64
  'power.maxRackKw': 41.5,
  'power.racksOverLimit': 2, // r1 (power and cooling) and r4
  'tco.totalKrw': 7_000_000_000,
  'tco.krwPerUsedAcceleratorHour': 7e9 / 1_401_600, // 64 x 5 years x 8,760 h x 0.5
  'resilience.edgeConnectivityLinks': 2,
  'resilience.singlePointLinks': 0,
  'resilience.singlePointSwitches': 1,
  'resilience.singlePointAccelerators': 0,
  'resilience.criticalOcs': 1,
  'resilience.worstDeviceCutOff': 32,
  'resilience.meanPaths': 2.5,
  'resilience.monteCarloCutOffMean': 0.25,
  'resilience.survivingBisectionMeanGbps': 12_000,
  'resilience.survivingBisectionMinGbps': 11_200,
  'optics.violatingLinks': 3,
  'optics.minMarginDb': -1.5,
  'collectives.ringAllReduceS': 0.025,
  'collectives.allToAllS': 0.12,
};

const byKey = (key: string): ComparedMetric => {
  const m = COMPARED_METRICS.find((x) => x.key === key);
  if (!m) throw new Error(`no metric ${key}`);
  return m;
};

describe('COMPARED_METRICS', () => {
  it('has unique keys, known sections, integer digits, a unit string and a how line for each', () => {
    const keys = COMPARED_METRICS.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const m of COMPARED_METRICS) {
      expect(SECTIONS, m.key).toContain(m.section);
      expect(Number.isInteger(m.digits), m.key).toBe(true);
      expect(typeof m.unit).toBe('string');
      expect([null, 'higher', 'lower']).toContain(m.better);
      expect(m.label.length, m.key).toBeGreaterThan(0);
      expect(m.how.length, m.key).toBeGreaterThan(10);
    }
  });

  it('keeps each section together, in the order of the brief', () => {
    const order = COMPARED_METRICS.map((m) => m.section).filter((s, i, a) => i === 0 || a[i - 1] !== s);
    expect(order).toEqual(SECTIONS);
  });

  it('every metric on a hand-built report gives the value worked out by hand', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(COMPARED_METRICS.map((m) => m.key).sort());
    for (const m of COMPARED_METRICS) {
      const want = EXPECTED[m.key];
      if (want === null) expect(m.value(HAND), m.key).toBeNull();
      else expect(m.value(HAND), m.key).toBeCloseTo(want, 9);
    }
  });

  it('capex per Tb/s: the cost report\'s figure when present (it outlives --only without bisection), else derived', () => {
    const m = byKey('cost.usdPerTbps');
    expect(m.how).toMatch(/lower bound/);
    expect(m.value(handReport({ cost: { capexUsd: 1000, costPerTbpsUsd: 125 } }))).toBe(125);
    expect(m.value(handReport({ cost: { capexUsd: 1000 }, bisection: { lowerGbps: 4000 } }))).toBe(250);
    // A bisection of 0 (disconnected halves) has no price per Tb/s.
    expect(m.value(handReport({ cost: { capexUsd: 1000, costPerTbpsUsd: null }, bisection: { lowerGbps: 0 } }))).toBeNull();
  });

  it('a report with only its counts: counts read, every other figure null (phases not run)', () => {
    const bare = handReport({}, { accelerators: 16, switches: 4, links: 36 });
    for (const m of COMPARED_METRICS) {
      const v = m.value(bare);
      if (m.section === 'Scale') expect(typeof v, m.key).toBe('number');
      else expect(v, m.key).toBeNull();
    }
  });

  it('per-accelerator figures are null with no accelerators, never Infinity or NaN', () => {
    const empty = handReport({ cost: { capexUsd: 10 }, bisection: { lowerGbps: 100 }, power: { itW: 50 } }, { accelerators: 0 });
    for (const key of ['cost.capexPerAcceleratorUsd', 'bisection.perAcceleratorGbps', 'power.perAcceleratorW']) {
      expect(byKey(key).value(empty), key).toBeNull();
    }
  });

  it('garbage in a report (NaN, Infinity, strings, a section missing its fields) reads as null', () => {
    const junk = handReport({
      cost: { capexUsd: Number.NaN, capexKrw: Infinity }, hops: { diameter: '6' }, resilience: {}, optics: { counts: null },
    }, { accelerators: 4 });
    for (const m of COMPARED_METRICS.filter((x) => x.section !== 'Scale')) expect(m.value(junk), m.key).toBeNull();
  });

  it('worst device failure: 0 when no single device cuts any accelerator off', () => {
    const none = handReport({ resilience: { singlePointsOfFailure: { articulationSwitches: 0, criticalOcs: 0 } } });
    expect(byKey('resilience.worstDeviceCutOff').value(none)).toBe(0);
  });
});

describe('budgetShareMetric', () => {
  it('capex KRW as % of the budget', () => {
    const m = budgetShareMetric(8_960_000_000);
    expect(m).toMatchObject({ key: 'cost.budgetPercent', section: 'Cost', unit: '%', better: 'lower' });
    expect(m.value(HAND)).toBeCloseTo(50, 12); // 4,480,000,000 / 8,960,000,000
    expect(budgetShareMetric(1e9).value(handReport({ cost: { capexKrw: 1.5e9 } }))).toBeCloseTo(150, 12);
    expect(m.value(handReport())).toBeNull();
    expect(m.how).toContain('8960000000');
  });
});
