import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateTorus, torusLinks, twistShape } from '../../src/generators/index.js';
import { GeneratorParamError } from '../../src/model/errors.js';
import { acceleratorDistances, kinds, structuralProblems } from './support.js';

describe('generateTorus', () => {
  // Closed forms (metrics-reference.md): torus N = k^n, links nN, diameter n floor(k/2), mean (nk/4) N/(N-1), even k.
  for (const [dims, diameter, mean] of [
    [[4, 4], 4, 32 / 15],
    [[4, 4, 4], 6, 64 / 21],
    [[8, 8], 8, 4 * 64 / 63],
    [[6, 6, 6], 9, (3 * 6 / 4) * 216 / 215],
  ] as [number[], number, number][]) {
    it(`torus ${dims.join('x')}: N, links, diameter and mean distance`, () => {
      const doc = generateTorus({ dims });
      const N = dims.reduce((a, b) => a * b, 1);
      expect(kinds(doc)).toEqual({ accelerator: N });
      expect(doc.links.length).toBe(dims.length * N);
      expect(doc.links.every((l) => l.medium === 'scale-up' && l.gbps === 375)).toBe(true);
      const d = acceleratorDistances(doc);
      expect(d.diameter).toBe(diameter);
      expect(d.mean).toBeCloseTo(mean, 12);
      expect(structuralProblems(doc)).toEqual([]);
    });
  }

  // Mesh: links n k^(n-1)(k-1), diameter n(k-1), mean over distinct pairs n(k^2-1)/(3k) x N/(N-1).
  for (const dims of [[4, 4], [3, 3, 3], [5, 5]]) {
    it(`mesh ${dims.join('x')}`, () => {
      const doc = generateTorus({ dims, wrap: false });
      const n = dims.length;
      const k = dims[0];
      const N = k ** n;
      expect(doc.links.length).toBe(n * k ** (n - 1) * (k - 1));
      const d = acceleratorDistances(doc);
      expect(d.diameter).toBe(n * (k - 1));
      expect(d.mean).toBeCloseTo(((n * (k * k - 1)) / (3 * k)) * N / (N - 1), 12);
    });
  }

  it('a twisted 4x8 torus has diameter K = 4 (6 untwisted), same degree and link count', () => {
    const tw = generateTorus({ dims: [4, 8], twisted: true });
    const plain = generateTorus({ dims: [4, 8] });
    expect(tw.links.length).toBe(plain.links.length);
    expect(acceleratorDistances(tw).diameter).toBe(4);
    expect(acceleratorDistances(plain).diameter).toBe(6);
    // The wrap of the short x dimension shifts y by K = 4: a-3-1 joins a-0-5.
    expect(tw.links.some((l) => l.a === 'a-3-1' && l.b === 'a-0-5')).toBe(true);
    expect(structuralProblems(tw)).toEqual([]);
  });

  it('twisted 4x4x8 lowers the diameter below the 8 of the plain torus', () => {
    const d = acceleratorDistances(generateTorus({ dims: '4x4x8', twisted: true }));
    expect(d.diameter).toBeLessThan(8);
    expect(d.disconnected).toBe(0);
  });

  it('property: every accelerator has degree sum(k == 2 ? 1 : 2) with wrap, and the graph is connected', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2, max: 5 }), { minLength: 1, maxLength: 3 }), fc.boolean(), (dims, wrap) => {
        const N = dims.reduce((a, b) => a * b, 1);
        const links = torusLinks(dims, wrap, false);
        const deg = new Array<number>(N).fill(0);
        for (const [a, b] of links) {
          deg[a]++;
          deg[b]++;
        }
        if (wrap) {
          const expected = dims.reduce((s, k) => s + (k === 2 ? 1 : 2), 0);
          expect(deg.every((x) => x === expected)).toBe(true);
        } else {
          expect(links.length).toBe(dims.reduce((s, k, d) => s + (N / dims[d]) * (k - 1), 0));
        }
        const seen = new Set(links.map(([a, b]) => (a < b ? `${a}-${b}` : `${b}-${a}`)));
        expect(seen.size).toBe(links.length);
      }),
      { numRuns: 60 },
    );
  });

  it('twistShape accepts only K/2K shapes', () => {
    expect(twistShape([4, 8])).toEqual({ k: 4, short: [0], long: [1] });
    expect(twistShape([4, 8, 8])).toEqual({ k: 4, short: [0], long: [1, 2] });
    expect(twistShape([4, 4, 4])).toBeUndefined();
    expect(twistShape([4, 6])).toBeUndefined();
  });

  it('rejects impossible parameters', () => {
    expect(() => generateTorus({ dims: [4, 1] })).toThrow(GeneratorParamError);
    expect(() => generateTorus({ dims: '4x4x4', twisted: true })).toThrow(/--twisted: dims 4x4x4 cannot be twisted/);
    expect(() => generateTorus({ dims: '4x8', twisted: true, wrap: false })).toThrow(/--twisted/);
    expect(() => generateTorus({ dims: '4x4x4x4' })).toThrow(/--accelerator: google-tpu-v4 has 6 scale-up port/);
    expect(() => generateTorus({ dims: 'axb' })).toThrow(/--dims\[0\]/);
  });

  it('parses dims strings and is deterministic', () => {
    const a = generateTorus({ dims: '4x4x4' });
    expect(a.generator?.params.dims).toEqual([4, 4, 4]);
    expect(JSON.stringify(generateTorus({ dims: [4, 4, 4] }))).toBe(JSON.stringify(a));
  });
});
