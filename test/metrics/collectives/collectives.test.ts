import { describe, expect, it } from 'vitest';
import { computeCollectives } from '../../../src/metrics/collectives/collectives.js';
import { createEvalContext } from '../../../src/metrics/context.js';
import { computeThroughput } from '../../../src/metrics/throughput/throughput.js';
import { fatTree, leafSpine, SW } from '../throughput/fabrics.js';

/**
 * Leaf-spine, 2 leaves x 2 hosts, 1 spine. Catalog pinned by overrides: fibre 5 ns/m, copper 4 ns/m, DR4 optic
 * 100 ns, switch 200 ns. Host links: 2 m copper = 8 ns. Uplinks: 100 m SMF + optic = 600 ns.
 * Same leaf: 8 + 200 + 8 = 216 ns. Across the spine: 8 + 200 + 600 + 200 + 600 + 200 + 8 = 1816 ns.
 */
function pinned() {
  const b = leafSpine(2, 1, 2);
  for (const l of b.links) {
    if (l.b === 'sp-0') Object.assign(l, { medium: 'smf', lengthM: 100, transceiver: 'osfp-400g-dr4' });
  }
  const doc = {
    ...b.doc(),
    catalogOverrides: { fibre: { fibreNsPerM: 5, copperNsPerM: 4 }, 'osfp-400g-dr4': { latencyNs: 100 }, [SW]: { latencyNs: 200 } },
  };
  return createEvalContext(doc);
}

const M = 1e6;

describe('computeCollectives', () => {
  it('whole fabric (P = 4): hand-computed ring all-reduce and all-to-all', async () => {
    const ctx = pinned();
    const r = computeCollectives(ctx, undefined, { messageBytes: M });
    // Ring h00 -> h01 -> h10 -> h11 -> h00: each uplink carries one flow, each host link one per direction: B = 400.
    expect(r.ringAllReduce.bottleneckGbps).toBeCloseTo(400, 9);
    expect(r.ringAllReduce).toMatchObject({ alphaNs: 1816, source: 'ring-steps', steps: 6 });
    // 6 x 1816 + 2 x 3/4 x 8e6 / 400 = 10896 + 30000.
    expect(r.ringAllReduce.latencyTermNs).toBeCloseTo(10896, 9);
    expect(r.ringAllReduce.bandwidthTermNs).toBeCloseTo(30000, 9);
    expect(r.ringAllReduce.timeNs).toBeCloseTo(40896, 9);
    expect(r.ringAllReduce.algorithmBandwidthGbps).toBeCloseTo(8e6 / 40896, 9);
    expect(r.ringAllReduce.busBandwidthGbps).toBeCloseTo((8e6 / 40896) * 1.5, 9);
    // All-to-all: each leaf sends 2 x 2 units over its one uplink: lambda = 100. 3 x 1816 + 8e6 / 4 / 100.
    expect(r.allToAll).toMatchObject({ lambdaSource: 'job-ecmp-exact', alphaNs: 1816, source: 'all-pairs', steps: 3 });
    expect(r.allToAll.lambdaGbps).toBeCloseTo(100, 9);
    expect(r.allToAll.perAcceleratorGbps).toBeCloseTo(300, 9);
    expect(r.allToAll.timeNs).toBeCloseTo(5448 + 20000, 9);
    expect(r.job).toEqual({ size: 4, placement: 'server-order', first: 'h-0-0', last: 'h-1-1' });
    expect(r.problems).toEqual([]);

    const t = await computeThroughput(ctx, { lp: false });
    const withReport = computeCollectives(ctx, t, { messageBytes: M });
    expect(withReport.allToAll.lambdaSource).toBe('throughput-report');
    expect(withReport.allToAll.timeNs).toBeCloseTo(25448, 9);
  });

  it('a job of 2 under one leaf: only host links and the leaf', () => {
    const r = computeCollectives(pinned(), undefined, { messageBytes: M, jobSize: 2 });
    // Ring of 2: 2 x 1 x 216 + 2 x 1/2 x 8e6 / 400 = 432 + 20000. All-to-all: 216 + 8e6 / 2 / 400.
    expect(r.ringAllReduce.timeNs).toBeCloseTo(20432, 9);
    expect(r.allToAll.lambdaGbps).toBeCloseTo(400, 9);
    expect(r.allToAll.timeNs).toBeCloseTo(10216, 9);
  });

  it('alphaNs option replaces path latency in both models', () => {
    const r = computeCollectives(pinned(), undefined, { messageBytes: 0, alphaNs: 5000 });
    expect(r.ringAllReduce).toMatchObject({ alphaNs: 5000, source: 'option', timeNs: 6 * 5000 });
    expect(r.allToAll).toMatchObject({ alphaNs: 5000, source: 'option', timeNs: 3 * 5000 });
  });

  it('fat-tree k=4, job of 4 in one pod: all-to-all limited by the host links (lambda = 400/3)', () => {
    const r = computeCollectives(fatTree(4).ctx(), undefined, { messageBytes: 4e6, jobSize: 4, alphaNs: 0 });
    expect(r.allToAll.lambdaGbps).toBeCloseTo(400 / 3, 9);
    expect(r.allToAll.timeNs).toBeCloseTo(8 * 4e6 / 4 / (400 / 3), 6);
  });

  it('given placement: rings in the given order; bad entries become problems with paths', () => {
    const ctx = pinned();
    const r = computeCollectives(ctx, undefined, { messageBytes: M, placement: ['h-1-1', 'nope', 'lf-0', 'h-0-0', 'h-1-1'] });
    expect(r.job).toMatchObject({ size: 2, placement: 'given', first: 'h-1-1', last: 'h-0-0' });
    expect(r.problems.map((p) => [p.path, p.code])).toEqual([
      ['placement[1]', 'unknown-node'],
      ['placement[2]', 'not-an-accelerator'],
      ['placement[4]', 'duplicate'],
    ]);
    expect(r.ringAllReduce.alphaNs).toBe(1816);
  });

  it('too large a job is clamped with a problem; a single accelerator takes no time', () => {
    const big = computeCollectives(pinned(), undefined, { messageBytes: M, jobSize: 99 });
    expect(big.job.size).toBe(4);
    expect(big.problems[0]).toMatchObject({ path: 'jobSize', code: 'job-too-large' });
    const one = computeCollectives(pinned(), undefined, { messageBytes: M, jobSize: 1 });
    expect(one.ringAllReduce.timeNs).toBe(0);
    expect(one.allToAll.timeNs).toBe(0);
  });
});
