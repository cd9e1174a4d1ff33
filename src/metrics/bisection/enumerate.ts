// Exact bisection of tiny fabrics: every balanced split of the accelerators, each with its exact minimum cut.
import { LightfabricError } from '../../model/errors.js';
import type { EvaluatedSplit, SplitEvaluator } from './split.js';

/** Largest accelerator count enumerated: C(16, 8) / 2 = 6,435 max-flows. */
export const ENUMERATE_MAX = 16;

export function enumerateBisection(ev: SplitEvaluator): EvaluatedSplit {
  const N = ev.N;
  if (N > ENUMERATE_MAX || N < 2) throw new LightfabricError('bad-argument', `enumerateBisection: ${N} accelerators (2..${ENUMERATE_MAX})`);
  const k = Math.floor(N / 2);
  // With equal halves a split and its mirror have the same cut: keep accelerator 0 on side A.
  const even = N % 2 === 0;
  let best: EvaluatedSplit | null = null;
  const inA = new Uint8Array(N);
  // Gosper's hack over N-bit masks with k bits set.
  for (let mask = (1 << k) - 1; mask < 1 << N; ) {
    if (!even || mask & 1) {
      for (let i = 0; i < N; i++) inA[i] = (mask >>> i) & 1;
      const r = ev.evaluate(Uint8Array.from(inA));
      if (!best || r.cutGbps < best.cutGbps) best = r;
    }
    if (mask === 0) break;
    const c = mask & -mask;
    const r = mask + c;
    mask = (((r ^ mask) >>> 2) / c) | r;
  }
  return best!;
}
