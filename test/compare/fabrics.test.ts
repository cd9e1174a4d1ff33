// Compared metrics on real small fabrics, against values worked out by hand: a k=4 fat-tree against a 2:1
// leaf-spine of the same 16 accelerators (metrics-reference.md's example), and the two-server example file.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPARED_METRICS, compareReports, type Comparison, type ComparisonRow } from '../../src/compare/index.js';
import { loadTopologyOrRecipe } from '../../src/generators/recipe.js';
import { evaluateFabric, type FabricReport } from '../../src/metrics/evaluate.js';

const recipe = (name: string, family: string, params: Record<string, unknown>) =>
  JSON.stringify({ format: 'lightfabric/recipe', version: 1, name, family, params });

async function evaluate(text: string): Promise<FabricReport> {
  const loaded = loadTopologyOrRecipe(text);
  if (!loaded.ok) throw new Error(`fixture does not load: ${JSON.stringify(loaded.problems.slice(0, 3))}`);
  return evaluateFabric(loaded.doc);
}

const value = (report: FabricReport, key: string) => {
  const m = COMPARED_METRICS.find((x) => x.key === key);
  if (!m) throw new Error(`no metric ${key}`);
  return m.value(report);
};

const row = (c: Comparison, key: string): ComparisonRow => c.rows.find((r) => r.key === key)!;

/** 2^30 bytes, the default collective message, in bits. */
const MESSAGE_BITS = 8 * 2 ** 30;

let fatTree: FabricReport;
let leafSpine: FabricReport;
let twoServers: FabricReport;

beforeAll(async () => {
  fatTree = await evaluate(recipe('fat-tree k=4', 'fat-tree', { k: 4 }));
  // L = 4 leaves, d = 4 hosts each, u = 2 uplinks (one to each of 2 spines), all 400G: 2:1 oversubscribed
  leafSpine = await evaluate(recipe('leaf-spine 2:1', 'clos', { leaves: 4, spines: 2, hostsPerLeaf: 4, uplinks: 2 }));
  twoServers = await evaluate(readFileSync(new URL('../../topologies/small-two-servers.json', import.meta.url), 'utf8'));
});

describe('k=4 fat-tree (16 hosts, 400G)', () => {
  it('scale: k^3/4 = 16 accelerators, 5k^2/4 = 20 switches, 3k^3/4 = 48 links', () => {
    expect([value(fatTree, 'counts.accelerators'), value(fatTree, 'counts.switches'), value(fatTree, 'counts.ocs'), value(fatTree, 'counts.links')])
      .toEqual([16, 20, 0, 48]);
  });

  it('bisection H/2 = 8 host links x 400 = 3,200 Gbps, 200 Gbps per accelerator; capex per Tb/s = capex / 3.2', () => {
    expect(value(fatTree, 'bisection.lowerGbps')).toBe(3200);
    expect(value(fatTree, 'bisection.upperGbps')).toBe(3200);
    expect(value(fatTree, 'bisection.perAcceleratorGbps')).toBe(200);
    expect(value(fatTree, 'cost.usdPerTbps')).toBeCloseTo(fatTree.cost!.capexUsd / 3.2, 6);
    expect(value(fatTree, 'cost.capexPerAcceleratorUsd')).toBeCloseTo(fatTree.cost!.capexUsd / 16, 9);
  });

  it('all-to-all theta = 1 x 400 Gbps, lambda = 400/15, under ECMP and at the LP optimum', () => {
    for (const k of ['allToAll.ecmpLambdaGbps', 'allToAll.optimalLambdaGbps']) expect(value(fatTree, k), k).toBeCloseTo(400 / 15, 6);
    for (const k of ['allToAll.ecmpThetaGbps', 'allToAll.optimalThetaGbps']) expect(value(fatTree, k), k).toBeCloseTo(400, 6);
  });

  it('hops: diameter 6, mean 82/15', () => {
    expect(value(fatTree, 'hops.diameter')).toBe(6);
    expect(value(fatTree, 'hops.mean')).toBeCloseTo(82 / 15, 12);
  });

  it('resilience: one host link per accelerator (16 single-point links, connectivity 1), an edge switch cuts off 2', () => {
    expect(value(fatTree, 'resilience.edgeConnectivityLinks')).toBe(1);
    expect(value(fatTree, 'resilience.singlePointLinks')).toBe(16);
    expect(value(fatTree, 'resilience.singlePointSwitches')).toBe(8); // the k^2/2 edge switches
    expect(value(fatTree, 'resilience.worstDeviceCutOff')).toBe(2); // k/2 hosts per edge switch
  });

  it('power per accelerator = IT W / 16, facility = IT x PUE 1.57; collectives in seconds from the alpha-beta terms', () => {
    const p = fatTree.power!;
    expect(value(fatTree, 'power.perAcceleratorW')).toBeCloseTo(p.itW / 16, 9);
    expect(value(fatTree, 'power.facilityKw')).toBeCloseTo((p.itW * 1.57) / 1000, 9);
    const ring = fatTree.collectives!.ringAllReduce;
    // bandwidth term 2(P-1)/P x 8M / B with B = 400 Gbps (the ring gets full host links)
    expect(ring.bandwidthTermNs).toBeCloseTo(((2 * 15) / 16) * MESSAGE_BITS / 400, 3);
    expect(value(fatTree, 'collectives.ringAllReduceS')).toBeCloseTo((ring.latencyTermNs + ring.bandwidthTermNs) / 1e9, 12);
    // all-to-all bandwidth term (P-1)/P x 8M / theta, theta = 400
    expect(fatTree.collectives!.allToAll.bandwidthTermNs).toBeCloseTo((15 / 16) * MESSAGE_BITS / 400, 3);
  });
});

describe('2:1 leaf-spine (4 leaves x 4 hosts, 2 uplinks each)', () => {
  it('bisection min(H b/2, L u b/2) = min(3,200, 1,600) = 1,600 Gbps, 100 Gbps per accelerator', () => {
    expect([value(leafSpine, 'counts.switches'), value(leafSpine, 'counts.links')]).toEqual([6, 24]);
    expect(value(leafSpine, 'bisection.lowerGbps')).toBe(1600);
    expect(value(leafSpine, 'bisection.perAcceleratorGbps')).toBe(100);
    expect(value(leafSpine, 'cost.usdPerTbps')).toBeCloseTo(leafSpine.cost!.capexUsd / 1.6, 6);
  });

  it('theta = min(1, u(H-1)/(d(H-d))) = 30/48 = 5/8 of 400 = 250 Gbps, ECMP and LP alike', () => {
    expect(value(leafSpine, 'allToAll.ecmpThetaGbps')).toBeCloseTo(250, 6);
    expect(value(leafSpine, 'allToAll.optimalThetaGbps')).toBeCloseTo(250, 6);
    expect(value(leafSpine, 'allToAll.ecmpLambdaGbps')).toBeCloseTo(250 / 15, 6);
    // all-to-all bandwidth term (P-1)/P x 8M / 250
    expect(leafSpine.collectives!.allToAll.bandwidthTermNs).toBeCloseTo((15 / 16) * MESSAGE_BITS / 250, 3);
  });

  it('hops: 48 same-leaf ordered pairs at 2, 192 at 4: mean 864/240 = 3.6, diameter 4; a leaf cuts off 4', () => {
    expect(value(leafSpine, 'hops.diameter')).toBe(4);
    expect(value(leafSpine, 'hops.mean')).toBeCloseTo(3.6, 12);
    expect(value(leafSpine, 'resilience.worstDeviceCutOff')).toBe(4);
    expect(value(leafSpine, 'resilience.singlePointSwitches')).toBe(4);
  });
});

describe('fat-tree (baseline) against leaf-spine', () => {
  let c: Comparison;
  beforeAll(() => {
    c = compareReports([{ name: 'fat-tree', report: fatTree }, { name: 'leaf-spine', report: leafSpine }]);
  });

  it('bisection and bisection per accelerator -50 %, theta -37.5 %, mean hops -14/41, diameter -1/3', () => {
    expect(row(c, 'bisection.lowerGbps')).toMatchObject({ values: [3200, 1600], relative: [null, -0.5], best: [0] });
    expect(row(c, 'bisection.perAcceleratorGbps')).toMatchObject({ values: [200, 100], relative: [null, -0.5], best: [0] });
    expect(row(c, 'allToAll.ecmpThetaGbps').relative[1]).toBeCloseTo(-0.375, 9);
    expect(row(c, 'allToAll.ecmpThetaGbps').best).toEqual([0]);
    expect(row(c, 'hops.mean').relative[1]).toBeCloseTo((3.6 - 82 / 15) / (82 / 15), 12);
    expect(row(c, 'hops.mean').relative[1]).toBeCloseTo(-14 / 41, 12);
    expect(row(c, 'hops.diameter')).toMatchObject({ best: [1] });
    expect(row(c, 'hops.diameter').relative[1]).toBeCloseTo(-1 / 3, 12);
  });

  it('cost: the leaf-spine (6 switches against 20) is cheaper, yet dearer per Tb/s (half the bisection)', () => {
    const capex = row(c, 'cost.capexUsd');
    expect(capex.best).toEqual([1]);
    expect(capex.relative[1]).toBeCloseTo((leafSpine.cost!.capexUsd - fatTree.cost!.capexUsd) / fatTree.cost!.capexUsd, 12);
    // per Tb/s: capex_ft / 3.2 against capex_ls / 1.6
    const perTbps = row(c, 'cost.usdPerTbps');
    expect(perTbps.values[0]).toBeCloseTo(fatTree.cost!.capexUsd / 3.2, 6);
    expect(perTbps.values[1]).toBeCloseTo(leafSpine.cost!.capexUsd / 1.6, 6);
    expect(perTbps.best).toEqual([0]);
    // capex per accelerator moves with capex: same 16 accelerators
    expect(row(c, 'cost.capexPerAcceleratorUsd').relative[1]).toBeCloseTo(capex.relative[1]!, 12);
  });

  it('ties: both reach every ring neighbour at 400 Gbps and have no optics violations; counts have no best', () => {
    expect(row(c, 'throughput.ringGbps')).toMatchObject({ values: [400, 400], best: [0, 1], relative: [null, 0] });
    expect(row(c, 'optics.violatingLinks')).toMatchObject({ values: [0, 0], best: [0, 1], relative: [null, null] });
    expect(row(c, 'counts.accelerators')).toMatchObject({ values: [16, 16], best: [], relative: [null, 0] });
  });
});

describe('topologies/small-two-servers.json', () => {
  it('16 accelerators, 4 switches (2 NVSwitch, 2 leaves), 1 OCS, 36 links; bisection 3,200 Gbps, 200 per accelerator', () => {
    expect([value(twoServers, 'counts.accelerators'), value(twoServers, 'counts.switches'), value(twoServers, 'counts.ocs'), value(twoServers, 'counts.links')])
      .toEqual([16, 4, 1, 36]);
    expect(value(twoServers, 'bisection.lowerGbps')).toBe(3200);
    expect(value(twoServers, 'bisection.perAcceleratorGbps')).toBe(200);
    expect(value(twoServers, 'cost.capexPerAcceleratorUsd')).toBeCloseTo(twoServers.cost!.capexUsd / 16, 9);
  });

  it('LP optimum: 64 pairs each way share the 3,200 Gbps between the servers: lambda 50, theta 750', () => {
    expect(value(twoServers, 'allToAll.optimalLambdaGbps')).toBeCloseTo(50, 6);
    expect(value(twoServers, 'allToAll.optimalThetaGbps')).toBeCloseTo(750, 6);
  });

  it('hops: 176 ordered pairs at 2 (NVSwitch, or a shared leaf), 64 at 3 (leaf to leaf): mean 544/240', () => {
    expect(value(twoServers, 'hops.diameter')).toBe(3);
    expect(value(twoServers, 'hops.mean')).toBeCloseTo(544 / 240, 12);
  });

  it('resilience: every GPU has NVLink and a rail link (connectivity 2), no single point, the OCS not critical', () => {
    expect(value(twoServers, 'resilience.edgeConnectivityLinks')).toBe(2);
    for (const k of ['resilience.singlePointLinks', 'resilience.singlePointSwitches', 'resilience.criticalOcs', 'resilience.worstDeviceCutOff']) {
      expect(value(twoServers, k), k).toBe(0);
    }
  });
});
