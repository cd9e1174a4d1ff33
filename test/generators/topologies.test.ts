// Every file in topologies/ loads (topology or recipe) into a valid fabric; recipes give the advertised counts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../src/catalog/index.js';
import { serializeTopology } from '../../src/format/index.js';
import { generate, loadTopologyOrRecipe, parseRecipe } from '../../src/generators/index.js';
import type { FabricDocument } from '../../src/model/types.js';
import { countBy, kinds, nodeTiers } from './support.js';

const DIR = join(__dirname, '../../topologies');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

/** Counts each example must show. */
const expected: Record<string, (doc: FabricDocument) => void> = {
  'national-center.recipe.json': (d) => {
    expect(kinds(d).accelerator).toBeGreaterThanOrEqual(50_000);
    expect(nodeTiers(d).core).toBeGreaterThan(0);
  },
  'national-center-ocs.recipe.json': (d) => {
    expect(kinds(d).accelerator).toBeGreaterThanOrEqual(50_000);
    expect(kinds(d).ocs).toBeGreaterThan(0);
  },
  'national-center-npu-2030.recipe.json': (d) => {
    // The 2030 mix: half the accelerators domestic NPUs (whole servers, so a little over).
    const models = countBy(d.nodes.filter((n) => n.kind === 'accelerator'), (n) => n.model);
    const all = kinds(d).accelerator;
    expect(all).toBeGreaterThanOrEqual(50_000);
    const npu = (models['furiosa-rngd'] ?? 0) + (models['rebellions-rebel-quad'] ?? 0);
    expect(npu / all).toBeGreaterThan(0.49);
    expect(npu / all).toBeLessThan(0.51);
  },
  'dgx-h100-superpod-4su.recipe.json': (d) => {
    expect(kinds(d).accelerator).toBe(1016);
    expect(nodeTiers(d)).toMatchObject({ leaf: 32, spine: 16 });
    expect(d.links.filter((l) => l.tier === 'leaf-spine').length).toBe(1024);
  },
  'tpu-v4-ocs-torus.recipe.json': (d) => expect(kinds(d)).toEqual({ accelerator: 4096, ocs: 48 }),
  'fat-tree-k16.recipe.json': (d) => expect(kinds(d)).toEqual({ accelerator: 1024, switch: 320 }),
  'dragonfly.recipe.json': (d) => expect(kinds(d)).toEqual({ accelerator: 1056, switch: 264 }),
  'jellyfish.recipe.json': (d) => expect(kinds(d)).toEqual({ accelerator: 1024, switch: 64 }),
  'research-access.recipe.json': (d) => expect(countBy(d.sites, (s) => s.kind)).toEqual({ datacenter: 1, campus: 5, institute: 1 }),
  'small-two-servers.json': (d) => {
    expect(kinds(d)).toEqual({ accelerator: 16, switch: 4, ocs: 1 });
    expect(d.racks.length).toBe(3);
  },
};

describe('topologies/', () => {
  it('holds the examples the issue asks for, and only small files', () => {
    expect(files).toEqual(Object.keys(expected).sort());
    for (const f of files) expect(readFileSync(join(DIR, f), 'utf8').length).toBeLessThan(50_000);
  });

  for (const f of files) {
    it(`${f} loads into a valid fabric`, () => {
      const text = readFileSync(join(DIR, f), 'utf8');
      const r = loadTopologyOrRecipe(text);
      expect(r.ok, r.ok ? '' : JSON.stringify(r.problems.slice(0, 3))).toBe(true);
      if (!r.ok) return;
      const doc: FabricDocument = r.doc;
      expect(r.warnings.filter((w) => w.severity === 'error')).toEqual([]);
      expected[f](doc);
    });
  }

  it('the hand-written example is in canonical form (re-serialises byte for byte)', () => {
    const text = readFileSync(join(DIR, 'small-two-servers.json'), 'utf8');
    const r = loadTopologyOrRecipe(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(serializeTopology(r.doc)).toBe(text);
  });
});
