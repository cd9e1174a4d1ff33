// HyperX / flattened butterfly: switches on an L-dimensional grid of S per dimension, each joined to every switch
// that differs in exactly one coordinate by K parallel links, with T accelerators per switch.
import type { FabricDocument } from '../model/types.js';
import { FabricBuilder } from './builder.js';
import { catalogOf, chunks, floorFrom, generatorInfo, type CommonParams } from './common.js';
import { acceleratorModel, checkNic, pickSwitch } from './hardware.js';
import { GeneratorParamError } from '../model/errors.js';
import { dimsParam, intParam, positiveParam } from './params.js';
import { torusCoord, torusIndex } from './torus.js';

export interface HyperXParams extends CommonParams {
  /** Number of dimensions L. */
  dims: number;
  /** Switches per dimension S (one number, or one per dimension). */
  size: number | number[] | string;
  /** Parallel links K between two switches of one dimension. */
  links?: number;
  /** Accelerators per switch T. */
  endpoints: number;
  gbps?: number;
  accelerator?: string;
  switch?: string;
}

export const HYPERX_DEFAULTS = { links: 1, gbps: 400, accelerator: 'nvidia-h100-sxm', switch: 'auto' } as const;

export function generateHyperX(params: HyperXParams): FabricDocument {
  const p = { ...HYPERX_DEFAULTS, ...params };
  const L = intParam('dims', p.dims, 1, 8);
  const sizeArr = dimsParam('size', p.size, 2, 'a dimension needs at least 2 switches');
  const sizes = sizeArr.length === 1 ? new Array<number>(L).fill(sizeArr[0]) : sizeArr;
  if (sizes.length !== L) {
    throw new GeneratorParamError('size', `got ${sizes.length} sizes for ${L} dimensions; give one size, or one per dimension`);
  }
  const K = intParam('links', p.links, 1);
  const T = intParam('endpoints', p.endpoints, 1);
  const gbps = positiveParam('gbps', p.gbps);
  const catalog = catalogOf(p);
  const acc = acceleratorModel(catalog, p.accelerator);
  checkNic(acc, gbps, 1, 'gbps', catalog);
  const radix = sizes.reduce((s, S) => s + (S - 1) * K, 0) + T;
  const sw = pickSwitch(catalog, radix, gbps, p.switch);
  const count = sizes.reduce((x, y) => x * y, 1);
  if (count * T > 1_000_000) throw new GeneratorParamError('endpoints', `${count * T} accelerators is over the 1,000,000 this generator builds`);

  const b = new FabricBuilder(catalog);
  const swIdx: number[] = [];
  let zone = b.zone('row-0');
  for (let i = 0; i < count; i++) {
    const c = torusCoord(i, sizes);
    // One zone per value of the first coordinate keeps neighbouring switches of the last dimension together.
    if (i > 0 && c.slice(1).every((x) => x === 0)) zone = b.zone(`row-${c[0]}`);
    const label = c.join('-');
    const s = b.node({ id: `sw-${label}`, kind: 'switch', model: sw.id, tier: 'router', group: `row-${c[0]}` });
    swIdx.push(s);
    const hs: number[] = [];
    for (let t = 0; t < T; t++) hs.push(b.node({ id: `h-${label}-${t}`, kind: 'accelerator', model: acc.id, group: `row-${c[0]}` }));
    chunks(hs, acc.perServer).forEach((srv, j) => {
      for (const h of srv) b.nodes[h].server = `srv-${label}-${j}`;
      b.server(zone, srv, acc, srv.length);
    });
    b.device(zone, s);
    for (const h of hs) b.link(h, s, gbps, { tier: 'host' });
  }
  for (let i = 0; i < count; i++) {
    const c = torusCoord(i, sizes);
    for (let d = 0; d < L; d++) {
      for (let v = c[d] + 1; v < sizes[d]; v++) {
        const o = c.slice();
        o[d] = v;
        const j = torusIndex(o, sizes);
        for (let k = 0; k < K; k++) b.link(swIdx[i], swIdx[j], gbps, { tier: `dim-${d}` });
      }
    }
  }
  return b.build({
    name: p.name ?? `hyperx L=${L} S=${sizes.join('x')} K=${K} T=${T}`,
    description: `HyperX of ${count} switches (${sw.id}, radix used ${radix}) and ${count * T} accelerators, ${gbps} Gbps links`,
    generator: generatorInfo('hyperx', { ...p, dims: L, size: sizeArr.length === 1 ? sizes[0] : sizes, links: K, endpoints: T, gbps, accelerator: acc.id }),
    floor: floorFrom(p),
    prefs: p.optics,
  });
}
