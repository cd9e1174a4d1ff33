import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDocument } from '../../../src/compile/compile.js';
import { generateNationalCenter } from '../../../src/generators/index.js';
import { computeBisection } from '../../../src/metrics/bisection/bisection.js';
import { domainPenalty } from '../../../src/metrics/bisection/domains.js';
import { enumerateBisection } from '../../../src/metrics/bisection/enumerate.js';
import { SplitEvaluator } from '../../../src/metrics/bisection/split.js';
import { upDownLowerBound } from '../../../src/metrics/bisection/updown.js';
import { createRng } from '../../../src/model/random.js';
import { ctxOf, DocBuilder } from '../support/fabrics.js';

/*
 * The national centre's bisection, by hand. Every pod is non-blocking from the NICs to its spines (a leaf has as
 * many uplinks as server ports, a spine as much uplink as downlink capacity) and spreads its uplinks evenly over
 * the core (8 planes, every spine the same number of links to each core of its plane), so every accelerator can
 * send its full NIC rate up to the cores with the same (uniform) distribution over them: every balanced split
 * then carries at least the sum of the floor(N/2) smallest NIC rates (the up-down certificate at 100 %). The
 * split that puts exactly those accelerators, in whole servers, on one side cuts only their NIC links. NIC rates:
 * H100 / H200 / B200 / MI300X / REBEL 400G, Gaudi 3 3 x 200G = 600G, RNGD 200G.
 */
describe('bisection of the national centre: exact, equal to the hand-derived value', () => {
  it.each([
    // 4,000: 200 RNGD + 800 x 3 NVIDIA + 600 Gaudi + 600 MI300X + 200 REBEL. Half = 2,000 = the 200 RNGD
    // (25 servers) + 1,800 accelerators at 400G (225 servers): 200 x 200 + 1,800 x 400 = 760,000 Gbps.
    [4000, 200 * 200 + 1800 * 400],
    // 12,000: 600 RNGD + 5,400 at 400G (675 servers): 120,000 + 2,160,000 = 2,280,000 Gbps.
    [12000, 600 * 200 + 5400 * 400],
  ])('%i accelerators: %i Gbps', (n, expected) => {
    const r = computeBisection(ctxOf(generateNationalCenter({ accelerators: n })));
    expect(r.accelerators).toBe(n);
    expect(r.upperGbps).toBe(expected);
    expect(r.lowerGbps).toBe(expected);
    expect(r.exact).toBe(true);
    expect(r.lowerMethod).toBe('up-down');
    const cert = r.lowerBounds.find((b) => b.method === 'up-down')!;
    expect(cert.detail).toContain('100 % of its up-link capacity (at least 200 Gbps) up to level 3');
    // The binding cut is the NIC links of side A, one per accelerator (no Gaudi 3, which has three).
    expect(r.split!.cutLinks.length).toBe(n / 2);
  });

  it('1,000 asked (1,016 built): half is 63.5 servers, so one server is split and its PCIe switch carries 4 x 512 Gbps', () => {
    // 56 RNGD (7 servers) + 600 NVIDIA + 152 Gaudi 3 + 152 MI300X + 56 REBEL = 1,016; half = 508 = 56 RNGD x 200G
    // + 452 at 400G = 192,000 Gbps if servers could be split for free. Whole servers hold multiples of 8, so 4
    // accelerators of side A share a server with B. Cheapest: a PCIe server (REBEL or RNGD), whose switch links
    // are 512G: splitting k cards off costs 512 min(k, 8 - k), 2,048 for the 4 (NVLink: 3,600 per GPU; the
    // MI300X and Gaudi meshes 512 or 600 x k (8 - k)).
    const r = computeBisection(ctxOf(generateNationalCenter({ accelerators: 1000 })));
    expect(r.accelerators).toBe(1016);
    expect(r.upperGbps).toBe(192_000 + 2048);
    expect(r.exact).toBe(true);
    expect(r.lowerBounds.find((b) => b.method === 'up-down')!.detail).toContain('plus 2048 Gbps inside the scale-up domains');
  });

  it('the default 50,016-accelerator centre: 2,504 RNGD x 200G + 22,504 x 400G = 9,502,400 Gbps, exact', () => {
    const r = computeBisection(ctxOf(generateNationalCenter()));
    expect(r.accelerators).toBe(50_016);
    expect(r.upperGbps).toBe(2504 * 200 + 22_504 * 400);
    expect(r.exact).toBe(true);
    expect(r.lowerMethod).toBe('up-down');
    expect(r.upperMethod).toBe('structure:injection');
    expect(r.split!.cutLinks.length).toBe(25_008);
  });

  it('oversubscribed cores (2:1, 3:1): still a valid interval, and each pod fills to its own bottleneck', () => {
    for (const o of [2, 3]) {
      const r = computeBisection(ctxOf(generateNationalCenter({ accelerators: 4000, coreOversubscription: o })));
      expect(r.lowerGbps).toBeLessThanOrEqual(r.upperGbps);
      // At 2:1 the NVIDIA pods (100 servers under 32 spines of 16 x 400G uplinks) send 204.8 / 320 = 64 % of their
      // NIC rate, the RNGD pod (200 x 200G under 8 spines of 32 uplinks) 100 %: half = 200 RNGD at 200 + 1,800
      // accelerators at 0.64 x 400 = 500,800 Gbps. The best split found keeps two NVIDIA pods whole (their
      // uplinks, 204.8 Tbps each, are cut) and 200 GPUs of a third (their NICs): 40 + 409.6 + 80 = 529.6 Tbps.
      if (o === 2) {
        expect(r.lowerGbps).toBeCloseTo(200 * 200 + 1800 * 0.64 * 400, 3);
        expect(r.upperGbps).toBe(529_600);
        expect(r.lowerBounds.find((b) => b.method === 'up-down')!.detail).toContain('64 % to 100 %');
      }
    }
  });
});

describe('bisection of the national centre: perturbed', () => {
  it('an added or a failed link keeps lower <= upper; an added link never lowers the exact value', () => {
    const base = generateNationalCenter({ accelerators: 2000 });
    const exact = computeBisection(ctxOf(base));
    expect(exact.exact).toBe(true);
    const switches = base.nodes.filter((n) => n.kind === 'switch').map((n) => n.id);
    fc.assert(
      fc.property(fc.nat(switches.length - 1), fc.nat(switches.length - 1), fc.nat(base.links.length - 1), (i, j, drop) => {
        if (i === j) return;
        const added = { ...base, links: [...base.links, { ...base.links[0], id: 'extra', a: switches[i], b: switches[j], gbps: 400 }] };
        const r = computeBisection(ctxOf(added), { effort: 'fast' });
        expect(r.lowerGbps).toBeLessThanOrEqual(r.upperGbps);
        expect(r.upperGbps).toBeGreaterThanOrEqual(exact.upperGbps);
        const failed = { ...base, links: base.links.filter((_, k) => k !== drop) };
        const f = computeBisection(ctxOf(failed), { effort: 'fast' });
        expect(f.lowerGbps).toBeLessThanOrEqual(f.upperGbps);
        expect(f.lowerGbps).toBeLessThanOrEqual(exact.upperGbps);
      }),
      { numRuns: 6 },
    );
  });
});

describe('up-down certificate: per-accelerator rates and split scale-up domains', () => {
  it('pods behind different bottlenecks fill to their own rates (300 Gbps, where one common share proves 200)', () => {
    // Pod 1: 2 hosts x 100G under a leaf with one 100G uplink (50 %); pod 2: 6 hosts x 100G under a leaf with
    // 600G of uplinks (100 %). Half = 4 hosts: the 2 slow ones at 50 + 2 fast ones at 100 = 300. Split pod 1 +
    // 2 hosts of pod 2 cuts pod 1's uplink and two host links: 300.
    const b = new DocBuilder();
    b.sw('top');
    b.sw('L1');
    b.sw('L2');
    for (let i = 0; i < 2; i++) b.link(b.acc(`p${i}`), 'L1', 100);
    for (let i = 0; i < 6; i++) b.link(b.acc(`q${i}`), 'L2', 100);
    b.link('L1', 'top', 100);
    b.link('L2', 'top', 600);
    const c = compileDocument(b.doc());
    const cert = upDownLowerBound(c, createRng(1))!;
    expect(cert.gbps).toBeCloseTo(300, 9);
    expect(cert.fraction).toBeCloseTo(0.5, 9);
    expect(cert.maxFraction).toBeCloseTo(1, 9);
    const r = computeBisection(ctxOf(b.doc()), { enumerateUpTo: 0 });
    expect(r.upperGbps).toBe(300);
    expect(r.exact).toBe(true);
    expect(enumerateBisection(new SplitEvaluator(c)).cutGbps).toBe(300);
  });

  it.each([
    // Three servers of 4 behind one leaf (400G NICs). Half = 6 = a server and 2 cards of another.
    // PCIe-like star of 100G links: splitting 2 off costs 2 x 100; a 100G full mesh costs 2 x 2 x 100 (one
    // card off each of two servers: 3 x 100 twice, dearer).
    ['star', 6 * 400 + 200],
    ['mesh', 6 * 400 + 400],
  ] as const)('servers of 4 with a %s: %i Gbps, the split server counted', (kind, expected) => {
    const b = new DocBuilder();
    b.sw('leaf');
    for (let s = 0; s < 3; s++) {
      const cards = [0, 1, 2, 3].map((i) => b.acc(`s${s}-${i}`));
      for (const x of cards) b.link(x, 'leaf', 400);
      if (kind === 'star') {
        b.sw(`pcie${s}`);
        for (const x of cards) b.link(x, `pcie${s}`, 100, { medium: 'scale-up' });
      } else {
        for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) b.link(cards[i], cards[j], 100, { medium: 'scale-up' });
      }
    }
    const c = compileDocument(b.doc());
    expect(domainPenalty(c)).toEqual({ gbps: expected - 2400, modulus: 4, residue: 2 });
    const cert = upDownLowerBound(c, createRng(1))!;
    expect(cert.gbps).toBe(expected);
    expect(cert.scaleUpExcluded).toBe(true);
    expect(enumerateBisection(new SplitEvaluator(c)).cutGbps).toBe(expected);
  });

  it('no penalty when whole domains make the half, or when a lone accelerator can take up the remainder', () => {
    const b = new DocBuilder();
    b.sw('leaf');
    for (let s = 0; s < 2; s++) {
      b.sw(`nv${s}`);
      for (let i = 0; i < 4; i++) {
        const x = b.acc(`s${s}-${i}`);
        b.link(x, 'leaf', 400);
        b.link(x, `nv${s}`, 3600, { medium: 'scale-up' });
      }
    }
    expect(domainPenalty(compileDocument(b.doc()))).toEqual({ gbps: 0, modulus: 4, residue: 0 });
    b.link(b.acc('lone'), 'leaf', 400);
    b.link(b.acc('lone2'), 'leaf', 400);
    expect(domainPenalty(compileDocument(b.doc()))).toMatchObject({ gbps: 0, modulus: 1 });
  });
});

/** Random small servers: domains of 1-4 accelerators (star through a switch, or mesh), NICs to leaves, spines. */
const serverFabric = fc
  .record({
    servers: fc.integer({ min: 2, max: 4 }),
    size: fc.integer({ min: 1, max: 4 }),
    leaves: fc.integer({ min: 1, max: 3 }),
    spines: fc.integer({ min: 0, max: 2 }),
    star: fc.boolean(),
    caps: fc.array(fc.constantFrom(100, 200, 400, 800), { minLength: 40, maxLength: 40 }),
    picks: fc.array(fc.nat(99), { minLength: 40, maxLength: 40 }),
    extraNic: fc.boolean(),
  })
  .filter((o) => o.servers * o.size <= 14 && o.servers * o.size >= 3);

function buildServers(o: typeof serverFabric extends fc.Arbitrary<infer T> ? T : never) {
  const b = new DocBuilder();
  let k = 0;
  const cap = () => o.caps[k++ % o.caps.length];
  const pick = (m: number) => o.picks[k++ % o.picks.length] % m;
  for (let l = 0; l < o.leaves; l++) b.sw(`L${l}`);
  for (let s = 0; s < o.spines; s++) b.sw(`S${s}`);
  for (let s = 0; s < o.servers; s++) {
    const cards = Array.from({ length: o.size }, (_, i) => b.acc(`a${s}-${i}`));
    for (const x of cards) {
      b.link(x, `L${pick(o.leaves)}`, cap());
      if (o.extraNic) b.link(x, `L${pick(o.leaves)}`, cap());
    }
    if (o.star) {
      b.sw(`x${s}`);
      for (const x of cards) b.link(x, `x${s}`, cap(), { medium: 'scale-up' });
    } else {
      for (let i = 0; i < o.size; i++) for (let j = i + 1; j < o.size; j++) b.link(cards[i], cards[j], cap(), { medium: 'scale-up' });
    }
  }
  for (let l = 0; l < o.leaves; l++) for (let s = 0; s < o.spines; s++) b.link(`L${l}`, `S${s}`, cap());
  return b.doc();
}

describe('up-down certificate with rates and domains: properties', () => {
  it('never exceeds the exact bisection of random small server fabrics', () => {
    let withDomains = 0;
    let filled = 0;
    fc.assert(
      fc.property(serverFabric, (o) => {
        const c = compileDocument(buildServers(o));
        const exact = enumerateBisection(new SplitEvaluator(c)).cutGbps;
        const cert = upDownLowerBound(c, createRng(5));
        if (!cert) return;
        if (cert.domainGbps > 0) withDomains++;
        if (cert.maxFraction > cert.fraction) filled++;
        expect(cert.gbps).toBeLessThanOrEqual(exact * (1 + 1e-9) + 1e-9);
      }),
      { numRuns: 200 },
    );
    // The runs exercise both refinements, not just the plain certificate.
    expect(withDomains).toBeGreaterThan(10);
    expect(filled).toBeGreaterThan(10);
  });
});
