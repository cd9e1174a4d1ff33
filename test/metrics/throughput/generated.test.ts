import { describe, expect, it } from 'vitest';
import { generateFatTree, generateHyperX, generateTorus } from '../../../src/generators/index.js';
import { generateNationalCenter } from '../../../src/generators/national-center.js';
import { createEvalContext } from '../../../src/metrics/context.js';
import { saturatingRate } from '../../../src/metrics/throughput/arc-report.js';
import { ecmpAllToAllLoads } from '../../../src/metrics/throughput/ecmp-loads.js';
import { simpleGraphOf } from '../../../src/metrics/graph/simple.js';
import { computeThroughput } from '../../../src/metrics/throughput/throughput.js';

describe('throughput on generated fabrics', () => {
  it('generated fat-tree k=4 and 8: lambda = b/(H-1) under ECMP (and in the LP for k=4)', async () => {
    for (const k of [4, 8]) {
      const H = k ** 3 / 4;
      const r = await computeThroughput(createEvalContext(generateFatTree({ k, gbps: 400 })), { lp: k === 4 });
      expect(r.allToAll.ecmp.lambdaGbps).toBeCloseTo(400 / (H - 1), 9);
      if (k === 4) expect(Math.abs(r.allToAll.optimal!.lambdaGbps - 400 / (H - 1))).toBeLessThan(1e-6);
    }
  });

  it('generated torus 4x4x4: ECMP reaches 8/k^4 x b', async () => {
    const ctx = createEvalContext(generateTorus({ dims: [4, 4, 4] }));
    const r = await computeThroughput(ctx, { lp: false });
    const gbps = ctx.doc.links[0].gbps;
    expect(r.allToAll.ecmp.lambdaGbps).toBeCloseTo((8 / 256) * gbps, 9);
  });

  /*
   * HyperX, L dimensions of S switches, K links between switches that differ in one coordinate, T endpoints each
   * (N_s = S^L switches, H = T N_s hosts). Every ordered pair of hosts on switches that differ in dimension d
   * crosses exactly one dim-d link on any shortest path, and the fabric is symmetric within a dimension, so ECMP
   * loads every directed dim-d link equally: lambda T^2 N_s^2 (S-1)/S over N_s (S-1) K links = lambda T^2 N_s /
   * (S K). The host link carries lambda (H - 1). So lambda = b min(1 / (H - 1), S K / (T^2 N_s)).
   */
  it.each([
    [2, 4, 1, 4],
    [2, 4, 2, 4],
    [3, 3, 1, 2],
    [2, 5, 1, 1],
  ])('generated HyperX L=%i S=%i K=%i T=%i: lambda = b min(1/(H-1), S K / (T^2 S^L))', async (L, S, K, T) => {
    const b = 400;
    const ctx = createEvalContext(generateHyperX({ dims: L, size: S, links: K, endpoints: T, gbps: b }));
    const r = await computeThroughput(ctx, { lp: false });
    const Ns = S ** L;
    const H = T * Ns;
    expect(r.allToAll.ecmp.lambdaGbps).toBeCloseTo(b * Math.min(1 / (H - 1), (S * K) / (T * T * Ns)), 9);
    expect(r.allToAll.ecmp.lambdaGbps).toBeLessThanOrEqual(r.allToAll.upperBound.lambdaGbps * (1 + 1e-12));
  });

  it('national centre (small): the symmetry method gives the exact loads (multi-homed GPUs, no twins)', () => {
    const ctx = createEvalContext(generateNationalCenter({ accelerators: 2000 }));
    const c = ctx.compiled;
    const g = simpleGraphOf(c);
    const labels = ctx.doc.nodes.map((n) => `${n.kind}:${n.model}`);
    const exact = ecmpAllToAllLoads(g, c.accelerators, { strategy: 'plain' });
    const sym = ecmpAllToAllLoads(g, c.accelerators, { method: 'symmetry', nodeLabels: labels });
    expect(exact.method).toBe('exact');
    expect(exact.classes).toBe(c.accelerators.length); // no twins: one plain sweep per destination
    expect(sym.classes).toBeLessThan(exact.classes / 20);
    expect(sym.symmetryCheck!.maxRelativeDifference).toBeLessThan(1e-9);
    let maxLoad = 0;
    for (const x of exact.arcLoad) maxLoad = Math.max(maxLoad, x);
    for (let a = 0; a < exact.arcLoad.length; a++) expect(Math.abs(sym.arcLoad[a] - exact.arcLoad[a])).toBeLessThan(1e-9 * maxLoad);
    expect(saturatingRate(g, sym.arcLoad)).toBeCloseTo(saturatingRate(g, exact.arcLoad), 12);
    expect(sym.hopSum).toBe(exact.hopSum);
  });
});
