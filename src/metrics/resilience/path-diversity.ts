// Equal-cost path diversity: the number of shortest (fewest-hop) paths between sample accelerator pairs.
import type { CompiledFabric } from '../../compile/compile.js';
import type { Rng } from '../../model/random.js';
import { PairDag } from '../throughput/pair-dag.js';
import type { SimpleGraph } from '../graph/simple.js';

export interface PairPaths {
  a: string;
  b: string;
  /** -1 when b cannot be reached from a. */
  hops: number;
  /** Shortest paths counted link by link: two parallel links make two paths. */
  paths: number;
}

export interface PathDiversity {
  pairs: PairPaths[];
  minPaths: number;
  meanPaths: number;
  maxPaths: number;
  note: string;
}

export function countShortestPaths(g: SimpleGraph, a: number, b: number, dag = new PairDag(g)): { hops: number; paths: number } {
  const hops = dag.build(a, b);
  return { hops, paths: hops < 0 ? 0 : dag.countPaths() };
}

/** Path counts for `samples` seeded random pairs of distinct accelerators. */
export function pathDiversity(c: CompiledFabric, g: SimpleGraph, samples: number, rng: Rng): PathDiversity {
  const acc = c.accelerators;
  const pairs: PairPaths[] = [];
  const dag = new PairDag(g);
  if (acc.length >= 2) {
    for (let i = 0; i < samples; i++) {
      const x = rng.int(acc.length);
      let y = rng.int(acc.length - 1);
      if (y >= x) y++;
      const r = countShortestPaths(g, acc[x], acc[y], dag);
      pairs.push({ a: c.nodeIds[acc[x]], b: c.nodeIds[acc[y]], ...r });
    }
  }
  dag.release();
  const counts = pairs.map((p) => p.paths);
  return {
    pairs,
    minPaths: counts.length ? Math.min(...counts) : 0,
    meanPaths: counts.length ? counts.reduce((s, x) => s + x, 0) / counts.length : 0,
    maxPaths: counts.length ? Math.max(...counts) : 0,
    note: `${pairs.length} seeded random accelerator pairs; paths counted over links (parallel links count separately)`,
  };
}
