// The `generate` CLI command, in-process on in-memory files.
import { describe, expect, it } from 'vitest';
import { serializeTopology } from '../../src/format/index.js';
import { generateFatTree, loadTopologyOrRecipe } from '../../src/generators/index.js';
import { cli } from '../support/memory-io.js';

describe('lightfabric generate', () => {
  it('writes a valid fabric to -o FILE, byte-identical to the library call', async () => {
    const r = await cli(['generate', 'fat-tree', '--k', '4', '-o', 'ft.json']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/wrote ft\.json: 16 accelerators, 20 switches, 0 OCS, 48 links/);
    expect(r.io.files.get('ft.json')).toBe(serializeTopology(generateFatTree({ k: 4 })));
    const v = await cli(['validate', 'ft.json'], { 'ft.json': r.io.files.get('ft.json')! });
    expect(v.code).toBe(0);
  });

  it('writes to standard output without -o; --param=value and kebab-case flags work', async () => {
    const r = await cli(['generate', 'clos', '--leaves=2', '--spines', '1', '--hosts-per-leaf', '2', '--uplinks', '1']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).nodes.length).toBe(7);
  });

  it('--recipe writes a recipe that regenerates the same fabric', async () => {
    const r = await cli(['generate', 'jellyfish', '--switches', '12', '--ports', '6', '--degree', '3', '--seed', '3', '--recipe', '-o', 'j.json']);
    expect(r.code).toBe(0);
    const recipe = JSON.parse(r.io.files.get('j.json')!);
    expect(recipe).toMatchObject({ format: 'lightfabric/recipe', version: 1, family: 'jellyfish', seed: 3 });
    const direct = await cli(['generate', 'jellyfish', '--switches', '12', '--ports', '6', '--degree', '3', '--seed', '3']);
    const loaded = loadTopologyOrRecipe(r.io.files.get('j.json')!);
    expect(loaded.ok && serializeTopology(loaded.doc)).toBe(direct.out);
  });

  it('--help lists every family with its parameters and defaults', async () => {
    const r = await cli(['generate', '--help']);
    expect(r.code).toBe(0);
    for (const f of ['fat-tree', 'clos', 'torus', 'ocs-torus', 'national-center', 'research-access', 'slimfly']) expect(r.out).toContain(`  ${f}: `);
    expect(r.out).toMatch(/--gbps\s+= 400\s+speed of every link/);
    expect(r.out).toMatch(/--k\s+\(required\)/);
  });

  it('unknown family or parameter, impossible values: exit 2 with the list', async () => {
    const fam = await cli(['generate', 'fattree']);
    expect(fam.code).toBe(2);
    expect(fam.err).toMatch(/unknown family "fattree"; use one of fat-tree, clos, torus/);
    const par = await cli(['generate', 'torus', '--dimz', '4x4']);
    expect(par.code).toBe(2);
    expect(par.err).toMatch(/--dimz: torus has no such parameter; use --dims/);
    const bad = await cli(['generate', 'fat-tree', '--k', '5']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--k: got 5; use an even integer/);
    const missing = await cli(['generate']);
    expect(missing.code).toBe(2);
  });
});
