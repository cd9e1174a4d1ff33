// The load pipeline: JSON -> envelope -> too new -> migrate -> validate -> result, and loadFabric.
import { describe, expect, it } from 'vitest';
import {
  FORMAT_VERSION, MIGRATIONS, loadFabric, migrate, parseTopology, serializeTopology, type LoadResult,
} from '../../src/format/index.js';
import { fixture } from '../support/fixtures.js';

function failure(r: LoadResult) {
  if (r.ok) throw new Error('expected a failure');
  return r;
}

describe('not JSON', () => {
  it.each([
    ['', /^the file is empty/],
    ['   \n', /^the file is empty/],
    ['{"format": "lightfabric/topology",}', /^not valid JSON at line 1, column 35: /],
    ['{\n  "a": 1\n  "b": 2\n}', /^not valid JSON at line 3, column 3: /],
    ['nul', /^not valid JSON/],
  ])('%j', (text, message) => {
    const r = failure(parseTopology(text));
    expect(r.error).toBe('not-json');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'not-json', path: '', severity: 'error' });
    expect(r.problems[0].message).toMatch(message);
  });

  it('a non-string argument is refused, not thrown', () => {
    expect(failure(parseTopology(undefined as unknown as string)).error).toBe('not-json');
    expect(failure(parseTopology(42 as unknown as string)).error).toBe('not-json');
  });

  it('a byte order mark (Windows editors) is accepted', () => {
    expect(parseTopology('\ufeff' + fixture('v1/valid/tiny.json')).ok).toBe(true);
  });
});

describe('envelope', () => {
  it.each([
    ['[]', '', /holds a list/],
    ['null', '', /holds null/],
    ['42', '', /holds the number 42/],
    ['{"name": "x"}', 'format', /no "format" field/],
    ['{"format": "excalidraw", "version": 2}', 'format', /"format" is the text "excalidraw"/],
    ['{"format": "lightfabric/report", "version": 1}', 'format', /this is a lightfabric\/report file, not a topology/],
    ['{"format": "lightfabric/topology"}', 'version', /no "version" field: add "version": 1/],
    ['{"format": "lightfabric/topology", "version": 1.5}', 'version', /whole number/],
    ['{"format": "lightfabric/topology", "version": -1}', 'version', /whole number >= 0/],
    ['{"format": "lightfabric/topology", "version": null}', 'version', /"version" is null/],
  ])('%s', (text, path, message) => {
    const r = failure(parseTopology(text));
    expect(r.error).toBe('not-a-topology');
    expect(r.problems).toEqual([expect.objectContaining({ code: 'bad-envelope', path })]);
    expect(r.problems[0].message).toMatch(message);
  });

  it('refuses a newer version before looking at anything else', () => {
    const r = failure(parseTopology('{"format": "lightfabric/topology", "version": 3, "nodes": "anything"}'));
    expect(r.error).toBe('version-too-new');
    expect(r.problems).toEqual([{
      path: 'version', code: 'version-too-new', severity: 'error',
      message: 'written by a newer lightfabric (version 3); this build reads up to version 1: upgrade lightfabric',
    }]);
  });
});

describe('migrations', () => {
  it('the v0 fixture is upgraded to exactly the v1 document it stands for', () => {
    const r = parseTopology(fixture('v0/draft-fabric.json'));
    const expected = parseTopology(fixture('v0/draft-fabric.expected-v1.json'));
    if (!r.ok || !expected.ok) throw new Error('both must load');
    expect(r.fromVersion).toBe(0);
    expect(r.doc).toStrictEqual(expected.doc);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'migrated', path: 'version', severity: 'warning' })]);
    // Saving writes the current version.
    expect(serializeTopology(r.doc)).toBe(fixture('v0/draft-fabric.expected-v1.json'));
  });

  it('a step sets the version and keeps v1 names the file already has', () => {
    const raw = {
      format: 'lightfabric/topology', version: 0, name: 'x', sites: [{ id: 'here', kind: 'campus' }],
      racks: [{ id: 'r', powerKw: 5, powerLimitKw: 7 }], links: [{ id: 'l', from: 'p', to: 'q', a: 'keep' }],
    };
    const before = JSON.stringify(raw);
    const m = migrate(raw, 0);
    if (!m.ok) throw new Error('must migrate');
    expect(m.raw.version).toBe(1);
    expect(m.raw.links).toEqual([{ id: 'l', a: 'keep', b: 'q' }]);
    // The file had sites: racks are not moved to an invented one.
    expect(m.raw.racks).toEqual([{ id: 'r', powerLimitKw: 7 }]);
    expect(m.raw.sites).toEqual([{ id: 'here', kind: 'campus' }]);
    expect(JSON.stringify(raw)).toBe(before); // input not modified
  });

  it('a migration tolerates any shape (validation reports what is missing afterwards)', () => {
    for (const junk of [{ links: 5, racks: 'x' }, { links: [null, 3, []], racks: [null] }, {}]) {
      expect(migrate({ format: 'lightfabric/topology', version: 0, ...junk }, 0).ok).toBe(true);
    }
  });

  it('migration-failed when a step throws, returns junk, or is missing', () => {
    const text = fixture('v0/draft-fabric.json');
    const throwing = failure(parseTopology(text, { migrations: { 0: () => { throw new Error('links[3] has no end'); } } }));
    expect(throwing.error).toBe('migration-failed');
    expect(throwing.problems).toEqual([expect.objectContaining({ code: 'migration-failed', path: 'version' })]);
    expect(throwing.problems[0].message).toContain('upgrading from version 0 to 1 failed (links[3] has no end)');

    const junk = failure(parseTopology(text, { migrations: { 0: () => [] as unknown as Record<string, unknown> } }));
    expect(junk.error).toBe('migration-failed');
    expect(junk.problems[0].message).toContain('did not produce a topology object');

    const missing = failure(parseTopology(text, { migrations: {} }));
    expect(missing.error).toBe('migration-failed');
    expect(missing.problems[0].message).toContain('cannot upgrade files of version 0');
  });

  it('steps chain in order up to the current version', () => {
    const seen: number[] = [];
    const step = (v: number) => (raw: Record<string, unknown>) => {
      seen.push(v);
      expect(raw.version).toBe(v);
      return { ...raw, [`step${v}`]: true };
    };
    const m = migrate({ version: 0 }, 0, { 0: step(0), 1: step(1), 2: step(2) }, 3);
    expect(seen).toEqual([0, 1, 2]);
    expect(m).toEqual({ ok: true, raw: { version: 3, step0: true, step1: true, step2: true } });
  });

  it('there is a step from every older version to the current one', () => {
    for (let v = 0; v < FORMAT_VERSION; v++) expect(typeof MIGRATIONS[v]).toBe('function');
  });
});

describe('success', () => {
  it('returns the document without the envelope fields, and unknown fields kept', () => {
    const r = parseTopology(fixture('v1/warnings/unknown-field.json'));
    if (!r.ok) throw new Error('must load');
    expect(r.fromVersion).toBe(1);
    expect('format' in r.doc || 'version' in r.doc).toBe(false);
    expect((r.doc.nodes[0] as unknown as Record<string, unknown>).colour).toBe('green');
    expect((r.doc as unknown as Record<string, unknown>).layout).toEqual({ zoom: 2 });
    // ... and written back on save.
    const again = serializeTopology(r.doc);
    expect(again).toContain('"colour":"green"');
    expect(again).toContain('"layout": {"zoom":2}');
  });

  it('invalid files report warnings too, after the errors', () => {
    const text = fixture('v1/warnings/partial-coordinates.json').replace('"gbps":400,"lengthM":12', '"gbps":400,"lengthM":-12');
    const r = failure(parseTopology(text));
    expect(r.problems.map((p) => [p.severity, p.code])).toEqual([['error', 'out-of-range'], ['warning', 'partial-coordinates']]);
  });
});

describe('loadFabric', () => {
  it('gives the graph of a valid file', () => {
    const r = loadFabric(fixture('v1/valid/tiny.json'));
    if (!r.ok) throw new Error('must load');
    expect(r.fabric.graph.order).toBe(8);
    expect(r.fabric.graph.size).toBe(7);
    expect(r.fabric.sites.get('kaist')?.lat).toBe(36.3721);
    expect(r.fabric.graph.getEdgeAttribute('u1', 'via')).toEqual(['ocs0', 'pp0']);
    expect(serializeTopology(r.fabric)).toBe(fixture('v1/valid/tiny.json'));
  });

  it('ids such as __proto__ and constructor are ordinary ids', () => {
    const text = serializeTopology({
      name: 'p', sites: [{ id: '__proto__', kind: 'datacenter' }],
      racks: [{ id: 'constructor', site: '__proto__', xM: 0, yM: 0, powerLimitKw: 10, cooling: 'air' }],
      nodes: [{ id: '__proto__', kind: 'switch', model: 'nvidia-qm9700', rack: 'constructor' },
        { id: 'toString', kind: 'switch', model: 'nvidia-qm9700' }],
      links: [{ id: '__proto__', a: '__proto__', b: 'toString', gbps: 400, lengthM: 1, medium: 'copper' }],
    });
    const r = loadFabric(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect([r.fabric.graph.order, r.fabric.graph.size]).toEqual([2, 1]);
    expect(serializeTopology(r.fabric)).toBe(text);
  });

  it('passes failures through', () => {
    expect(loadFabric(fixture('v1/ten-mistakes.json'))).toMatchObject({ ok: false, error: 'invalid' });
  });
});
