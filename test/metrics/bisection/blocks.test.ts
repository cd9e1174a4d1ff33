import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDocument } from '../../../src/compile/compile.js';
import { generateClos, generateFatTree } from '../../../src/generators/index.js';
import { enumerateBisection } from '../../../src/metrics/bisection/enumerate.js';
import { hubNetwork, type HubBlock } from '../../../src/metrics/bisection/hubs.js';
import { podLowerBound } from '../../../src/metrics/bisection/pods.js';
import { rebalanceRate } from '../../../src/metrics/bisection/rebalance.js';
import { spreadLanding } from '../../../src/metrics/bisection/spread.js';
import { SplitEvaluator } from '../../../src/metrics/bisection/split.js';
import { DocBuilder, fatTreeDoc, leafSpineDoc } from '../support/fabrics.js';

describe('common landing of a pod on its spines (spread)', () => {
  it('direct: theta = sum over hubs of min over feeders cap / inflow', () => {
    // Two leaves of 400 Gbps each over three spines: leaf 0 has 100, 100, 200 to them, leaf 1 200, 100, 100.
    // kappa = 0.25 per spine, theta = 0.75, pi uniform.
    const cap = Float64Array.from([100, 100, 200, 200, 100, 100]);
    const s = spreadLanding({ feeders: 2, hubs: 3, cap, inflow: Float64Array.from([400, 400]) }, 0.75)!;
    expect(s.theta).toBeCloseTo(0.75, 12);
    expect(Array.from(s.pi)).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it('detour: leaves split by their own capacity, then swap the difference through the other leaf (0.8 > 0.75)', () => {
    // Natural splits [100, 100, 200] and [200, 100, 100] of 400 land on average as pi = [0.375, 0.25, 0.375]. Each
    // leaf moves 50 between spines 0 and 2 (spine 2 -> 0 for leaf 0, 0 -> 2 for leaf 1), half through each leaf:
    // up loads leaf 0: [125, 100, 225] against [100, 100, 200], leaf 1 the mirror: theta = 100 / 125 = 0.8.
    const cap = Float64Array.from([100, 100, 200, 200, 100, 100]);
    const s = spreadLanding({ feeders: 2, hubs: 3, cap, inflow: Float64Array.from([400, 400]) })!;
    expect(s.theta).toBeCloseTo(0.8, 12);
    expect(Array.from(s.pi)).toEqual([0.375, 0.25, 0.375]);
    expect(Array.from(s.up)).toEqual([125, 100, 225, 225, 100, 125]);
    expect(Array.from(s.down)).toEqual([25, 0, 25, 25, 0, 25]);
    // Every direction fits at theta.
    for (let i = 0; i < 6; i++) {
      expect(s.theta * s.up[i]).toBeLessThanOrEqual(cap[i] + 1e-9);
      expect(s.theta * s.down[i]).toBeLessThanOrEqual(cap[i] + 1e-9);
    }
  });
});

describe('spare capacity between the hubs of a whole pod (rebalance)', () => {
  it('two spines, two leaves, 100 Gbps links with 50 used upward: psi = 100, the cut isolating one spine', () => {
    // s -> leaf (100 free downward) -> t (50 free upward) through each leaf: 2 x 50 = 100 = psi x 1 x 1.
    const block: HubBlock = {
      members: Int32Array.from([0]),
      rateGbps: 1,
      theta: 1,
      hubs: Int32Array.from([10, 11]),
      hubGbps: Float64Array.from([1, 1]),
      inner: {
        hub: Int32Array.from([0, 1, 0, 1]),
        feeder: Int32Array.from([0, 0, 1, 1]),
        gbps: Float64Array.from([100, 100, 100, 100]),
        upGbps: Float64Array.from([50, 50, 50, 50]),
        downGbps: Float64Array.from([0, 0, 0, 0]),
      },
    };
    expect(rebalanceRate(block)).toBe(100);
    // With the upward direction full nothing moves.
    expect(rebalanceRate({ ...block, inner: { ...block.inner, upGbps: Float64Array.from([100, 100, 100, 100]) } })).toBe(0);
  });
});

/** Pods of leaves and spines joined spine to spine (circuits); accelerator ids p{pod}-{i}. */
function podsDoc(o: { pods: number; accs: number; circuits: [number, number, number][]; nicGbps?: number }) {
  const b = new DocBuilder();
  for (let p = 0; p < o.pods; p++) {
    b.sw(`L${p}`);
    for (const s of ['a', 'b']) b.sw(`S${p}${s}`);
    for (let i = 0; i < o.accs; i++) b.link(b.acc(`p${p}-${i}`), `L${p}`, o.nicGbps ?? 400);
    for (const s of ['a', 'b']) b.link(`L${p}`, `S${p}${s}`, ((o.nicGbps ?? 400) * o.accs) / 2);
  }
  for (const [p, q, n] of o.circuits) for (let k = 0; k < n; k++) b.link(`S${p}${k % 2 ? 'b' : 'a'}`, `S${q}${k % 2 ? 'b' : 'a'}`, 100);
  return b.doc();
}

describe('block bound: hand-worked pods', () => {
  it('four pods of four, pairs joined by 4 circuits, the rest by 1: the pod pairs split at 4 x 100 Gbps', () => {
    // Pods 0-1 and 2-3 share 4 circuits each, every other pair 1. Splitting {0, 1} | {2, 3} cuts 4 circuits of 100
    // Gbps = 400; any split through a pod cuts NICs or leaf links of 400 or more. Every pod is non-blocking to its
    // spines (leaf uplinks 2 x 800 = its 4 x 400 NICs) and lands evenly on them, so the pod-level vertices are the
    // whole story: the bound proves 400.
    const doc = podsDoc({ pods: 4, accs: 4, circuits: [[0, 1, 4], [2, 3, 4], [0, 2, 1], [0, 3, 1], [1, 2, 1], [1, 3, 1]] });
    const c = compileDocument(doc);
    const net = hubNetwork(c, 2)!;
    expect(net.blocks.length).toBe(4);
    for (const b of net.blocks) {
      expect(b.theta).toBeCloseTo(1, 9);
      expect(b.rateGbps).toBeCloseTo(400, 6);
      for (const x of b.hubGbps) expect(x).toBeCloseTo(800, 6);
    }
    // Parallel circuits merge: the 4-circuit pairs give 2 links of 200 (a-a, b-b), the others 1 of 100.
    expect(net.direct.a.length).toBe(2 * 2 + 4);
    const bound = podLowerBound(c)!;
    expect(bound.gbps).toBeCloseTo(400, 6);
    expect(enumerateBisection(new SplitEvaluator(c)).cutGbps).toBe(400);
  });

  it('an oversubscribed core: two pods behind 1 x 400 uplink each, one at line rate; a pod split costs its NICs', () => {
    // Pods 0 and 1: 4 accelerators at 400 under a leaf with 1600 up to two spines, each spine 1 x 200 to the core.
    // Pod 2: the same with 800 per spine to the core. Half = 6: pod 0 (uplinks 400) + 2 of pod 1 (NICs 800)
    // = 1200; pod 0 + 2 of pod 2 = 1200; pods 0 and 1 whole cost 800 but hold 8.
    const b = new DocBuilder();
    b.sw('core');
    for (let p = 0; p < 3; p++) {
      b.sw(`L${p}`);
      for (const s of ['a', 'b']) {
        b.sw(`S${p}${s}`);
        b.link(`L${p}`, `S${p}${s}`, 800);
        b.link(`S${p}${s}`, 'core', p === 2 ? 800 : 200);
      }
      for (let i = 0; i < 4; i++) b.link(b.acc(`p${p}-${i}`), `L${p}`, 400);
    }
    const c = compileDocument(b.doc());
    const exact = enumerateBisection(new SplitEvaluator(c)).cutGbps;
    expect(exact).toBe(1200);
    expect(podLowerBound(c)!.gbps).toBeCloseTo(1200, 6);
  });
});

describe('block bound: closed forms it must not exceed', () => {
  it.each([4, 8])('fat-tree k=%i: at most H/2 host links', (k) => {
    for (const doc of [fatTreeDoc(k), generateFatTree({ k })]) {
      const bound = podLowerBound(compileDocument(doc));
      expect(bound).not.toBeNull();
      expect(bound!.gbps).toBeLessThanOrEqual((k ** 3 / 8) * doc.links[0].gbps * (1 + 1e-9));
    }
  });

  it('leaf-spine fabrics: at most min(H b_host / 2, L u b_up / 2)', () => {
    for (const [o, expected] of [
      [{ leaves: 8, spines: 2, hostsPerLeaf: 8 }, Math.min((64 * 400) / 2, (8 * 2 * 400) / 2)],
      [{ leaves: 6, spines: 3, hostsPerLeaf: 4, gbps: 100, uplinkGbps: 400 }, Math.min((24 * 100) / 2, (6 * 3 * 400) / 2)],
    ] as const) {
      const bound = podLowerBound(compileDocument(leafSpineDoc(o)));
      if (bound) expect(bound.gbps).toBeLessThanOrEqual(expected * (1 + 1e-9));
    }
    const clos = generateClos({ leaves: 8, spines: 4, hostsPerLeaf: 8, uplinks: 4 });
    const bound = podLowerBound(compileDocument(clos));
    if (bound) expect(bound.gbps).toBeLessThanOrEqual(Math.min((64 * 400) / 2, (8 * 4 * 400) / 2) * (1 + 1e-9));
  });
});

/** Random small pod fabrics: leaves and spines per pod, uneven leaf-spine links, circuits, cores, a border. */
const podFabric = fc
  .record({
    pods: fc.array(
      fc.record({
        leaves: fc.integer({ min: 1, max: 2 }),
        spines: fc.integer({ min: 1, max: 3 }),
        perLeaf: fc.integer({ min: 1, max: 3 }),
        domain: fc.boolean(),
      }),
      { minLength: 2, maxLength: 4 },
    ),
    caps: fc.array(fc.constantFrom(100, 200, 400), { minLength: 64, maxLength: 64 }),
    picks: fc.array(fc.nat(99), { minLength: 64, maxLength: 64 }),
    circuits: fc.integer({ min: 0, max: 8 }),
    cores: fc.integer({ min: 0, max: 2 }),
    border: fc.boolean(),
  })
  .filter((o) => {
    const n = o.pods.reduce((s, p) => s + p.leaves * p.perLeaf, 0);
    return n >= 3 && n <= 12;
  });

function buildPods(o: typeof podFabric extends fc.Arbitrary<infer T> ? T : never) {
  const b = new DocBuilder();
  let k = 0;
  const cap = () => o.caps[k++ % o.caps.length];
  const pick = (m: number) => o.picks[k++ % o.picks.length] % m;
  const spines = o.pods.map((p, i) => Array.from({ length: p.spines }, (_, s) => b.sw(`p${i}s${s}`)));
  o.pods.forEach((p, i) => {
    for (let l = 0; l < p.leaves; l++) {
      const leaf = b.sw(`p${i}l${l}`);
      const accs = Array.from({ length: p.perLeaf }, (_, a) => b.acc(`p${i}l${l}a${a}`));
      for (const x of accs) b.link(x, leaf, cap());
      if (p.domain && accs.length > 1) {
        const su = b.sw(`p${i}l${l}su`);
        for (const x of accs) b.link(x, su, cap(), { medium: 'scale-up' });
      }
      // One or two links to every spine: uneven striping, as pods whose leaf uplinks do not divide by the spines.
      for (const s of spines[i]) for (let t = 0, n = 1 + pick(2); t < n; t++) b.link(leaf, s, cap());
    }
  });
  const P = o.pods.length;
  for (let t = 0; t < o.circuits; t++) {
    const p = pick(P);
    const q = (p + 1 + pick(P - 1)) % P;
    b.link(spines[p][pick(spines[p].length)], spines[q][pick(spines[q].length)], cap());
  }
  for (let t = 0; t < o.cores; t++) {
    const core = b.sw(`core${t}`);
    for (const list of spines) for (const s of list) if (pick(10) < 7) b.link(s, core, cap());
  }
  if (o.border) {
    b.sw('border');
    for (const list of spines) b.link(list[pick(list.length)], 'border', 400);
  }
  return b.doc();
}

describe('block bound: properties', () => {
  it('never exceeds the exact bisection (every split enumerated) of random small pod fabrics', () => {
    let applied = 0;
    let tight = 0;
    fc.assert(
      fc.property(podFabric, (o) => {
        const c = compileDocument(buildPods(o));
        const bound = podLowerBound(c);
        if (!bound) return;
        applied++;
        const exact = enumerateBisection(new SplitEvaluator(c)).cutGbps;
        expect(bound.gbps).toBeLessThanOrEqual(exact * (1 + 1e-9) + 1e-6);
        if (bound.gbps >= exact * (1 - 1e-9) - 1e-6) tight++;
      }),
      { numRuns: 250 },
    );
    // The runs exercise the bound, and it is not vacuous.
    expect(applied).toBeGreaterThan(200);
    expect(tight).toBeGreaterThan(5);
  });

  it('the landing fits every link: theta x loads within capacity, pi sums to 1, hubs take the members\' rate', () => {
    fc.assert(
      fc.property(podFabric, (o) => {
        const c = compileDocument(buildPods(o));
        const net = hubNetwork(c, 2);
        if (!net) return;
        for (const b of net.blocks) {
          const total = b.hubGbps.reduce((s, x) => s + x, 0);
          expect(total).toBeCloseTo(b.rateGbps * b.members.length, 6);
          expect(b.theta).toBeLessThanOrEqual(1);
          for (let i = 0; i < b.inner.gbps.length; i++) {
            expect(b.inner.upGbps[i]).toBeLessThanOrEqual(b.inner.gbps[i] * (1 + 1e-9));
            expect(b.inner.downGbps[i]).toBeLessThanOrEqual(b.inner.gbps[i] * (1 + 1e-9));
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
