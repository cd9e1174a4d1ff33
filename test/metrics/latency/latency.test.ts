import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../../src/catalog/index.js';
import { compileDocument } from '../../../src/compile/compile.js';
import { generateFatTree, generateRailOptimized } from '../../../src/generators/index.js';
import { computeHops } from '../../../src/metrics/hops/hops.js';
import { bfs } from '../../../src/metrics/graph/bfs.js';
import { LatencyDistribution } from '../../../src/metrics/latency/distribution.js';
import { computeLatency, systematicStandardError } from '../../../src/metrics/latency/latency.js';
import { latencyModel, serializationNs } from '../../../src/metrics/latency/paths.js';
import type { FabricDocument, Medium } from '../../../src/model/types.js';
import { ctxOf, DocBuilder, fatTreeDoc } from '../support/fabrics.js';

const SER_400 = (4096 * 8) / 400; // 81.92 ns
const SER_100 = (4096 * 8) / 100; // 327.68 ns

describe('latency: hand-worked fabrics', () => {
  it('two GPUs on one leaf: 2 x 2 m copper + 200 ns switch + 81.92 ns serialization', () => {
    const b = new DocBuilder();
    b.sw('L');
    for (const g of ['g0', 'g1']) b.link(b.acc(g), 'L', 400, { lengthM: 2, medium: 'copper', transceiver: 'dac-400g' });
    const r = computeLatency(ctxOf(b.doc()));
    const expected = 2 * 2 * 4.3 + 200 + SER_400;
    expect(expected).toBeCloseTo(299.12, 9);
    expect(r.minNs).toBeCloseTo(expected, 9);
    expect(r.maxNs).toBeCloseTo(expected, 9);
    expect(r.meanNs).toBeCloseTo(expected, 9);
    expect(r.p50Ns).toBeCloseTo(expected, 9);
    expect(r.p99Ns).toBeCloseTo(expected, 9);
    expect(r).toMatchObject({ pairs: 2, unreachablePairs: 0, exact: true, percentilesExact: true, packetBytes: 4096 });
    expect(r.histogram).toEqual([{ fromNs: r.minNs, toNs: r.maxNs, pairs: 2 }]);
  });

  it('leaf-spine with optics: fibre 4.9 ns/m, transceiver DSP delays, both switch latencies, slowest link', () => {
    const b = new DocBuilder();
    b.sw('L0');
    b.sw('L1');
    b.sw('S', { model: 'broadcom-th5' });
    const host = { lengthM: 3, medium: 'mmf' as Medium, transceiver: 'osfp-400g-sr4' };
    b.link(b.acc('g0'), 'L0', 400, host);
    b.link(b.acc('g1'), 'L0', 400, host);
    b.link(b.acc('g2'), 'L1', 400, host);
    for (const l of ['L0', 'L1']) b.link(l, 'S', 800, { lengthM: 50, medium: 'smf', transceiver: 'osfp-800g-dr8' });
    const r = computeLatency(ctxOf(b.doc()));
    const hostLink = 3 * 4.9 + 100; // 114.7
    const upLink = 50 * 4.9 + 100; // 345
    const near = 2 * hostLink + 200 + SER_400; // 511.32
    const far = 2 * hostLink + 2 * 200 + 2 * upLink + 600 + SER_400; // 2001.32
    expect(near).toBeCloseTo(511.32, 9);
    expect(far).toBeCloseTo(2001.32, 9);
    expect(r.minNs).toBeCloseTo(near, 9);
    expect(r.maxNs).toBeCloseTo(far, 9);
    expect(r.meanNs).toBeCloseTo((2 * near + 4 * far) / 6, 9);
    // nearest rank over [near, near, far x 4]: the 3rd value
    expect(r.p50Ns).toBeCloseTo(far, 9);
    expect(r.p99Ns).toBeCloseTo(far, 9);
    expect(r.histogram.reduce((s, h) => s + h.pairs, 0)).toBe(6);
    expect(r.histogram[0].pairs).toBe(2);
    expect(r.histogram[r.histogram.length - 1].pairs).toBe(4);
  });

  it('picks the lowest total among shortest-hop paths, serialization included (not the lowest propagation)', () => {
    const b = new DocBuilder();
    b.sw('X');
    b.sw('Y');
    const s = b.acc('s');
    const t = b.acc('t');
    // via X: 2 x 5 m copper + 200 = 243 ns but 100G links: 243 + 327.68 = 570.68
    b.link(s, 'X', 100, { lengthM: 5, medium: 'copper' });
    b.link('X', t, 100, { lengthM: 5, medium: 'copper' });
    // via Y: 2 x 20 m fibre + 200 = 396 ns at 400G: 396 + 81.92 = 477.92
    b.link(s, 'Y', 400, { lengthM: 20, medium: 'smf' });
    b.link('Y', t, 400, { lengthM: 20, medium: 'smf' });
    const r = computeLatency(ctxOf(b.doc()));
    expect(r.minNs).toBeCloseTo(396 + SER_400, 9);
    expect(r.maxNs).toBeCloseTo(477.92, 9);
  });

  it('a path of mixed speeds serializes at its slowest link; packet size is an option', () => {
    const b = new DocBuilder();
    b.sw('X');
    b.link(b.acc('s'), 'X', 400, { lengthM: 1 });
    b.link('X', b.acc('t'), 100, { lengthM: 1 });
    const r = computeLatency(ctxOf(b.doc()));
    expect(r.minNs).toBeCloseTo(2 * 4.3 + 200 + SER_100, 9);
    const small = computeLatency(ctxOf(b.doc()), { packetBytes: 64 });
    expect(small.minNs).toBeCloseTo(2 * 4.3 + 200 + (64 * 8) / 100, 9);
    expect(small.packetBytes).toBe(64);
  });

  it('an OCS on the way adds nothing (lengthM already includes the run through it); accelerators add nothing', () => {
    const b = new DocBuilder();
    b.nodes.push({ id: 'ocs', kind: 'ocs', model: 'unused-ocs-model' });
    // a direct accelerator chain s - m - t through an OCS-routed fibre
    b.link(b.acc('s'), b.acc('m'), 400, { lengthM: 100, medium: 'smf', via: ['ocs'] });
    b.link('m', b.acc('t'), 400, { lengthM: 100, medium: 'smf', via: ['ocs'] });
    const r = computeLatency(ctxOf(b.doc()));
    expect(r.maxNs).toBeCloseTo(2 * 100 * 4.9 + SER_400, 9);
    expect(r.minNs).toBeCloseTo(100 * 4.9 + SER_400, 9);
    expect(r.problems).toEqual([]);
  });

  it('research site: the gateway counts, the 400ZR span is 150 km of fibre + 1000 ns of DSP', () => {
    const b = new DocBuilder();
    const doc0 = b.doc();
    b.sw('B', { tier: 'border' });
    b.sw('L');
    b.nodes.push({ id: 'gw', kind: 'gateway', model: 'research-router-400g', site: 'kaist' });
    b.link('gw', 'B', 400, { lengthM: 150_000, medium: 'smf', transceiver: 'qsfpdd-400zr' });
    b.link('B', 'L', 400, { lengthM: 30, medium: 'mmf', transceiver: 'osfp-400g-sr4' });
    for (const g of ['g0', 'g1']) b.link(b.acc(g), 'L', 400, { lengthM: 2, medium: 'copper', transceiver: 'dac-400g' });
    const doc: FabricDocument = { ...b.doc(), sites: [...doc0.sites, { id: 'kaist', kind: 'campus', name: 'KAIST Daejeon' }] };
    const r = computeLatency(ctxOf(doc));
    const expected = 2000 + (150_000 * 4.9 + 1000) + 200 + (30 * 4.9 + 100) + 200 + 2 * 4.3 + SER_400;
    expect(expected).toBeCloseTo(738737.52, 6);
    expect(r.researchSites).toHaveLength(1);
    const site = r.researchSites[0];
    expect(site).toMatchObject({ site: 'kaist', name: 'KAIST Daejeon', kind: 'campus', nodes: 1, reachable: 2, unreachable: 0, minHops: 3 });
    expect(site.minNs).toBeCloseTo(expected, 6);
    expect(site.meanNs).toBeCloseTo(expected, 6);
    expect(r.minNs).toBeCloseTo(299.12, 9);
  });

  it('unknown catalog ids and dead links are reported as problems with paths, never thrown', () => {
    const b = new DocBuilder();
    b.sw('L', { model: 'no-such-switch' });
    b.link(b.acc('a'), 'L', 400, { transceiver: 'no-such-optic' });
    b.link(b.acc('c'), 'L', 0);
    const r = computeLatency(ctxOf(b.doc()));
    expect(r.problems.map((p) => [p.path, p.code])).toEqual([
      ['links[0].transceiver', 'unknown-transceiver'],
      ['links[1].gbps', 'no-capacity'],
      ['nodes[0].model', 'unknown-model'],
    ]);
    expect(r.unreachablePairs).toBe(2);
    expect(r.minNs).toBeNull();
  });
});

/** Every shortest-hop path of a tiny fabric, latency computed link by link (the model written out again). */
function bruteLatencies(doc: FabricDocument, packetBytes: number): number[] {
  const c = compileDocument(doc);
  const catalog = createCatalog();
  const model = latencyModel(doc, c, catalog, packetBytes);
  const out: number[] = [];
  for (const s of c.accelerators) {
    const { dist } = bfs(c, s);
    for (const t of c.accelerators) {
      if (t === s || dist[t] < 0) continue;
      let best = Infinity;
      const walk = (u: number, acc: number, minGbps: number) => {
        if (u === t) {
          best = Math.min(best, acc + serializationNs(packetBytes, minGbps));
          return;
        }
        for (let h = c.offsets[u]; h < c.offsets[u + 1]; h++) {
          const v = c.neighbors[h];
          const e = c.halfEdgeLink[h];
          if (dist[v] !== dist[u] + 1 || c.linkGbps[e] <= 0) continue;
          // only continue along paths that still end at t within the shortest hop count
          if (bfs(c, v).dist[t] !== dist[t] - dist[v]) continue;
          walk(v, acc + (u === s ? 0 : model.nodeDelayNs[u]) + model.linkDelayNs[e], Math.min(minGbps, c.linkGbps[e]));
        }
      };
      walk(s, 0, Infinity);
      if (best < Infinity) out.push(best);
    }
  }
  return out.sort((a, b) => a - b);
}

describe('latency: equal to enumerating every shortest-hop path', () => {
  it('on random small fabrics with mixed switches, media, optics and speeds', () => {
    const models = ['nvidia-qm9700', 'broadcom-th5', 'broadcom-th6'];
    const optics = [undefined, 'dac-400g', 'osfp-400g-sr4', 'qsfpdd-400zr'];
    fc.assert(
      fc.property(
        fc.record({ accs: fc.integer({ min: 2, max: 7 }), sws: fc.integer({ min: 0, max: 4 }) }).chain(({ accs, sws }) =>
          fc.record({
            accs: fc.constant(accs),
            sws: fc.array(fc.constantFrom(...models), { minLength: sws, maxLength: sws }),
            edges: fc.array(
              fc.record({
                a: fc.nat(accs + sws - 1),
                b: fc.nat(accs + sws - 1),
                gbps: fc.constantFrom(100, 400, 800),
                lengthM: fc.constantFrom(1, 3, 3, 40, 2000),
                medium: fc.constantFrom<Medium>('copper', 'smf', 'mmf', 'scale-up'),
                optic: fc.nat(optics.length - 1),
              }),
              { maxLength: 14 },
            ),
          }),
        ),
        ({ accs, sws, edges }) => {
          const b = new DocBuilder();
          const ids: string[] = [];
          for (let i = 0; i < accs; i++) ids.push(b.acc(`a${i}`));
          sws.forEach((m, i) => ids.push(b.sw(`s${i}`, { model: m })));
          for (const e of edges) {
            if (e.a === e.b) continue;
            const transceiver = optics[e.optic];
            b.link(ids[e.a], ids[e.b], e.gbps, { lengthM: e.lengthM, medium: e.medium, ...(transceiver ? { transceiver } : {}) });
          }
          const doc = b.doc();
          const ref = bruteLatencies(doc, 4096);
          const r = computeLatency(ctxOf(doc));
          expect(r.exact).toBe(true);
          expect(r.pairs - r.unreachablePairs).toBe(ref.length);
          if (ref.length === 0) {
            expect(r.minNs).toBeNull();
            return;
          }
          expect(r.minNs).toBeCloseTo(ref[0], 6);
          expect(r.maxNs).toBeCloseTo(ref[ref.length - 1], 6);
          expect(r.meanNs).toBeCloseTo(ref.reduce((s, x) => s + x, 0) / ref.length, 6);
          expect(r.p50Ns).toBeCloseTo(ref[Math.ceil(0.5 * ref.length) - 1], 6);
          expect(r.p99Ns).toBeCloseTo(ref[Math.ceil(0.99 * ref.length) - 1], 6);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('latency: sampling and twins at scale', () => {
  it('fat-tree hosts are latency twins: exact with one search per edge switch', () => {
    const r = computeLatency(ctxOf(fatTreeDoc(8)));
    expect(r.exact).toBe(true);
    expect(r.method).toContain('32 source classes');
    const d = 2 * 4.3; // two 1 m copper links per hop pair
    expect(r.minNs).toBeCloseTo(d + 200 + SER_400, 9);
    expect(r.maxNs).toBeCloseTo(3 * d + 5 * 200 + SER_400, 9);
    const H = 128;
    const mean = ((3 * (d + 200)) + 12 * (2 * d + 3 * 200) + 112 * (3 * d + 5 * 200)) / 127 + SER_400;
    expect(r.meanNs).toBeCloseTo(mean, 9);
    expect(r.pairs).toBe(H * (H - 1));
  });

  it('without twins (NVLink servers on rails) the report is the same whether or not the hop metric ran first', () => {
    // After computeHops the twin search is skipped (no two accelerators share their neighbours): same figures.
    const doc = generateRailOptimized({ sus: 1 });
    const alone = computeLatency(ctxOf(doc), { maxSources: 1000 });
    const ctx = ctxOf(doc);
    const hops = computeHops(ctx);
    expect(hops.sourceClasses).toBe(ctx.compiled.accelerators.length);
    expect(computeLatency(ctx, { maxSources: 1000 })).toEqual(alone);
    expect(alone.exact).toBe(true);
    // Fat-tree hosts are twins: the shortcut does not apply and the classes stay merged.
    const ft = ctxOf(fatTreeDoc(4));
    computeHops(ft);
    expect(computeLatency(ft).method).toContain('8 source classes');
  });

  it('sampled sources are labelled, seeded and unbiased on a symmetric fabric', () => {
    const ctx = ctxOf(fatTreeDoc(8));
    const exact = computeLatency(ctx);
    const a = computeLatency(ctx, { maxSources: 5, seed: 42 });
    const b = computeLatency(ctx, { maxSources: 5, seed: 42 });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ exact: false, sampledSources: 5 });
    expect(a.method).toMatch(/^sampled: 5 source accelerators of 128 \(systematic, seed 42\)/);
    // every host sees the same distribution in a fat-tree with equal cables
    expect(a.meanNs).toBeCloseTo(exact.meanNs!, 9);
    expect(a.histogram.reduce((s, h) => s + h.pairs, 0)).toBeCloseTo(128 * 127, 6);
  });

  it('sampled: the standard error of the mean comes from the spread of the sources, and covers the exact mean', () => {
    // Rail-optimised servers with placed cables: sources differ, so the sample has a spread.
    const ctx = ctxOf(generateRailOptimized({ sus: 1 }));
    const exact = computeLatency(ctx);
    expect(exact.meanStdErrorNs).toBeNull();
    for (const seed of [1, 2, 3]) {
      const r = computeLatency(ctx, { maxSources: 12, seed });
      expect(r.meanStdErrorNs).not.toBeNull();
      expect(r.meanStdErrorNs!).toBeGreaterThanOrEqual(0);
      expect(Math.abs(r.meanNs! - exact.meanNs!)).toBeLessThanOrEqual(4 * r.meanStdErrorNs! + 1e-9);
    }
  });

  it('systematicStandardError: successive differences by hand', () => {
    // Means 1, 2, 4, 4 from N = 8: differences 1, 2, 0 -> ss = 5; var = (1 - 4/8) x 5 / (2 x 4 x 3) = 0.104167.
    expect(systematicStandardError([1, 2, 4, 4], 8)).toBeCloseTo(Math.sqrt(0.5 * 5 / 24), 12);
    expect(systematicStandardError([5], 10)).toBeNull();
    // A constant sample, or the whole population: no sampling error.
    expect(systematicStandardError([3, 3, 3], 100)).toBe(0);
    expect(systematicStandardError([1, 9], 2)).toBe(0);
  });

  it('generated fat-tree (placed racks, real optics) stays within physical bounds', () => {
    const r = computeLatency(ctxOf(generateFatTree({ k: 4 })));
    expect(r.exact).toBe(true);
    expect(r.minNs!).toBeGreaterThan(200 + SER_400);
    expect(r.maxNs!).toBeGreaterThanOrEqual(r.p99Ns!);
    expect(r.p50Ns!).toBeGreaterThanOrEqual(r.minNs!);
    expect(r.unreachablePairs).toBe(0);
  });
});

describe('latency distribution', () => {
  it('nearest-rank percentiles, exact values while few, buckets after', () => {
    const d = new LatencyDistribution();
    for (let i = 1; i <= 100; i++) d.add(i, 1);
    expect(d.quantile(0.5)).toBe(50);
    expect(d.quantile(0.99)).toBe(99);
    expect(d.quantile(1)).toBe(100);
    expect(d.mean).toBe(50.5);
    expect(d.isExact).toBe(true);
    const big = new LatencyDistribution();
    for (let i = 0; i < 10_000; i++) big.add(1000 + i * 0.37, 1);
    expect(big.isExact).toBe(false);
    const p50 = big.quantile(0.5);
    const exactP50 = 1000 + 4999 * 0.37;
    expect(p50).toBeGreaterThanOrEqual(exactP50 * (1 - 1e-9));
    expect(p50).toBeLessThanOrEqual(exactP50 * 1.001);
    expect(big.histogram(10).reduce((s, h) => s + h.pairs, 0)).toBe(10_000);
  });
});
