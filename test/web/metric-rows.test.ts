// The metrics table's rows read the right figures off real evaluateFabric reports, in the units shown.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTopologyOrRecipe } from '../../src/generators/index.js';
import { evaluateFabric, type FabricReport } from '../../src/metrics/evaluate.js';
import type { FabricDocument } from '../../src/model/types.js';
import { NO_VALUE } from '../../web/views/format.js';
import { metricRows, type MetricRow } from '../../web/views/metric-rows.js';

const REPO = join(import.meta.dirname, '..', '..');

function load(text: string): FabricDocument {
  const r = loadTopologyOrRecipe(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.doc;
}

const byKey = (rows: MetricRow[]) => new Map(rows.map((r) => [r.key, r]));

const KEYS = [
  'hops.diameter', 'hops.mean', 'latency.p50', 'latency.p99',
  'bandwidth.scaleOutGbps', 'bandwidth.scaleUpGbps', 'bandwidth.leafOversubscription', 'bisection.lowerGbps', 'bisection.upperGbps', 'bisection.exact',
  'allToAll.ecmpGbps', 'allToAll.optimalGbps', 'allToAll.boundGbps', 'cost.capexUsd', 'cost.capexKrw', 'power.itKw',
  'power.maxRackKw', 'power.racksOverLimit', 'tco.totalKrw', 'tco.krwPerUsedHour', 'optics.violatingLinks',
];

describe('metricRows', () => {
  let example: FabricReport;
  let fatTree: FabricReport;
  beforeAll(async () => {
    example = await evaluateFabric(load(readFileSync(join(REPO, 'topologies', 'small-two-servers.json'), 'utf8')));
    fatTree = await evaluateFabric(load(JSON.stringify({ format: 'lightfabric/recipe', version: 1, name: 'k4', family: 'fat-tree', params: { k: 4 } })));
  });

  it('has one row per summary figure, in order, each read from its report field', () => {
    const rows = metricRows(example);
    expect(rows.map((r) => r.key)).toEqual(KEYS);
    const r = byKey(rows);
    const a2a = example.throughput!.allToAll;
    expect(r.get('hops.diameter')!.value).toBe(example.hops!.diameter);
    expect(r.get('hops.mean')!.value).toBe(example.hops!.mean);
    expect(r.get('latency.p50')!.value).toBe(example.latencyNs!.p50);
    expect(r.get('latency.p99')!.value).toBe(example.latencyNs!.p99);
    expect(r.get('bisection.lowerGbps')!.value).toBe(example.bisection!.lowerGbps);
    expect(r.get('bisection.upperGbps')!.value).toBe(example.bisection!.upperGbps);
    expect(r.get('bisection.exact')!.value).toBe(example.bisection!.exact);
    expect(r.get('allToAll.ecmpGbps')!.value).toBe(a2a.ecmp.lambdaGbps);
    expect(r.get('allToAll.optimalGbps')!.value).toBe(a2a.optimal!.lambdaGbps);
    expect(r.get('allToAll.boundGbps')!.value).toBe(a2a.upperBound.lambdaGbps);
    expect(r.get('cost.capexUsd')!.value).toBe(example.cost!.capexUsd);
    expect(r.get('cost.capexKrw')!.value).toBe(example.cost!.capexKrw);
    expect(r.get('power.itKw')!.value).toBe(example.power!.itW / 1000);
    expect(r.get('optics.violatingLinks')!.value).toBe(example.optics!.counts.violatingLinks);
    expect(r.get('tco.totalKrw')!.value).toBe(example.tco!.totalKrw);
    // Every GPU: one 400G rail and 18 x 200G NVLink (3,600 Gbps each way). The two leaves have no uplinks (the
    // circuits between them are peer links), so there is no oversubscription ratio.
    expect(r.get('bandwidth.scaleOutGbps')!.value).toBe(400);
    expect(r.get('bandwidth.scaleUpGbps')!.value).toBe(3600);
    expect(r.get('bandwidth.leafOversubscription')!.value).toBeNull();
    expect(r.get('bandwidth.leafOversubscription')!.note).toBe('no switch has both downlinks and uplinks');
    expect(r.get('power.maxRackKw')!.value).toBe(example.power!.racks.maxKw);
    expect(r.get('power.racksOverLimit')!.value).toBe(0);
    expect(r.get('power.racksOverLimit')!.note).toBe('every rack within its power limit and its cooling');
    // 16 accelerators x 5 years x 8,760 h at a 100 % operating rate.
    expect(r.get('tco.krwPerUsedHour')!.value).toBeCloseTo(example.tco!.totalKrw / (16 * 5 * 8760), 9);
    expect(r.get('tco.krwPerUsedHour')!.note).toMatch(/^at a 100 % operating rate; [\d,]+ at 70 %, [\d,]+ at 50 %, [\d,]+ at 30 %$/);
    for (const row of rows) expect(row.unit).toBe(row.value === null ? '' : {
      hops: 'links', latency: 'ns', bandwidth: row.key === 'bandwidth.leafOversubscription' ? ': 1' : 'Gbps', bisection: row.key === 'bisection.exact' ? '' : 'Gbps', allToAll: 'Gbps',
      cost: row.key.endsWith('Usd') ? 'USD' : 'KRW', power: row.key === 'power.racksOverLimit' ? 'racks' : 'kW', optics: 'links', tco: 'KRW',
    }[row.key.split('.')[0]]);
  });

  it('oversubscription of a k=4 fat-tree: 1:1 at every level that has uplinks; no scale-up', () => {
    const rows = byKey(metricRows(fatTree));
    expect(rows.get('bandwidth.scaleUpGbps')!.note).toBe('none: no accelerator has such links');
    expect(rows.get('bandwidth.scaleOutGbps')!.note).toBe('400 Gbps for every accelerator');
    const row = rows.get('bandwidth.leafOversubscription')!;
    expect(row.value).toBe(1);
    expect(row.note).toMatch(/^worst down : up per switch, by level: edge 1, aggregation 1/);
  });

  it('counts the racks over their power limit (a warning: the design still opens) and quotes why', async () => {
    const doc = load(readFileSync(join(REPO, 'topologies', 'small-two-servers.json'), 'utf8'));
    const tight = { ...doc, racks: doc.racks.map((r) => (r.id === 'rack-a' ? { ...r, powerLimitKw: 5 } : r)) };
    const report = await evaluateFabric(tight, { phases: ['power'] });
    const row = byKey(metricRows(report)).get('power.racksOverLimit')!;
    expect(row.value).toBe(1);
    expect(row.note).toContain('rack-a');
  });

  it('shows the example figures worked out by hand', () => {
    const r = byKey(metricRows(example));
    // 176 ordered pairs at 2 hops (within a server over NVLink, or on a shared leaf), 64 at 3 (leaf to leaf).
    expect(r.get('hops.diameter')).toMatchObject({ value: 3, text: '3' });
    expect(r.get('hops.mean')).toMatchObject({ value: 544 / 240, text: '2.267' });
    // Server A's eight rails against the rest: 8 x 400 Gbps.
    expect(r.get('bisection.lowerGbps')).toMatchObject({ value: 3200, text: '3,200' });
    expect(r.get('bisection.exact')).toMatchObject({ value: true, text: 'yes' });
    // KRW = USD x the rate the report used.
    expect(r.get('cost.capexKrw')!.value).toBe(example.cost!.capexUsd * example.cost!.krwPerUsd);
  });

  it('matches the fat-tree closed forms for k = 4 (metrics-reference)', () => {
    const r = byKey(metricRows(fatTree));
    expect(r.get('hops.diameter')!.value).toBe(6);
    expect(r.get('hops.mean')!.value).toBeCloseTo((16 * 2 + 32 * 4 + 192 * 6) / 240, 12);
    expect(r.get('bisection.lowerGbps')!.value).toBe(8 * 400);
    expect(r.get('allToAll.ecmpGbps')!.value).toBeCloseTo(400 / 15, 12);
    expect(r.get('allToAll.ecmpGbps')!.text).toBe('26.67');
    expect(r.get('allToAll.optimalGbps')!.value).toBeCloseTo(400 / 15, 9);
    // Distance bound: sum of 2 x capacity over hop sum = 2 x 48 x 400 / 1312 per ordered pair.
    expect(r.get('allToAll.boundGbps')!.value).toBeCloseTo((2 * 48 * 400) / 1312, 12);
    expect(r.get('allToAll.boundGbps')!.text).toBe('29.27');
  });

  it('shows no value, and no unit, where the report has none', async () => {
    const lone: FabricDocument = {
      name: 'one GPU', sites: [], racks: [], links: [],
      nodes: [{ id: 'g0', kind: 'accelerator', model: 'nvidia-h100-sxm' }],
    };
    const r = byKey(metricRows(await evaluateFabric(lone, { phases: ['hops', 'latency'] })));
    expect(r.get('hops.diameter')).toMatchObject({ value: null, text: NO_VALUE, unit: '', note: 'no two accelerators are connected' });
    expect(r.get('latency.p50')).toMatchObject({ value: null, text: NO_VALUE, unit: '' });
    for (const key of ['bisection.lowerGbps', 'bisection.exact', 'allToAll.ecmpGbps', 'cost.capexUsd', 'power.itKw', 'optics.violatingLinks']) {
      expect(r.get(key)).toMatchObject({ value: null, text: NO_VALUE, unit: '', note: '' });
    }
  });
});
