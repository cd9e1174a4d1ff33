// Whole scale-up domains and the bisection. When floor(N/2) is not a sum of whole domains (8-GPU servers behind an
// NVLink or PCIe switch), every balanced split cuts some domain in two, and the flow the domain's scale-up links
// carry between its two parts comes on top of any bound proven over the scale-out links alone.
import { KIND_ACCELERATOR, MEDIUM_CODE, type CompiledFabric } from '../../compile/compile.js';

export interface DomainPenalty {
  /** Gbps every balanced split carries inside scale-up domains, besides what crosses over scale-out links. */
  gbps: number;
  /** gcd of the domains' accelerator counts (1 when some accelerator has no scale-up link). */
  modulus: number;
  /** floor(N/2) mod modulus: how many accelerators whole domains leave over. */
  residue: number;
}

/** Domains are priced by enumerating their splits: at most this many accelerators and other nodes. */
const MAX_ACCELERATORS = 16;
const MAX_OTHERS = 4;

const NONE = (modulus: number, residue: number): DomainPenalty => ({ gbps: 0, modulus, residue });

/**
 * Side A (floor(N/2) accelerators) takes whole domains, whose sizes are multiples of g, plus parts S of split
 * domains, whose sizes must add up to floor(N/2) mod g. A split domain carries phi(S) = its minimum cut between S
 * and the rest over its own scale-up links (its switches free) from A to B. psi[j] = the least phi(S) of any
 * domain with |S| = j mod g; the penalty is the cheapest sum of psi steps reaching the residue (a shortest path
 * over the residues mod g). Disjoint from the scale-out links, so it adds to a scale-out-only certificate.
 */
export function domainPenalty(c: CompiledFabric): DomainPenalty {
  // The up-down certificate and the block bound both add it: priced once per compiled fabric.
  let out = penaltyCache.get(c);
  if (!out) penaltyCache.set(c, (out = computePenalty(c)));
  return out;
}

const penaltyCache = new WeakMap<CompiledFabric, DomainPenalty>();

function computePenalty(c: CompiledFabric): DomainPenalty {
  const N = c.accelerators.length;
  const scaleUp = MEDIUM_CODE['scale-up'];
  const parent = new Int32Array(c.n);
  for (let i = 0; i < c.n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (let e = 0; e < c.m; e++) {
    if (c.linkMedium[e] !== scaleUp) continue;
    const a = find(c.linkA[e]);
    const b = find(c.linkB[e]);
    if (a !== b) parent[a] = b;
  }
  const size = new Int32Array(c.n);
  for (const a of c.accelerators) size[find(a)]++;
  let g = 0;
  for (let v = 0; v < c.n; v++) if (size[v] > 0) g = gcd(g, size[v]);
  const residue = Math.floor(N / 2) % g;
  if (residue === 0) return NONE(g, residue);

  // Members and scale-up links of every domain that holds accelerators.
  const accs = new Map<number, number[]>();
  const others = new Map<number, number[]>();
  for (let v = 0; v < c.n; v++) {
    const r = find(v);
    if (size[r] === 0) continue;
    const list = c.nodeKind[v] === KIND_ACCELERATOR ? accs : others;
    let l = list.get(r);
    if (!l) list.set(r, (l = []));
    l.push(v);
  }
  const links = new Map<number, number[]>();
  for (let e = 0; e < c.m; e++) {
    if (c.linkMedium[e] !== scaleUp || c.linkA[e] === c.linkB[e]) continue;
    const r = find(c.linkA[e]);
    let l = links.get(r);
    if (!l) links.set(r, (l = []));
    l.push(e);
  }
  const psi = new Float64Array(g).fill(Infinity);
  const priced = new Map<string, Float64Array>();
  for (const [r, members] of accs) {
    const rest = others.get(r) ?? [];
    // A domain too large to enumerate could be split for free as far as this bound knows.
    if (members.length > MAX_ACCELERATORS || rest.length > MAX_OTHERS) return NONE(g, residue);
    const local = new Map<number, number>();
    members.forEach((v, i) => local.set(v, i));
    rest.forEach((v, i) => local.set(v, members.length + i));
    const edges = (links.get(r) ?? []).map((e) => [local.get(c.linkA[e])!, local.get(c.linkB[e])!, c.linkGbps[e]] as const);
    const key = `${members.length},${rest.length}:` + edges.map((x) => x.join('-')).sort().join(',');
    let best = priced.get(key);
    if (!best) {
      best = splitPrices(members.length, rest.length, edges, g);
      priced.set(key, best);
    }
    for (let j = 0; j < g; j++) psi[j] = Math.min(psi[j], best[j]);
  }
  // Bellman-Ford over the residues: g rounds settle every cheapest sum of steps.
  const dist = new Float64Array(g).fill(Infinity);
  dist[0] = 0;
  for (let round = 0; round < g; round++) {
    for (let x = 0; x < g; x++) {
      if (dist[x] === Infinity) continue;
      for (let j = 1; j < g; j++) {
        const y = (x + j) % g;
        if (dist[x] + psi[j] < dist[y]) dist[y] = dist[x] + psi[j];
      }
    }
  }
  return { gbps: Number.isFinite(dist[residue]) ? dist[residue] : 0, modulus: g, residue };
}

/** Least cut of the domain's splits, by number of accelerators on side A mod g (proper, non-empty splits). */
function splitPrices(n: number, w: number, edges: readonly (readonly [number, number, number])[], g: number): Float64Array {
  const out = new Float64Array(g).fill(Infinity);
  for (let S = 1; S < (1 << n) - 1; S++) {
    let phi = Infinity;
    // Every placement of the domain's switches: the cheapest is the minimum cut between S and the rest.
    for (let p = 0; p < 1 << w; p++) {
      const sideOf = (v: number) => (v < n ? (S >> v) & 1 : (p >> (v - n)) & 1);
      let cut = 0;
      for (const [a, b, gbps] of edges) if (sideOf(a) !== sideOf(b)) cut += gbps;
      if (cut < phi) phi = cut;
    }
    const j = popcount(S) % g;
    if (phi < out[j]) out[j] = phi;
  }
  return out;
}

function popcount(x: number): number {
  let k = 0;
  for (; x; x &= x - 1) k++;
  return k;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
