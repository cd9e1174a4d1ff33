import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { saturatingRate } from '../../../src/metrics/throughput/arc-report.js';
import { ecmpAllToAllLoads } from '../../../src/metrics/throughput/ecmp-loads.js';
import { arcTails, buildSimpleGraph, type SimpleGraph } from '../../../src/metrics/graph/simple.js';
import { twinClasses } from '../../../src/metrics/throughput/twin-classes.js';
import { DocBuilder, fatTree, hypercube, leafSpine, torus } from './fabrics.js';
import { adjOf, bfsDist, buildRandom, naivePairLoads, randomFabric } from './reference.js';

function ecmp(b: DocBuilder, maxWork = Infinity) {
  const c = b.ctx().compiled;
  const g = buildSimpleGraph(c);
  const loads = ecmpAllToAllLoads(g, c.accelerators, { maxWork });
  return { c, g, loads, lambda: saturatingRate(g, loads.arcLoad) };
}

const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 9);

describe('ECMP all-to-all: closed forms', () => {
  it.each([4, 6, 8])('fat-tree k=%i: lambda = b/(H-1) (theta = b)', (k) => {
    const H = k ** 3 / 4;
    const { lambda, loads, g, c } = ecmp(fatTree(k, 400));
    close(lambda, 400 / (H - 1));
    expect(loads.method).toBe('exact');
    expect(loads.zones!.certified).toBe(H); // every host certified by the zones
    const plain = ecmpAllToAllLoads(g, c.accelerators, { strategy: 'plain' });
    expect(plain.classes).toBe(k * k / 2); // one twin class per edge switch
    close(saturatingRate(g, plain.arcLoad), 400 / (H - 1));
  });

  it.each([4, 8])('fat-tree k=%i: exact hop sum = mean hops x pairs (metrics reference)', (k) => {
    const mean = { 4: 82 / 15, 8: 726 / 127 }[k]!;
    const H = k ** 3 / 4;
    close(ecmp(fatTree(k)).loads.hopSum / (H * (H - 1)), mean);
  });

  // theta = min(1, u(H-1)/(d(H-d))) with host and uplink capacity 1: u uplinks per leaf in total.
  it.each([
    [4, 2, 4, 1, 5 / 8],
    [4, 2, 2, 1, 1],
    [8, 2, 4, 1, (2 * 31) / (4 * 28)],
    [6, 3, 6, 1, Math.min(1, (3 * 35) / (6 * 30))],
    [4, 1, 4, 1, Math.min(1, (1 * 15) / (4 * 12))],
  ])('leaf-spine L=%i spines=%i d=%i: theta = %s x b', (L, spines, d, u, theta) => {
    const H = L * d;
    const { lambda } = ecmp(leafSpine(L, spines, d, u));
    close(lambda * (H - 1), theta * 400);
  });

  it('leaf-spine with parallel uplinks: two links to each spine count as one next hop of double capacity', () => {
    // L=4, 2 spines, d=4, 2 parallel uplinks per spine: u = 4 uplinks per leaf, theta = min(1, 4 x 15 / (4 x 12)) = 1.
    const { lambda, g } = ecmp(leafSpine(4, 2, 4, 2));
    close(lambda * 15, 400);
    expect(Math.max(...g.capacityGbps)).toBe(800);
  });

  it.each([
    [[4, 4], 8 / 64],
    [[4, 4, 4], 8 / 256],
    [[6, 6], 8 / 216],
    [[8, 8], 8 / 512],
  ])('torus %j: ECMP reaches the optimum 8/k^(n+1) x b', (dims, perB) => {
    close(ecmp(torus(dims as number[])).lambda, perB * 400);
  });

  it.each([3, 4, 5, 6])('hypercube Q%i: lambda = 2b/N (every link equally loaded)', (n) => {
    const { lambda, loads, g } = ecmp(hypercube(n));
    close(lambda, (2 * 400) / 2 ** n);
    const loaded = Array.from(loads.arcLoad);
    expect(Math.max(...loaded) - Math.min(...loaded)).toBeLessThan(1e-9);
    expect(loaded.length).toBe(g.neighbors.length);
  });

  it('Q4 is the 4x4 torus: same lambda and hop sum', () => {
    const q = ecmp(hypercube(4));
    const t = ecmp(torus([4, 4]));
    close(q.lambda, t.lambda);
    expect(q.loads.hopSum).toBe(t.loads.hopSum);
    expect(q.loads.hopSum).toBe(16 * 15 * (32 / 15));
  });
});

describe('ECMP all-to-all: against a naive per-pair reference', () => {
  const compare = (g: SimpleGraph, arcLoad: Float64Array, expected: Map<string, number>) => {
    const tails = arcTails(g);
    for (let a = 0; a < arcLoad.length; a++) {
      const key = `${tails[a]}>${g.neighbors[a]}`;
      expect(arcLoad[a]).toBeCloseTo(expected.get(key) ?? 0, 9);
    }
  };

  it('random small fabrics: every arc load and the hop sum equal the per-pair sums', () => {
    fc.assert(
      fc.property(randomFabric(), (f) => {
        const { g, loads } = ecmp(buildRandom(f));
        const adj = adjOf(f.n, f.edges);
        const expected = new Map<string, number>();
        let hopSum = 0;
        for (const s of f.accs) {
          for (const d of f.accs) {
            if (s === d) continue;
            naivePairLoads(adj, s, d, expected);
            hopSum += bfsDist(adj, d)[s];
          }
        }
        compare(g, loads.arcLoad, expected);
        expect(loads.hopSum).toBe(hopSum);
        expect(loads.disconnectedPairs).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it('counts disconnected pairs and routes the connected ones', () => {
    // Two islands: 0-1 (accelerators, one link) and 2-3-4 (3 is a switch).
    const b = buildRandom({ n: 5, accs: [0, 1, 2, 4], edges: [[0, 1, 400], [2, 3, 400], [3, 4, 400]] });
    const { loads, lambda } = ecmp(b);
    expect(loads.disconnectedPairs).toBe(8);
    expect(lambda).toBe(400); // the loaded arcs alone; the report turns this into lambda 0
  });
});

describe('twin classes and sampling', () => {
  it('fat-tree k=4: the hosts of one edge switch are twins', () => {
    const c = fatTree(4).ctx().compiled;
    const t = twinClasses(buildSimpleGraph(c), c.accelerators);
    expect(t.count).toBe(8);
    for (let k = 0; k < t.count; k++) {
      const ids = Array.from(t.members.subarray(t.start[k], t.start[k + 1]), (v) => c.nodeIds[v]);
      expect(ids).toHaveLength(2);
      expect(ids[0].slice(0, 5)).toBe(ids[1].slice(0, 5));
    }
  });

  it('twins need equal capacities too', () => {
    // Accelerators 0, 1 and 3 all hang off switch 2; 1 at a different speed is not a twin of 0 and 3.
    const b = buildRandom({ n: 4, accs: [0, 1, 3], edges: [[0, 2, 400], [1, 2, 200], [2, 3, 400]] });
    const c = b.ctx().compiled;
    const t = twinClasses(buildSimpleGraph(c), c.accelerators);
    expect(t.count).toBe(2);
    expect(Array.from(t.classOfEndpoint)).toEqual([0, 1, 0]);
  });

});

describe('symmetry method (one destination per colour class)', () => {
  /** Rail-style pod: servers of 4 accelerators on a scale-up switch, accelerator r of every server on leaf r. */
  const railPod = (servers: number, spines: number) => {
    const b = new DocBuilder();
    for (let sp = 0; sp < spines; sp++) b.sw(`sp${sp}`);
    for (let r = 0; r < 4; r++) {
      b.sw(`leaf${r}`);
      for (let sp = 0; sp < spines; sp++) b.link(`leaf${r}`, `sp${sp}`, 400);
    }
    for (let s = 0; s < servers; s++) {
      b.sw(`nvs${s}`);
      for (let r = 0; r < 4; r++) {
        b.acc(`g${s}-${r}`);
        b.link(`g${s}-${r}`, `nvs${s}`, 3600, { medium: 'scale-up' });
        b.link(`g${s}-${r}`, `leaf${r}`, 400);
      }
    }
    return b;
  };

  it.each([
    ['fat-tree k=4', () => fatTree(4)],
    ['fat-tree k=6', () => fatTree(6)],
    ['leaf-spine 8x2', () => leafSpine(8, 2, 4)],
    ['torus 4x4', () => torus([4, 4])],
    ['torus 6x4', () => torus([6, 4])],
    ['hypercube Q5', () => hypercube(5)],
    ['rail pod, 6 servers (no twins)', () => railPod(6, 2)],
  ])('%s: the same loads as the exact sweep, and the check passes', (_, make) => {
    const exact = ecmp(make());
    const c = exact.c;
    const sym = ecmpAllToAllLoads(exact.g, c.accelerators, { method: 'symmetry', nodeLabels: Array.from(c.nodeModel) });
    expect(sym.method).toBe('symmetry');
    expect(sym.symmetryCheck!.maxRelativeDifference).toBeLessThan(1e-9);
    expect(sym.hopSum).toBeCloseTo(exact.loads.hopSum, 6);
    for (let a = 0; a < sym.arcLoad.length; a++) expect(sym.arcLoad[a]).toBeCloseTo(exact.loads.arcLoad[a], 9);
  });

  it('the check catches colour classes that are not orbits (Frucht graph: 3-regular, no symmetry)', () => {
    const lcf = [-5, -2, -4, 2, 5, -2, 2, 5, -2, -5, 4, 2];
    const edges = new Map<string, [number, number, number]>();
    const add = (x: number, y: number) => edges.set(`${Math.min(x, y)}-${Math.max(x, y)}`, [x, y, 400]);
    for (let i = 0; i < 12; i++) {
      add(i, (i + 1) % 12);
      add(i, (i + lcf[i] + 12) % 12);
    }
    const b = buildRandom({ n: 12, accs: Array.from({ length: 12 }, (_, i) => i), edges: [...edges.values()] });
    const c = b.ctx().compiled;
    const g = buildSimpleGraph(c);
    const sym = ecmpAllToAllLoads(g, c.accelerators, { method: 'symmetry' });
    expect(sym.classes).toBe(1); // colour refinement cannot tell the vertices apart
    expect(sym.symmetryCheck!.maxRelativeDifference).toBeGreaterThan(1e-3);
  });

  it('too many classes for the budget: a partial sum of destinations, an upper bound on lambda', () => {
    fc.assert(
      fc.property(randomFabric(9), (f) => {
        const { g, c, lambda } = ecmp(buildRandom(f));
        const partial = ecmpAllToAllLoads(g, c.accelerators, { maxWork: 1e-9 });
        expect(partial.method).toBe('partial-upper-bound');
        expect(saturatingRate(g, partial.arcLoad)).toBeGreaterThanOrEqual(lambda * (1 - 1e-12));
      }),
      { numRuns: 50 },
    );
  });
});
