// The published JSON Schema: generated from the zod schema, committed, and checked against every fixture.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import {
  KEY_ORDER, TopologySchema, serializeTopology, topologyJsonSchema, topologyJsonSchemaText,
} from '../../src/format/index.js';
import type { FabricDocument, FabricLink, FabricNode, Rack, Site } from '../../src/model/types.js';
import { arbFabricDocument } from '../support/arbitraries.js';
import { fixture, fixtureNames } from '../support/fixtures.js';
import { jsonSchemaErrors } from '../support/json-schema-check.js';

const SCHEMA_FILE = join(import.meta.dirname, '..', '..', 'schema', 'topology-v1.schema.json');

// Compile-time: what the schema parses is a FabricDocument, and every FabricDocument field is in the schema.
type Parsed = z.infer<typeof TopologySchema>;
const _parsedIsDocument: FabricDocument = {} as Parsed;
void _parsedIsDocument;
type Keys<T> = Exclude<keyof T, number | symbol>;

describe('JSON Schema file', () => {
  it('is the committed file, byte for byte (regenerate with `npm run schema`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(topologyJsonSchemaText());
  });

  it('declares every field of the model types, in the order files are written', () => {
    const fields = <T>(x: Record<Keys<T>, true>) => Object.keys(x).sort();
    expect([...KEY_ORDER.site].sort()).toEqual(fields<Site>({ id: true, kind: true, name: true, lat: true, lon: true }));
    expect([...KEY_ORDER.rack].sort()).toEqual(fields<Rack>({
      id: true, site: true, xM: true, yM: true, powerLimitKw: true, cooling: true, name: true, row: true,
    }));
    expect([...KEY_ORDER.node].sort()).toEqual(fields<FabricNode>({
      id: true, kind: true, model: true, name: true, rack: true, site: true, server: true, tier: true, group: true,
    }));
    expect([...KEY_ORDER.link].sort()).toEqual(fields<FabricLink>({
      id: true, a: true, b: true, gbps: true, lengthM: true, medium: true, transceiver: true, via: true, tier: true,
    }));
    expect(KEY_ORDER.envelope.slice(0, 3)).toEqual(['format', 'version', 'name']);
  });
});

describe('JSON Schema accepts every valid fabric', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;

  it.each([
    ...fixtureNames('v1/valid').map((f) => `v1/valid/${f}`),
    ...fixtureNames('v1/warnings').map((f) => `v1/warnings/${f}`),
    'v0/draft-fabric.expected-v1.json',
  ])('%s', (path) => {
    expect(jsonSchemaErrors(schema, JSON.parse(fixture(path)))).toEqual([]);
  });

  it('random valid fabrics, written by serializeTopology', () => {
    fc.assert(fc.property(arbFabricDocument({ unknownFields: true }), (doc) => {
      expect(jsonSchemaErrors(schema, JSON.parse(serializeTopology(doc)))).toEqual([]);
    }), { numRuns: 150 });
  });

  it('is the same object the engine compiles', () => {
    expect(topologyJsonSchema()).toEqual(schema);
  });
});

describe('JSON Schema rejects files with a bad shape', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  // File -> the JSON pointer(s) the checker must reject.
  const cases: [string, string[]][] = [
    ['missing-field.json', ['/links/2/gbps (required)']],
    ['wrong-type.json', ['/links/2/gbps (type)']],
    ['bad-value-kind.json', ['/nodes/3/kind (enum)']],
    ['bad-value-empty-id.json', ['/links/6/id (minLength)']],
    ['non-finite.json', ['/links/2/lengthM (type)']],
    ['out-of-range-length.json', ['/links/2/lengthM (minimum)']],
    ['out-of-range-power.json', ['/racks/1/powerLimitKw (exclusiveMinimum)']],
    ['out-of-range-lat.json', ['/sites/1/lat (maximum)']],
    ['bad-envelope-format.json', ['/format (const)']],
    ['bad-envelope-missing-format.json', ['/format (required)', '/version (required)', '/sites (required)', '/racks (required)', '/links (required)']],
    ['bad-envelope-version.json', ['/version (const)', '/version (type)']],
    ['version-too-new.json', ['/version (const)']],
  ];
  it.each(cases)('%s', (file, expected) => {
    expect(jsonSchemaErrors(schema, JSON.parse(fixture(`v1/invalid/${file}`))).sort()).toEqual([...expected].sort());
  });

  it('accepts the files whose mistakes are semantic (ids, references, catalog, physics): those need the validator', () => {
    for (const file of ['duplicate-id-node.json', 'dangling-link-end.json', 'unknown-model.json', 'reach-exceeded.json',
      'ports-over-used.json', 'self-link.json']) {
      expect(jsonSchemaErrors(schema, JSON.parse(fixture(`v1/invalid/${file}`)))).toEqual([]);
    }
  });
});
