import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellTypes } from '../../../src/metrics/graph/cell-types.js';
import { cellGraphs, shellGraph } from '../../../src/metrics/graph/shell-graph.js';
import { buildSimpleGraph, reverseArcs, simpleGraphOf } from '../../../src/metrics/graph/simple.js';
import { buildZoneTree, shellIndex } from '../../../src/metrics/graph/zones.js';
import { DocBuilder } from '../throughput/fabrics.js';
import { buildStructured, structuredFabric } from '../throughput/structured.js';

/** Two leaf groups of `servers` servers with 2 accelerators on an NVSwitch each, rails to 2 leaves, 2 spines. */
function pod(servers: number) {
  const b = new DocBuilder();
  b.sw('sp0');
  b.sw('sp1');
  for (let gr = 0; gr < 2; gr++) {
    for (let r = 0; r < 2; r++) {
      b.sw(`lf${gr}${r}`);
      b.link(`lf${gr}${r}`, 'sp0');
      b.link(`lf${gr}${r}`, 'sp1');
    }
    for (let s = 0; s < servers; s++) {
      b.sw(`nv${gr}${s}`);
      for (let r = 0; r < 2; r++) {
        b.acc(`g${gr}${s}${r}`);
        b.link(`g${gr}${s}${r}`, `nv${gr}${s}`, 3600, { medium: 'scale-up' });
        b.link(`g${gr}${s}${r}`, `lf${gr}${r}`);
      }
    }
  }
  return b.ctx().compiled;
}

describe('simple graph: arcs keep their links and reverse arcs', () => {
  it('every kept link sits on exactly the two arcs joining its ends; masked links on none', () => {
    fc.assert(
      fc.property(structuredFabric(), fc.array(fc.boolean(), { minLength: 300, maxLength: 300 }), (f, maskBits) => {
        const c = buildStructured(f).ctx().compiled;
        const mask = Uint8Array.from({ length: c.m }, (_, e) => (maskBits[e % 300] ? 1 : 0));
        const g = buildSimpleGraph(c, { linkMask: mask });
        const seen = new Int32Array(c.m);
        for (let u = 0; u < g.n; u++) {
          for (let a = g.offsets[u]; a < g.offsets[u + 1]; a++) {
            let gbps = 0;
            for (let i = g.linkStart[a]; i < g.linkStart[a + 1]; i++) {
              const e = g.arcLinks[i];
              seen[e]++;
              const ends = [c.linkA[e], c.linkB[e]].sort();
              expect(ends).toEqual([u, g.neighbors[a]].sort());
              gbps += c.linkGbps[e];
            }
            expect(gbps).toBe(g.capacityGbps[a]);
            expect(g.neighbors[g.reverse[a]]).toBe(u);
          }
        }
        for (let e = 0; e < c.m; e++) expect(seen[e]).toBe(mask[e] && c.linkA[e] !== c.linkB[e] ? 2 : 0);
        expect(Array.from(g.reverse)).toEqual(Array.from(reverseArcs(g)));
      }),
      { numRuns: 60 },
    );
  });
});

describe('zone tree', () => {
  it('rail pod: cells are servers (accelerators and their NVSwitch), leaf groups are zones, spines their boundary', () => {
    const c = pod(3);
    const g = simpleGraphOf(c);
    const tree = buildZoneTree(g, c.accelerators)!;
    const id = (v: number) => c.nodeIds[v];
    expect(tree.cells).toHaveLength(6);
    for (const cell of tree.cells) {
      expect(Array.from(cell.nodes, id).sort()).toEqual([...Array.from(cell.endpoints, id), Array.from(cell.nodes, id).find((x) => x.startsWith('nv'))!].sort());
      expect(cell.endpoints).toHaveLength(2);
      expect(Array.from(cell.boundary, id).every((x) => x.startsWith('lf'))).toBe(true);
    }
    // Level 1: the two leaf groups; level 2 (the root, everything) holds them.
    const root = tree.zones[tree.root];
    expect(root.nodes.length).toBe(c.n);
    expect(root.boundary.length).toBe(0);
    expect(root.childZones).toHaveLength(2);
    for (const z of root.childZones) {
      const zone = tree.zones[z];
      expect(zone.level).toBe(1);
      expect(Array.from(zone.boundary, id)).toEqual(['sp0', 'sp1']);
      expect(zone.childCells).toHaveLength(3);
      for (let i = 0; i < zone.nodes.length; i++) expect(shellIndex(tree, z, zone.nodes[i])).toBe(i);
      expect(shellIndex(tree, z, c.nodeIndex.get('sp1')!)).toBe(zone.nodes.length + 1);
    }
  });

  it('a zone with a single child zone is merged into its parent (no zone without sharing)', () => {
    // One leaf group under its spines: the leaf group would be the root's only child.
    const b = new DocBuilder();
    b.sw('sp');
    b.sw('lf');
    b.link('lf', 'sp');
    for (let i = 0; i < 3; i++) {
      b.acc(`h${i}`);
      b.link(`h${i}`, 'lf');
    }
    const c = b.ctx().compiled;
    const tree = buildZoneTree(simpleGraphOf(c), c.accelerators)!;
    expect(tree.zones).toHaveLength(1);
    expect(tree.zones[0].childCells).toHaveLength(3);
  });

  it('no zones: fewer than two cells, or endpoints in separate components', () => {
    const one = new DocBuilder();
    one.acc('a');
    one.acc('b');
    one.link('a', 'b');
    expect(buildZoneTree(simpleGraphOf(one.ctx().compiled), one.ctx().compiled.accelerators)).toBeNull();
    const split = new DocBuilder();
    for (const x of ['a', 'b']) {
      split.acc(x);
      split.sw(`s${x}`);
      split.link(x, `s${x}`);
    }
    const c = split.ctx().compiled;
    expect(buildZoneTree(simpleGraphOf(c), c.accelerators)).toBeNull();
  });

  it('random pod-shaped fabrics: cells, zones and boundaries are consistent', () => {
    fc.assert(
      fc.property(structuredFabric(), (f) => {
        const c = buildStructured(f).ctx().compiled;
        const g = simpleGraphOf(c);
        const tree = buildZoneTree(g, c.accelerators);
        if (!tree) return;
        for (const v of c.accelerators) expect(tree.cellOf[v]).toBeGreaterThanOrEqual(0);
        tree.zones.forEach((zone, z) => {
          const inZone = new Set(zone.nodes);
          // The boundary is exactly the outside neighbours.
          const outside = new Set<number>();
          for (const u of zone.nodes) for (let a = g.offsets[u]; a < g.offsets[u + 1]; a++) if (!inZone.has(g.neighbors[a])) outside.add(g.neighbors[a]);
          expect(Array.from(zone.boundary)).toEqual([...outside].sort((x, y) => x - y));
          // Children lie inside and apart.
          const taken = new Set<number>();
          for (const cz of zone.childZones) for (const v of tree.zones[cz].nodes) {
            expect(inZone.has(v)).toBe(true);
            expect(taken.has(v)).toBe(false);
            taken.add(v);
          }
          for (const ci of zone.childCells) for (const v of tree.cells[ci].nodes) expect(inZone.has(v)).toBe(true);
          // The shell graph holds the arcs among shell nodes and no others.
          const sg = shellGraph(g, tree, z);
          const shell = new Set(sg.nodes);
          let arcs = 0;
          for (const v of sg.nodes) for (let a = g.offsets[v]; a < g.offsets[v + 1]; a++) if (shell.has(g.neighbors[a])) arcs++;
          expect(sg.to.length).toBe(arcs);
          for (let x = 0; x < sg.nodes.length; x++) {
            for (let e = sg.start[x]; e < sg.start[x + 1]; e++) expect(g.neighbors[sg.arc[e]]).toBe(sg.nodes[sg.to[e]]);
          }
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('cell types', () => {
  it('identical servers share a type; a server wired differently does not', () => {
    const b = new DocBuilder();
    b.sw('lf0');
    b.sw('lf1');
    b.sw('sp');
    b.link('lf0', 'sp');
    b.link('lf1', 'sp');
    for (let s = 0; s < 3; s++) {
      b.sw(`nv${s}`);
      for (let r = 0; r < 2; r++) {
        b.acc(`g${s}${r}`);
        b.link(`g${s}${r}`, `nv${s}`, 3600, { medium: 'scale-up' });
        // Server 2 has its rails crossed.
        b.link(`g${s}${r}`, `lf${s === 2 ? 1 - r : r}`);
      }
    }
    const c = b.ctx().compiled;
    const g = simpleGraphOf(c);
    const tree = buildZoneTree(g, c.accelerators)!;
    const types = cellTypes(tree, cellGraphs(g, tree));
    const typeOf = (acc: string) => types.typeOfCell[tree.cellOf[c.nodeIndex.get(acc)!]];
    expect(typeOf('g00')).toBe(typeOf('g10'));
    expect(typeOf('g00')).not.toBe(typeOf('g20'));
    const zoneTypes = types.byZone[tree.cells[tree.cellOf[c.nodeIndex.get('g00')!]].zone]!;
    expect(zoneTypes.map((t) => t.length).sort()).toEqual([1, 2]);
  });
});
