import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDocument } from '../../../src/compile/compile.js';
import { bfs } from '../../../src/metrics/graph/bfs.js';
import { BitParallelBfs, popcount32 } from '../../../src/metrics/graph/bitbfs.js';
import { flowNetworkOf, maxFlowValue, MaxFlowSolver, minCutBetween, SIDE_SINK, SIDE_SOURCE } from '../../../src/metrics/graph/maxflow.js';
import { buildSimpleGraph, reverseArcs, simpleGraphOf } from '../../../src/metrics/graph/simple.js';
import { twinReduction } from '../../../src/metrics/graph/twins.js';
import { docFromEdges, fatTreeDoc } from '../support/fabrics.js';

/** Random multigraph: accelerators 0..a-1, switches after; edges may repeat (parallel links). */
const randomGraph = fc
  .record({ accs: fc.integer({ min: 2, max: 9 }), sws: fc.integer({ min: 0, max: 5 }) })
  .chain(({ accs, sws }) =>
    fc
      .array(fc.tuple(fc.nat(accs + sws - 1), fc.nat(accs + sws - 1), fc.constantFrom(100, 200, 400)), { maxLength: 24 })
      .map((edges) => ({ accs, sws, edges: edges.filter(([a, b]) => a !== b) })),
  );

describe('bfs', () => {
  // path a0 - s0 - a1 - s1 - a2, plus a3 alone
  const c = compileDocument(docFromEdges(4, 2, [[0, 4], [4, 1], [1, 5], [5, 2]]));
  it('gives hop distances and -1 for unreachable nodes', () => {
    const { dist, order, reached } = bfs(c, 0);
    expect(Array.from(dist)).toEqual([0, 2, 4, -1, 1, 3]);
    expect(reached).toBe(5);
    expect(Array.from(order).map((v) => dist[v])).toEqual([0, 1, 2, 3, 4]);
  });
  it('from several sources measures the nearest one', () => {
    expect(Array.from(bfs(c, [0, 2]).dist)).toEqual([0, 2, 0, -1, 1, 1]);
  });
  it('skips masked links and stops at maxDistance', () => {
    const mask = new Uint8Array(c.m).fill(1);
    mask[2] = 0; // a1 - s1
    expect(Array.from(bfs(c, 0, { linkMask: mask }).dist)).toEqual([0, 2, -1, -1, 1, -1]);
    expect(Array.from(bfs(c, 0, { maxDistance: 2 }).dist)).toEqual([0, 2, -1, -1, 1, -1]);
  });
});

describe('simple graph', () => {
  it('merges parallel links and adds their capacities', () => {
    const c = compileDocument(docFromEdges(2, 1, [[0, 2, 400], [0, 2, 400], [2, 0, 100], [1, 2, 200]]));
    const g = simpleGraphOf(c);
    expect(Array.from(g.offsets)).toEqual([0, 1, 2, 4]);
    expect(Array.from(g.neighbors)).toEqual([2, 2, 0, 1]);
    expect(Array.from(g.capacityGbps)).toEqual([900, 200, 900, 200]);
    const mask = Uint8Array.from([1, 0, 1, 1]);
    expect(Array.from(buildSimpleGraph(c, { linkMask: mask }).capacityGbps)).toEqual([500, 200, 500, 200]);
  });
  it('pairs every arc with its reverse', () => {
    fc.assert(
      fc.property(randomGraph, ({ accs, sws, edges }) => {
        const g = simpleGraphOf(compileDocument(docFromEdges(accs, sws, edges)));
        const rev = reverseArcs(g);
        for (let u = 0; u < g.n; u++) {
          for (let h = g.offsets[u]; h < g.offsets[u + 1]; h++) {
            const r = rev[h];
            expect(g.neighbors[r]).toBe(u);
            expect(r >= g.offsets[g.neighbors[h]] && r < g.offsets[g.neighbors[h] + 1]).toBe(true);
            expect(rev[r]).toBe(h);
            expect(g.capacityGbps[r]).toBe(g.capacityGbps[h]);
          }
        }
      }),
    );
  });
});

/** Smallest cut over every placement of the free nodes (exponential: tiny graphs only). */
function bruteMinCut(n: number, edges: [number, number, number][], side: number[]): number {
  const free = side.map((s, i) => (s === 0 ? i : -1)).filter((i) => i >= 0);
  let best = Infinity;
  for (let mask = 0; mask < 1 << free.length; mask++) {
    const inS = side.map((s) => s === 1);
    free.forEach((v, i) => (inS[v] = ((mask >> i) & 1) === 1));
    let cut = 0;
    for (const [a, b, c] of edges) if (inS[a] !== inS[b]) cut += c;
    best = Math.min(best, cut);
  }
  return best;
}

describe('max-flow / min-cut', () => {
  it('cuts parallel links with their summed capacity', () => {
    const c = compileDocument(docFromEdges(2, 0, [[0, 1, 400], [0, 1, 400], [1, 0, 100]]));
    expect(maxFlowValue(c, 0, 1)).toBe(900);
  });
  it('finds the bottleneck of a diamond with a cross link (undirected capacities)', () => {
    // a0 -> {s0, s1} -> a1 ; s0 - s1 cross link
    const c = compileDocument(docFromEdges(2, 2, [[0, 2, 300], [0, 3, 100], [2, 1, 100], [3, 1, 300], [2, 3, 150]]));
    // cut {a0}: 400; cut {a0,s0}: 100+100+150 = 350; cut {a0,s1}: 300+300+150 = 750; cut {a0,s0,s1}: 400 -> 350
    const cut = minCutBetween(c, [0], [1]);
    expect(cut.valueGbps).toBe(350);
    expect(Array.from(cut.sourceSide)).toEqual([1, 0, 1, 0]);
    expect(Array.from(cut.cutLinks).map((e) => c.linkIds[e])).toEqual(['l1', 'l2', 'l4']);
  });
  it('equals the brute-force minimum over free-node placements (multi-source, multi-sink)', () => {
    fc.assert(
      fc.property(
        randomGraph.chain((g) => fc.record({ g: fc.constant(g), sides: fc.array(fc.constantFrom(0, 1, 2), { minLength: g.accs + g.sws, maxLength: g.accs + g.sws }) })),
        ({ g, sides }) => {
          const n = g.accs + g.sws;
          if (!sides.includes(1) || !sides.includes(2) || sides.filter((s) => s === 0).length > 10) return;
          const c = compileDocument(docFromEdges(g.accs, g.sws, g.edges));
          const solver = new MaxFlowSolver(flowNetworkOf(c));
          const cut = solver.minCut(Uint8Array.from(sides));
          const edges = g.edges.map(([a, b, cap]) => [a, b, cap] as [number, number, number]);
          expect(cut.valueGbps).toBeCloseTo(bruteMinCut(n, edges, sides), 6);
          // The reported side is a real cut of that value containing the sources and none of the sinks.
          let value = 0;
          for (const [a, b, cap] of edges) if (cut.sourceSide[a] !== cut.sourceSide[b]) value += cap;
          expect(value).toBeCloseTo(cut.valueGbps, 6);
          sides.forEach((s, v) => {
            if (s === SIDE_SOURCE) expect(cut.sourceSide[v]).toBe(1);
            if (s === SIDE_SINK) expect(cut.sourceSide[v]).toBe(0);
          });
          // The solver is reusable: the same question gives the same answer.
          expect(solver.minCut(Uint8Array.from(sides)).valueGbps).toBe(cut.valueGbps);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('bit-parallel BFS', () => {
  it('reaches every node at the BFS distance of every source', () => {
    fc.assert(
      fc.property(randomGraph, fc.integer({ min: 1, max: 3 }), ({ accs, sws, edges }, words) => {
        const c = compileDocument(docFromEdges(accs, sws, edges));
        const g = simpleGraphOf(c);
        const sources = Array.from({ length: Math.min(g.n * 2, 32 * words) }, (_, i) => i % g.n);
        const level = sources.map(() => new Int32Array(g.n).fill(-1));
        sources.forEach((s, i) => (level[i][s] = 0));
        new BitParallelBfs(g, words).run(sources, (lvl, nodes, count, bits, offset, stride) => {
          for (let k = 0; k < count; k++) {
            const v = nodes[k];
            for (let i = 0; i < sources.length; i++) {
              if ((bits[offset + v * stride + (i >>> 5)] >>> (i & 31)) & 1) {
                expect(level[i][v]).toBe(-1);
                level[i][v] = lvl;
              }
            }
          }
        });
        sources.forEach((s, i) => expect(Array.from(level[i])).toEqual(Array.from(bfs(c, s).dist)));
      }),
    );
  });
  it('injected entries (a bit entering several nodes at several distances) reach v at min over entries of level + hops', () => {
    const entry = fc.tuple(fc.nat(63), fc.nat(40), fc.nat(3));
    fc.assert(
      fc.property(randomGraph, fc.array(entry, { minLength: 1, maxLength: 30 }), ({ accs, sws, edges }, raw) => {
        const c = compileDocument(docFromEdges(accs, sws, edges));
        const g = simpleGraphOf(c);
        const nodes = raw.map(([v]) => v % g.n);
        const bits = raw.map(([, b]) => b);
        const levels = raw.map(([, , l]) => l);
        const bitCount = Math.max(...bits) + 1;
        const want = Array.from({ length: bitCount }, () => new Int32Array(g.n).fill(-1));
        raw.forEach((_, k) => {
          const { dist } = bfs(c, nodes[k]);
          for (let v = 0; v < g.n; v++) {
            if (dist[v] < 0) continue;
            const d = levels[k] + dist[v];
            if (want[bits[k]][v] < 0 || d < want[bits[k]][v]) want[bits[k]][v] = d;
          }
        });
        // Driven by step(): every (bit, node) pair shows up once, at its distance; level 0 is not reported.
        const got = Array.from({ length: bitCount }, () => new Int32Array(g.n).fill(-1));
        const bfsStep = new BitParallelBfs(g, 2);
        bfsStep.start(nodes, bits, levels, bitCount);
        const seen: number[] = [];
        while (bfsStep.step()) {
          seen.push(bfsStep.level);
          for (let i = 0; i < bfsStep.count; i++) {
            const v = bfsStep.frontier[i];
            for (let b = 0; b < bitCount; b++) {
              if ((bfsStep.bits[bfsStep.freshOffset + v * bfsStep.stride + (b >>> 5)] >>> (b & 31)) & 1) {
                expect(got[b][v]).toBe(-1);
                got[b][v] = bfsStep.level;
              }
            }
          }
        }
        for (let b = 0; b < bitCount; b++) {
          for (let v = 0; v < g.n; v++) if (want[b][v] === 0) got[b][v] = 0;
          expect(Array.from(got[b])).toEqual(Array.from(want[b]));
        }
        // The callback form reports the same levels in the same order.
        const viaCallback: number[] = [];
        new BitParallelBfs(g, 2).runInjected(nodes, bits, levels, bitCount, (lvl) => viaCallback.push(lvl));
        expect(viaCallback).toEqual(seen);
      }),
      { numRuns: 150 },
    );
  });
  it('counts bits', () => {
    expect([0, 1, 0xff, -1, 0x80000000 | 0, 0x55555555].map(popcount32)).toEqual([0, 1, 8, 32, 1, 16]);
  });
});

describe('twin reduction', () => {
  it('puts the hosts of each fat-tree edge switch in one class and keeps the rest', () => {
    const c = compileDocument(fatTreeDoc(4));
    const red = twinReduction(c, simpleGraphOf(c));
    expect(red.classes).toBe(8);
    expect(Array.from(red.classSize)).toEqual(Array(8).fill(2));
    expect(red.graph.n).toBe(20 + 8);
    expect(red.graph.neighbors.length).toBe(2 * (48 - 8));
    for (const a of c.accelerators) {
      const rep = red.classRep[red.classOf[a]];
      expect(c.nodeIds[rep].split('-').slice(0, 2)).toEqual(c.nodeIds[a].split('-').slice(0, 2));
    }
  });
});

describe('dense linear algebra and Lanczos', () => {
  it('eigenvalues of cycle and path Laplacians match 2 - 2 cos(2 pi k / n) and 2 - 2 cos(pi k / n)', async () => {
    const { symmetricEigenvalues, tridiagonalEigen, cholesky, choleskySolve } = await import('../../../src/metrics/graph/dense.js');
    for (const n of [3, 8, 13]) {
      const cyc = new Float64Array(n * n);
      const path = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        cyc[i * n + i] = 2;
        cyc[i * n + ((i + 1) % n)] = -1;
        cyc[((i + 1) % n) * n + i] = -1;
        if (i + 1 < n) {
          path[i * n + i + 1] = path[(i + 1) * n + i] = -1;
          path[i * n + i] += 1;
          path[(i + 1) * n + i + 1] += 1;
        }
      }
      const expectCyc = Array.from({ length: n }, (_, k) => 2 - 2 * Math.cos((2 * Math.PI * k) / n)).sort((a, b) => a - b);
      const expectPath = Array.from({ length: n }, (_, k) => 2 - 2 * Math.cos((Math.PI * k) / n)).sort((a, b) => a - b);
      Array.from(symmetricEigenvalues(cyc, n)!).forEach((v, i) => expect(v).toBeCloseTo(expectCyc[i], 10));
      Array.from(symmetricEigenvalues(path, n)!).forEach((v, i) => expect(v).toBeCloseTo(expectPath[i], 10));
      // the path Laplacian is tridiagonal: vectors satisfy L v = lambda v
      const diag = Array.from({ length: n }, (_, i) => (i === 0 || i === n - 1 ? 1 : 2));
      const eig = tridiagonalEigen(diag, Array(n - 1).fill(-1))!;
      eig.values.forEach((lam, k) => {
        const v = eig.vectors[k];
        for (let i = 0; i < n; i++) {
          const lv = diag[i] * v[i] - (i > 0 ? v[i - 1] : 0) - (i + 1 < n ? v[i + 1] : 0);
          expect(lv).toBeCloseTo(lam * v[i], 9);
        }
      });
    }
    // SPD solve: [[4, 2], [2, 3]] x = [2, 1] -> x = [0.5, 0]
    const a = Float64Array.from([4, 2, 2, 3]);
    expect(cholesky(a, 2)).toBe(true);
    const b = Float64Array.from([2, 1]);
    choleskySolve(a, 2, b);
    expect(b[0]).toBeCloseTo(0.5, 12);
    expect(b[1]).toBeCloseTo(0, 12);
    expect(cholesky(Float64Array.from([1, 2, 2, 1]), 2)).toBe(false);
  });

  it('the Fiedler vector of a path orders its nodes end to end', async () => {
    const { laplacianLowVectors } = await import('../../../src/metrics/graph/lanczos.js');
    const { createRng } = await import('../../../src/model/random.js');
    const n = 40;
    const c = compileDocument(docFromEdges(n, 0, Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as [number, number])));
    const g = simpleGraphOf(c);
    const [fiedler] = laplacianLowVectors({ n: g.n, offsets: g.offsets, neighbors: g.neighbors }, 1, 40, createRng(5));
    const sign = Math.sign(fiedler[n - 1] - fiedler[0]);
    for (let i = 0; i + 1 < n; i++) expect(sign * (fiedler[i + 1] - fiedler[i])).toBeGreaterThan(0);
  });
});
