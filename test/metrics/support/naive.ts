// Slow, obviously-correct references for the fast metrics: one plain BFS per accelerator.
import type { CompiledFabric } from '../../../src/compile/compile.js';
import { bfs } from '../../../src/metrics/graph/bfs.js';

export function naiveHopHistogram(c: CompiledFabric): { histogram: number[]; disconnected: number } {
  const histogram: number[] = [0];
  let disconnected = 0;
  for (const s of c.accelerators) {
    const { dist } = bfs(c, s);
    for (const t of c.accelerators) {
      if (t === s) continue;
      const d = dist[t];
      if (d < 0) disconnected++;
      else {
        while (histogram.length <= d) histogram.push(0);
        histogram[d]++;
      }
    }
  }
  return { histogram, disconnected };
}
