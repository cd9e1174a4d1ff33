import { describe, expect, it } from 'vitest';
import { computeThroughput, provenLambdaGbps } from '../../../src/metrics/throughput/throughput.js';
import { fatTree } from './fabrics.js';

describe('provenLambdaGbps (what the bisection lower bound may use)', () => {
  it('exact ECMP lambda or the LP optimum; a symmetry or partial ECMP figure is never a proof', async () => {
    const ctx = fatTree(4).ctx();
    const exact = await computeThroughput(ctx, { lp: false, permutation: false });
    expect(exact.allToAll.ecmp.method).toBe('exact');
    expect(provenLambdaGbps(exact)).toBe(exact.allToAll.ecmp.lambdaGbps);
    expect(exact.allToAll.ecmp.lambdaGbps).toBeCloseTo(400 / 15, 9);

    // A budget of one arc visit leaves only the estimates.
    const estimate = await computeThroughput(ctx, { lp: false, permutation: false, ecmpMaxWork: 1 });
    expect(estimate.allToAll.ecmp.method).not.toBe('exact');
    expect(estimate.allToAll.ecmp.lambdaGbps).toBeGreaterThan(0);
    expect(provenLambdaGbps(estimate)).toBeUndefined();

    const withLp = await computeThroughput(ctx, { lp: true, permutation: false, ecmpMaxWork: 1 });
    expect(provenLambdaGbps(withLp)).toBe(withLp.allToAll.optimal!.lambdaGbps);
  });
});
