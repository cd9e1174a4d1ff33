// The inventory panel's counts: the example by hand, and totals that add up on random valid fabrics.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../src/format/index.js';
import { MEDIA, NODE_KINDS } from '../../src/model/types.js';
import { designCounts } from '../../web/views/design-counts.js';
import { arbFabricDocument } from '../support/arbitraries.js';

const REPO = join(import.meta.dirname, '..', '..');

describe('designCounts', () => {
  it('counts the example by kind, model and medium', () => {
    const r = parseTopology(readFileSync(join(REPO, 'topologies', 'small-two-servers.json'), 'utf8'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const c = designCounts(r.doc);
    const kind = (k: string) => c.kinds.find((x) => x.kind === k)!;
    expect(kind('accelerator')).toEqual({ kind: 'accelerator', count: 16, models: [{ model: 'nvidia-h100-sxm', name: 'NVIDIA H100 SXM', count: 16 }] });
    expect(kind('switch').count).toBe(4);
    expect(kind('switch').models.map((m) => [m.model, m.count]).sort()).toEqual([['nvidia-hgx-h100-nvlink', 2], ['nvidia-qm9700', 2]]);
    expect(kind('ocs')).toMatchObject({ count: 1, models: [{ model: 'ocs-mems-136', count: 1 }] });
    expect(kind('gateway').count).toBe(0);
    expect(c.byMedium).toEqual([{ medium: 'smf', count: 4 }, { medium: 'mmf', count: 16 }, { medium: 'copper', count: 0 }, { medium: 'scale-up', count: 16 }]);
    expect([c.links, c.servers, c.racks, c.sites]).toEqual([36, 2, 3, 1]);
  });

  it('adds up on random valid fabrics', () => {
    fc.assert(fc.property(arbFabricDocument(), (doc) => {
      const c = designCounts(doc);
      expect(c.kinds.map((k) => k.kind)).toEqual([...NODE_KINDS]);
      expect(c.byMedium.map((m) => m.medium)).toEqual([...MEDIA]);
      expect(c.kinds.reduce((s, k) => s + k.count, 0)).toBe(doc.nodes.length);
      for (const k of c.kinds) expect(k.models.reduce((s, m) => s + m.count, 0)).toBe(k.count);
      expect(c.byMedium.reduce((s, m) => s + m.count, 0)).toBe(doc.links.length);
      expect(c.links).toBe(doc.links.length);
    }), { numRuns: 100 });
  });
});
