// Every problem code has a tiny fixture file that triggers exactly it, at the right JSON path.
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, parseTopology, type LoadError } from '../../src/format/index.js';
import { fixture, fixtureNames } from '../support/fixtures.js';

type Expect = [code: string, path: string][];

/** File in v1/invalid -> the load error and EXACTLY the problems it must give (code, path). */
const INVALID: Record<string, [LoadError, Expect]> = {
  'not-json.json': ['not-json', [['not-json', '']]],
  'bad-envelope-format.json': ['not-a-topology', [['bad-envelope', 'format']]],
  'bad-envelope-missing-format.json': ['not-a-topology', [['bad-envelope', 'format']]],
  'bad-envelope-version.json': ['not-a-topology', [['bad-envelope', 'version']]],
  'version-too-new.json': ['version-too-new', [['version-too-new', 'version']]],
  'missing-field.json': ['invalid', [['missing-field', 'links[2].gbps']]],
  'wrong-type.json': ['invalid', [['wrong-type', 'links[2].gbps']]],
  'bad-value-kind.json': ['invalid', [['bad-value', 'nodes[3].kind']]],
  'bad-value-empty-id.json': ['invalid', [['bad-value', 'links[6].id']]],
  'non-finite.json': ['invalid', [['non-finite', 'links[2].lengthM']]],
  'out-of-range-length.json': ['invalid', [['out-of-range', 'links[2].lengthM']]],
  'out-of-range-power.json': ['invalid', [['out-of-range', 'racks[1].powerLimitKw']]],
  'out-of-range-lat.json': ['invalid', [['out-of-range', 'sites[1].lat']]],
  'duplicate-id-node.json': ['invalid', [['duplicate-id', 'nodes[8].id']]],
  'duplicate-id-link.json': ['invalid', [['duplicate-id', 'links[5].id']]],
  'duplicate-id-site.json': ['invalid', [['duplicate-id', 'sites[2].id']]],
  'duplicate-id-rack.json': ['invalid', [['duplicate-id', 'racks[1].id']]],
  'dangling-link-end.json': ['invalid', [['dangling-link-end', 'links[2].b']]],
  'dangling-rack.json': ['invalid', [['dangling-rack', 'nodes[0].rack']]],
  'dangling-site-node.json': ['invalid', [['dangling-site', 'nodes[7].site']]],
  'dangling-site-rack.json': ['invalid', [['dangling-site', 'racks[1].site']]],
  'dangling-via.json': ['invalid', [['dangling-via', 'links[4].via[0]']]],
  'via-not-passive.json': ['invalid', [['via-not-passive', 'links[4].via[0]']]],
  'via-medium.json': ['invalid', [['via-medium', 'links[0].via']]],
  'link-to-passive.json': ['invalid', [['link-to-passive', 'links[5].b']]],
  'self-link.json': ['invalid', [['self-link', 'links[4].b']]],
  'rack-site-mismatch.json': ['invalid', [['rack-site-mismatch', 'nodes[0].site']]],
  'unknown-model.json': ['invalid', [['unknown-model', 'nodes[4].model']]],
  'model-kind-mismatch.json': ['invalid', [['model-kind-mismatch', 'nodes[1].model']]],
  'unknown-transceiver.json': ['invalid', [['unknown-transceiver', 'links[2].transceiver']]],
  'transceiver-medium-mismatch.json': ['invalid', [['transceiver-medium-mismatch', 'links[3].transceiver']]],
  'transceiver-speed.json': ['invalid', [['transceiver-speed', 'links[4].gbps']]],
  'reach-exceeded.json': ['invalid', [['reach-exceeded', 'links[2].lengthM']]],
  'ports-over-used.json': ['invalid', [['ports-over-used', 'nodes[0]']]],
  'bad-override-model.json': ['invalid', [['bad-override', 'catalogOverrides["nvidia-h100"]']]],
  'bad-override-field.json': ['invalid', [['bad-override', 'catalogOverrides["nvidia-h100-sxm"].priceUSD']]],
  'bad-override-type.json': ['invalid', [['bad-override', 'catalogOverrides["nvidia-h100-sxm"].priceUsd']]],
  'bad-override-value.json': ['invalid', [
    ['bad-override', 'catalogOverrides["nvidia-qm9700"].ports'], ['bad-override', 'catalogOverrides["osfp-400g-dr4"].medium'],
  ]],
};

/** File in v1/warnings -> EXACTLY the warnings it gives (the file still loads). */
const WARNINGS: Record<string, Expect> = {
  'scale-up-link-to-packet-port.json': [['scale-up-link-to-packet-port', 'links[1].medium']],
  'packet-link-to-scale-up-switch.json': [['packet-link-to-scale-up-switch', 'links[3].medium']],
  'scale-up-kind-mismatch.json': [['scale-up-kind-mismatch', 'links[7]']],
  'rack-power-exceeded.json': [['rack-power-exceeded', 'racks[0]']],
  'rack-units-exceeded.json': [['rack-units-exceeded', 'racks[1]']],
  'cooling-mismatch.json': [['cooling-mismatch', 'nodes[0].rack']],
  'partial-coordinates.json': [['partial-coordinates', 'sites[1].lon']],
  'unknown-field.json': [
    ['unknown-field', 'nodes[0].colour'], ['unknown-field', 'links[2].transciever'], ['unknown-field', 'layout'],
  ],
};

const summary = (ps: { code: string; path: string }[]) => ps.map((p) => [p.code, p.path]);

describe('each invalid fixture gives exactly its problem', () => {
  it('covers every fixture file in v1/invalid', () => {
    expect(fixtureNames('v1/invalid')).toEqual(Object.keys(INVALID).sort());
  });
  it.each(Object.entries(INVALID))('%s', (file, [error, expected]) => {
    const r = parseTopology(fixture(`v1/invalid/${file}`));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe(error);
    expect(summary(r.problems)).toEqual(expected);
    for (const p of r.problems) {
      expect(p.severity).toBe('error');
      expect(p.message).toMatch(/: /); // what is wrong, then how to fix it
    }
  });
});

describe('each warning fixture loads and gives exactly its warnings', () => {
  it('covers every fixture file in v1/warnings', () => {
    expect(fixtureNames('v1/warnings')).toEqual(Object.keys(WARNINGS).sort());
  });
  it.each(Object.entries(WARNINGS))('%s', (file, expected) => {
    const r = parseTopology(fixture(`v1/warnings/${file}`));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(summary(r.warnings)).toEqual(expected);
    for (const w of r.warnings) expect(w.severity).toBe('warning');
  });
});

describe('valid fixtures', () => {
  it.each(fixtureNames('v1/valid'))('%s loads with no problem at all', (file) => {
    const r = parseTopology(fixture(`v1/valid/${file}`));
    expect(r).toMatchObject({ ok: true, warnings: [], fromVersion: 1 });
  });
});

it('every problem code has a fixture (migration-failed and migrated are tested in parse.test.ts)', () => {
  const covered = new Set([
    ...Object.values(INVALID).flatMap(([, e]) => e.map(([c]) => c)),
    ...Object.values(WARNINGS).flatMap((e) => e.map(([c]) => c)),
    'migration-failed', 'migrated',
  ]);
  const all = Object.keys(PROBLEM_CODES).filter((c) => c !== 'internal-error');
  expect(all.filter((c) => !covered.has(c))).toEqual([]);
});

describe('messages carry the numbers and the fix', () => {
  const problemOf = (file: string) => {
    const r = parseTopology(fixture(file));
    return r.ok ? r.warnings[0] : r.problems[0];
  };

  it('version-too-new says exactly what to do', () => {
    expect(problemOf('v1/invalid/version-too-new.json').message)
      .toBe('written by a newer lightfabric (version 3); this build reads up to version 1: upgrade lightfabric');
  });
  it('ports-over-used: used / available, the links involved, the excess', () => {
    const m = problemOf('v1/invalid/ports-over-used.json').message;
    expect(m).toContain('uses 2 of its 1 NIC (scale-out) ports');
    expect(m).toContain('"n0" (links[2]), "n2" (links[7])');
    expect(m).toContain('links worth 1 port');
  });
  it('reach-exceeded: length, reach, and optics that do reach', () => {
    const m = problemOf('v1/invalid/reach-exceeded.json').message;
    expect(m).toContain('150 m long but osfp-400g-dr4 reaches 100 m');
    expect(m).toMatch(/such as \S+ \(smf, 800G, 500 m\)/);
  });
  it('transceiver-speed: a link twice the module speed is split in 2', () => {
    expect(problemOf('v1/invalid/transceiver-speed.json').message).toContain('split it into 2 links of at most 400 Gbps');
  });
  it('unknown-model and bad-override hint the closest ids', () => {
    expect(problemOf('v1/invalid/unknown-model.json').message).toContain('did you mean "nvidia-qm9700"');
    expect(problemOf('v1/invalid/bad-override-model.json').message).toContain('did you mean "nvidia-h100-sxm"');
    expect(problemOf('v1/invalid/bad-value-kind.json').message).toContain('did you mean "switch"?');
    expect(problemOf('v1/warnings/unknown-field.json').message).toContain('Remove it if it is a typo');
  });
  it('rack power: 2 H100 with their share of the DGX overhead = 2 x (700 + 4600/8) W = 2.55 kW', () => {
    expect(problemOf('v1/warnings/rack-power-exceeded.json').message).toContain('draw 2.6 kW against its powerLimitKw 2');
  });
  it('rack units: 1 + 1 (QM9700) + 4 (panel) + 8 (OCS 136) + 3 x 12 (OCS 300) = 50 U', () => {
    expect(problemOf('v1/warnings/rack-units-exceeded.json').message).toContain('need 50 U but a rack has 42 U');
  });
  it('not-json points at the line and column', () => {
    expect(problemOf('v1/invalid/not-json.json').message).toMatch(/^not valid JSON at line 5, column 1: /);
  });
});

describe('a file with ten different mistakes', () => {
  it('lists all ten, with their paths, and nothing else', () => {
    const r = parseTopology(fixture('v1/ten-mistakes.json'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(summary(r.problems)).toEqual([
      ['wrong-type', 'racks[1].xM'],
      ['ports-over-used', 'nodes[1]'],
      ['unknown-model', 'nodes[4].model'],
      ['model-kind-mismatch', 'nodes[6].model'],
      ['dangling-rack', 'nodes[7].rack'],
      ['duplicate-id', 'nodes[8].id'],
      ['missing-field', 'links[0].lengthM'],
      ['reach-exceeded', 'links[3].lengthM'],
      ['self-link', 'links[5].b'],
      ['dangling-link-end', 'links[6].b'],
    ]);
    expect(new Set(r.problems.map((p) => p.code)).size).toBe(10);
  });
});
