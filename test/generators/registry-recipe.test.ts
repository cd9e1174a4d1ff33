import { describe, expect, it } from 'vitest';
import { serializeTopology } from '../../src/format/index.js';
import { generate, GENERATORS, loadTopologyOrRecipe, parseRecipe } from '../../src/generators/index.js';
import { GeneratorParamError } from '../../src/model/errors.js';

/** Small parameters for every family (for the determinism check). */
const SMALL: Record<string, Record<string, unknown>> = {
  'fat-tree': { k: 4 },
  clos: { leaves: 4, spines: 2, hostsPerLeaf: 4, uplinks: 2 },
  torus: { dims: '4x4' },
  hypercube: { n: 4 },
  hyperx: { dims: 2, size: 3, endpoints: 2 },
  'rail-optimized': { sus: 1 },
  'ocs-torus': { cubes: 2 },
  dragonfly: { a: 2, p: 1, h: 1 },
  jellyfish: { switches: 10, ports: 6, degree: 3, seed: 9 },
  slimfly: { q: 3 },
  'national-center': { accelerators: 800 },
  'research-access': { dcAccelerators: 8 },
};

describe('GENERATORS registry', () => {
  it('covers every family of the issue with documented parameters', () => {
    expect(Object.keys(GENERATORS).sort()).toEqual(Object.keys(SMALL).sort());
    for (const entry of Object.values(GENERATORS)) {
      expect(entry.summary.length).toBeGreaterThan(10);
      for (const p of entry.params) expect(p.description.length).toBeGreaterThan(3);
    }
  });

  for (const [family, params] of Object.entries(SMALL)) {
    it(`${family}: same parameters give a byte-identical file, and the recorded parameters regenerate it`, () => {
      const a = generate(family, params);
      const text = serializeTopology(a);
      expect(serializeTopology(generate(family, params))).toBe(text);
      expect(a.generator?.family).toBe(family);
      const again = generate(family, { ...a.generator!.params, ...(a.generator!.seed !== undefined ? { seed: a.generator!.seed } : {}) });
      expect(serializeTopology(again)).toBe(text);
    });
  }

  it('coerces CLI strings (numbers, booleans, dims, JSON) and accepts kebab-case names', () => {
    const a = generate('clos', { leaves: '4', spines: '2', 'hosts-per-leaf': '4', uplinks: '2', 'uplink-gbps': '800' });
    expect(a.links.filter((l) => l.tier === 'leaf-spine').every((l) => l.gbps === 800)).toBe(true);
    expect(generate('torus', { dims: '4x4', wrap: 'false' }).links.length).toBe(24);
    const nc = generate('national-center', { accelerators: '160', mix: '{"amd-mi300x": 1}', sites: '[]' });
    expect(nc.nodes.filter((n) => n.kind === 'accelerator').length).toBe(160);
  });

  it('unknown family, unknown or missing parameter, bad value: GeneratorParamError naming the fix', () => {
    expect(() => generate('fattree', {})).toThrow(/--family: unknown family "fattree"; use one of fat-tree, clos/);
    expect(() => generate('fat-tree', { k: 4, kk: 2 })).toThrow(/--kk: fat-tree has no such parameter; use --k, --gbps/);
    expect(() => generate('fat-tree', {})).toThrow(/--k: fat-tree needs --k/);
    expect(() => generate('fat-tree', { k: 'four' })).toThrow(GeneratorParamError);
    expect(() => generate('torus', { dims: '4x4', wrap: 'maybe' })).toThrow(/--wrap: got "maybe"; use true or false/);
    expect(() => generate('national-center', { mix: '{oops' })).toThrow(/--mix: .*use JSON/);
  });
});

describe('recipes', () => {
  const recipe = (o: Record<string, unknown>) => JSON.stringify({ format: 'lightfabric/recipe', version: 1, name: 'r', family: 'fat-tree', params: { k: 4 }, ...o });

  it('parse and generate; the recipe name and description win', () => {
    const r = loadTopologyOrRecipe(recipe({ description: 'd' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.name).toBe('r');
    expect(r.doc.description).toBe('d');
    expect(r.doc.nodes.length).toBe(36);
    expect(serializeTopology(r.doc)).toBe(serializeTopology({ ...generate('fat-tree', { k: 4 }), name: 'r', description: 'd' }));
  });

  it('seeded recipes pass the seed to the generator', () => {
    const text = JSON.stringify({ format: 'lightfabric/recipe', version: 1, name: 'j', family: 'jellyfish', params: { switches: 10, ports: 6, degree: 3 }, seed: 4 });
    const r = loadTopologyOrRecipe(text);
    expect(r.ok && r.doc.generator?.seed).toBe(4);
  });

  it('never throws; every mistake is a problem with a path', () => {
    const cases: [string, string, string][] = [
      ['{', 'not-json', ''],
      [recipe({ version: 2 }), 'version-too-new', 'version'],
      [recipe({ version: 1.5 }), 'bad-recipe', 'version'],
      [recipe({ family: 'torii' }), 'unknown-family', 'family'],
      [recipe({ name: '' }), 'bad-recipe', 'name'],
      [recipe({ params: [] }), 'bad-recipe', 'params'],
      [recipe({ params: { k: 4, x: 1 } }), 'unknown-param', 'params.x'],
      [recipe({ seed: 3 }), 'bad-recipe', 'seed'],
      [recipe({ params: { k: 5 } }), 'bad-param', 'params.k'],
    ];
    for (const [text, code, path] of cases) {
      const r = text.startsWith('{"format"') ? loadTopologyOrRecipe(text) : loadTopologyOrRecipe(text);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.problems[0]).toMatchObject({ code, path });
      expect(r.problems[0].message.length).toBeGreaterThan(10);
    }
    expect(parseRecipe(recipe({ version: 2 }))).toMatchObject({ ok: false, error: 'version-too-new' });
  });

  it('a topology file goes to the topology loader', () => {
    const text = serializeTopology(generate('torus', { dims: '3x3' }));
    const r = loadTopologyOrRecipe(text);
    expect(r.ok).toBe(true);
    expect(loadTopologyOrRecipe('{"format":"something-else"}')).toMatchObject({ ok: false, error: 'not-a-topology' });
  });
});
