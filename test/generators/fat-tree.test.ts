import { describe, expect, it } from 'vitest';
import { generateFatTree } from '../../src/generators/index.js';
import { GeneratorParamError } from '../../src/model/errors.js';
import { portUsage } from '../../src/model/ports.js';
import { DEFAULT_CATALOG } from '../../src/catalog/index.js';
import { acceleratorDistances, kinds, linkTiers, nodeTiers, structuralProblems } from './support.js';

describe('generateFatTree', () => {
  for (const k of [4, 8, 16]) {
    it(`k=${k}: counts match the Al-Fares closed forms`, () => {
      const doc = generateFatTree({ k });
      expect(kinds(doc)).toEqual({ accelerator: k ** 3 / 4, switch: (5 * k * k) / 4 });
      expect(nodeTiers(doc)).toEqual({ '(none)': k ** 3 / 4, core: (k / 2) ** 2, aggregation: (k * k) / 2, edge: (k * k) / 2 });
      expect(doc.links.length).toBe((3 * k ** 3) / 4);
      expect(linkTiers(doc)).toEqual({ host: k ** 3 / 4, 'edge-aggregation': k ** 3 / 4, 'aggregation-core': k ** 3 / 4 });
      expect(doc.links.every((l) => l.gbps === 400)).toBe(true);
      expect(structuralProblems(doc)).toEqual([]);
      // Every switch uses exactly k links (never over its radix).
      const deg = new Map<string, number>();
      for (const l of doc.links) for (const e of [l.a, l.b]) deg.set(e, (deg.get(e) ?? 0) + 1);
      for (const n of doc.nodes) expect(deg.get(n.id)).toBe(n.kind === 'switch' ? k : 1);
    });
  }

  it('hop statistics equal the closed forms (82/15 at k=4, 726/127 at k=8), diameter 6', () => {
    const d4 = acceleratorDistances(generateFatTree({ k: 4 }));
    expect(d4.diameter).toBe(6);
    expect(d4.mean).toBeCloseTo(82 / 15, 12);
    const d8 = acceleratorDistances(generateFatTree({ k: 8 }));
    expect(d8.diameter).toBe(6);
    expect(d8.mean).toBeCloseTo(726 / 127, 12);
  });

  it('wires aggregation j of every pod to core group j', () => {
    const doc = generateFatTree({ k: 4 });
    const cores = doc.links.filter((l) => l.tier === 'aggregation-core').map((l) => `${l.a}>${l.b}`);
    expect(cores.filter((c) => c.startsWith('agg-2-1>'))).toEqual(['agg-2-1>core-1-0', 'agg-2-1>core-1-1']);
  });

  it('ports used per switch stay within the chosen model', () => {
    const doc = generateFatTree({ k: 16, gbps: 400 });
    const model = DEFAULT_CATALOG.switchModel(doc.nodes.find((n) => n.kind === 'switch')!.model)!;
    for (const [, uses] of portUsage(doc.nodes, doc.links, DEFAULT_CATALOG)) {
      for (const u of uses) if (u.pool === 'switch') expect(u.used).toBeLessThanOrEqual(model.ports);
    }
  });

  it('records its parameters and is deterministic', () => {
    const a = generateFatTree({ k: 8 });
    expect(a.generator).toEqual({ family: 'fat-tree', params: { gbps: 400, accelerator: 'nvidia-h100-sxm', switch: 'auto', k: 8 } });
    expect(JSON.stringify(generateFatTree({ k: 8 }))).toBe(JSON.stringify(a));
  });

  it('rejects impossible parameters with the parameter named', () => {
    expect(() => generateFatTree({ k: 5 })).toThrow(GeneratorParamError);
    expect(() => generateFatTree({ k: 5 })).toThrow(/--k: .*even/);
    expect(() => generateFatTree({ k: 0 })).toThrow(/--k/);
    expect(() => generateFatTree({ k: 4, gbps: 800 })).toThrow(/--gbps: nvidia-h100-sxm has 1 NIC port/);
    expect(() => generateFatTree({ k: 4, accelerator: 'nope' })).toThrow(/--accelerator: unknown accelerator/);
    expect(() => generateFatTree({ k: 300 })).toThrow(/--k: k=300 gives/);
    expect(() => generateFatTree({ k: 150, gbps: 800, accelerator: 'nvidia-gb200' })).toThrow(/NIC/);
    expect(() => generateFatTree({ k: 66, switch: 'nvidia-qm9700' })).toThrow(/--switch: nvidia-qm9700 terminates 64 links/);
  });
});
