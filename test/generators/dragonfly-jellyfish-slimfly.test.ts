import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dragonflyGlobalLinks, generateDragonfly, generateJellyfish, generateSlimFly, randomRegularGraph, slimFlyDelta, slimFlyEdges,
} from '../../src/generators/index.js';
import { createRng } from '../../src/model/random.js';
import { acceleratorDistances, adjacency, bfs, countBy, kinds, linkTiers, structuralProblems } from './support.js';
import { serializeTopology } from '../../src/format/index.js';

const degrees = (edges: [number, number][], n: number) => {
  const d = new Array<number>(n).fill(0);
  for (const [a, b] of edges) {
    d[a]++;
    d[b]++;
  }
  return d;
};

describe('generateDragonfly', () => {
  for (const [a, p, h] of [[2, 1, 1], [4, 2, 2], [6, 3, 3], [8, 4, 4]]) {
    it(`a=${a} p=${p} h=${h}: g = ah+1 groups, N = apg, a(a-1)/2 local links per group, one global link per group pair`, () => {
      const g = a * h + 1;
      const doc = generateDragonfly({ a, p, h });
      expect(kinds(doc)).toEqual({ accelerator: a * p * g, switch: a * g });
      expect(linkTiers(doc)).toEqual({ host: a * p * g, local: (g * a * (a - 1)) / 2, global: (g * (g - 1)) / 2 });
      // Router radix p + (a - 1) + h, every port used.
      const deg = countBy(doc.links.flatMap((l) => [l.a, l.b]).filter((x) => x.startsWith('rt-')), (x) => x);
      expect(Object.values(deg).every((x) => x === p + a - 1 + h)).toBe(true);
      // Exactly one global link between every pair of groups.
      const pairs = countBy(doc.links.filter((l) => l.tier === 'global'), (l) => {
        const gi = Number(l.a.split('-')[1]);
        const gj = Number(l.b.split('-')[1]);
        return `${Math.min(gi, gj)}-${Math.max(gi, gj)}`;
      });
      expect(Object.keys(pairs).length).toBe((g * (g - 1)) / 2);
      expect(Object.values(pairs).every((x) => x === 1)).toBe(true);
      expect(structuralProblems(doc)).toEqual([]);
    });
  }
  it('router diameter 3 and accelerator diameter 5', () => {
    const doc = generateDragonfly({ a: 4, p: 2, h: 2 });
    expect(acceleratorDistances(doc).diameter).toBe(5);
    const adj = adjacency(doc);
    const routers = doc.nodes.filter((n) => n.tier === 'router').map((n) => n.id);
    let max = 0;
    for (const r of routers) {
      const d = bfs(adj, r);
      for (const s of routers) max = Math.max(max, d.get(s)!);
    }
    expect(max).toBe(3);
  });
  it('fewer groups than ah+1 get parallel global links, never over h per router', () => {
    const links = dragonflyGlobalLinks(4, 2, 5);
    // ah = 8 ports per group over g-1 = 4 other groups: 2 links per pair.
    expect(links.length).toBe((5 * 4 / 2) * 2);
    const perRouter = countBy(links.flatMap(([i, ri, j, rj]) => [`${i}:${ri}`, `${j}:${rj}`]), (x) => x);
    expect(Math.max(...Object.values(perRouter))).toBeLessThanOrEqual(2);
    expect(structuralProblems(generateDragonfly({ a: 4, p: 2, h: 2, g: 5 }))).toEqual([]);
  });
  it('rejects too many groups', () => {
    expect(() => generateDragonfly({ a: 4, p: 2, h: 2, g: 10 })).toThrow(/--g: .*at most a h \+ 1 = 9/);
  });
});

describe('generateJellyfish', () => {
  it('property: randomRegularGraph is simple and exactly r-regular for any feasible (n, r, seed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 12 }), fc.integer(), (n, r0, seed) => {
        const r = Math.min(r0, n - 1);
        if ((n * r) % 2) return;
        const edges = randomRegularGraph(n, r, createRng(seed));
        expect(edges.length).toBe((n * r) / 2);
        expect(degrees(edges, n).every((d) => d === r)).toBe(true);
        const keys = new Set(edges.map(([a, b]) => (a < b ? a * n + b : b * n + a)));
        expect(keys.size).toBe(edges.length);
        expect(edges.every(([a, b]) => a !== b)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
  for (const [n, k, r] of [[16, 8, 4], [40, 12, 8], [100, 24, 16]]) {
    it(`n=${n} k=${k} r=${r}: counts, regular, valid`, () => {
      const doc = generateJellyfish({ switches: n, ports: k, degree: r, seed: 11 });
      expect(kinds(doc)).toEqual({ accelerator: n * (k - r), switch: n });
      expect(linkTiers(doc)).toEqual({ host: n * (k - r), fabric: (n * r) / 2 });
      const deg = countBy(doc.links.filter((l) => l.tier === 'fabric').flatMap((l) => [l.a, l.b]), (x) => x);
      expect(Object.values(deg).every((x) => x === r)).toBe(true);
      expect(acceleratorDistances(doc).disconnected).toBe(0);
      expect(structuralProblems(doc)).toEqual([]);
    });
  }
  it('same seed gives a byte-identical file; another seed another graph', () => {
    const a = serializeTopology(generateJellyfish({ switches: 30, ports: 10, degree: 6, seed: 5 }));
    expect(serializeTopology(generateJellyfish({ switches: 30, ports: 10, degree: 6, seed: 5 }))).toBe(a);
    expect(serializeTopology(generateJellyfish({ switches: 30, ports: 10, degree: 6, seed: 6 }))).not.toBe(a);
    expect(generateJellyfish({ switches: 30, ports: 10, degree: 6, seed: 5 }).generator?.seed).toBe(5);
  });
  it('rejects impossible parameters', () => {
    expect(() => generateJellyfish({ switches: 5, ports: 8, degree: 3 })).toThrow(/--degree: 5 switches x degree 3 is odd/);
    expect(() => generateJellyfish({ switches: 5, ports: 8, degree: 5 })).toThrow(/--degree/);
    expect(() => generateJellyfish({ switches: 10, ports: 4, degree: 6 })).toThrow(/--degree: degree 6 exceeds --ports 4/);
  });
});

describe('generateSlimFly', () => {
  for (const q of [3, 4, 5, 7, 8, 9, 11, 13]) {
    it(`q=${q}: 2q^2 routers of network radix (3q - delta)/2, router diameter 2`, () => {
      const delta = slimFlyDelta(q)!;
      const n = 2 * q * q;
      const k = (3 * q - delta) / 2;
      const edges = slimFlyEdges(q);
      expect(edges.length).toBe((n * k) / 2);
      expect(degrees(edges, n).every((d) => d === k)).toBe(true);
      const adj: number[][] = Array.from({ length: n }, () => []);
      for (const [a, b] of edges) {
        adj[a].push(b);
        adj[b].push(a);
      }
      for (let s = 0; s < n; s++) {
        const d = new Int32Array(n).fill(-1);
        d[s] = 0;
        const queue = [s];
        for (let i = 0; i < queue.length; i++) for (const v of adj[queue[i]]) if (d[v] < 0) d[v] = d[queue[i]] + 1, queue.push(v);
        expect(Math.max(...d)).toBeLessThanOrEqual(2);
        expect(Math.min(...d)).toBe(0);
      }
    });
  }
  it('q=5 fabric: 50 routers, 4 accelerators each by default, accelerator diameter 4, valid', () => {
    const doc = generateSlimFly({ q: 5 });
    expect(kinds(doc)).toEqual({ accelerator: 200, switch: 50 });
    expect(linkTiers(doc)).toEqual({ host: 200, fabric: 175 });
    expect(acceleratorDistances(doc).diameter).toBe(4);
    expect(structuralProblems(doc)).toEqual([]);
  });
  it('rejects q that is not a prime power or is 2 mod 4', () => {
    expect(() => generateSlimFly({ q: 6 })).toThrow(/--q: q=6 must be a prime power/);
    expect(() => generateSlimFly({ q: 10 })).toThrow(/use 7, 8, 9, 11, 13/);
  });
});
