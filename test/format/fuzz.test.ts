// parseTopology never throws, on any input: random text, random JSON, mutated valid files. And the fast shape
// validator reports exactly what the zod reference reports on every mutated file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PROBLEM_CODES, checkShape, checkShapeWithZod, parseTopology, serializeTopology, validateDocument,
  type LoadResult,
} from '../../src/format/index.js';
import type { Problem } from '../../src/model/problem.js';
import { arbFabricDocument, arbJsonValue } from '../support/arbitraries.js';

const LOAD_ERRORS = ['not-json', 'not-a-topology', 'version-too-new', 'migration-failed', 'invalid'];

function wellFormed(r: LoadResult): void {
  const problems = r.ok ? r.warnings : r.problems;
  if (r.ok) {
    expect(typeof r.doc).toBe('object');
    for (const w of r.warnings) expect(w.severity).toBe('warning');
  } else {
    expect(LOAD_ERRORS).toContain(r.error);
    expect(r.problems.some((p) => p.severity === 'error')).toBe(true);
  }
  for (const p of problems) {
    expect(Object.keys(PROBLEM_CODES)).toContain(p.code);
    expect(p.code).not.toBe('internal-error');
    expect(typeof p.path).toBe('string');
    expect(p.message.length).toBeGreaterThan(10);
  }
}

/** Values a careless editor or a buggy generator might put anywhere. */
const arbBadValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(Infinity, -Infinity, NaN, null, '', -1, 0, 0.5, 2 ** 60, -0.001, 1e308, true, [], {}),
  fc.constantFrom('smf', 'switch', 'accelerator', 'nvidia-h100-sxm', 'osfp-400g-dr4', 'leaf0', '__proto__', 'constructor'),
  fc.string({ unit: 'binary', maxLength: 6 }),
  arbJsonValue,
);

type Mutation = { steps: number[]; remove: boolean; value: unknown };

const arbMutation: fc.Arbitrary<Mutation> = fc.record({
  steps: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
  remove: fc.boolean(),
  value: arbBadValue,
});

/** Walk `steps` down from the root (each picks a child key or index), then set or delete that place. */
function mutate(root: Record<string, unknown>, m: Mutation): void {
  let node: unknown = root;
  for (let i = 0; i < m.steps.length; i++) {
    if (typeof node !== 'object' || node === null) return;
    const keys = Object.keys(node);
    if (keys.length === 0) return;
    const key = keys[m.steps[i] % keys.length];
    const last = i === m.steps.length - 1;
    const child = (node as Record<string, unknown>)[key];
    if (last || typeof child !== 'object' || child === null) {
      if (m.remove && !Array.isArray(node)) delete (node as Record<string, unknown>)[key];
      else (node as Record<string, unknown>)[key] = m.value;
      return;
    }
    node = child;
  }
}

const arbMutatedEnvelope = fc.tuple(arbFabricDocument({ unknownFields: true }), fc.array(arbMutation, { minLength: 1, maxLength: 5 }))
  .map(([doc, mutations]) => {
    const raw = JSON.parse(serializeTopology(doc)) as Record<string, unknown>;
    for (const m of mutations) mutate(raw, m);
    return raw;
  });

const key = (p: Problem) => `${p.path}\u0000${p.code}\u0000${p.message}`;

describe('parseTopology never throws', () => {
  it('on random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => wellFormed(parseTopology(text))), { numRuns: 500 });
  });

  it('on random JSON values, bare or inside an envelope', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      wellFormed(parseTopology(JSON.stringify(v)));
      const inside = typeof v === 'object' && v !== null && !Array.isArray(v) ? v : { value: v };
      wellFormed(parseTopology(JSON.stringify({ ...inside, format: 'lightfabric/topology', version: 1 })));
      wellFormed(parseTopology(JSON.stringify({ format: 'lightfabric/topology', version: 0, links: v, racks: v })));
    }), { numRuns: 300 });
  });

  it('on valid files mutated as text', () => {
    const arbEdit = fc.record({ at: fc.nat(), len: fc.nat({ max: 20 }), insert: fc.string({ maxLength: 8 }) });
    fc.assert(fc.property(arbFabricDocument(), fc.array(arbEdit, { minLength: 1, maxLength: 4 }), (doc, edits) => {
      let text = serializeTopology(doc);
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.insert + text.slice(at + e.len);
      }
      wellFormed(parseTopology(text));
    }), { numRuns: 300 });
  });

  it('on valid files with values replaced or removed anywhere', () => {
    fc.assert(fc.property(arbMutatedEnvelope, (raw) => {
      // Through text (Infinity and NaN become null there) and in memory (they stay).
      wellFormed(parseTopology(JSON.stringify(raw)));
      const { format: _f, version: _v, ...doc } = raw;
      for (const p of validateDocument(doc as never)) expect(p.code).not.toBe('internal-error');
    }), { numRuns: 400 });
  });

  it('on numbers too large for a double, deep nesting and odd keys', () => {
    const big = serializeTopology({ name: 'n', sites: [], racks: [], nodes: [], links: [] })
      .replace('"name": "n"', '"name": "n", "generator": {"family": "f", "params": {"p": ' + '['.repeat(50_000) + ']'.repeat(50_000) + '}}');
    wellFormed(parseTopology(big));
    wellFormed(parseTopology('{"format":"lightfabric/topology","version":1e999}'));
    wellFormed(parseTopology('{"format":"lightfabric/topology","version":1,"__proto__":{"nodes":[]},"constructor":1}'));
    wellFormed(parseTopology('['.repeat(200_000)));
  });
});

describe('fast shape validator = zod reference', () => {
  it('the same problems (path, code and message) on mutated files', () => {
    fc.assert(fc.property(arbMutatedEnvelope, (raw) => {
      const fast = checkShape(raw).filter((p) => p.code !== 'unknown-field').map(key).sort();
      const zod = checkShapeWithZod(raw).map(key).sort();
      expect(fast).toEqual(zod);
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 600) });
  });

  it('no problem on valid files', () => {
    fc.assert(fc.property(arbFabricDocument(), (doc) => {
      const raw = JSON.parse(serializeTopology(doc));
      expect(checkShape(raw)).toEqual([]);
      expect(checkShapeWithZod(raw)).toEqual([]);
    }), { numRuns: 100 });
  });
});
