// Naive references for the routing tests: per-pair ECMP from a plain BFS, and random small fabrics.
import fc from 'fast-check';
import { fromEdges, type DocBuilder } from './fabrics.js';

export interface Adj {
  n: number;
  /** Distinct neighbours per node, with summed capacity per neighbour. */
  nb: Map<number, number>[];
}

export function adjOf(n: number, edges: [number, number, number][]): Adj {
  const nb = Array.from({ length: n }, () => new Map<number, number>());
  for (const [a, b, g] of edges) {
    nb[a].set(b, (nb[a].get(b) ?? 0) + g);
    nb[b].set(a, (nb[b].get(a) ?? 0) + g);
  }
  return { n, nb };
}

export function bfsDist(adj: Adj, src: number): number[] {
  const dist = new Array(adj.n).fill(-1);
  dist[src] = 0;
  const q = [src];
  for (let i = 0; i < q.length; i++) for (const w of adj.nb[q[i]].keys()) if (dist[w] < 0) q.push(w), (dist[w] = dist[q[i]] + 1);
  return dist;
}

/** ECMP load per directed arc "u>v" of one unit from s to d, by the textbook definition. */
export function naivePairLoads(adj: Adj, s: number, d: number, into = new Map<string, number>(), amount = 1): Map<string, number> {
  const dist = bfsDist(adj, d);
  if (dist[s] < 0 || s === d) return into;
  const flow = new Map<number, number>([[s, amount]]);
  for (let level = dist[s]; level > 0; level--) {
    for (const [v, f] of [...flow.entries()]) {
      if (dist[v] !== level) continue;
      const next = [...adj.nb[v].keys()].filter((w) => dist[w] === level - 1);
      for (const w of next) {
        const key = `${v}>${w}`;
        into.set(key, (into.get(key) ?? 0) + f / next.length);
        flow.set(w, (flow.get(w) ?? 0) + f / next.length);
      }
      flow.delete(v);
    }
  }
  return into;
}

export interface RandomFabric {
  n: number;
  accs: number[];
  edges: [number, number, number][];
}

/** Connected random fabrics: a random spanning tree plus extra (possibly parallel) links, 2+ accelerators. */
export const randomFabric = (maxNodes = 9): fc.Arbitrary<RandomFabric> =>
  fc
    .integer({ min: 3, max: maxNodes })
    .chain((n) =>
      fc.record({
        n: fc.constant(n),
        parents: fc.array(fc.nat(), { minLength: n - 1, maxLength: n - 1 }),
        extra: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom(100, 200, 400)), { maxLength: 2 * n }),
        treeCaps: fc.array(fc.constantFrom(100, 200, 400), { minLength: n - 1, maxLength: n - 1 }),
        accMask: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      }),
    )
    .map(({ n, parents, extra, treeCaps, accMask }) => {
      const edges: [number, number, number][] = [];
      for (let v = 1; v < n; v++) edges.push([v, parents[v - 1] % v, treeCaps[v - 1]]);
      for (const [a, b, g] of extra) if (a !== b) edges.push([a, b, g]);
      const accs = accMask.map((x, i) => (x ? i : -1)).filter((i) => i >= 0);
      if (accs.length < 2) accs.splice(0, accs.length, 0, n - 1);
      return { n, accs, edges };
    });

export function buildRandom(f: RandomFabric): DocBuilder {
  return fromEdges(f.n, new Set(f.accs), f.edges);
}
