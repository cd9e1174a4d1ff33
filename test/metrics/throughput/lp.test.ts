import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { saturatingRate } from '../../../src/metrics/throughput/arc-report.js';
import { ecmpAllToAllLoads } from '../../../src/metrics/throughput/ecmp-loads.js';
import {
  buildConcurrentFlowLp, concurrentFlowLpSize, loadHighs, solveConcurrentFlowLp,
} from '../../../src/metrics/throughput/lp.js';
import { buildSimpleGraph } from '../../../src/metrics/graph/simple.js';
import { fatTree, leafSpine, torus, type DocBuilder } from './fabrics.js';
import { buildRandom, randomFabric, type RandomFabric } from './reference.js';

async function optimum(b: DocBuilder): Promise<number> {
  const c = b.ctx().compiled;
  const g = buildSimpleGraph(c);
  const out = solveConcurrentFlowLp(await loadHighs(), g, buildConcurrentFlowLp(g, c.accelerators), 60);
  if (!out.ok) throw new Error(out.status);
  return out.lambdaGbps;
}

/** HiGHS works to ~1e-7 relative: compare at 6 significant digits. */
const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-6 * Math.max(1, Math.abs(b)));

describe('max-concurrent-flow LP: closed forms', () => {
  it('fat-tree k=4: lambda = b/(H-1)', async () => near(await optimum(fatTree(4, 400)), 400 / 15));
  it('fat-tree k=6: lambda = b/(H-1)', async () => near(await optimum(fatTree(6, 100)), 100 / 53));
  it('torus 4x4: lambda = 8/k^3 x b', async () => near(await optimum(torus([4, 4])), (8 / 64) * 400));
  it('torus 6x6: lambda = 8/k^3 x b', async () => near(await optimum(torus([6, 6])), (8 / 216) * 400));
  it('leaf-spine L=4, 2 spines, d=4: theta = 5/8 b', async () => near((await optimum(leafSpine(4, 2, 4, 1))) * 15, (5 / 8) * 400));
  it('leaf-spine with thin uplinks: theta = u(H-1)/(d(H-d)) x b_up', async () => {
    // Hosts 400, uplinks 100: uplink-bound, lambda = u x 100 / (d (H - d)) = 2 x 100 / (4 x 12).
    near(await optimum(leafSpine(4, 2, 4, 1, 400, 100)), 200 / 48);
  });

  it('folding single-homed accelerators shrinks the LP to one commodity per edge switch', () => {
    const c = fatTree(4).ctx().compiled;
    const g = buildSimpleGraph(c);
    const lp = buildConcurrentFlowLp(g, c.accelerators);
    const size = concurrentFlowLpSize(g, c.accelerators);
    expect(lp.commodities).toBe(8);
    expect(lp.folded).toBe(16);
    // Switch-to-switch arcs only: 32 switch links x 2 directions per commodity, plus lambda.
    expect(size.variables).toBe(1 + 8 * 64);
    expect(lp.numCols).toBe(size.variables);
    expect(lp.numRows).toBe(size.constraints);
  });

  it('an accelerator hanging off another accelerator folds into it', async () => {
    // Ring of 4 accelerators (400 Gbps) with a pendant accelerator p on node 0 (100 Gbps): 5 endpoints.
    // p's link carries 4 lambda each way: lambda <= 25. The ring itself allows more, so lambda = 25.
    const b = buildRandom({ n: 5, accs: [0, 1, 2, 3, 4], edges: [[0, 1, 400], [1, 2, 400], [2, 3, 400], [3, 0, 400], [4, 0, 100]] });
    const c = b.ctx().compiled;
    const lp = buildConcurrentFlowLp(buildSimpleGraph(c), c.accelerators);
    expect(lp.folded).toBe(1);
    expect(lp.commodities).toBe(4);
    near(await optimum(b), 25);
  });
});

describe('max-concurrent-flow LP: properties', () => {
  const lambdas = async (f: RandomFabric) => {
    const c = buildRandom(f).ctx().compiled;
    const g = buildSimpleGraph(c);
    const loads = ecmpAllToAllLoads(g, c.accelerators);
    let capSum = 0;
    for (let e = 0; e < c.m; e++) capSum += 2 * c.linkGbps[e];
    return { ecmp: saturatingRate(g, loads.arcLoad), opt: await optimum(buildRandom(f)), bound: capSum / loads.hopSum };
  };

  it('ECMP <= optimal <= distance bound on random small fabrics', async () => {
    await fc.assert(
      fc.asyncProperty(randomFabric(8), async (f) => {
        const { ecmp, opt, bound } = await lambdas(f);
        expect(ecmp).toBeLessThanOrEqual(opt * (1 + 1e-6));
        expect(opt).toBeLessThanOrEqual(bound * (1 + 1e-6));
      }),
      { numRuns: 40 },
    );
  });

  it('adding a link never lowers the optimal lambda', async () => {
    await fc.assert(
      fc.asyncProperty(randomFabric(7), fc.nat(), fc.nat(), fc.constantFrom(100, 400), async (f, x, y, gbps) => {
        const a = x % f.n;
        const b = y % f.n;
        fc.pre(a !== b);
        const before = await optimum(buildRandom(f));
        const after = await optimum(buildRandom({ ...f, edges: [...f.edges, [a, b, gbps]] }));
        expect(after).toBeGreaterThanOrEqual(before * (1 - 1e-6));
      }),
      { numRuns: 30 },
    );
  });
});
