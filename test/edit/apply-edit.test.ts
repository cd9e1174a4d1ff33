// Editing: each kind of edit on the built-in example, refusals with paths that leave the design as it was, records
// shared with the document an edit starts from, and properties over random edits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit, freshId, type Edit } from '../../src/edit/index.js';
import { parseTopology, validateDocument } from '../../src/format/index.js';
import type { FabricDocument } from '../../src/model/types.js';

const TEXT = readFileSync(join(import.meta.dirname, '..', '..', 'topologies', 'small-two-servers.json'), 'utf8');
function example(): FabricDocument {
  const r = parseTopology(TEXT);
  if (!r.ok) throw new Error('example does not load');
  return r.doc;
}
const ok = (r: ReturnType<typeof applyEdit>) => {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.problems)}`);
  return r;
};

describe('applyEdit on the example', () => {
  it('changes a link and shares every other record with the original, which stays as it was', () => {
    const doc = example();
    const before = JSON.stringify(doc);
    const r = ok(applyEdit(doc, { op: 'update-link', id: 'leaf-link0', set: { lengthM: 500 } }));
    expect(r.doc.links.find((l) => l.id === 'leaf-link0')!.lengthM).toBe(500);
    expect(JSON.stringify(doc)).toBe(before);
    expect(r.doc.nodes).toBe(doc.nodes);
    expect(r.doc.links.filter((l, i) => l !== doc.links[i]).map((l) => l.id)).toEqual(['leaf-link0']);
    expect(r.summary).toBe('changed lengthM of link leaf-link0');
  });

  it('refuses a fibre past the optic\'s reach (FR4: 2 km) with the path and leaves the design alone', () => {
    const doc = example();
    const before = JSON.stringify(doc);
    const r = applyEdit(doc, { op: 'update-link', id: 'leaf-link0', set: { lengthM: 5000 } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const i = doc.links.findIndex((l) => l.id === 'leaf-link0');
      expect(r.problems.some((p) => p.path.startsWith(`links[${i}]`))).toBe(true);
      expect(r.problems.every((p) => p.severity === 'error')).toBe(true);
    }
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('refuses an unknown model with its path, and an unknown id', () => {
    const doc = example();
    const r = applyEdit(doc, { op: 'update-node', id: 'leaf-0', set: { model: 'no-such-switch' } });
    expect(r.ok).toBe(false);
    const i = doc.nodes.findIndex((n) => n.id === 'leaf-0');
    if (!r.ok) expect(r.problems.map((p) => p.path)).toContain(`nodes[${i}].model`);
    const u = applyEdit(doc, { op: 'remove-link', id: 'nope' });
    expect(u.ok).toBe(false);
    if (!u.ok) expect(u.problems[0]).toMatchObject({ path: 'id', code: 'unknown-link' });
    expect(applyEdit(doc, { op: 'update-node', id: 'nope', set: {} }).ok).toBe(false);
  });

  it('removes a device with every link that ends on it or runs through it', () => {
    const doc = example();
    const ocs = ok(applyEdit(doc, { op: 'remove-node', id: 'ocs-0' }));
    // The four leaf-to-leaf circuits ran through the OCS.
    expect(ocs.doc.links).toHaveLength(36 - 4);
    expect(ocs.doc.nodes).toHaveLength(21 - 1);
    expect(ocs.summary).toBe('removed ocs-0 and its 4 links');
    const leaf = ok(applyEdit(doc, { op: 'remove-node', id: 'leaf-1' }));
    // leaf-1: 8 rails (b-gpu0..7 ... GPUs 4-7 of both servers) and the 4 circuits.
    expect(doc.links.length - leaf.doc.links.length).toBe(12);
  });

  it('adds a link while ports are free, and refuses one more than a port pool holds', () => {
    const doc = example();
    const id = freshId(doc, 'l');
    expect(id).toBe('l1');
    const link = { id, a: 'leaf-0', b: 'leaf-1', gbps: 400, lengthM: 4, medium: 'smf' as const, transceiver: 'qsfp-400g-fr4', via: ['ocs-0'] };
    const r = ok(applyEdit(doc, { op: 'add-link', link }));
    expect(r.doc.links.at(-1)).toEqual(link);
    expect(r.doc.links.at(-1)!.via).not.toBe(link.via);
    // A GPU has one scale-out NIC port, already used by its rail.
    const over = applyEdit(doc, { op: 'add-link', link: { id: 'l2', a: 'a-gpu0', b: 'leaf-1', gbps: 400, lengthM: 5, medium: 'mmf', transceiver: 'aoc-400g' } });
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.problems.some((p) => p.code === 'ports-over-used')).toBe(true);
    const dangling = applyEdit(doc, { op: 'add-link', link: { ...link, id: 'l3', b: 'ghost' } });
    expect(dangling.ok).toBe(false);
  });

  it('an update to what is already there returns the same document; the summary names only what changed', () => {
    const doc = example();
    const same = ok(applyEdit(doc, { op: 'update-link', id: 'leaf-link0', set: { gbps: 400, lengthM: 4, medium: 'smf' } }));
    expect(same.doc).toBe(doc);
    expect(same.summary).toBe('no change to link leaf-link0');
    const one = ok(applyEdit(doc, { op: 'update-link', id: 'leaf-link0', set: { gbps: 400, lengthM: 6, medium: 'smf' } }));
    expect(one.summary).toBe('changed lengthM of link leaf-link0');
    expect(ok(applyEdit(doc, { op: 'update-node', id: 'leaf-0', set: { model: 'nvidia-qm9700', group: 'g' } })).summary).toBe('changed group of leaf-0');
  });

  it('sets and clears a catalog override (a negotiated price); a bad field or value is refused with its path', () => {
    const doc = example();
    const r = ok(applyEdit(doc, { op: 'set-override', model: 'nvidia-h100-sxm', field: 'priceUsd', value: 22_000 }));
    expect(r.doc.catalogOverrides).toEqual({ 'nvidia-h100-sxm': { priceUsd: 22_000 } });
    expect(r.summary).toBe('set priceUsd of nvidia-h100-sxm to 22000');
    expect(doc.catalogOverrides).toBeUndefined();
    const cleared = ok(applyEdit(r.doc, { op: 'set-override', model: 'nvidia-h100-sxm', field: 'priceUsd', value: undefined }));
    expect(cleared.doc.catalogOverrides).toBeUndefined();
    expect(cleared.summary).toBe("back to the catalog's priceUsd of nvidia-h100-sxm");
    expect(ok(applyEdit(doc, { op: 'set-override', model: 'nvidia-h100-sxm', field: 'priceUsd', value: undefined })).doc).toBe(doc);
    const negative = applyEdit(doc, { op: 'set-override', model: 'nvidia-h100-sxm', field: 'priceUsd', value: -5 });
    expect(negative.ok).toBe(false);
    if (!negative.ok) expect(negative.problems[0].path).toMatch(/^catalogOverrides/);
    const unknown = applyEdit(doc, { op: 'set-override', model: 'no-such-model', field: 'priceUsd', value: 5 });
    expect(unknown.ok).toBe(false);
  });

  it('adds a device and clears an optional field with undefined', () => {
    const doc = example();
    const r = ok(applyEdit(doc, { op: 'add-node', node: { id: freshId(doc, 'sw'), kind: 'switch', model: 'nvidia-qm9700', rack: 'rack-net', site: 'lab' } }));
    expect(r.doc.nodes.at(-1)!.id).toBe('sw1');
    const named = ok(applyEdit(doc, { op: 'update-node', id: 'leaf-0', set: { name: undefined } }));
    expect('name' in named.doc.nodes.find((n) => n.id === 'leaf-0')!).toBe(false);
    expect(doc.nodes.find((n) => n.id === 'leaf-0')!.name).toBe('Leaf 0 (rails 0-3)');
    const dup = applyEdit(doc, { op: 'add-node', node: { id: 'leaf-0', kind: 'switch', model: 'nvidia-qm9700' } });
    expect(dup.ok).toBe(false);
  });
});

describe('applyEdit: properties', () => {
  const doc = example();
  const nodeIds = doc.nodes.map((n) => n.id);
  const linkIds = doc.links.map((l) => l.id);
  const arbEdit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ op: fc.constant('remove-node' as const), id: fc.constantFrom(...nodeIds, 'ghost') }),
    fc.record({ op: fc.constant('remove-link' as const), id: fc.constantFrom(...linkIds, 'ghost') }),
    fc.record({ op: fc.constant('update-link' as const), id: fc.constantFrom(...linkIds),
      set: fc.record({ lengthM: fc.oneof(fc.double({ min: -10, max: 20_000, noNaN: true }), fc.constant(Number.NaN)), gbps: fc.constantFrom(100, 200, 400, 800, 0, -1) }, { requiredKeys: [] }) }),
    fc.record({ op: fc.constant('update-node' as const), id: fc.constantFrom(...nodeIds),
      set: fc.record({ model: fc.constantFrom('nvidia-qm9700', 'nvidia-h100-sxm', 'ocs-mems-136', 'bogus'), rack: fc.constantFrom('rack-a', 'rack-x', undefined) }, { requiredKeys: [] }) }),
    fc.record({ op: fc.constant('add-link' as const), link: fc.record({
      id: fc.constantFrom('new-1', 'a-nvl0'), a: fc.constantFrom(...nodeIds), b: fc.constantFrom(...nodeIds, 'ghost'),
      gbps: fc.constantFrom(400, 800), lengthM: fc.constantFrom(1, 3, 50), medium: fc.constantFrom('smf' as const, 'mmf' as const, 'copper' as const),
    }) }),
  );

  it('never throws, never changes the document it starts from, and whatever it accepts is valid', () => {
    const before = JSON.stringify(doc);
    fc.assert(fc.property(fc.array(arbEdit, { maxLength: 4 }), (edits) => {
      let cur = doc;
      for (const e of edits) {
        const snapshot = JSON.stringify(cur);
        const r = applyEdit(cur, e);
        expect(JSON.stringify(cur)).toBe(snapshot);
        if (r.ok) {
          expect(validateDocument(r.doc).filter((p) => p.severity === 'error')).toEqual([]);
          cur = r.doc;
        } else {
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) expect(p.message.length).toBeGreaterThan(0);
        }
      }
    }), { numRuns: 150 });
    expect(JSON.stringify(doc)).toBe(before);
  });
});
