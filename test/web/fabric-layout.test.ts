// The drawing's layered layout: rows of the example and of a fat-tree worked out by hand, bundles of parallel
// links, grouping of large fabrics, and invariants on random valid fabrics (every node and link drawn once).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTopologyOrRecipe } from '../../src/generators/index.js';
import type { FabricDocument } from '../../src/model/types.js';
import { layoutFabric, type FabricLayout } from '../../web/views/fabric-layout.js';
import { arbFabricDocument } from '../support/arbitraries.js';

const REPO = join(import.meta.dirname, '..', '..');

function load(text: string): FabricDocument {
  const r = loadTopologyOrRecipe(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.doc;
}

const example = () => load(readFileSync(join(REPO, 'topologies', 'small-two-servers.json'), 'utf8'));
const fatTree = (k: number) => load(JSON.stringify({ format: 'lightfabric/recipe', version: 1, name: `k${k}`, family: 'fat-tree', params: { k } }));

function rowsOf(layout: FabricLayout): { label: string; keys: string[] }[] {
  return layout.rows.map((r, i) => ({ label: r.label, keys: layout.items.filter((it) => it.row === i).map((it) => it.key) }));
}

/** Every node is drawn once (or counted in one group) and every link once (alone or in a bundle). */
function checkInvariants(doc: FabricDocument, layout: FabricLayout): void {
  expect(layout.items.reduce((s, it) => s + it.count, 0)).toBe(doc.nodes.length);
  expect(layout.edges.reduce((s, e) => s + e.count, 0)).toBe(doc.links.length);
  expect(layout.edges.reduce((s, e) => s + e.gbps, 0)).toBeCloseTo(doc.links.reduce((s, l) => s + l.gbps, 0), 6);
  const keys = new Set(layout.items.map((it) => it.key));
  expect(keys.size).toBe(layout.items.length);
  for (const e of layout.edges) for (const k of e.path) expect(keys.has(k)).toBe(true);
  // Drawn device by device, every link id is on exactly one edge (so a click selects it); groups carry none.
  const ids = layout.edges.flatMap((e) => e.links);
  if (layout.mode === 'nodes') expect(ids.sort()).toEqual(doc.links.map((l) => l.id).sort());
  else expect(ids).toEqual([]);
  for (const it of layout.items) {
    expect(it.x).toBeGreaterThanOrEqual(0);
    expect(it.x).toBeLessThanOrEqual(layout.width);
    expect(it.y).toBeGreaterThan(0);
    expect(it.y).toBeLessThan(layout.height);
    expect(it.y).toBe(layout.rows[it.row].y);
  }
  // Rows go up the page: row 0 at the bottom.
  for (let i = 1; i < layout.rows.length; i++) expect(layout.rows[i].y).toBeLessThan(layout.rows[i - 1].y);
  // Within a row, items never overlap.
  for (let i = 0; i < layout.rows.length; i++) {
    const xs = layout.items.filter((it) => it.row === i).map((it) => it.x).sort((a, b) => a - b);
    for (let j = 1; j < xs.length; j++) expect(xs[j] - xs[j - 1]).toBeGreaterThanOrEqual(14 - 1e-9);
  }
}

describe('layoutFabric', () => {
  it('draws the example in four rows: GPUs, NVLink domains, leaves, and the OCS above the leaves it joins', () => {
    const doc = example();
    const layout = layoutFabric(doc);
    expect(layout.mode).toBe('nodes');
    const rows = rowsOf(layout);
    expect(rows.map((r) => r.label)).toEqual(['accelerators', 'nvlink', 'leaf', 'ocs']);
    expect(rows[0].keys).toEqual([...['a', 'b'].flatMap((s) => Array.from({ length: 8 }, (_, i) => `${s}-gpu${i}`))]);
    expect(rows[1].keys.sort()).toEqual(['a-nvlink', 'b-nvlink']);
    expect(rows[2].keys.sort()).toEqual(['leaf-0', 'leaf-1']);
    expect(rows[3].keys).toEqual(['ocs-0']);
    expect(layout.servers.map((s) => s.server)).toEqual(['server-a', 'server-b']);
    // The four leaf-leaf circuits are one bundle through the OCS; NVLink and rail links are single.
    const bundles = layout.edges.filter((e) => e.count > 1);
    expect(bundles).toEqual([{ path: ['leaf-0', 'ocs-0', 'leaf-1'], medium: 'smf', count: 4, gbps: 1600, offset: 0, links: ['leaf-link0', 'leaf-link1', 'leaf-link2', 'leaf-link3'] }]);
    expect(layout.edges.filter((e) => e.medium === 'scale-up')).toHaveLength(16);
    expect(layout.edges.filter((e) => e.medium === 'mmf')).toHaveLength(16);
    // Each NVLink domain sits over the middle of its own server's eight GPUs.
    const x = new Map(layout.items.map((it) => [it.key, it.x]));
    const mid = (s: string) => Array.from({ length: 8 }, (_, i) => x.get(`${s}-gpu${i}`)!).reduce((a, b) => a + b) / 8;
    expect(x.get('a-nvlink')).toBeCloseTo(mid('a'), 9);
    expect(x.get('b-nvlink')).toBeCloseTo(mid('b'), 9);
    checkInvariants(doc, layout);
  });

  it('puts a k-ary fat-tree in tiers of k^3/4 hosts, k^2/2 edge, k^2/2 aggregation and k^2/4 core switches', () => {
    for (const k of [4, 6]) {
      const doc = fatTree(k);
      const layout = layoutFabric(doc);
      const rows = rowsOf(layout);
      expect(rows.map((r) => r.label)).toEqual(['accelerators', 'edge', 'aggregation', 'core']);
      expect(rows.map((r) => r.keys.length)).toEqual([k ** 3 / 4, k ** 2 / 2, k ** 2 / 2, k ** 2 / 4]);
      checkInvariants(doc, layout);
    }
  });

  it('groups a fabric too large to draw node by node: one item per model and row, links summed between groups', () => {
    const doc = fatTree(6);
    const layout = layoutFabric(doc, { maxNodes: 10 });
    expect(layout.mode).toBe('groups');
    expect(layout.items.map((it) => [it.kind, it.count])).toEqual([['accelerator', 54], ['switch', 18], ['switch', 18], ['switch', 9]]);
    expect(layout.items[0].label).toBe('54 × nvidia-h100-sxm');
    // k^3/4 host links, k^3/4 edge-aggregation, k^3/4 aggregation-core: 54 each, split by medium.
    const between = (a: number, b: number) => layout.edges.filter((e) => e.path[0] === layout.items[a].key && e.path[1] === layout.items[b].key)
      .reduce((s, e) => s + e.count, 0);
    expect([between(0, 1), between(1, 2), between(2, 3)]).toEqual([54, 54, 54]);
    // Bundles of different media between the same groups are drawn side by side.
    for (const e of layout.edges) {
      const twins = layout.edges.filter((f) => f.path.join() === e.path.join());
      expect(new Set(twins.map((f) => f.offset)).size).toBe(twins.length);
    }
    expect(layout.servers).toEqual([]);
    checkInvariants(doc, layout);
  });

  it('draws every node and link once on random valid fabrics, node by node and in groups', () => {
    fc.assert(fc.property(arbFabricDocument(), fc.boolean(), (doc, grouped) => {
      const layout = layoutFabric(doc, grouped ? { maxNodes: 0 } : {});
      expect(layout.mode).toBe(grouped && doc.nodes.length > 0 ? 'groups' : 'nodes');
      checkInvariants(doc, layout);
    }), { numRuns: 150 });
  });

  it('labels a row of devices that no accelerator reaches, and an empty fabric has no rows', () => {
    const doc: FabricDocument = {
      name: 'two switches', sites: [], racks: [],
      nodes: [{ id: 's0', kind: 'switch', model: 'nvidia-qm9700' }, { id: 's1', kind: 'switch', model: 'nvidia-qm9700' }],
      links: [{ id: 'l0', a: 's0', b: 's1', gbps: 400, lengthM: 3, medium: 'mmf' }],
    };
    const layout = layoutFabric(doc);
    expect(layout.rows.map((r) => r.label)).toEqual(['not linked to accelerators: switch']);
    checkInvariants(doc, layout);
    const empty = layoutFabric({ name: 'empty', sites: [], racks: [], nodes: [], links: [] });
    expect(empty.rows).toEqual([]);
    expect(empty.items).toEqual([]);
  });
});
