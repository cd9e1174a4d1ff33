import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDocument } from '../../../src/compile/compile.js';
import { generateClos, generateFatTree, generateHypercube, generateHyperX, generateTorus } from '../../../src/generators/index.js';
import { computeBisection } from '../../../src/metrics/bisection/bisection.js';
import { structureCandidates } from '../../../src/metrics/bisection/candidates.js';
import { enumerateBisection } from '../../../src/metrics/bisection/enumerate.js';
import { schurSpectralBound } from '../../../src/metrics/bisection/schur.js';
import { SplitEvaluator } from '../../../src/metrics/bisection/split.js';
import { upDownLowerBound } from '../../../src/metrics/bisection/updown.js';
import { createRng } from '../../../src/model/random.js';
import type { FabricDocument } from '../../../src/model/types.js';
import { ctxOf, DocBuilder, docFromEdges, fatTreeDoc, hypercubeDoc, leafSpineDoc, railFabricDoc, torusDoc } from '../support/fabrics.js';

const gbpsOf = (doc: FabricDocument) => doc.links[0].gbps;

/** Exact bisection by brute force: every balanced split, every placement of the switches (tiny graphs only). */
function bruteBisection(accs: number, sws: number, edges: [number, number, number][]): number {
  const k = Math.floor(accs / 2);
  let best = Infinity;
  for (let mask = 0; mask < 1 << accs; mask++) {
    let bits = 0;
    for (let i = 0; i < accs; i++) bits += (mask >> i) & 1;
    if (bits !== k) continue;
    for (let sm = 0; sm < 1 << sws; sm++) {
      const side = (v: number) => (v < accs ? (mask >> v) & 1 : (sm >> (v - accs)) & 1);
      let cut = 0;
      for (const [a, b, c] of edges) if (side(a) !== side(b)) cut += c;
      best = Math.min(best, cut);
    }
  }
  return best;
}

describe('bisection: closed forms', () => {
  it.each([4, 8, 16])('fat-tree k=%i: H/2 host links, exact', (k) => {
    for (const doc of [fatTreeDoc(k), generateFatTree({ k })]) {
      const r = computeBisection(ctxOf(doc));
      const links = k ** 3 / 8;
      expect(r.upperGbps).toBe(links * gbpsOf(doc));
      expect(r.lowerGbps).toBe(r.upperGbps);
      expect(r.exact).toBe(true);
      expect(r.lowerMethod).toBe(k === 4 ? 'enumeration' : 'up-down');
      expect(r.split!.cutLinks.length).toBe(links);
      expect(r.split!.sideACount).toBe(k ** 3 / 8);
    }
  });

  it('leaf-spine L=4, 2 spines, d=4, one uplink per spine (2:1): 4 of 8 links, exact', () => {
    for (const doc of [leafSpineDoc({ leaves: 4, spines: 2, hostsPerLeaf: 4 }), generateClos({ leaves: 4, spines: 2, hostsPerLeaf: 4, uplinks: 2 })]) {
      const r = computeBisection(ctxOf(doc));
      expect(r.upperGbps).toBe(4 * 400);
      expect(r.exact).toBe(true);
    }
  });

  it.each([
    // min(H b_host / 2, L u b_up / 2)
    [{ leaves: 8, spines: 2, hostsPerLeaf: 8 }, Math.min((64 * 400) / 2, (8 * 2 * 400) / 2)],
    [{ leaves: 6, spines: 3, hostsPerLeaf: 4, gbps: 100, uplinkGbps: 400 }, Math.min((24 * 100) / 2, (6 * 3 * 400) / 2)],
    [{ leaves: 8, spines: 4, hostsPerLeaf: 6, uplinksPerSpine: 2, gbps: 200, uplinkGbps: 100 }, Math.min((48 * 200) / 2, (8 * 8 * 100) / 2)],
    [{ leaves: 10, spines: 4, hostsPerLeaf: 3, gbps: 400, uplinkGbps: 400 }, Math.min((30 * 400) / 2, (10 * 4 * 400) / 2)],
  ])('leaf-spine %j: min(H b_host / 2, L u b_up / 2) = %f, exact by the up-down certificate', (o, expected) => {
    const r = computeBisection(ctxOf(leafSpineDoc(o)));
    expect(r.upperGbps).toBeCloseTo(expected, 9);
    expect(r.lowerGbps).toBeCloseTo(expected, 9);
    expect(r.exact).toBe(true);
    expect(r.lowerMethod).toBe('up-down');
  });

  it('mixed NIC speeds: the certificate lets each accelerator send at its own line rate', () => {
    // Two leaves of 10 hosts at 400G and one of 10 at 100G under one spine (4000G uplinks). The cheapest half is the
    // ten slow hosts plus five fast ones: 10 x 100 + 5 x 400 = 3000; a uniform rate would only prove 15 x 100.
    const b = new DocBuilder();
    b.sw('S');
    [400, 400, 100].forEach((g, l) => {
      b.sw(`L${l}`);
      for (let h = 0; h < 10; h++) b.link(b.acc(`h${l}-${h}`), `L${l}`, g);
      b.link(`L${l}`, 'S', 4000);
    });
    const r = computeBisection(ctxOf(b.doc()));
    expect(r.upperGbps).toBe(3000);
    expect(r.lowerGbps).toBe(3000);
    expect(r.lowerMethod).toBe('up-down');
    expect(r.lowerBounds.find((x) => x.method === 'up-down')!.detail).toContain('100 % of its up-link capacity (at least 100 Gbps)');
  });

  it('generated leaf-spine with oversubscription matches the closed form', () => {
    const doc = generateClos({ leaves: 8, spines: 4, hostsPerLeaf: 8, uplinks: 4 });
    const r = computeBisection(ctxOf(doc));
    expect(r.upperGbps).toBe(Math.min((64 * 400) / 2, (8 * 4 * 400) / 2));
    expect(r.exact).toBe(true);
  });

  it.each([
    [[4, 4], 8],
    [[4, 4, 4], 32],
  ])('torus %j: 2 k^(n-1) = %i links, exact without any lambda (spectral bound)', (dims, links) => {
    for (const doc of [torusDoc(dims), generateTorus({ dims })]) {
      const r = computeBisection(ctxOf(doc));
      expect(r.upperGbps).toBe(links * gbpsOf(doc));
      expect(r.exact).toBe(true);
    }
  });

  it('torus 8x8: 16 links; exact with the concurrent-flow lambda 8 / k^(n+1) x b', () => {
    for (const doc of [torusDoc([8, 8]), generateTorus({ dims: [8, 8] })]) {
      const b = gbpsOf(doc);
      const without = computeBisection(ctxOf(doc));
      expect(without.upperGbps).toBe(16 * b);
      expect(without.lowerGbps).toBeLessThan(without.upperGbps);
      expect(without.exact).toBe(false);
      const r = computeBisection(ctxOf(doc), { lambdaGbps: (8 / 8 ** 3) * b });
      expect(r.upperGbps).toBe(16 * b);
      expect(r.lowerGbps).toBe(16 * b);
      expect(r.lowerMethod).toBe('concurrent-flow');
      expect(r.exact).toBe(true);
    }
  });

  it.each([4, 6, 7])('hypercube Q%i: N/2 links, exact (Q4 = 4x4 torus, Q6 = 4x4x4 torus)', (n) => {
    for (const doc of [hypercubeDoc(n), generateHypercube({ n, accelerator: 'nvidia-h100-sxm' })]) {
      const r = computeBisection(ctxOf(doc));
      expect(r.upperGbps).toBe(2 ** (n - 1) * gbpsOf(doc));
      expect(r.exact).toBe(true);
    }
  });

  it('HyperX: K S^(L+1) / 4 switch links when hosts are not the bottleneck', () => {
    // S=4, L=2, T=4 endpoints per switch: switch cut 16 links, host cut 32: bisection 16 links.
    const a = generateHyperX({ dims: 2, size: 4, links: 1, endpoints: 4 });
    const b = gbpsOf(a);
    const ra = computeBisection(ctxOf(a));
    expect(ra.upperGbps).toBe(16 * b);
    expect(ra.lowerGbps).toBeLessThanOrEqual(ra.upperGbps);
    // K=2 parallel links: 32 switch links against 32 host links.
    const rb = computeBisection(ctxOf(generateHyperX({ dims: 2, size: 4, links: 2, endpoints: 4 })));
    expect(rb.upperGbps).toBe(32 * b);
    // One endpoint per switch (N = 16, enumerated): the 8 host links are the bisection.
    const rc = computeBisection(ctxOf(generateHyperX({ dims: 2, size: 4, links: 1, endpoints: 1 })));
    expect(rc.upperGbps).toBe(8 * b);
    expect(rc.exact).toBe(true);
    expect(rc.lowerMethod).toBe('enumeration');
  });
});

describe('bisection: small hand-worked fabrics', () => {
  it('two leaves of two hosts joined by one 100G link: 100 Gbps, and the split is the leaves', () => {
    const b = new DocBuilder();
    for (const l of ['L0', 'L1']) b.sw(l);
    for (const h of ['x0', 'x1']) b.link(b.acc(h), 'L0', 400);
    for (const h of ['y0', 'y1']) b.link(b.acc(h), 'L1', 400);
    const mid = b.link('L0', 'L1', 100);
    const r = computeBisection(ctxOf(b.doc()));
    expect(r).toMatchObject({ upperGbps: 100, lowerGbps: 100, exact: true, lowerMethod: 'enumeration' });
    expect(r.split!.cutLinks).toEqual([mid]);
    expect(new Set(r.split!.sideA)).toSatisfy((s: Set<string>) => (s.has('x0') && s.has('x1')) || (s.has('y0') && s.has('y1')));
  });
  it('odd N splits floor/ceil: a 5-ring of accelerators cuts 2 links', () => {
    const r = computeBisection(ctxOf(docFromEdges(5, 0, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 0]])));
    expect(r.upperGbps).toBe(800);
    expect(r.split!.sideACount).toBe(2);
    expect(r.exact).toBe(true);
  });
  it('disconnected halves bisect at 0', () => {
    const r = computeBisection(ctxOf(docFromEdges(4, 0, [[0, 1], [2, 3]])));
    expect(r).toMatchObject({ upperGbps: 0, lowerGbps: 0, exact: true });
  });
  it('fewer than two accelerators: 0, exact, no split', () => {
    expect(computeBisection(ctxOf(docFromEdges(1, 1, [[0, 1]])))).toMatchObject({ upperGbps: 0, exact: true, split: null });
  });
  it('above the enumeration limit the search still finds the rail fabric group split, certified by up-down', () => {
    const doc = railFabricDoc({ servers: 64, serversPerSu: 8, susPerGroup: 2, spinesPerGroup: 4, coresPerPlane: 2 });
    const r = computeBisection(ctxOf(doc));
    // 4 groups: half of them send up 4 spines x 2 cores x 400 Gbps each
    expect(r.upperGbps).toBe(2 * 4 * 2 * 400);
    expect(r.exact).toBe(true);
    expect(r.lowerBounds.find((x) => x.method === 'up-down')!.detail).toContain('scale-up links not used');
  });
  it('large fabrics get side A as ranges and ids only up to 4096 accelerators', () => {
    const r = computeBisection(ctxOf(fatTreeDoc(8)), { effort: 'fast' });
    expect(r.split!.sideA!.length).toBe(64);
    const covered = r.split!.sideARanges.reduce((s, [a, b]) => s + b - a + 1, 0);
    expect(covered).toBe(64);
  });
});

/** Random small multigraph: `accs` accelerators then `sws` switches, links of a few speeds. */
const tinyFabric = fc
  .record({ accs: fc.integer({ min: 2, max: 8 }), sws: fc.integer({ min: 0, max: 4 }) })
  .chain(({ accs, sws }) =>
    fc.record({
      accs: fc.constant(accs),
      sws: fc.constant(sws),
      edges: fc
        .array(fc.tuple(fc.nat(accs + sws - 1), fc.nat(accs + sws - 1), fc.constantFrom(100, 400, 800)), { maxLength: 18 })
        .map((es) => es.filter(([a, b]) => a !== b)),
    }),
  );

describe('bisection: properties', () => {
  it('enumeration equals brute force over splits and switch placements; lower <= upper', () => {
    fc.assert(
      fc.property(tinyFabric, ({ accs, sws, edges }) => {
        const r = computeBisection(ctxOf(docFromEdges(accs, sws, edges)));
        expect(r.upperGbps).toBe(bruteBisection(accs, sws, edges));
        expect(r.exact).toBe(true);
        for (const b of r.lowerBounds) expect(b.gbps).toBeLessThanOrEqual(r.upperGbps * (1 + 1e-9) + 1e-9);
      }),
      { numRuns: 150 },
    );
  });

  it('adding a link never lowers the exact bisection of a tiny fabric', () => {
    fc.assert(
      fc.property(tinyFabric, fc.nat(), fc.nat(), fc.constantFrom(100, 400), ({ accs, sws, edges }, x, y, g) => {
        const a = x % (accs + sws);
        const b = y % (accs + sws);
        if (a === b) return;
        const before = computeBisection(ctxOf(docFromEdges(accs, sws, edges))).upperGbps;
        const after = computeBisection(ctxOf(docFromEdges(accs, sws, [...edges, [a, b, g]]))).upperGbps;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 100 },
    );
  });

  it('adding a link never lowers the cut of any split of a fixed family (larger fabrics)', () => {
    fc.assert(
      fc.property(
        fc.record({ accs: fc.integer({ min: 17, max: 40 }), sws: fc.integer({ min: 0, max: 10 }) }).chain(({ accs, sws }) =>
          fc.record({
            accs: fc.constant(accs),
            sws: fc.constant(sws),
            edges: fc.array(fc.tuple(fc.nat(accs + sws - 1), fc.nat(accs + sws - 1), fc.constantFrom(100, 400)), { minLength: 10, maxLength: 90 }),
            extra: fc.tuple(fc.nat(accs + sws - 1), fc.nat(accs + sws - 1), fc.constantFrom(100, 400)),
            seed: fc.nat(),
          }),
        ),
        ({ accs, sws, edges, extra, seed }) => {
          const clean = edges.filter(([a, b]) => a !== b);
          if (extra[0] === extra[1]) return;
          const docA = docFromEdges(accs, sws, clean);
          const docB = docFromEdges(accs, sws, [...clean, extra]);
          const family = structureCandidates(docA, compileDocument(docA)).map((cand) => cand.inA);
          const rng = createRng(seed);
          for (let k = 0; k < 3; k++) {
            const order = rng.shuffle(Array.from({ length: accs }, (_, i) => i));
            const inA = new Uint8Array(accs);
            for (let i = 0; i < Math.floor(accs / 2); i++) inA[order[i]] = 1;
            family.push(inA);
          }
          const evA = new SplitEvaluator(compileDocument(docA));
          const evB = new SplitEvaluator(compileDocument(docB));
          let bestA = Infinity;
          let bestB = Infinity;
          for (const s of family) {
            const a = evA.evaluate(s).cutGbps;
            const b = evB.evaluate(s).cutGbps;
            expect(b).toBeGreaterThanOrEqual(a - 1e-9);
            bestA = Math.min(bestA, a);
            bestB = Math.min(bestB, b);
          }
          expect(bestB).toBeGreaterThanOrEqual(bestA - 1e-9);
          const r = computeBisection(ctxOf(docB));
          expect(r.lowerGbps).toBeLessThanOrEqual(r.upperGbps);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the up-down and spectral certificates never exceed the exact bisection', () => {
    // Random two-level trees of switches (tree-like, so the up-down certificate often applies) and random graphs.
    const treeLike = fc
      .record({ leaves: fc.integer({ min: 2, max: 4 }), spines: fc.integer({ min: 1, max: 3 }), hosts: fc.integer({ min: 1, max: 4 }), caps: fc.array(fc.constantFrom(100, 200, 400), { minLength: 30, maxLength: 30 }) })
      .filter((o) => o.leaves * o.hosts <= 14 && o.leaves * o.hosts >= 2);
    let applied = 0;
    fc.assert(
      fc.property(treeLike, (o) => {
        const b = new DocBuilder();
        let k = 0;
        for (let s = 0; s < o.spines; s++) b.sw(`S${s}`);
        for (let l = 0; l < o.leaves; l++) {
          b.sw(`L${l}`);
          for (let h = 0; h < o.hosts; h++) b.link(b.acc(`h${l}-${h}`), `L${l}`, o.caps[k++ % 30]);
          for (let s = 0; s < o.spines; s++) b.link(`L${l}`, `S${s}`, o.caps[k++ % 30]);
        }
        const c = compileDocument(b.doc());
        const exact = enumerateBisection(new SplitEvaluator(c)).cutGbps;
        const cert = upDownLowerBound(c, createRng(7));
        if (cert) {
          applied++;
          expect(cert.gbps).toBeLessThanOrEqual(exact * (1 + 1e-9));
        }
        const spectral = schurSpectralBound(c);
        if (spectral) expect(spectral.gbps).toBeLessThanOrEqual(exact * (1 + 1e-9));
      }),
      { numRuns: 120 },
    );
    expect(applied).toBeGreaterThan(10);
    fc.assert(
      fc.property(tinyFabric, ({ accs, sws, edges }) => {
        const c = compileDocument(docFromEdges(accs, sws, edges));
        const exact = bruteBisection(accs, sws, edges);
        const cert = upDownLowerBound(c, createRng(3));
        if (cert) expect(cert.gbps).toBeLessThanOrEqual(exact * (1 + 1e-9) + 1e-9);
        const spectral = schurSpectralBound(c);
        if (spectral) expect(spectral.gbps).toBeLessThanOrEqual(exact * (1 + 1e-9) + 1e-9);
      }),
      { numRuns: 150 },
    );
  });
});
