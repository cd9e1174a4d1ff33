// Disjoint sets: against a naive labelling on random unions, and the root order callers rely on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unionFind } from '../../../src/metrics/graph/union-find.js';

describe('unionFind', () => {
  it('agrees with relabelling on random unions', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(fc.constant(n),
      fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 40 }))), ([n, pairs]) => {
      const uf = unionFind(n);
      const label = Array.from({ length: n }, (_, i) => i);
      for (const [a, b] of pairs) {
        const joined = uf.union(a, b);
        const [la, lb] = [label[a], label[b]];
        expect(joined).toBe(la !== lb);
        for (let i = 0; i < n; i++) if (label[i] === la) label[i] = lb;
      }
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(uf.find(i) === uf.find(j)).toBe(label[i] === label[j]);
    }), { numRuns: 200 });
  });

  it('union(a, b) keeps b\'s root', () => {
    const uf = unionFind(4);
    uf.union(0, 1);
    expect(uf.find(0)).toBe(1);
    uf.union(1, 3);
    expect(uf.find(0)).toBe(3);
    expect(uf.union(0, 3)).toBe(false);
  });
});
