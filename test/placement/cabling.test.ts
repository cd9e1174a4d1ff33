import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../src/catalog/index.js';
import { FabricBuilder } from '../../src/generators/builder.js';
import { addServer } from '../../src/generators/server.js';
import { GeneratorParamError } from '../../src/model/errors.js';

/** Two servers in racks r0-0 and r0-2 (a switch rack between), a leaf and an OCS in r0-1, racks 0.6 m apart. */
function fixture() {
  const b = new FabricBuilder(DEFAULT_CATALOG);
  const h100 = DEFAULT_CATALOG.accelerator('nvidia-h100-sxm')!;
  const z0 = b.zone('a');
  const s0 = addServer(b, z0, 's0', h100, 8, undefined);
  const z1 = b.zone('net');
  const leaf = b.node({ id: 'leaf', kind: 'switch', model: 'nvidia-qm9700' });
  const leaf2 = b.node({ id: 'leaf2', kind: 'switch', model: 'nvidia-qm9700' });
  const ocs = b.node({ id: 'ocs', kind: 'ocs', model: 'ocs-mems-136' });
  b.device(z1, leaf);
  b.device(z1, leaf2);
  b.device(z1, ocs);
  const z2 = b.zone('b');
  const s1 = addServer(b, z2, 's1', h100, 8, undefined);
  return { b, s0, s1, leaf, leaf2, ocs };
}

describe('cable lengths and media of placed links', () => {
  it('in-server 0.5 m scale-up, neighbouring racks 4.6 m, OCS circuits sum their runs', () => {
    const { b, s0, s1, leaf, leaf2, ocs } = fixture();
    b.link(s0.accelerators[0], leaf, 400, { tier: 'rail' });
    b.link(s1.accelerators[0], leaf, 400, { tier: 'rail' });
    b.link(s0.accelerators[1], s1.accelerators[1], 400, { tier: 'far' });
    b.link(leaf, leaf2, 400, { tier: 'same-rack' });
    b.link(s0.accelerators[2], leaf2, 400, { tier: 'via', via: [ocs] });
    const doc = b.build({ name: 't', generator: { family: 'test', params: {} }, floor: { cooling: 'air' } });
    const by = (tier: string) => doc.links.filter((l) => l.tier === tier);
    expect(doc.racks.map((r) => r.id)).toEqual(['r0-0', 'r0-1', 'r0-2']);
    expect(by('scale-up').every((l) => l.lengthM === 0.5 && l.medium === 'scale-up' && !l.transceiver)).toBe(true);
    expect(by('rail').map((l) => [l.lengthM, l.transceiver, l.medium])).toEqual([[4.6, 'acc-800g', 'copper'], [4.6, 'acc-800g', 'copper']]);
    // Two racks apart: 1.2 + 3 + 1 = 5.2 m, past the ACC's 5 m: an AOC.
    expect(by('far').map((l) => [l.lengthM, l.transceiver, l.medium])).toEqual([[5.2, 'aoc-400g', 'mmf']]);
    expect(by('same-rack').map((l) => [l.lengthM, l.transceiver])).toEqual([[2, 'dac-400g']]);
    // Server rack to the OCS (4.6 m) and back within the switch rack (2 m).
    expect(by('via').map((l) => [l.lengthM, l.via])).toEqual([[6.6, ['ocs']]]);
    expect(doc.nodes.find((n) => n.id === 's0-su')).toMatchObject({ rack: 'r0-0', server: 's0', model: 'nvidia-hgx-h100-nvlink' });
  });

  it('fixed-length spans keep their length and fail clearly when nothing reaches', () => {
    const { b, leaf, leaf2 } = fixture();
    b.link(leaf, leaf2, 400, { tier: 'wan', lengthM: 80_000 });
    const doc = b.build({ name: 't', generator: { family: 'test', params: {} } });
    expect(doc.links.find((l) => l.tier === 'wan')).toMatchObject({ lengthM: 80_000, transceiver: 'qsfpdd-400zr', medium: 'smf' });
    const f = fixture();
    f.b.link(f.leaf, f.leaf2, 400, { lengthM: 2_000_000 });
    expect(() => f.b.build({ name: 't', generator: { family: 'test', params: {} } })).toThrow(GeneratorParamError);
  });
});
