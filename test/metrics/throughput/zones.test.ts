import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledFabric } from '../../../src/compile/compile.js';
import { generate, generateFatTree, generateNationalCenter, generateRailOptimized } from '../../../src/generators/index.js';
import { createEvalContext } from '../../../src/metrics/context.js';
import { arcTails, buildSimpleGraph, type SimpleGraph } from '../../../src/metrics/graph/simple.js';
import { ecmpAllToAllLoads, type EcmpLoads } from '../../../src/metrics/throughput/ecmp-loads.js';
import { PairDag } from '../../../src/metrics/throughput/pair-dag.js';
import { patternRate, randomCyclicPermutation, ringFlows, ringSequence } from '../../../src/metrics/throughput/pattern-rate.js';
import { zonePatternLoads } from '../../../src/metrics/throughput/zone-flows.js';
import { planZoneRouting, zonePlanOf } from '../../../src/metrics/throughput/zone-plan.js';
import { buildZoneTree } from '../../../src/metrics/graph/zones.js';
import { createRng } from '../../../src/model/random.js';
import { DocBuilder, fatTree, leafSpine, torus } from './fabrics.js';
import { buildRandom, randomFabric } from './reference.js';
import { buildStructured, structuredFabric } from './structured.js';

/** Zones against the plain per-destination sweep: every arc load, the hop sum and the disconnected pairs. */
function compareWithPlain(c: CompiledFabric): { zoned: EcmpLoads; g: SimpleGraph } {
  const g = buildSimpleGraph(c);
  const zoned = ecmpAllToAllLoads(g, c.accelerators, { strategy: 'zones' });
  const plain = ecmpAllToAllLoads(g, c.accelerators, { strategy: 'plain' });
  expect(zoned.method).toBe('exact');
  expect(plain.strategy).toBe('twins');
  let max = 0;
  for (const x of plain.arcLoad) max = Math.max(max, x);
  let worst = 0;
  for (let a = 0; a < plain.arcLoad.length; a++) worst = Math.max(worst, Math.abs(zoned.arcLoad[a] - plain.arcLoad[a]));
  expect(worst).toBeLessThanOrEqual(1e-12 * Math.max(1, max));
  expect(zoned.hopSum).toBe(plain.hopSum);
  expect(zoned.disconnectedPairs).toBe(plain.disconnectedPairs);
  return { zoned, g };
}

/** Zone routing of single flows against one bidirectional pair DAG per flow: every arc load and every hop count. */
function compareFlows(c: CompiledFabric, g: SimpleGraph, src: Int32Array, dst: Int32Array): number {
  const viaZones = new Float64Array(g.neighbors.length);
  const viaPairs = new Float64Array(g.neighbors.length);
  const plan = zonePlanOf(g, c.accelerators);
  const r = plan ? zonePatternLoads(g, plan, c.accelerators, src, dst, viaZones) : null;
  const dag = new PairDag(g);
  let routed = 0;
  for (let i = 0; i < src.length; i++) {
    const h = dag.build(src[i], dst[i]);
    dag.addFlow(1, viaPairs);
    if (r && r.routed[i]) {
      routed++;
      expect(r.hops[i]).toBe(h);
    } else if (h >= 0) dag.addFlow(1, viaZones);
  }
  let max = 0;
  for (const x of viaPairs) max = Math.max(max, x);
  for (let a = 0; a < viaPairs.length; a++) expect(Math.abs(viaZones[a] - viaPairs[a])).toBeLessThanOrEqual(1e-12 * Math.max(1, max));
  return routed;
}

describe('exact ECMP by nested zones equals the plain per-destination sweep', () => {
  it.each([
    ['packet spine, 2,000 accelerators', { accelerators: 2000 }],
    ['OCS spine, 2,000 accelerators', { accelerators: 2000, spine: 'ocs' as const }],
    ['packet spine, core oversubscription 2', { accelerators: 2000, coreOversubscription: 2 }],
    ['packet spine, 4,000 accelerators', { accelerators: 4000 }],
  ])('national centre, %s: every destination certified, loads equal', (_, params) => {
    const c = createEvalContext(generateNationalCenter(params)).compiled;
    const { zoned } = compareWithPlain(c);
    expect(zoned.strategy).toBe('zones');
    expect(zoned.zones!.certified).toBe(c.accelerators.length);
    expect(zoned.zones!.plainSweeps).toBe(0);
    // Far fewer sweeps than destinations: that is the point.
    expect(zoned.zones!.classes).toBeLessThan(c.accelerators.length / 10);
  });

  it.each([
    ['rail-optimized, 2 SUs with NVLink domains', () => generateRailOptimized({ sus: 2 })],
    ['rail-optimized, 1 SU without scale-up', () => generateRailOptimized({ sus: 1, scaleUp: false })],
    ['generated fat-tree k=8', () => generateFatTree({ k: 8 })],
    ['3-tier Clos, 2 pods', () => generate('clos', { leaves: 8, spines: 4, hostsPerLeaf: 4, uplinks: 4, tiers: 3, pods: 2, cores: 2 })],
    ['dragonfly a=4 p=2 h=2', () => generate('dragonfly', { a: 4, p: 2, h: 2 })],
    ['Slim Fly q=5', () => generate('slimfly', { q: 5 })],
  ])('%s: every destination certified, loads equal', (_, make) => {
    const c = createEvalContext(make()).compiled;
    const { zoned } = compareWithPlain(c);
    expect(zoned.zones!.certified).toBe(c.accelerators.length);
  });

  it.each([
    ['fat-tree k=4', () => fatTree(4)],
    ['fat-tree k=6', () => fatTree(6)],
    ['leaf-spine 6 x 3, 4 hosts per leaf, 2 parallel uplinks', () => leafSpine(6, 3, 4, 2)],
  ])('hand-built %s: loads equal', (_, make) => {
    const c = make().ctx().compiled;
    const { zoned } = compareWithPlain(c);
    expect(zoned.zones!.certified).toBe(c.accelerators.length);
  });

  it('a torus has no zones (every node an accelerator: one cell): the plain sweep runs', () => {
    const c = torus([4, 4]).ctx().compiled;
    const g = buildSimpleGraph(c);
    expect(buildZoneTree(g, c.accelerators)).toBeNull();
    const r = ecmpAllToAllLoads(g, c.accelerators);
    expect(r.strategy).toBe('twins');
  });

  it('random pod-shaped fabrics: equal loads; both certified and uncertified destinations occur', () => {
    let certified = 0;
    let plainSwept = 0;
    fc.assert(
      fc.property(structuredFabric(), (f) => {
        const c = buildStructured(f).ctx().compiled;
        const { zoned } = compareWithPlain(c);
        if (zoned.zones) {
          certified += zoned.zones.certified;
          plainSwept += c.accelerators.length - zoned.zones.certified;
        }
      }),
      { numRuns: 200 },
    );
    expect(certified).toBeGreaterThan(0);
    expect(plainSwept).toBeGreaterThan(0);
  });

  it('random small graphs: equal loads (zones mostly fail their checks here and fall back)', () => {
    fc.assert(
      fc.property(randomFabric(10), (f) => {
        compareWithPlain(buildRandom(f).ctx().compiled);
      }),
      { numRuns: 200 },
    );
  });
});

describe('zone routing of single flows equals one pair DAG per flow', () => {
  it('national centre (2,000): a random permutation, the ring and strided rings', () => {
    const ctx = createEvalContext(generateNationalCenter({ accelerators: 2000 }));
    const c = ctx.compiled;
    const g = buildSimpleGraph(c);
    const perm = randomCyclicPermutation(c.accelerators, createRng(3));
    expect(compareFlows(c, g, perm.src, perm.dst)).toBe(c.accelerators.length);
    const seq = ringSequence(ctx.doc, c, c.accelerators, 'server');
    for (const stride of [1, 3, 8, 41]) {
      const dst = Int32Array.from(seq, (_, i) => seq[(i + stride) % seq.length]);
      expect(compareFlows(c, g, seq, dst)).toBe(seq.length);
    }
  });

  it('random pod-shaped fabrics with random flows (sources anywhere, repeats, self-flows)', () => {
    fc.assert(
      fc.property(structuredFabric(), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 30 }), (f, pairs) => {
        const c = buildStructured(f).ctx().compiled;
        const g = buildSimpleGraph(c);
        const acc = c.accelerators;
        // Sources may be any node (switches too); destinations are accelerators.
        const src = Int32Array.from(pairs, ([x]) => x % c.n);
        const dst = Int32Array.from(pairs, ([, y]) => acc[y % acc.length]);
        compareFlows(c, g, src, dst);
      }),
      { numRuns: 150 },
    );
  });

  it('patternRate gives the same figures with and without the zones', () => {
    const ctx = createEvalContext(generateNationalCenter({ accelerators: 2000 }));
    const c = ctx.compiled;
    const g = buildSimpleGraph(c);
    const ring = ringFlows(ringSequence(ctx.doc, c, c.accelerators, 'server'));
    const perm = randomCyclicPermutation(c.accelerators, createRng(5));
    for (const { src, dst } of [ring, perm]) {
      const a = patternRate(c, g, src, dst, undefined, 5, 'auto');
      const b = patternRate(c, g, src, dst, undefined, 5, 'pairs');
      expect(a.rateGbps).toBeCloseTo(b.rateGbps, 9);
      expect(a.meanHops).toBe(b.meanHops);
      expect(a.maxHops).toBe(b.maxHops);
      expect(a.bindingArcs).toBe(b.bindingArcs);
      expect(a.bottlenecks.map((x) => x.linkIds)).toEqual(b.bottlenecks.map((x) => x.linkIds));
    }
  });
});

describe('zone plan', () => {
  it('national centre: cells are servers, classes per rail, one class at the top', () => {
    const c = createEvalContext(generateNationalCenter({ accelerators: 2000 })).compiled;
    const g = buildSimpleGraph(c);
    const tree = buildZoneTree(g, c.accelerators)!;
    // Every accelerator is in a cell; cells are whole servers (an NVLink domain with its switch, or a mesh).
    for (const v of c.accelerators) expect(tree.cellOf[v]).toBeGreaterThanOrEqual(0);
    const plan = planZoneRouting(g, tree, c.accelerators);
    expect(plan.fallback).toEqual([]);
    const roots = plan.classes.filter((k) => k.alive && k.parent < 0);
    expect(roots).toHaveLength(1);
    expect(roots[0].count).toBe(c.accelerators.length);
    // Identical servers of a zone collapse into one type: fewer types than cells.
    let types = 0;
    for (const t of plan.types.byZone) if (t) types += t.length;
    expect(types).toBeLessThan(tree.cells.length / 5);
  });

  it('alike zones share one potential search; each DAG arc is its own zone\'s arc from tail to head', () => {
    const c = createEvalContext(generateNationalCenter({ accelerators: 2000 })).compiled;
    const g = buildSimpleGraph(c);
    const plan = planZoneRouting(g, buildZoneTree(g, c.accelerators)!, c.accelerators);
    const tails = arcTails(g);
    const shared = new Set<Int32Array>();
    const distinct = new Set<Int32Array>();
    plan.dags.forEach((dag, k) => {
      const nodes = plan.shells[plan.classes[k].zone]!.graph.nodes;
      if (distinct.has(dag.to)) shared.add(dag.to);
      distinct.add(dag.to);
      for (let x = 0; x < dag.size; x++) {
        for (let e = dag.start[x]; e < dag.start[x + 1]; e++) {
          expect(tails[dag.arc[e]]).toBe(nodes[x]);
          expect(g.neighbors[dag.arc[e]]).toBe(nodes[dag.to[e]]);
        }
      }
    });
    // Rail groups of identical pods repeat the same search: far fewer searches than classes.
    expect(shared.size).toBeGreaterThan(0);
    expect(distinct.size).toBeLessThan(new Set(plan.dags).size / 2);
  });

  it('the class potential is the true distance: hop counts of certified flows match BFS (checked in compareFlows)', () => {
    const c = fatTree(4).ctx().compiled;
    const g = buildSimpleGraph(c);
    const acc = c.accelerators;
    const src = Int32Array.from(acc, (_, i) => acc[(i * 7) % acc.length]);
    expect(compareFlows(c, g, src, acc)).toBeGreaterThan(0);
  });
});

describe('zone checks that refuse a class (its destinations are then swept plainly, and the loads stay exact)', () => {
  /**
   * Two chains of switches S1..Sn and T1..Tn, each switch with one accelerator; spine b' joins S1 and T1, spine b
   * joins Sn and Tn, and a core o joins b and b'. The chains are the level-1 zones; from g1 (on S1) the spine b is
   * n + 1 hops away inside its zone, but b' -> o -> b takes 2 + 2.
   */
  const chains = (n: number) => {
    const b = new DocBuilder();
    for (const side of ['S', 'T']) {
      for (let i = 1; i <= n; i++) {
        b.sw(`${side}${i}`);
        b.acc(`${side === 'S' ? 'g' : 'h'}${i}`);
        b.link(`${side === 'S' ? 'g' : 'h'}${i}`, `${side}${i}`);
        if (i > 1) b.link(`${side}${i - 1}`, `${side}${i}`);
      }
    }
    b.sw('bp');
    b.sw('b');
    b.sw('o');
    b.link('bp', 'S1');
    b.link('bp', 'T1');
    b.link('b', `S${n}`);
    b.link('b', `T${n}`);
    b.link('o', 'b');
    b.link('o', 'bp');
    return b;
  };
  const uncertified = (c: CompiledFabric) => {
    const plan = zonePlanOf(buildSimpleGraph(c), c.accelerators)!;
    return plan.fallback.map((i) => c.nodeIds[c.accelerators[i]]).sort();
  };

  it('a zone boundary closer from outside than inside (the seed is undercut): g1 and g4 refused', () => {
    const c = chains(4).ctx().compiled;
    expect(uncertified(c)).toEqual(['g1', 'g4', 'h1', 'h4']);
    compareWithPlain(c);
  });

  it('a boundary node that also routes out of the zone (it does not absorb): g1 and g3 refused', () => {
    // n = 3: from g1, b is 4 hops inside and 4 via b' and o; ECMP at b splits both ways, out of g1's zone.
    const c = chains(3).ctx().compiled;
    expect(uncertified(c)).toEqual(['g1', 'g3', 'h1', 'h3']);
    compareWithPlain(c);
  });
});
