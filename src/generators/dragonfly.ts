// Dragonfly (Kim, Dally, Scott, Abts, ISCA 2008): g groups of a routers, each router with p accelerators and h
// global links; routers of a group fully connected; global links spread evenly over the pairs of groups
// ("consecutive" arrangement), one per pair at the maximum size g = a h + 1, parallel links with fewer groups.
import { GeneratorParamError } from '../model/errors.js';
import type { FabricDocument } from '../model/types.js';
import { FabricBuilder } from './builder.js';
import { catalogOf, chunks, floorFrom, generatorInfo, type CommonParams } from './common.js';
import { acceleratorModel, checkNic, pickSwitch } from './hardware.js';
import { intParam, positiveParam } from './params.js';

export interface DragonflyParams extends CommonParams {
  /** Routers per group. */
  a: number;
  /** Accelerators per router. */
  p: number;
  /** Global links per router. */
  h: number;
  /** Groups; default (and maximum) a h + 1. */
  g?: number;
  gbps?: number;
  accelerator?: string;
  switch?: string;
}

export const DRAGONFLY_DEFAULTS = { gbps: 400, accelerator: 'nvidia-h100-sxm', switch: 'auto' } as const;

/**
 * Global links as [group i, router in i, group j, router in j]. Group i's global port q (router q div h) faces
 * group i + 1 + (q mod (g-1)) (mod g); with m = floor(a h / (g-1)) links per pair, port q = t (g-1) + offset.
 */
export function dragonflyGlobalLinks(a: number, h: number, g: number): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  if (g < 2) return out;
  const m = Math.floor((a * h) / (g - 1));
  for (let i = 0; i < g; i++) {
    for (let j = i + 1; j < g; j++) {
      const oi = (j - i - 1 + g) % g;
      const oj = (i - j - 1 + 2 * g) % g;
      for (let t = 0; t < m; t++) {
        const qi = t * (g - 1) + oi;
        const qj = t * (g - 1) + oj;
        out.push([i, Math.floor(qi / h), j, Math.floor(qj / h)]);
      }
    }
  }
  return out;
}

export function generateDragonfly(params: DragonflyParams): FabricDocument {
  const p = { ...DRAGONFLY_DEFAULTS, ...params };
  const a = intParam('a', p.a, 1);
  const P = intParam('p', p.p, 1);
  const h = intParam('h', p.h, 1);
  const gMax = a * h + 1;
  const g = intParam('g', p.g ?? gMax, 2, gMax, `with a=${a} and h=${h} at most a h + 1 = ${gMax} groups get a global link each`);
  const gbps = positiveParam('gbps', p.gbps);
  const catalog = catalogOf(p);
  const acc = acceleratorModel(catalog, p.accelerator);
  checkNic(acc, gbps, 1, 'gbps', catalog);
  const radix = P + (a - 1) + h;
  const sw = pickSwitch(catalog, radix, gbps, p.switch);
  if (a * P * g > 1_000_000) throw new GeneratorParamError('g', `${a * P * g} accelerators is over the 1,000,000 this generator builds`);

  const b = new FabricBuilder(catalog);
  const routers: number[][] = [];
  for (let i = 0; i < g; i++) {
    const zone = b.zone(`group-${i}`);
    const group = `group-${i}`;
    const rs: number[] = [];
    for (let r = 0; r < a; r++) {
      const hs: number[] = [];
      for (let e = 0; e < P; e++) hs.push(b.node({ id: `h-${i}-${r}-${e}`, kind: 'accelerator', model: acc.id, group }));
      chunks(hs, acc.perServer).forEach((srv, s) => {
        for (const x of srv) b.nodes[x].server = `srv-${i}-${r}-${s}`;
        b.server(zone, srv, acc, srv.length);
      });
      const ri = b.node({ id: `rt-${i}-${r}`, kind: 'switch', model: sw.id, tier: 'router', group });
      b.device(zone, ri);
      for (const x of hs) b.link(x, ri, gbps, { tier: 'host' });
      rs.push(ri);
    }
    for (let x = 0; x < a; x++) for (let y = x + 1; y < a; y++) b.link(rs[x], rs[y], gbps, { tier: 'local' });
    routers.push(rs);
  }
  for (const [i, ri, j, rj] of dragonflyGlobalLinks(a, h, g)) b.link(routers[i][ri], routers[j][rj], gbps, { tier: 'global' });
  return b.build({
    name: p.name ?? `dragonfly a=${a} p=${P} h=${h} g=${g}`,
    description: `dragonfly: ${g} groups of ${a} routers (${sw.id}, radix used ${radix}), ${a * P * g} accelerators, ${gbps} Gbps links`,
    generator: generatorInfo('dragonfly', { ...p, a, p: P, h, g, gbps, accelerator: acc.id }),
    floor: floorFrom(p),
    prefs: p.optics,
  });
}
