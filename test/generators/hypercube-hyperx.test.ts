import { describe, expect, it } from 'vitest';
import { generateHypercube, generateHyperX, generateTorus } from '../../src/generators/index.js';
import { acceleratorDistances, countBy, kinds, linkTiers, structuralProblems } from './support.js';

describe('generateHypercube', () => {
  for (const n of [1, 3, 4, 6]) {
    it(`Q${n}: 2^n nodes, n 2^(n-1) links, degree n, diameter n, mean n 2^(n-1)/(N-1)`, () => {
      const doc = generateHypercube({ n });
      const N = 2 ** n;
      expect(kinds(doc)).toEqual({ accelerator: N });
      expect(doc.links.length).toBe(n * 2 ** (n - 1));
      const deg = countBy(doc.links.flatMap((l) => [l.a, l.b]), (x) => x);
      expect(Object.values(deg).every((x) => x === n)).toBe(true);
      const d = acceleratorDistances(doc);
      expect(d.diameter).toBe(n);
      expect(d.mean).toBeCloseTo((n * 2 ** (n - 1)) / (N - 1), 12);
      expect(structuralProblems(doc)).toEqual([]);
    });
  }
  it('Q4 has the hop statistics of the 4x4 torus, Q6 those of 4x4x4', () => {
    expect(acceleratorDistances(generateHypercube({ n: 4 }))).toEqual(acceleratorDistances(generateTorus({ dims: [4, 4] })));
    expect(acceleratorDistances(generateHypercube({ n: 6 }))).toEqual(acceleratorDistances(generateTorus({ dims: [4, 4, 4] })));
  });
  it('rejects a degree above the accelerator scale-up ports, naming ones that fit', () => {
    expect(() => generateHypercube({ n: 7 })).toThrow(/--accelerator: google-tpu-v4 has 6 scale-up port.*use --accelerator/);
    expect(structuralProblems(generateHypercube({ n: 7, accelerator: 'intel-gaudi3' }))).toEqual([]);
    expect(() => generateHypercube({ n: 0 })).toThrow(/--n/);
  });
});

describe('generateHyperX', () => {
  for (const [L, S, K, T] of [[1, 8, 1, 4], [2, 4, 1, 4], [3, 3, 2, 2], [2, 6, 2, 8]]) {
    it(`L=${L} S=${S} K=${K} T=${T}: S^L switches, degree L(S-1)K + T, switch links S^L L (S-1) K / 2`, () => {
      const doc = generateHyperX({ dims: L, size: S, links: K, endpoints: T });
      const sw = S ** L;
      expect(kinds(doc)).toEqual({ switch: sw, accelerator: sw * T });
      const tiers = linkTiers(doc);
      expect(tiers.host).toBe(sw * T);
      const switchLinks = doc.links.length - sw * T;
      expect(switchLinks).toBe((sw * L * (S - 1) * K) / 2);
      for (let d = 0; d < L; d++) expect(tiers[`dim-${d}`]).toBe((sw * (S - 1) * K) / 2);
      const deg = countBy(doc.links.flatMap((l) => [l.a, l.b]).filter((x) => x.startsWith('sw-')), (x) => x);
      expect(Object.values(deg).every((x) => x === L * (S - 1) * K + T)).toBe(true);
      // Accelerator diameter: L switch hops plus the two host links.
      if (sw * T <= 300) expect(acceleratorDistances(doc).diameter).toBe(L + 2);
      expect(structuralProblems(doc)).toEqual([]);
    });
  }
  it('takes one size per dimension', () => {
    const doc = generateHyperX({ dims: 2, size: '3x5', endpoints: 1 });
    expect(kinds(doc).switch).toBe(15);
    expect(doc.links.length - 15).toBe((15 * (2 + 4)) / 2);
  });
  it('rejects impossible parameters', () => {
    expect(() => generateHyperX({ dims: 2, size: [4, 4, 4], endpoints: 1 })).toThrow(/--size: got 3 sizes for 2 dimensions/);
    expect(() => generateHyperX({ dims: 2, size: 1, endpoints: 1 })).toThrow(/--size/);
    expect(() => generateHyperX({ dims: 2, size: 64, links: 4, endpoints: 1 })).toThrow(/--switch: no catalog switch terminates 505 links/);
  });
});
