// validateDocument on in-memory documents (what generators hand it), and the "did you mean" hints.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../src/catalog/index.js';
import { closestMatches, didYouMean, parseTopology, validateDocument } from '../../src/format/index.js';
import { editDistance } from '../../src/format/hints.js';
import type { FabricDocument } from '../../src/model/types.js';
import { arbFabricDocument } from '../support/arbitraries.js';
import { fixture } from '../support/fixtures.js';

function tiny(): FabricDocument {
  const r = parseTopology(fixture('v1/valid/tiny.json'));
  if (!r.ok) throw new Error('tiny must load');
  return r.doc;
}

const codes = (d: unknown) => validateDocument(d as FabricDocument).map((p) => `${p.path} ${p.code}`);

describe('validateDocument', () => {
  it('random valid fabrics have no problem at all', () => {
    fc.assert(fc.property(arbFabricDocument(), (d) => {
      expect(validateDocument(d)).toEqual([]);
    }), { numRuns: 200 });
  });

  it('in-memory values JSON cannot hold: NaN and Infinity are non-finite, undefined optional fields are absent', () => {
    const d = tiny();
    d.links[0].gbps = NaN;
    d.racks[0].xM = -Infinity;
    d.nodes[0].name = undefined;
    d.links[1].via = undefined;
    expect(codes(d)).toEqual(['racks[0].xM non-finite', 'links[0].gbps non-finite']);
  });

  it('never throws on a document that is not one', () => {
    for (const junk of [null, 5, 'x', [], {}, { nodes: 'x', links: [null, 1, 'a'] }, { nodes: [{ id: 5 }], links: [{ a: {}, b: [] }] }]) {
      expect(() => validateDocument(junk as unknown as FabricDocument)).not.toThrow();
      expect(validateDocument(junk as unknown as FabricDocument).length).toBeGreaterThan(0);
    }
  });

  it('reports every problem, not a capped sample', () => {
    const d = tiny();
    for (let i = 0; i < 1000; i++) d.links.push({ id: `x${i}`, a: 'g0', b: `nowhere${i}`, gbps: 1, lengthM: 1, medium: 'scale-up' });
    const problems = validateDocument(d);
    expect(problems.filter((p) => p.code === 'dangling-link-end')).toHaveLength(1000);
    // 1000 x 1 Gbps on 200 Gbps NVLink ports: 1000 x max(1/200, 1) = 1000 ports > 18, plus the 3,600 Gbps bundle.
    expect(problems.find((p) => p.code === 'ports-over-used')?.message).toContain('uses 1018 of its 18 scale-up ports');
  });

  it('one mistake gives one problem: a node of unknown model is not also over its ports or over its rack', () => {
    const d = tiny();
    d.nodes[0].model = 'nvidia-h100-sxn';
    d.links.push({ id: 'more', a: 'g0', b: 'leaf0', gbps: 400, lengthM: 1, medium: 'copper' });
    expect(codes(d)).toEqual(['nodes[0].model unknown-model']);
  });

  it('uses the catalog it is given', () => {
    const d = tiny();
    const shortReach = createCatalog({ 'osfp-400g-dr4': { reachM: 10 } });
    expect(codes(d)).toEqual([]);
    expect(validateDocument(d, shortReach).map((p) => `${p.path} ${p.code}`)).toEqual(['links[2].lengthM reach-exceeded']);
  });

  it('applies the file\'s valid overrides and ignores its bad ones', () => {
    const d = tiny();
    d.catalogOverrides = { 'osfp-400g-dr4': { reachM: 10, colour: 'red' } };
    expect(codes(d)).toEqual(['catalogOverrides["osfp-400g-dr4"].colour bad-override', 'links[2].lengthM reach-exceeded']);
  });
});

describe('hints', () => {
  it('edit distance by hand', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('QM9700', 'qm9700')).toBe(0);
    expect(editDistance('nvidia-qm970', 'nvidia-qm9700')).toBe(1);
  });

  it('edit distance is a metric', () => {
    const s = fc.string({ maxLength: 8 });
    fc.assert(fc.property(s, s, s, (a, b, c) => {
      expect(editDistance(a, b)).toBe(editDistance(b, a));
      expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
      expect(editDistance(a, b) === 0).toBe(a.toLowerCase() === b.toLowerCase());
    }));
  });

  it('closest matches: containment first, then small distances; nothing for garbage', () => {
    const ids = ['nvidia-h100-sxm', 'nvidia-h200-sxm', 'nvidia-b200', 'amd-mi300x'];
    expect(closestMatches('h100', ids)[0]).toBe('nvidia-h100-sxm');
    expect(closestMatches('amd-mi300', ids)).toEqual(['amd-mi300x']);
    expect(closestMatches('zzzzzzzzzzzz', ids)).toEqual([]);
    expect(didYouMean('swich', ['switch', 'ocs'])).toBe('did you mean "switch"?');
    expect(didYouMean('qqqqqq', ['switch'])).toBe('');
  });
});
