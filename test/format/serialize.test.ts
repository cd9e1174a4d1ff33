// Writing files: deterministic bytes, fixed key order, one record per line, lossless round trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTopology, serializeTopology } from '../../src/format/index.js';
import { fabricFromDocument } from '../../src/model/fabric.js';
import type { FabricDocument } from '../../src/model/types.js';
import { arbFabricDocument } from '../support/arbitraries.js';
import { fixture, fixtureNames } from '../support/fixtures.js';

function load(text: string): FabricDocument {
  const r = parseTopology(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems, null, 1));
  return r.doc;
}

/** The same record with its keys inserted in reverse order. */
function reversedKeys<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).reverse()) as T;
}

describe('serializeTopology', () => {
  it.each([...fixtureNames('v1/valid'), ...fixtureNames('v1/warnings').map((f) => `../warnings/${f}`)])(
    're-writes %s byte for byte', (file) => {
      const text = fixture(`v1/valid/${file}`);
      expect(serializeTopology(load(text))).toBe(text);
    });

  it('lays out the envelope pretty-printed and one record per line', () => {
    const text = fixture('v1/valid/tiny.json');
    const doc = load(text);
    const lines = text.split('\n');
    expect(lines[0]).toBe('{');
    expect(lines[1]).toBe('  "format": "lightfabric/topology",');
    expect(lines[2]).toBe('  "version": 1,');
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).toBe('}');
    // 3 envelope lines + name + 4 arrays x 2 bracket lines + one line per record + closing brace + final newline.
    const records = doc.sites.length + doc.racks.length + doc.nodes.length + doc.links.length;
    expect(lines.length).toBe(1 + 3 + 4 * 2 + records + 1 + 1);
    expect(lines).toContain('    {"id":"g0","kind":"accelerator","model":"nvidia-h100-sxm","rack":"r1","server":"s0"},');
  });

  it('fixes the key order: schema order, then unknown keys sorted; undefined fields are left out', () => {
    const doc: FabricDocument = {
      links: [{ tier: undefined, via: ['p'], medium: 'smf', lengthM: 2.5, gbps: 400, b: 'y', a: 'x', id: 'l' } as never],
      nodes: [{ zeta: 1, group: 'g', model: 'm', kind: 'switch', id: 'n', alpha: { b: 2, a: [1, { d: 4, c: 3 }] } } as never],
      racks: [], sites: [], name: 'order', description: undefined,
    };
    const text = serializeTopology(doc);
    expect(text).toContain('{"id":"l","a":"x","b":"y","gbps":400,"lengthM":2.5,"medium":"smf","via":["p"]}');
    expect(text).toContain('{"id":"n","kind":"switch","model":"m","group":"g","alpha":{"a":[1,{"c":3,"d":4}],"b":2},"zeta":1}');
    expect(text).not.toContain('description');
    expect(text).not.toContain('tier');
  });

  it('gives the same bytes whatever order keys were inserted in', () => {
    fc.assert(fc.property(arbFabricDocument({ unknownFields: true }), (doc) => {
      const shuffled: FabricDocument = reversedKeys({
        ...doc,
        sites: doc.sites.map(reversedKeys), racks: doc.racks.map(reversedKeys),
        nodes: doc.nodes.map(reversedKeys), links: doc.links.map(reversedKeys),
      });
      expect(serializeTopology(shuffled)).toBe(serializeTopology(doc));
    }), { numRuns: 100 });
  });

  it('writes a Fabric (graph) exactly as its document', () => {
    fc.assert(fc.property(arbFabricDocument({ unknownFields: true }), (doc) => {
      expect(serializeTopology(fabricFromDocument(doc))).toBe(serializeTopology(doc));
    }), { numRuns: 100 });
  });

  it('keeps unknown top-level fields through a fabric (another tool\'s data is never lost)', () => {
    const doc = {
      name: 'n', sites: [{ id: 'dc0', kind: 'datacenter' }], racks: [], nodes: [], links: [],
      'x-owner': { team: 'infra', ticket: 42 }, zzz: [1, 2],
    } as unknown as FabricDocument;
    const text = serializeTopology(doc);
    expect(text).toContain('"x-owner": {"team":"infra","ticket":42}');
    expect(serializeTopology(fabricFromDocument(doc))).toBe(text);
  });

  it('keeps an empty settings object, and its absence, through a fabric', () => {
    const doc: FabricDocument = {
      name: '', sites: [{ id: 'dc0', kind: 'datacenter' }], racks: [], nodes: [], links: [], settings: {},
    };
    expect(serializeTopology(fabricFromDocument(doc))).toBe(serializeTopology(doc));
    expect(serializeTopology(doc)).toContain('"settings": {}');
    const { settings: _, ...bare } = doc;
    expect(serializeTopology(fabricFromDocument(bare))).not.toContain('settings');
  });

  it('writes the catalog overrides one model per line, sorted', () => {
    const text = fixture('v1/valid/settings-generator-overrides.json');
    expect(text).toContain(
      '  "catalogOverrides": {\n    "fibre": {"fibreNsPerM":5},\n    "nvidia-h100-sxm": {"priceUsd":24000},\n' +
      '    "osfp-400g-dr4": {"reachM":150}\n  },');
    expect(text).toContain('  "generator": {"family":"clos","params":{"gbps":400,"hostsPerLeaf":2,"leaves":1,"spines":1},"seed":7},');
  });

  it('record text that looks like a record boundary stays inside its record', () => {
    const tricky = '"},{"id":"x"} \\ \u2028';
    const doc: FabricDocument = { name: tricky, sites: [], racks: [], links: [], nodes: [
      { id: 'a', kind: 'switch', model: 'nvidia-qm9700', name: tricky },
      { id: tricky, kind: 'switch', model: 'nvidia-qm9700', tier: '},{"id":' },
    ] };
    const text = serializeTopology(doc);
    expect(text.split('\n').filter((l) => l.startsWith('    {'))).toHaveLength(2);
    expect(load(text)).toStrictEqual(doc);
  });

  it('-0 is written as 0, as JSON.stringify does', () => {
    const doc: FabricDocument = { name: 'z', sites: [], nodes: [], links: [], racks: [
      { id: 'r', site: 's', xM: -0, yM: 0, powerLimitKw: 1, cooling: 'air' },
    ] };
    expect(serializeTopology(doc)).toContain('"xM":0,');
  });
});

describe('round trip', () => {
  it('parseTopology(serializeTopology(doc)) gives back doc exactly, unknown fields included', () => {
    fc.assert(fc.property(arbFabricDocument({ unknownFields: true }), (doc) => {
      const r = parseTopology(serializeTopology(doc));
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      expect(r.doc).toStrictEqual(doc);
      expect(r.warnings.every((w) => w.code === 'unknown-field')).toBe(true);
    }), { numRuns: 200 });
  });

  it('serialize(parse(serialize(x))) is byte-identical to serialize(x)', () => {
    fc.assert(fc.property(arbFabricDocument({ unknownFields: true }), (doc) => {
      const once = serializeTopology(doc);
      expect(serializeTopology(load(once))).toBe(once);
    }), { numRuns: 200 });
  });

  it('one record per line is smaller than full pretty-printing', () => {
    const [doc] = fc.sample(arbFabricDocument({ maxServers: 16, maxSwitches: 8 }), { numRuns: 1, seed: 42 });
    const compact = serializeTopology(doc);
    const pretty = JSON.stringify({ format: 'lightfabric/topology', version: 1, ...doc }, null, 2);
    expect(compact.length).toBeLessThan(pretty.length);
  });
});
