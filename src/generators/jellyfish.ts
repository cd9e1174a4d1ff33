// Jellyfish (Singla et al., NSDI 2012): a random regular graph of switches, each with `degree` switch links and
// its remaining ports to accelerators. Exactly regular, built from a seeded RNG so the same seed gives the same file.
import { GeneratorParamError } from '../model/errors.js';
import { createRng, type Rng } from '../model/random.js';
import type { FabricDocument } from '../model/types.js';
import { FabricBuilder } from './builder.js';
import { catalogOf, chunks, floorFrom, generatorInfo, type CommonParams } from './common.js';
import { acceleratorModel, checkNic, pickSwitch } from './hardware.js';
import { intParam, positiveParam } from './params.js';

export interface JellyfishParams extends CommonParams {
  switches: number;
  /** Ports per switch used by the design: `degree` to switches, the rest to accelerators. */
  ports: number;
  degree: number;
  seed?: number;
  gbps?: number;
  accelerator?: string;
  switch?: string;
}

export const JELLYFISH_DEFAULTS = { seed: 1, gbps: 400, accelerator: 'nvidia-h100-sxm', switch: 'auto' } as const;

/**
 * A simple r-regular graph on n vertices as an edge list, following Jellyfish's incremental construction: join
 * random non-adjacent vertices with free ports while possible; then a vertex left with two free ports (or two
 * adjacent vertices with one each) breaks a random link (x, y) and joins both ends, which keeps every degree.
 */
export function randomRegularGraph(n: number, r: number, rng: Rng): [number, number][] {
  const adj: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const free = new Int32Array(n).fill(r);
  const edges: [number, number][] = [];
  const edgePos = new Map<number, number>();
  const key = (u: number, v: number) => (u < v ? u * n + v : v * n + u);
  const add = (u: number, v: number) => {
    adj[u].add(v);
    adj[v].add(u);
    free[u]--;
    free[v]--;
    edgePos.set(key(u, v), edges.length);
    edges.push([u, v]);
  };
  const remove = (u: number, v: number) => {
    adj[u].delete(v);
    adj[v].delete(u);
    free[u]++;
    free[v]++;
    const k = key(u, v);
    const i = edgePos.get(k)!;
    const last = edges.pop()!;
    edgePos.delete(k);
    if (i < edges.length) {
      edges[i] = last;
      edgePos.set(key(last[0], last[1]), i);
    }
  };
  const open: number[] = Array.from({ length: n }, (_, i) => i);
  const compact = () => {
    let w = 0;
    for (let i = 0; i < open.length; i++) if (free[open[i]] > 0) open[w++] = open[i];
    open.length = w;
  };
  // Phase 1: random joins; after a run of failures, fall back to an exhaustive scan for any joinable pair.
  for (;;) {
    compact();
    if (open.length < 2) break;
    let joined = false;
    for (let attempt = 0; attempt < 16 && !joined; attempt++) {
      const u = open[rng.int(open.length)];
      const v = open[rng.int(open.length)];
      if (u !== v && free[u] > 0 && free[v] > 0 && !adj[u].has(v)) {
        add(u, v);
        joined = true;
      }
    }
    if (joined) continue;
    let found = false;
    for (let i = 0; i < open.length && !found; i++) {
      for (let j = i + 1; j < open.length && !found; j++) {
        if (!adj[open[i]].has(open[j])) {
          add(open[i], open[j]);
          found = true;
        }
      }
    }
    if (!found) break;
  }
  // Phase 2: repair the leftover free ports by splitting random links.
  for (let guard = 0; guard < 100 * n * r + 1000; guard++) {
    compact();
    if (open.length === 0) return edges;
    const u = open[rng.int(open.length)];
    const e = edges[rng.int(edges.length)];
    const [x, y] = rng.next() < 0.5 ? e : [e[1], e[0]];
    if (free[u] >= 2) {
      if (x === u || y === u || adj[u].has(x) || adj[u].has(y)) continue;
      remove(x, y);
      add(u, x);
      add(u, y);
    } else {
      const others = open.filter((w) => w !== u);
      if (others.length === 0) break;
      const v = others[rng.int(others.length)];
      if (x === u || x === v || y === u || y === v || adj[u].has(x) || adj[v].has(y)) continue;
      remove(x, y);
      add(u, x);
      add(v, y);
    }
  }
  throw new GeneratorParamError('degree', `could not complete a ${r}-regular graph on ${n} switches; use another --seed or a lower degree`);
}

export function generateJellyfish(params: JellyfishParams): FabricDocument {
  const p = { ...JELLYFISH_DEFAULTS, ...params };
  const n = intParam('switches', p.switches, 2);
  const ports = intParam('ports', p.ports, 2);
  const r = intParam('degree', p.degree, 1, n - 1, `a switch can link to at most the ${n - 1} others`);
  if (r > ports) throw new GeneratorParamError('degree', `degree ${r} exceeds --ports ${ports}; use a degree <= ${ports}`);
  if ((n * r) % 2 !== 0) {
    throw new GeneratorParamError('degree', `${n} switches x degree ${r} is odd, so no regular graph exists; use an even degree or an even switch count`);
  }
  const seed = intParam('seed', p.seed, -2147483648, 2147483647);
  const gbps = positiveParam('gbps', p.gbps);
  const catalog = catalogOf(p);
  const acc = acceleratorModel(catalog, p.accelerator);
  checkNic(acc, gbps, 1, 'gbps', catalog);
  const sw = pickSwitch(catalog, ports, gbps, p.switch, 'switch');
  const hostsPer = ports - r;
  if (n * hostsPer > 1_000_000) throw new GeneratorParamError('switches', `${n * hostsPer} accelerators is over the 1,000,000 this generator builds`);

  const edges = randomRegularGraph(n, r, createRng(seed));
  edges.sort((x, y) => Math.min(x[0], x[1]) - Math.min(y[0], y[1]) || Math.max(x[0], x[1]) - Math.max(y[0], y[1]));
  const b = new FabricBuilder(catalog);
  const swIdx: number[] = [];
  const perZone = 16;
  let zone = b.zone('switches-0');
  for (let s = 0; s < n; s++) {
    if (s > 0 && s % perZone === 0) zone = b.zone(`switches-${s}`);
    const hs: number[] = [];
    for (let e = 0; e < hostsPer; e++) hs.push(b.node({ id: `h-${s}-${e}`, kind: 'accelerator', model: acc.id }));
    chunks(hs, acc.perServer).forEach((srv, j) => {
      for (const x of srv) b.nodes[x].server = `srv-${s}-${j}`;
      b.server(zone, srv, acc, srv.length);
    });
    const si = b.node({ id: `sw-${s}`, kind: 'switch', model: sw.id, tier: 'tor' });
    b.device(zone, si);
    swIdx.push(si);
    for (const x of hs) b.link(x, si, gbps, { tier: 'host' });
  }
  for (const [u, v] of edges) b.link(swIdx[Math.min(u, v)], swIdx[Math.max(u, v)], gbps, { tier: 'fabric' });
  return b.build({
    name: p.name ?? `jellyfish n=${n} k=${ports} r=${r} seed=${seed}`,
    description: `Jellyfish random ${r}-regular graph of ${n} switches (${sw.id}), ${hostsPer} accelerators each, seed ${seed}`,
    generator: generatorInfo('jellyfish', { ...p, switches: n, ports, degree: r, seed, gbps, accelerator: acc.id }, seed),
    floor: floorFrom(p),
    prefs: p.optics,
  });
}
