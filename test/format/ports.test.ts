// Port accounting in validation: hand-worked limits (breakout, bundles, OCS passes) and agreement with
// src/model/ports.ts portUsage on random fabrics.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../src/catalog/index.js';
import { resolveLinkEnds } from '../../src/format/check-context.js';
import { countPorts, validateDocument } from '../../src/format/index.js';
import { portUsage } from '../../src/model/ports.js';
import type { FabricDocument, FabricLink, FabricNode, Medium } from '../../src/model/types.js';
import { arbFabricDocument } from '../support/arbitraries.js';

function doc(nodes: FabricNode[], links: FabricLink[]): FabricDocument {
  return { name: 'ports', sites: [], racks: [], nodes, links };
}

/** n parallel links a-b of `gbps`, optionally through `via`. */
function links(n: number, a: string, b: string, gbps: number, medium: Medium = 'smf', via?: string[]): FabricLink[] {
  return Array.from({ length: n }, (_, i) => ({ id: `l${i}`, a, b, gbps, lengthM: 10, medium, ...(via ? { via } : {}) }));
}

const sw = (id: string, model: string): FabricNode => ({ id, kind: 'switch', model });
const gpu = (id: string, model = 'nvidia-h100-sxm'): FabricNode => ({ id, kind: 'accelerator', model });

function overUse(d: FabricDocument) {
  return validateDocument(d).filter((p) => p.code === 'ports-over-used').map((p) => [p.path, p.message]);
}

describe('ports-over-used at the limit', () => {
  it('QM9700: 64 x 400G ports; a 200G link takes half a port (breakout 2)', () => {
    // 128 links of 200 Gbps = 64 ports exactly on both switches.
    expect(overUse(doc([sw('a', 'nvidia-qm9700'), sw('b', 'nvidia-qm9700')], links(128, 'a', 'b', 200)))).toEqual([]);
    const over = overUse(doc([sw('a', 'nvidia-qm9700'), sw('b', 'nvidia-qm9700')], links(129, 'a', 'b', 200)));
    expect(over.map(([p]) => p)).toEqual(['nodes[0]', 'nodes[1]']);
    expect(over[0][1]).toContain('uses 64.5 of its 64 switch ports (129 links: "l0" (links[0]),');
    expect(over[0][1]).toContain('and 121 more');
    expect(over[0][1]).toContain('links worth 0.5 port');
  });

  it('Tomahawk 5: 64 x 800G, breakout 4, so a 100G link still takes a quarter port', () => {
    const d = (n: number) => doc([sw('a', 'broadcom-th5'), sw('b', 'broadcom-th6')], links(n, 'a', 'b', 100));
    expect(overUse(d(256))).toEqual([]); // 256 x 1/4 = 64 on TH5; 256 x 1/4 = 64 of 128 on TH6
    expect(overUse(d(257)).map(([p]) => p)).toEqual(['nodes[0]']);
  });

  it('an 800G link on 400G ports takes 2 of them', () => {
    expect(overUse(doc([sw('a', 'nvidia-qm9700'), sw('b', 'nvidia-qm9700')], links(32, 'a', 'b', 800)))).toEqual([]);
    expect(overUse(doc([sw('a', 'nvidia-qm9700'), sw('b', 'nvidia-qm9700')], links(33, 'a', 'b', 800)))[0][1])
      .toContain('uses 66 of its 64');
  });

  it('H100: one 3,600 Gbps NVLink bundle uses all 18 scale-up ports (18 x 200 Gbps); NIC ports are separate', () => {
    const nodes = [gpu('g'), sw('nv', 'nvidia-nvswitch-gen3'), sw('leaf', 'nvidia-qm9700')];
    const ok = [...links(1, 'g', 'nv', 3600, 'scale-up'), { ...links(1, 'g', 'leaf', 400)[0], id: 'nic' }];
    expect(overUse(doc(nodes, ok))).toEqual([]);
    const extra = [...ok, { ...links(1, 'g', 'nv', 200, 'scale-up')[0], id: 'extra' }];
    const over = overUse(doc(nodes, extra));
    expect(over).toHaveLength(1);
    expect(over[0][0]).toBe('nodes[0]');
    expect(over[0][1]).toContain('uses 19 of its 18 scale-up ports');
  });

  it('a circuit through an OCS takes 2 of its ports (in and out), through a patch panel 1', () => {
    const nodes = [sw('a', 'broadcom-th6'), sw('b', 'broadcom-th6'), { id: 'o', kind: 'ocs', model: 'ocs-mems-136' } as FabricNode,
      { id: 'p', kind: 'patch-panel', model: 'patch-panel-lc-96' } as FabricNode];
    expect(overUse(doc(nodes, links(68, 'a', 'b', 800, 'smf', ['o'])))).toEqual([]); // 68 x 2 = 136
    expect(overUse(doc(nodes, links(69, 'a', 'b', 800, 'smf', ['o'])))[0][1]).toContain('uses 138 of its 136 OCS ports');
    expect(overUse(doc(nodes, links(96, 'a', 'b', 800, 'smf', ['p'])))).toEqual([]);
    expect(overUse(doc(nodes, links(97, 'a', 'b', 800, 'smf', ['p'])))[0][1]).toContain('uses 97 of its 96 patch-panel ports');
  });

  it('TPU v4 has no NIC ports: any scale-out link is reported with a fix that says so', () => {
    const over = overUse(doc([gpu('t', 'google-tpu-v4'), sw('leaf', 'nvidia-qm9700')], links(1, 't', 'leaf', 100)));
    expect(over[0][1]).toContain('this model has no NIC (scale-out) ports');
  });

  it('catalog overrides change the limit (a 32-port QM9700)', () => {
    const d = doc([sw('a', 'nvidia-qm9700'), sw('b', 'nvidia-qm9700')], links(40, 'a', 'b', 400));
    expect(overUse(d)).toEqual([]);
    expect(overUse({ ...d, catalogOverrides: { 'nvidia-qm9700': { ports: 32 } } })[0][1]).toContain('uses 40 of its 32');
  });
});

describe('countPorts agrees with ports.portUsage', () => {
  it('on random valid fabrics', () => {
    fc.assert(fc.property(arbFabricDocument({ maxServers: 6, maxSwitches: 6 }), (d) => {
      const nodeIndex = new Map(d.nodes.map((n, i) => [n.id, i]));
      const device = d.nodes.map((n) => DEFAULT_CATALOG.get(n.model));
      const ledger = countPorts({ nodes: d.nodes, links: d.links, nodeIndex, device, ...resolveLinkEnds(d.links, nodeIndex) });
      const reference = portUsage(d.nodes, d.links, DEFAULT_CATALOG);
      d.nodes.forEach((n, i) => {
        const uses = reference.get(n.id) ?? [];
        const scaleUp = uses.find((u) => u.pool === 'scale-up');
        const main = uses.find((u) => u.pool !== 'scale-up');
        expect(ledger.scaleUpUsed[i]).toBeCloseTo(scaleUp?.used ?? 0, 12);
        expect(ledger.used[i]).toBeCloseTo(main?.used ?? 0, 12);
        if (main) expect(ledger.ports[i]).toBe(main.ports);
        if (main) expect(ledger.pool[i]).toBe(main.pool);
      });
    }), { numRuns: 200 });
  });
});
