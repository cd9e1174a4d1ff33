import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxFlowValue } from '../../../src/metrics/graph/maxflow.js';
import { findCutPoints } from '../../../src/metrics/resilience/cut-points.js';
import { acceleratorEdgeConnectivity } from '../../../src/metrics/resilience/edge-connectivity.js';
import { deviceLinks, FailureImpact } from '../../../src/metrics/resilience/failure-impact.js';
import { countShortestPaths } from '../../../src/metrics/resilience/path-diversity.js';
import { computeResilience } from '../../../src/metrics/resilience/resilience.js';
import { buildSimpleGraph } from '../../../src/metrics/graph/simple.js';
import type { CompiledFabric } from '../../../src/compile/compile.js';
import { KIND_ACCELERATOR } from '../../../src/compile/compile.js';
import { createRng } from '../../../src/model/random.js';
import { DocBuilder, fatTree, hypercube, leafSpine, torus } from '../throughput/fabrics.js';
import { buildRandom, randomFabric } from '../throughput/reference.js';

/** Accelerators cut off when the given links and nodes are gone, by plain BFS (the definition). */
function bruteCutOff(c: CompiledFabric, deadLinks: Set<number>, deadNodes: Set<number>): number {
  const comp = (skipLinks: Set<number>, skipNodes: Set<number>) => {
    const id = new Int32Array(c.n).fill(-1);
    for (let r = 0; r < c.n; r++) {
      if (id[r] >= 0 || skipNodes.has(r)) continue;
      id[r] = r;
      const q = [r];
      for (let i = 0; i < q.length; i++) {
        for (let h = c.offsets[q[i]]; h < c.offsets[q[i] + 1]; h++) {
          const w = c.neighbors[h];
          if (skipLinks.has(c.halfEdgeLink[h]) || skipNodes.has(w) || id[w] >= 0) continue;
          id[w] = r;
          q.push(w);
        }
      }
    }
    return id;
  };
  const before = comp(new Set(), new Set());
  const after = comp(deadLinks, deadNodes);
  let cut = 0;
  const roots = new Set(before);
  for (const r of roots) {
    const pieces = new Map<number, number>();
    let total = 0;
    for (let v = 0; v < c.n; v++) {
      if (before[v] !== r || c.nodeKind[v] !== KIND_ACCELERATOR || deadNodes.has(v)) continue;
      total++;
      pieces.set(after[v], (pieces.get(after[v]) ?? 0) + 1);
    }
    cut += total - Math.max(0, ...pieces.values());
  }
  return cut;
}

function componentsOf(c: CompiledFabric): number {
  const seen = new Uint8Array(c.n);
  let k = 0;
  for (let r = 0; r < c.n; r++) {
    if (seen[r]) continue;
    k++;
    seen[r] = 1;
    const q = [r];
    for (let i = 0; i < q.length; i++) for (let h = c.offsets[q[i]]; h < c.offsets[q[i] + 1]; h++) if (!seen[c.neighbors[h]]) seen[c.neighbors[h]] = 1, q.push(c.neighbors[h]);
  }
  return k;
}

describe('equal-cost paths', () => {
  it.each([4, 6, 8])('fat-tree k=%i: 1 under one edge, k/2 inside a pod, (k/2)^2 between pods', (k) => {
    const c = fatTree(k).ctx().compiled;
    const g = buildSimpleGraph(c);
    const at = (id: string) => c.nodeIndex.get(id)!;
    expect(countShortestPaths(g, at('h-0-0-0'), at('h-0-0-1'))).toEqual({ hops: 2, paths: 1 });
    expect(countShortestPaths(g, at('h-0-0-0'), at('h-0-1-0'))).toEqual({ hops: 4, paths: k / 2 });
    expect(countShortestPaths(g, at('h-0-0-0'), at(`h-${k - 1}-1-1`))).toEqual({ hops: 6, paths: (k / 2) ** 2 });
  });

  it('torus 4x4: opposite corners (2,2 apart) have C(4,2) = 6 shortest paths', () => {
    const c = torus([4, 4]).ctx().compiled;
    expect(countShortestPaths(buildSimpleGraph(c), c.nodeIndex.get('t-0-0')!, c.nodeIndex.get('t-2-2')!)).toEqual({ hops: 4, paths: 6 * 4 });
  });
});

describe('bridges and articulation nodes', () => {
  it('hand example: a switch chain with accelerators', () => {
    // a1, a2 - s1 - s2 - s3 - a3 ; s2 also has a4. s1-s2 doubled (parallel: not a bridge).
    const b = new DocBuilder();
    ['a1', 'a2', 'a3', 'a4'].forEach((id) => b.acc(id));
    ['s1', 's2', 's3'].forEach((id) => b.sw(id));
    b.link('a1', 's1', 400, { id: 'x1' });
    b.link('a2', 's1', 400, { id: 'x2' });
    b.link('s1', 's2', 400, { id: 'p1' });
    b.link('s1', 's2', 400, { id: 'p2' });
    b.link('s2', 's3', 400, { id: 'y' });
    b.link('s3', 'a3', 400, { id: 'z' });
    b.link('s2', 'a4', 400, { id: 'w' });
    const c = b.ctx().compiled;
    const cp = findCutPoints(c);
    const bridge = (id: string) => cp.bridgeCutOff[c.linkIds.indexOf(id)];
    expect([bridge('x1'), bridge('x2'), bridge('p1'), bridge('p2'), bridge('y'), bridge('z'), bridge('w')]).toEqual([1, 1, -1, -1, 1, 1, 1]);
    const art = (id: string) => cp.articulationCutOff[c.nodeIndex.get(id)!];
    // s1 down: a1 | a2 | {a3, a4}: largest piece 2, so 2 cut off. s2 down: {a1,a2} | a3 | a4: 2. s3 down: a3.
    expect([art('s1'), art('s2'), art('s3'), art('a1')]).toEqual([2, 2, 1, -1]);
  });

  it('random fabrics: Tarjan agrees with removing each link and each node', () => {
    fc.assert(
      fc.property(randomFabric(10), fc.array(fc.tuple(fc.nat(9), fc.nat(9)), { maxLength: 3 }), (f, cuts) => {
        // Extra isolated pieces: drop a few tree links to also test disconnected fabrics.
        const edges = f.edges.filter((_, i) => !cuts.some(([x]) => x === i));
        const c = buildRandom({ ...f, edges }).ctx().compiled;
        const cp = findCutPoints(c);
        const k = componentsOf(c);
        for (let e = 0; e < c.m; e++) {
          const without = buildRandom({ ...f, edges: edges.filter((_, i) => i !== e) }).ctx().compiled;
          const isBridge = componentsOf(without) > k;
          expect(cp.bridgeCutOff[e] >= 0).toBe(isBridge);
          if (isBridge) expect(cp.bridgeCutOff[e]).toBe(bruteCutOff(c, new Set([e]), new Set()));
        }
        for (let v = 0; v < c.n; v++) {
          const cutOff = bruteCutOff(c, new Set(), new Set([v]));
          if (cp.articulationCutOff[v] >= 0) expect(cp.articulationCutOff[v]).toBe(cutOff);
          else expect(cutOff).toBe(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('FailureImpact matches the brute-force count for random link sets', () => {
    fc.assert(
      fc.property(randomFabric(10), fc.array(fc.nat(), { maxLength: 5 }), (f, dead) => {
        const c = buildRandom(f).ctx().compiled;
        const cp = findCutPoints(c);
        const impact = new FailureImpact(c, cp.component, cp.componentAccelerators);
        const alive = new Uint8Array(c.m).fill(1);
        const set = new Set(dead.map((x) => x % c.m));
        for (const e of set) alive[e] = 0;
        const expected = bruteCutOff(c, set, new Set());
        expect(impact.cutOff(alive)).toBe(expected);
        expect(impact.cutOffAfter(alive, [...set])).toBe(expected);
        expect(impact.cutOffAfter(alive, [...set], 1)).toBe(expected); // search cap hit: the full count runs
      }),
      { numRuns: 200 },
    );
  });
});

describe('edge connectivity between accelerators', () => {
  it.each([3, 4, 5])('hypercube Q%i: n', (n) => {
    const c = hypercube(n).ctx().compiled;
    const r = acceleratorEdgeConnectivity(c, findCutPoints(c), { rng: createRng(1) });
    expect(r.links).toBe(n);
    expect(r.exact).toBe(true);
    expect(r.method).toBe('max-flow');
  });

  it('torus 4x4: 4; fat-tree: 1 (host links are bridges); leaf-spine: 1', () => {
    const conn = (b: DocBuilder) => {
      const c = b.ctx().compiled;
      return acceleratorEdgeConnectivity(c, findCutPoints(c), { rng: createRng(1) });
    };
    expect(conn(torus([4, 4])).links).toBe(4);
    expect(conn(fatTree(4))).toMatchObject({ links: 1, method: 'bridge', exact: true });
    expect(conn(leafSpine(4, 2, 4)).links).toBe(1);
  });

  it('dual-homed accelerators without a bridge: 2 by the degree argument', () => {
    const b = leafSpine(2, 2, 0);
    for (let i = 0; i < 3; i++) {
      b.acc(`d${i}`);
      b.link(`d${i}`, 'lf-0');
      b.link(`d${i}`, 'lf-1');
    }
    const c = b.ctx().compiled;
    expect(acceleratorEdgeConnectivity(c, findCutPoints(c), { rng: createRng(1) })).toMatchObject({ links: 2, method: 'min-degree-2' });
  });

  it('random fabrics: equals the minimum over accelerator pairs of unit-capacity max-flow', () => {
    fc.assert(
      fc.property(randomFabric(9), (f) => {
        const c = buildRandom(f).ctx().compiled;
        const ones = new Float64Array(c.m).fill(1);
        let best = Infinity;
        const acc = c.accelerators;
        for (let i = 0; i < acc.length; i++) for (let j = i + 1; j < acc.length; j++) best = Math.min(best, maxFlowValue(c, acc[i], acc[j], { capacity: ones }));
        const r = acceleratorEdgeConnectivity(c, findCutPoints(c), { rng: createRng(1) });
        expect(r.links).toBe(best);
        expect(r.exact).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('over the work budget: a sampled upper bound, labelled', () => {
    const c = hypercube(4).ctx().compiled;
    const r = acceleratorEdgeConnectivity(c, findCutPoints(c), { rng: createRng(1), maxWork: 1 });
    expect(r).toMatchObject({ exact: false, method: 'max-flow-sampled', maxFlows: 1 });
    expect(r.links).toBeGreaterThanOrEqual(4);
  });
});

describe('computeResilience', () => {
  const star = (n: number) => {
    const b = new DocBuilder();
    b.sw('hub');
    for (let i = 0; i < n; i++) {
      b.acc(`a${i}`);
      b.link(`a${i}`, 'hub');
    }
    return b;
  };

  it('star of 4: every link failure cuts off 1, two failures 2, the hub 3', () => {
    const one = computeResilience(star(4).ctx(), { failures: 1, trials: 20, seed: 5 });
    expect(one.monteCarlo.acceleratorsCutOff).toEqual({ mean: 1, max: 1, trialsWithLoss: 20 });
    expect(computeResilience(star(4).ctx(), { failures: 2, trials: 20 }).monteCarlo.acceleratorsCutOff.max).toBe(2);
    const hub = computeResilience(star(4).ctx(), { failures: 1, trials: 5, kind: 'switch' });
    expect(hub.monteCarlo.acceleratorsCutOff).toEqual({ mean: 3, max: 3, trialsWithLoss: 5 });
    expect(hub.monteCarlo.candidates).toBe(1);
    expect(one.singlePointsOfFailure).toMatchObject({ bridges: 4, separatingBridges: 4, articulationSwitches: 1 });
    expect(one.singlePointsOfFailure.worstDevice).toEqual({ nodeId: 'hub', kind: 'switch', acceleratorsCutOff: 3 });
    expect(one.singlePointsOfFailure.worstLink!.acceleratorsCutOff).toBe(1);
  });

  it('fat-tree k=4, one link failure: cut off exactly when a host link fails (16 of 48 links)', () => {
    const r = computeResilience(fatTree(4).ctx(), { failures: 1, trials: 400, seed: 2 });
    const hits = r.monteCarlo.trialResults.filter((t) => t.acceleratorsCutOff === 1).length;
    expect(r.monteCarlo.trialResults.every((t) => t.acceleratorsCutOff <= 1)).toBe(true);
    // 400 trials at p = 1/3: mean 133, sd 9.4; a 5 sd window.
    expect(Math.abs(hits - 400 / 3)).toBeLessThan(47);
    expect(r.singlePointsOfFailure).toMatchObject({ bridges: 16, articulationSwitches: 8 });
  });

  it('surviving bisection on the intact split: max-flow per trial', () => {
    // s1 = s2 joined by two 400G links; a, b on s1; c, d on s2. Split {a, b} | {c, d}: 800 intact.
    // Any single failure leaves 400: one inter-switch link, or one host link on each side of... one host link.
    const b = new DocBuilder();
    ['a', 'b', 'c', 'd'].forEach((id) => b.acc(id));
    b.sw('s1');
    b.sw('s2');
    b.link('a', 's1');
    b.link('b', 's1');
    b.link('c', 's2');
    b.link('d', 's2');
    b.link('s1', 's2');
    b.link('s1', 's2');
    const r = computeResilience(b.ctx(), { failures: 1, trials: 30, bisectionSideA: ['a', 'b'] });
    expect(r.monteCarlo.bisection).toMatchObject({ method: 'max-flow-on-intact-split', intactGbps: 800, meanGbps: 400, minGbps: 400, maxGbps: 400 });
    const cheap = computeResilience(b.ctx(), { failures: 1, trials: 30, bisectionSideA: ['a', 'b'], bisectionMaxFlowWork: 0 });
    expect(cheap.monteCarlo.bisection!.method).toBe('intact-cut-minus-failed');
    cheap.monteCarlo.trialResults.forEach((t, i) => {
      expect(t.bisectionUpperGbps!).toBeGreaterThanOrEqual(r.monteCarlo.trialResults[i].bisectionUpperGbps!);
      expect(t.bisectionUpperGbps!).toBeLessThanOrEqual(800);
    });
  });

  it('an OCS failure takes every circuit through it', () => {
    const b = leafSpine(2, 1, 2);
    b.nodes.push({ id: 'ocs', kind: 'ocs', model: 'ocs-mems-136' });
    // Re-route both leaf-spine links through the OCS: losing it isolates the two leaves from each other.
    b.links.filter((l) => l.b === 'sp-0').forEach((l) => (l.via = ['ocs']));
    const r = computeResilience(b.ctx(), { failures: 1, trials: 10, kind: 'switch' });
    expect(r.singlePointsOfFailure.criticalOcs).toBe(1);
    expect(r.singlePointsOfFailure.deviceList.find((d) => d.nodeId === 'ocs')!.acceleratorsCutOff).toBe(2);
    expect(r.monteCarlo.candidates).toBe(4);
  });

  it('device links: each node\'s own links, then every circuit listing it (once per circuit), in link order', () => {
    fc.assert(
      fc.property(randomFabric(8), fc.array(fc.array(fc.nat(9), { maxLength: 4 }), { maxLength: 12 }), (f, vias) => {
        const c = buildRandom(f).ctx().compiled;
        // Circuits name nodes by id (some ids unknown); a circuit may list a node twice.
        const via = Array.from({ length: c.m }, (_, e) => (e < vias.length ? vias[e].map((k) => (k < c.n ? c.nodeIds[k] : `ghost${k}`)) : undefined));
        const want: number[][] = Array.from({ length: c.n }, (_, v) => {
          const own = Array.from(c.halfEdgeLink.subarray(c.offsets[v], c.offsets[v + 1]));
          for (let e = 0; e < via.length; e++) if (via[e]?.includes(c.nodeIds[v]) && own[own.length - 1] !== e) own.push(e);
          return own;
        });
        expect(deviceLinks(c, via).map((l) => Array.from(l))).toEqual(want);
      }),
      { numRuns: 200 },
    );
  });

  it('same seed, same report; bad split ids are reported, not thrown', () => {
    const a = computeResilience(torus([4, 4]).ctx(), { failures: 3, trials: 10, seed: 9 });
    expect(computeResilience(torus([4, 4]).ctx(), { failures: 3, trials: 10, seed: 9 })).toEqual(a);
    const bad = computeResilience(torus([4, 4]).ctx(), { trials: 2, bisectionSideA: ['nope'] });
    expect(bad.notes.join(' ')).toMatch(/nope/);
    expect(bad.monteCarlo.bisection).toBeUndefined();
  });

  it('the binding split comes from the bisection metric (fast) or from its report', () => {
    // Leaf-spine L=4, 2 spines, d=4: bisection = L x u x b / 2 = 1600 (2:1 oversubscribed).
    const auto = computeResilience(leafSpine(4, 2, 4).ctx(), { failures: 0, trials: 3 });
    expect(auto.monteCarlo.bisection).toMatchObject({ intactGbps: 1600, minGbps: 1600, maxGbps: 1600 });
    expect(auto.notes.join(' ')).toMatch(/fast mode/);
    const given = computeResilience(leafSpine(4, 2, 4).ctx(), { failures: 1, trials: 50, bisectionSplit: { sideARanges: [[0, 7]] } });
    expect(given.monteCarlo.bisection!.intactGbps).toBe(1600);
    // One failed uplink of a side-A leaf costs 400; any other failure leaves 1600 or less.
    for (const t of given.monteCarlo.trialResults) expect([1200, 1600]).toContain(t.bisectionUpperGbps);
    const none = computeResilience(leafSpine(4, 2, 4).ctx(), { trials: 2, bisectionSplit: null });
    expect(none.monteCarlo.bisection).toBeUndefined();
  });
});
