import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateClos, generateDragonfly, generateFatTree, generateHypercube, generateHyperX, generateNationalCenter, generateTorus } from '../../../src/generators/index.js';
import { computeHops } from '../../../src/metrics/hops/hops.js';
import { ctxOf, docFromEdges, fatTreeDoc, hypercubeDoc, leafSpineDoc, railFabricDoc, torusDoc } from '../support/fabrics.js';
import { naiveHopHistogram } from '../support/naive.js';

function meanFatTree(k: number): number {
  const h = k / 2;
  return (2 * (h - 1) + 4 * h * (h - 1) + 6 * (k - 1) * h * h) / (k ** 3 / 4 - 1);
}

describe('hops: closed forms', () => {
  it.each([
    [4, 82 / 15],
    [8, 726 / 127],
    [16, 5998 / 1023],
  ])('fat-tree k=%i: diameter 6, mean %f, histogram by pod/edge structure', (k, mean) => {
    for (const doc of [fatTreeDoc(k), generateFatTree({ k })]) {
      const r = computeHops(ctxOf(doc));
      const H = k ** 3 / 4;
      const h = k / 2;
      expect(r.accelerators).toBe(H);
      expect(r.pairs).toBe(H * (H - 1));
      expect(r.diameter).toBe(6);
      expect(r.mean).toBeCloseTo(mean, 12);
      expect(r.mean).toBeCloseTo(meanFatTree(k), 12);
      // per host: h-1 at 2 hops (same edge), h(h-1) at 4 (same pod), (k-1) h^2 at 6 (other pods)
      expect(r.histogram).toEqual([0, 0, H * (h - 1), 0, H * h * (h - 1), 0, H * (k - 1) * h * h]);
      expect(r.disconnectedPairs).toBe(0);
      expect(r.hopSum).toBe(mean * H * (H - 1) > 0 ? Math.round(mean * H * (H - 1)) : 0);
      expect(r.sourceClasses).toBe(k * h);
    }
  });

  it.each([
    [[4, 4], 4, 32 / 15],
    [[4, 4, 4], 6, 64 / 21],
    [[8, 8], 8, 256 / 63],
    [[6, 6], 6, 108 / 35],
  ])('torus %j: diameter n floor(k/2) = %i, mean (n k / 4) N / (N - 1) = %f', (dims, diameter, mean) => {
    const n = dims.length;
    const k = dims[0];
    const N = k ** n;
    expect(mean).toBeCloseTo(((n * k) / 4) * (N / (N - 1)), 12);
    for (const doc of [torusDoc(dims), generateTorus({ dims })]) {
      const r = computeHops(ctxOf(doc));
      expect(r.accelerators).toBe(N);
      expect(r.diameter).toBe(diameter);
      expect(r.mean).toBeCloseTo(mean, 12);
    }
  });

  it('mesh 4x4 (no wrap): diameter 6, mean n(k^2-1)/(3k) including self, rescaled to distinct pairs', () => {
    const r = computeHops(ctxOf(torusDoc([4, 4], false)));
    const withSelf = (2 * (16 - 1)) / 12;
    expect(r.diameter).toBe(6);
    expect(r.mean).toBeCloseTo((withSelf * 16) / 15, 12);
  });

  it.each([4, 6, 7])('hypercube Q%i: diameter n, mean n 2^(n-1) / (N - 1)', (n) => {
    for (const doc of [hypercubeDoc(n), generateHypercube({ n, accelerator: 'nvidia-h100-sxm' })]) {
      const r = computeHops(ctxOf(doc));
      const N = 2 ** n;
      expect(r.diameter).toBe(n);
      expect(r.mean).toBeCloseTo((n * 2 ** (n - 1)) / (N - 1), 12);
      // binomial histogram: C(n, d) nodes at distance d from each node
      const binom = (a: number, b: number): number => (b === 0 ? 1 : (binom(a, b - 1) * (a - b + 1)) / b);
      expect(r.histogram).toEqual(Array.from({ length: n + 1 }, (_, d) => (d === 0 ? 0 : N * binom(n, d))));
    }
  });

  it('Q4 and Q6 equal the 4x4 and 4x4x4 tori', () => {
    const q4 = computeHops(ctxOf(hypercubeDoc(4)));
    const t44 = computeHops(ctxOf(torusDoc([4, 4])));
    expect(q4.histogram).toEqual(t44.histogram);
    expect(computeHops(ctxOf(hypercubeDoc(6))).histogram).toEqual(computeHops(ctxOf(torusDoc([4, 4, 4]))).histogram);
  });

  it('leaf-spine: 2 hops under a leaf, 4 across', () => {
    for (const doc of [leafSpineDoc({ leaves: 4, spines: 2, hostsPerLeaf: 4 }), generateClos({ leaves: 4, spines: 2, hostsPerLeaf: 4, uplinks: 2 })]) {
      const r = computeHops(ctxOf(doc));
      expect(r.histogram).toEqual([0, 0, 16 * 3, 0, 16 * 12]);
      expect(r.mean).toBeCloseTo((2 * 3 + 4 * 12) / 15, 12);
    }
  });

  it('dragonfly a=4, p=2, h=2 (9 groups): endpoint diameter 5 (local, global, local between routers)', () => {
    const ctx = ctxOf(generateDragonfly({ a: 4, p: 2, h: 2 }));
    const r = computeHops(ctx);
    expect(r.accelerators).toBe(4 * 2 * 9);
    expect(r.diameter).toBe(5);
    const ref = naiveHopHistogram(ctx.compiled);
    expect(r.histogram).toEqual(ref.histogram);
    // same router: 2 hops; same group: 3 hops (one local link)
    expect(r.histogram[2]).toBe(72 * 1);
    expect(r.histogram[3]).toBeGreaterThanOrEqual(72 * 6);
  });

  it('HyperX: L dimensions of S switches, T endpoints each: diameter L + 2', () => {
    // 2-D HyperX 4x4, one endpoint per switch: host pairs at switch distance d are d + 2 hops apart.
    const r = computeHops(ctxOf(generateHyperX({ dims: 2, size: 4, links: 1, endpoints: 1 })));
    const N = 16;
    // switch distances in the Hamming graph K4 x K4: 6 at 1, 9 at 2 from each switch
    expect(r.histogram).toEqual([0, 0, 0, N * 6, N * 9]);
    expect(r.diameter).toBe(4);
  });
});

describe('hops: disconnected and degenerate fabrics', () => {
  it('counts disconnected ordered pairs and keeps the diameter of the connected ones', () => {
    // a0 - s0 - a1 ; a2 - a3 ; a4 alone
    const r = computeHops(ctxOf(docFromEdges(5, 1, [[0, 5], [1, 5], [2, 3]])));
    expect(r.pairs).toBe(20);
    expect(r.histogram).toEqual([0, 2, 2]);
    expect(r.disconnectedPairs).toBe(16);
    expect(r.diameter).toBe(2);
    expect(r.mean).toBe(1.5);
  });
  it('handles fabrics with fewer than two accelerators', () => {
    const r = computeHops(ctxOf(docFromEdges(1, 1, [[0, 1]])));
    expect(r).toMatchObject({ pairs: 0, diameter: null, mean: null, disconnectedPairs: 0 });
  });
  it('isolated twins (no links at all) are disconnected', () => {
    const r = computeHops(ctxOf(docFromEdges(3, 0, [])));
    expect(r.disconnectedPairs).toBe(6);
    expect(r.diameter).toBeNull();
  });
});

describe('hops: equal to one plain BFS per accelerator', () => {
  it('on random multigraphs with switches and direct accelerator links', () => {
    fc.assert(
      fc.property(
        fc.record({ accs: fc.integer({ min: 2, max: 40 }), sws: fc.integer({ min: 0, max: 12 }) }).chain(({ accs, sws }) =>
          fc.record({
            accs: fc.constant(accs),
            sws: fc.constant(sws),
            edges: fc.array(fc.tuple(fc.nat(accs + sws - 1), fc.nat(accs + sws - 1)), { maxLength: 80 }),
            words: fc.integer({ min: 1, max: 3 }),
          }),
        ),
        ({ accs, sws, edges, words }) => {
          const doc = docFromEdges(accs, sws, edges.filter(([a, b]) => a !== b));
          const ctx = ctxOf(doc);
          const ref = naiveHopHistogram(ctx.compiled);
          for (const strategy of ['auto', 'plain'] as const) {
            const r = computeHops(ctx, { words, strategy });
            const trimmed = ref.histogram.slice(0, (r.diameter ?? 0) + 1);
            expect(r.histogram).toEqual(trimmed);
            expect(r.disconnectedPairs).toBe(ref.disconnected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it('on a rail-optimised fabric with NVLink domains (no twins; PXN paths through GPUs)', () => {
    const ctx = ctxOf(railFabricDoc({ servers: 24, serversPerSu: 4, susPerGroup: 2, spinesPerGroup: 2, coresPerPlane: 1 }));
    const ref = naiveHopHistogram(ctx.compiled);
    for (const strategy of ['auto', 'plain'] as const) {
      const r = computeHops(ctx, { words: 2, strategy });
      expect(r.sourceClasses).toBe(192);
      expect(r.histogram).toEqual(ref.histogram);
      expect(r.disconnectedPairs).toBe(0);
    }
    // Every GPU of a scalable unit reaches its group's spines in 2 hops: one profile per unit.
    expect(computeHops(ctx).method).toContain('in 6 regions sharing 6 boundary profiles');
  });

  it('on a small national centre (every vendor: NVLink, xGMI and Gaudi meshes, PCIe NPUs, research sites)', () => {
    const ctx = ctxOf(generateNationalCenter({ accelerators: 500 }));
    const ref = naiveHopHistogram(ctx.compiled);
    const auto = computeHops(ctx);
    expect(auto.method).toContain('regions');
    expect(auto.histogram).toEqual(ref.histogram.slice(0, auto.histogram.length));
    expect(auto.disconnectedPairs).toBe(ref.disconnected);
    expect(computeHops(ctx, { strategy: 'plain' }).histogram).toEqual(auto.histogram);
  });

  it('on random layered fabrics (hosts on one or two leaves, leaves on spines, stray direct links): both strategies', () => {
    fc.assert(
      fc.property(
        fc.record({
          accs: fc.integer({ min: 2, max: 30 }),
          leaves: fc.integer({ min: 1, max: 6 }),
          spines: fc.integer({ min: 0, max: 4 }),
          picks: fc.array(fc.nat(1000), { minLength: 200, maxLength: 200 }),
          stray: fc.array(fc.tuple(fc.nat(40), fc.nat(40)), { maxLength: 5 }),
        }),
        ({ accs, leaves, spines, picks, stray }) => {
          let k = 0;
          const pick = (m: number) => picks[k++ % picks.length] % m;
          const edges: [number, number][] = [];
          const leaf = (i: number) => accs + i;
          const spine = (i: number) => accs + leaves + i;
          for (let a = 0; a < accs; a++) {
            edges.push([a, leaf(pick(leaves))]);
            if (pick(3) === 0) edges.push([a, leaf(pick(leaves))]);
          }
          if (spines > 0) for (let l = 0; l < leaves; l++) for (let j = 0, up = 1 + pick(3); j < up; j++) edges.push([leaf(l), spine(pick(spines))]);
          for (let s = 0; s + 1 < spines; s++) if (pick(2) === 0) edges.push([spine(s), spine(s + 1)]);
          const total = accs + leaves + spines;
          for (const [x, y] of stray) if (x % total !== y % total) edges.push([x % total, y % total]);
          const ctx = ctxOf(docFromEdges(accs, leaves + spines, edges));
          const ref = naiveHopHistogram(ctx.compiled);
          for (const strategy of ['auto', 'plain'] as const) {
            const r = computeHops(ctx, { strategy, words: 1 + pick(2) });
            expect(r.histogram).toEqual(ref.histogram.slice(0, (r.diameter ?? 0) + 1));
            expect(r.disconnectedPairs).toBe(ref.disconnected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
