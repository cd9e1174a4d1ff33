import { describe, expect, it } from 'vitest';
import { compileFabric, KIND_ACCELERATOR } from '../../src/compile/compile.js';
import { fabricFromDocument, fabricToDocument } from '../../src/model/fabric.js';
import type { FabricDocument } from '../../src/model/types.js';

const doc: FabricDocument = {
  name: 'tiny',
  sites: [{ id: 'dc', kind: 'datacenter' }],
  racks: [{ id: 'r1', site: 'dc', xM: 0, yM: 0, powerLimitKw: 40, cooling: 'air' }],
  nodes: [
    { id: 'g0', kind: 'accelerator', model: 'nvidia-h100-sxm', rack: 'r1' },
    { id: 'g1', kind: 'accelerator', model: 'nvidia-h100-sxm', rack: 'r1' },
    { id: 'leaf', kind: 'switch', model: 'nvidia-qm9700', rack: 'r1' },
  ],
  links: [
    { id: 'l0', a: 'g0', b: 'leaf', gbps: 400, lengthM: 2, medium: 'copper', transceiver: 'dac-400g' },
    { id: 'l1', a: 'g1', b: 'leaf', gbps: 400, lengthM: 2, medium: 'copper', transceiver: 'dac-400g' },
    { id: 'l2', a: 'g1', b: 'leaf', gbps: 400, lengthM: 3, medium: 'copper' },
  ],
};

describe('compileFabric', () => {
  it('matches the graph: every half-edge is a link end, degrees agree', () => {
    const fabric = fabricFromDocument(doc);
    const c = compileFabric(fabric);
    expect(c.n).toBe(fabric.graph.order);
    expect(c.m).toBe(fabric.graph.size);
    expect([...c.accelerators].map((i) => c.nodeIds[i])).toEqual(['g0', 'g1']);
    for (let u = 0; u < c.n; u++) {
      expect(c.nodeKind[u] === KIND_ACCELERATOR).toBe(fabric.graph.getNodeAttribute(c.nodeIds[u], 'kind') === 'accelerator');
      expect(c.offsets[u + 1] - c.offsets[u]).toBe(fabric.graph.degree(c.nodeIds[u]));
      const fromCsr = [];
      for (let h = c.offsets[u]; h < c.offsets[u + 1]; h++) fromCsr.push(c.linkIds[c.halfEdgeLink[h]] + '>' + c.nodeIds[c.neighbors[h]]);
      const fromGraph = fabric.graph.edges(c.nodeIds[u]).map((e) => e + '>' + fabric.graph.opposite(c.nodeIds[u], e));
      expect(fromCsr.sort()).toEqual(fromGraph.sort());
    }
    expect(Array.from(c.linkGbps)).toEqual([400, 400, 400]);
    expect(Array.from(c.linkLengthM)).toEqual([2, 2, 3]);
  });

  it('round-trips document -> graph -> document', () => {
    expect(fabricToDocument(fabricFromDocument(doc))).toEqual(doc);
  });
});
