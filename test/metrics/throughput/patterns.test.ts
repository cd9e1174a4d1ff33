import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeThroughput } from '../../../src/metrics/throughput/throughput.js';
import { PairDag } from '../../../src/metrics/throughput/pair-dag.js';
import {
  patternRate, randomCyclicPermutation, ringFlows, ringSequence,
} from '../../../src/metrics/throughput/pattern-rate.js';
import { arcTails, buildSimpleGraph } from '../../../src/metrics/graph/simple.js';
import { createRng } from '../../../src/model/random.js';
import { DocBuilder, fatTree, leafSpine, torus } from './fabrics.js';
import { adjOf, bfsDist, buildRandom, naivePairLoads, randomFabric } from './reference.js';

describe('PairDag (bidirectional BFS)', () => {
  it('ECMP split of one pair equals the naive per-pair split; hops equal BFS distance', () => {
    fc.assert(
      fc.property(randomFabric(10), fc.nat(), fc.nat(), (f, x, y) => {
        const s = x % f.n;
        const d = y % f.n;
        const c = buildRandom(f).ctx().compiled;
        const g = buildSimpleGraph(c);
        const dag = new PairDag(g);
        const adj = adjOf(f.n, f.edges);
        expect(dag.build(s, d)).toBe(bfsDist(adj, d)[s]);
        const load = new Float64Array(g.neighbors.length);
        dag.addFlow(1, load);
        const expected = naivePairLoads(adj, s, d);
        const tails = arcTails(g);
        for (let a = 0; a < load.length; a++) expect(load[a]).toBeCloseTo(expected.get(`${tails[a]}>${g.neighbors[a]}`) ?? 0, 12);
      }),
      { numRuns: 300 },
    );
  });

  it('path counts and least latency equal an enumeration of every shortest path (sums taken from s to d)', () => {
    fc.assert(
      fc.property(randomFabric(9), fc.nat(), fc.nat(), fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 64, maxLength: 64 }), (f, x, y, ns) => {
        const s = x % f.n;
        const d = y % f.n;
        const c = buildRandom(f).ctx().compiled;
        const g = buildSimpleGraph(c);
        // Awkward decimals, different in each direction, so any change in the order of the sums would show.
        const arcNs = Float64Array.from({ length: g.neighbors.length }, (_, a) => ns[a % 64] / 7 + a / 3);
        const nodeNs = Float64Array.from({ length: g.n }, (_, v) => ns[(v * 7) % 64] / 13);
        const dag = new PairDag(g);
        const hops = dag.build(s, d);
        const dist = bfsDist(adjOf(f.n, f.edges), d);
        let count = 0;
        let best = Infinity;
        // Depth-first over arcs that step one hop closer to d.
        const walk = (u: number, lat: number, mult: number): void => {
          if (u === d) {
            count += mult;
            best = Math.min(best, lat);
            return;
          }
          for (let a = g.offsets[u]; a < g.offsets[u + 1]; a++) {
            const w = g.neighbors[a];
            if (dist[w] !== dist[u] - 1) continue;
            walk(w, lat + arcNs[a] + (u === s ? 0 : nodeNs[u]), mult * (g.linkStart[a + 1] - g.linkStart[a]));
          }
        };
        if (hops >= 0) walk(s, 0, 1);
        expect(dag.countPaths()).toBe(hops < 0 ? 0 : count);
        expect(dag.minLatencyNs(arcNs, nodeNs)).toBe(hops < 0 ? Infinity : best);
        dag.release();
      }),
      { numRuns: 300 },
    );
  });

  it('reports -1 for an unreachable destination', () => {
    const c = buildRandom({ n: 4, accs: [0, 3], edges: [[0, 1, 400], [2, 3, 400]] }).ctx().compiled;
    expect(new PairDag(buildSimpleGraph(c)).build(0, 3)).toBe(-1);
  });

  it('counts paths link by link: parallel links make separate paths', () => {
    // a - s1 = s2 - b: two parallel s1-s2 links.
    const b = new DocBuilder();
    b.acc('a'); b.sw('s1'); b.sw('s2'); b.acc('b');
    b.link('a', 's1'); b.link('s1', 's2'); b.link('s1', 's2'); b.link('s2', 'b');
    const c = b.ctx().compiled;
    const dag = new PairDag(buildSimpleGraph(c));
    expect(dag.build(c.nodeIndex.get('a')!, c.nodeIndex.get('b')!)).toBe(3);
    expect(dag.countPaths()).toBe(2);
  });

  it('least latency over shortest paths picks the faster branch and adds transit node delay', () => {
    // a -> {x, y} -> b; arcs to x cost 10 + 10, to y 1 + 50; node x adds 5, y adds 0: best = min(25, 51) = 25.
    const b = new DocBuilder();
    b.acc('a'); b.sw('x'); b.sw('y'); b.acc('b');
    b.link('a', 'x'); b.link('x', 'b'); b.link('a', 'y'); b.link('y', 'b');
    const c = b.ctx().compiled;
    const g = buildSimpleGraph(c);
    const idx = (id: string) => c.nodeIndex.get(id)!;
    const arcNs = new Float64Array(g.neighbors.length);
    const tails = arcTails(g);
    for (let a = 0; a < arcNs.length; a++) {
      const pair = `${c.nodeIds[tails[a]]}${c.nodeIds[g.neighbors[a]]}`;
      arcNs[a] = { ax: 10, xb: 10, ay: 1, yb: 50 }[pair] ?? 1000;
    }
    const nodeNs = new Float64Array(c.n);
    nodeNs[idx('x')] = 5;
    const dag = new PairDag(g);
    dag.build(idx('a'), idx('b'));
    expect(dag.minLatencyNs(arcNs, nodeNs)).toBe(25);
  });
});

describe('pattern rates', () => {
  const ids = (c: { nodeIndex: Map<string, number> }, list: string[]) => Int32Array.from(list, (id) => c.nodeIndex.get(id)!);

  it('two flows leaving a leaf over one spine share its uplink: 200 each; two spines: 400', () => {
    for (const [spines, rate] of [[1, 200], [2, 400]] as const) {
      const c = leafSpine(2, spines, 2).ctx().compiled;
      const g = buildSimpleGraph(c);
      const r = patternRate(c, g, ids(c, ['h-0-0', 'h-0-1']), ids(c, ['h-1-0', 'h-1-1']));
      expect(r.rateGbps).toBeCloseTo(rate, 9);
      expect(r.flows).toBe(2);
      expect(r.maxHops).toBe(4);
      expect(r.bottlenecks[0].utilization).toBeCloseTo(1, 12);
    }
  });

  it('a flow with no path makes the rate 0', () => {
    const c = buildRandom({ n: 4, accs: [0, 1, 3], edges: [[0, 1, 400], [2, 3, 400]] }).ctx().compiled;
    const r = patternRate(c, buildSimpleGraph(c), Int32Array.from([0, 1]), Int32Array.from([1, 3]));
    expect(r.disconnectedFlows).toBe(1);
    expect(r.rateGbps).toBe(0);
  });

  it('random cyclic permutation: one cycle over all endpoints, reproducible by seed', () => {
    const acc = Int32Array.from({ length: 50 }, (_, i) => i * 2);
    const p = randomCyclicPermutation(acc, createRng(7));
    expect(randomCyclicPermutation(acc, createRng(7))).toEqual(p);
    const next = new Map<number, number>();
    p.src.forEach((s, i) => next.set(s, p.dst[i]));
    let v = acc[0];
    const seen = new Set<number>();
    for (let i = 0; i < acc.length; i++) {
      seen.add(v);
      v = next.get(v)!;
    }
    expect(v).toBe(acc[0]);
    expect(seen.size).toBe(acc.length);
  });

  it('server order keeps each server and rack together, in order of first appearance', () => {
    const b = new DocBuilder();
    b.acc('a1', { server: 'A', rack: 'r1' });
    b.acc('b1', { server: 'B', rack: 'r2' });
    b.acc('a2', { server: 'A', rack: 'r1' });
    b.acc('c1', { server: 'C', rack: 'r1' });
    b.acc('b2', { server: 'B', rack: 'r2' });
    b.acc('x');
    const ctx = b.ctx();
    const seq = ringSequence(ctx.doc, ctx.compiled, ctx.compiled.accelerators, 'server');
    expect(Array.from(seq, (v) => ctx.compiled.nodeIds[v])).toEqual(['a1', 'a2', 'c1', 'b1', 'b2', 'x']);
    const flows = ringFlows(seq);
    expect(flows.dst[5]).toBe(seq[0]);
  });

  it('the permutation is the seeded Fisher-Yates shuffle of the endpoints, closed into a cycle', () => {
    const acc = Int32Array.from({ length: 300 }, (_, i) => 3 * i + 1);
    for (const seed of [1, 2, 99]) {
      const order = createRng(seed).shuffle(Array.from(acc));
      const p = randomCyclicPermutation(acc, createRng(seed));
      expect(Array.from(p.src)).toEqual(order);
      expect(Array.from(p.dst)).toEqual([...order.slice(1), order[0]]);
    }
  });

  it('server order on random racks and servers (some missing) sorts by rack, server, then position', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(fc.nat(5)), fc.option(fc.nat(3))), { minLength: 1, maxLength: 40 }), (labels) => {
        const b = new DocBuilder();
        labels.forEach(([server, rack], i) => {
          b.sw(`s${i}`);
          b.acc(`a${i}`, { ...(server === null ? {} : { server: `S${server}` }), ...(rack === null ? {} : { rack: `R${rack}` }) });
        });
        const ctx = b.ctx();
        const c = ctx.compiled;
        // The definition: ranks by first appearance; a node without a rack is grouped with its server.
        const serverRank = new Map<string, number>();
        const rackRank = new Map<string, number>();
        const key = Array.from(c.accelerators, (v, i) => {
          const node = ctx.doc.nodes[v];
          const sk = node.server ?? `#${i}`;
          if (!serverRank.has(sk)) serverRank.set(sk, serverRank.size);
          const rk = node.rack !== undefined ? `R:${node.rack}` : `S:${serverRank.get(sk)}`;
          if (!rackRank.has(rk)) rackRank.set(rk, rackRank.size);
          return [rackRank.get(rk)!, serverRank.get(sk)!, i];
        });
        const want = Array.from(key.keys()).sort((x, y) => key[x][0] - key[y][0] || key[x][1] - key[y][1] || x - y);
        expect(Array.from(ringSequence(ctx.doc, c, c.accelerators, 'server'))).toEqual(want.map((i) => c.accelerators[i]));
      }),
      { numRuns: 200 },
    );
  });

  it('ring on a fat-tree in server order: pairs under one edge switch and one crossing per edge', () => {
    // k=4: servers are the 2 hosts of an edge switch. Ring steps alternate inside an edge and across to the next.
    // Each host link carries one flow each way, so the rate is the host link: 400.
    const ctx = fatTree(4).ctx();
    const c = ctx.compiled;
    const seq = ringSequence(ctx.doc, c, c.accelerators, 'server');
    const f = ringFlows(seq);
    const r = patternRate(c, buildSimpleGraph(c), f.src, f.dst);
    expect(r.rateGbps).toBeCloseTo(400, 9);
    expect(r.meanHops).toBeCloseTo((8 * 2 + 4 * 4 + 4 * 6) / 16, 12);
  });
});

describe('computeThroughput', () => {
  it('fat-tree k=4: ECMP, optimal and the bound; optimal absent when disabled', async () => {
    const r = await computeThroughput(fatTree(4).ctx());
    expect(r.accelerators).toBe(16);
    expect(r.orderedPairs).toBe(240);
    expect(r.allToAll.ecmp.lambdaGbps).toBeCloseTo(400 / 15, 9);
    expect(r.allToAll.ecmp.thetaGbps).toBeCloseTo(400, 9);
    expect(r.allToAll.ecmp.method).toBe('exact');
    expect(r.allToAll.optimal!.lambdaGbps).toBeCloseTo(400 / 15, 6);
    // Bound: 48 links x 800 / (82/15 x 240) = 38400 / 1312.
    expect(r.allToAll.upperBound.lambdaGbps).toBeCloseTo(38400 / 1312, 9);
    expect(r.allToAll.upperBound.proven).toBe(true);
    // Host links bind: 16 hosts x 2 directions.
    expect(r.allToAll.ecmp.bindingArcs).toBe(32);
    const off = await computeThroughput(fatTree(4).ctx(), { lp: false });
    expect(off.allToAll.optimal).toBeUndefined();
    expect(off.allToAll.notes.join(' ')).toMatch(/disabled/);
  });

  it('automatic LP limit: skipped with a note above lpMaxAccelerators', async () => {
    const r = await computeThroughput(torus([4, 4]).ctx(), { lpMaxAccelerators: 8 });
    expect(r.allToAll.optimal).toBeUndefined();
    expect(r.allToAll.notes.join(' ')).toMatch(/automatic limit/);
  });

  it('hopSum option replaces the computed one in the bound', async () => {
    const r = await computeThroughput(torus([4, 4]).ctx(), { lp: false, hopSum: 1000 });
    expect(r.allToAll.upperBound.hopSumSource).toBe('option');
    expect(r.allToAll.upperBound.lambdaGbps).toBeCloseTo((32 * 800) / 1000, 9);
  });

  it('a disconnected fabric has lambda 0 everywhere and says why', async () => {
    const b = buildRandom({ n: 4, accs: [0, 1, 3], edges: [[0, 1, 400], [2, 3, 400]] });
    const r = await computeThroughput(b.ctx());
    expect(r.allToAll.disconnectedPairs).toBe(4);
    expect(r.allToAll.ecmp.lambdaGbps).toBe(0);
    expect(r.allToAll.upperBound.lambdaGbps).toBe(0);
    expect(r.allToAll.optimal).toBeUndefined();
    expect(r.allToAll.notes.join(' ')).toMatch(/no path/);
  });

  it('the permutation can be switched off (it dominates the time at 50k)', async () => {
    const r = await computeThroughput(leafSpine(4, 2, 4).ctx(), { lp: false, permutation: false });
    expect(r.permutation).toBeUndefined();
    expect(r.allToAll.notes.join(' ')).toMatch(/permutation not rated/);
  });

  it('one accelerator: no pairs; two without links: both ordered pairs disconnected', async () => {
    const one = new DocBuilder();
    one.acc('a');
    const r1 = await computeThroughput(one.ctx());
    expect(r1).toMatchObject({ accelerators: 1, orderedPairs: 0, allToAll: { disconnectedPairs: 0, ecmp: { lambdaGbps: 0 } } });
    const two = new DocBuilder();
    two.acc('a');
    two.acc('b');
    const r2 = await computeThroughput(two.ctx());
    expect(r2.allToAll.disconnectedPairs).toBe(2);
    expect(r2.ring.disconnectedFlows).toBe(2);
  });

  it('same seed, same report', async () => {
    const a = await computeThroughput(leafSpine(4, 2, 4).ctx(), { seed: 3, lp: false });
    const b = await computeThroughput(leafSpine(4, 2, 4).ctx(), { seed: 3, lp: false });
    expect(a).toEqual(b);
  });

  it('reports progress phases and honours cancellation', async () => {
    const phases = new Set<string>();
    const ctx = fatTree(4).ctx();
    ctx.progress = (p) => phases.add(p);
    await computeThroughput(ctx, { lp: false });
    expect([...phases]).toEqual(expect.arrayContaining(['throughput.ecmp', 'throughput.permutation', 'throughput.ring']));
    const cancelled = fatTree(4).ctx();
    cancelled.cancel = { cancelled: true };
    await expect(computeThroughput(cancelled)).rejects.toMatchObject({ code: 'cancelled' });
  });
});
