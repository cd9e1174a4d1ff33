// Proposed links: length from the racks by the placement rule, speed from the first end, optic by length.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../src/catalog/index.js';
import { applyEdit, proposeLink } from '../../src/edit/index.js';
import { parseTopology } from '../../src/format/index.js';
import { cableLengthM, chooseTransceiver, floorOptions } from '../../src/placement/index.js';

const r = parseTopology(readFileSync(join(import.meta.dirname, '..', '..', 'topologies', 'small-two-servers.json'), 'utf8'));
if (!r.ok) throw new Error('example');
const doc = r.doc;
const catalog = createCatalog();

describe('proposeLink', () => {
  it('across racks: Manhattan distance between rack centres + 2 vertical runs + slack, optic that reaches', () => {
    const link = proposeLink(doc, 'leaf-0', 'b-gpu3', catalog);
    const rack = (id: string) => doc.racks.find((x) => x.id === id)!;
    const f = floorOptions();
    const [a, b] = [rack('rack-net'), rack('rack-b')];
    const expected = Math.round((Math.abs(a.xM - b.xM) + Math.abs(a.yM - b.yM) + 2 * f.verticalM + f.slackM) * 10) / 10;
    expect(link.lengthM).toBe(expected);
    expect(link.lengthM).toBe(cableLengthM(a, b, false, f));
    // leaf-0's first scale-out link is a 400G rail.
    expect(link.gbps).toBe(400);
    const choice = chooseTransceiver(400, link.lengthM, catalog)!;
    expect(link.transceiver).toBe(choice.model.id);
    expect(link.medium).toBe(choice.medium);
    expect(link.id).toBe('leaf-0-l1');
  });

  it('same rack: the in-rack cable length; the proposal passes the checks when ports are free', () => {
    const link = proposeLink(doc, 'leaf-0', 'leaf-1', catalog);
    expect(link.lengthM).toBe(floorOptions().sameRackM);
    expect(applyEdit(doc, { op: 'add-link', link }).ok).toBe(true);
  });

  it('a GPU whose one NIC port is taken: proposed, then refused by the port check', () => {
    const link = proposeLink(doc, 'a-gpu0', 'leaf-1', catalog);
    const res = applyEdit(doc, { op: 'add-link', link });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.problems.some((p) => p.code === 'ports-over-used')).toBe(true);
  });
});
