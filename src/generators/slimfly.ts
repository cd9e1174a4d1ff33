// Slim Fly (Besta & Hoefler, SC 2014): the McKay-Miller-Siran graph of 2q^2 routers, network radix (3q - delta)/2,
// router diameter 2, for a prime power q = 4w + delta (delta in -1, 0, 1); p accelerators per router.
import { GeneratorParamError } from '../model/errors.js';
import type { FabricDocument } from '../model/types.js';
import { FabricBuilder } from './builder.js';
import { catalogOf, chunks, floorFrom, generatorInfo, type CommonParams } from './common.js';
import { galoisField, primePower } from './galois.js';
import { acceleratorModel, checkNic, pickSwitch } from './hardware.js';
import { intParam, positiveParam } from './params.js';

export interface SlimFlyParams extends CommonParams {
  q: number;
  /** Accelerators per router; default ceil(radix / 2) (Besta & Hoefler's balanced choice). */
  endpoints?: number;
  gbps?: number;
  accelerator?: string;
  switch?: string;
}

export const SLIMFLY_DEFAULTS = { gbps: 400, accelerator: 'nvidia-h100-sxm', switch: 'auto' } as const;

/** delta of q = 4w + delta, or undefined when q mod 4 == 2 (no MMS graph). */
export function slimFlyDelta(q: number): -1 | 0 | 1 | undefined {
  const r = q % 4;
  return r === 0 ? 0 : r === 1 ? 1 : r === 3 ? -1 : undefined;
}

/** Router graph as edges over indices: (0, x, y) -> x q + y, (1, m, c) -> q^2 + m q + c. */
export function slimFlyEdges(q: number): [number, number][] {
  const delta = slimFlyDelta(q);
  const F = galoisField(q);
  if (delta === undefined || !F) throw new GeneratorParamError('q', `q=${q} is not a prime power with q mod 4 in {0, 1, 3}`);
  const w = (q - delta) / 4;
  const pow: number[] = [1];
  for (let i = 1; i < q; i++) pow.push(F.mul(pow[i - 1], F.primitive));
  let X: number[];
  let Xp: number[];
  if (delta === 1) {
    X = pow.filter((_, i) => i % 2 === 0 && i <= q - 3);
    Xp = pow.filter((_, i) => i % 2 === 1 && i <= q - 2);
  } else if (delta === 0) {
    X = pow.filter((_, i) => i % 2 === 0 && i <= q - 2);
    Xp = pow.filter((_, i) => i % 2 === 1 && i <= q - 1);
  } else {
    X = pow.filter((_, i) => (i % 2 === 0 && i <= 2 * w - 2) || (i % 2 === 1 && i >= 2 * w - 1 && i <= 4 * w - 3));
    Xp = pow.filter((_, i) => (i % 2 === 1 && i <= 2 * w - 1) || (i % 2 === 0 && i >= 2 * w && i <= 4 * w - 2));
  }
  const inX = new Uint8Array(q);
  for (const x of X) inX[x] = 1;
  const inXp = new Uint8Array(q);
  for (const x of Xp) inXp[x] = 1;
  const q2 = q * q;
  const edges: [number, number][] = [];
  for (let x = 0; x < q; x++) {
    for (let y = 0; y < q; y++) {
      for (let y2 = y + 1; y2 < q; y2++) if (inX[F.sub(y, y2)]) edges.push([x * q + y, x * q + y2]);
    }
  }
  for (let m = 0; m < q; m++) {
    for (let c = 0; c < q; c++) {
      for (let c2 = c + 1; c2 < q; c2++) if (inXp[F.sub(c, c2)]) edges.push([q2 + m * q + c, q2 + m * q + c2]);
    }
  }
  for (let x = 0; x < q; x++) {
    for (let m = 0; m < q; m++) {
      for (let c = 0; c < q; c++) edges.push([x * q + F.add(F.mul(m, x), c), q2 + m * q + c]);
    }
  }
  return edges;
}

export function generateSlimFly(params: SlimFlyParams): FabricDocument {
  const p = { ...SLIMFLY_DEFAULTS, ...params };
  const q = intParam('q', p.q, 3, 64);
  if (!primePower(q) || slimFlyDelta(q) === undefined) {
    const ok = [3, 4, 5, 7, 8, 9, 11, 13, 16, 17, 19, 23, 25, 27, 29, 31, 32, 37, 41, 43, 47, 49, 53, 59, 61, 64];
    const near = ok.filter((v) => Math.abs(v - q) <= 3);
    throw new GeneratorParamError('q', `q=${q} must be a prime power with q mod 4 != 2; use ${(near.length ? near : ok).join(', ')}`);
  }
  const delta = slimFlyDelta(q)!;
  const radix = (3 * q - delta) / 2;
  const T = intParam('endpoints', p.endpoints ?? Math.ceil(radix / 2), 1);
  const gbps = positiveParam('gbps', p.gbps);
  const catalog = catalogOf(p);
  const acc = acceleratorModel(catalog, p.accelerator);
  checkNic(acc, gbps, 1, 'gbps', catalog);
  const sw = pickSwitch(catalog, radix + T, gbps, p.switch);
  const routers = 2 * q * q;

  const b = new FabricBuilder(catalog);
  const rIdx: number[] = [];
  let zone = b.zone('subgraph-0-0');
  for (let r = 0; r < routers; r++) {
    const sub = r < q * q ? 0 : 1;
    const rest = r - sub * q * q;
    const x = Math.floor(rest / q);
    const y = rest % q;
    if (y === 0 && r > 0) zone = b.zone(`subgraph-${sub}-${x}`);
    const label = `${sub}-${x}-${y}`;
    const hs: number[] = [];
    for (let t = 0; t < T; t++) hs.push(b.node({ id: `h-${label}-${t}`, kind: 'accelerator', model: acc.id, group: `subgraph-${sub}` }));
    chunks(hs, acc.perServer).forEach((srv, j) => {
      for (const h of srv) b.nodes[h].server = `srv-${label}-${j}`;
      b.server(zone, srv, acc, srv.length);
    });
    const ri = b.node({ id: `rt-${label}`, kind: 'switch', model: sw.id, tier: 'router', group: `subgraph-${sub}` });
    b.device(zone, ri);
    rIdx.push(ri);
    for (const h of hs) b.link(h, ri, gbps, { tier: 'host' });
  }
  for (const [u, v] of slimFlyEdges(q)) b.link(rIdx[u], rIdx[v], gbps, { tier: 'fabric' });
  return b.build({
    name: p.name ?? `slimfly q=${q}`,
    description: `Slim Fly (MMS graph) q=${q}: ${routers} routers (${sw.id}), network radix ${radix}, ${routers * T} accelerators`,
    generator: generatorInfo('slimfly', { ...p, q, endpoints: T, gbps, accelerator: acc.id }),
    floor: floorFrom(p),
    prefs: p.optics,
  });
}
