// k-ary n-cube torus (wrap) or mesh (no wrap) of directly linked accelerators, TPU style: every link is a
// scale-up (ICI) link, copper inside a rack and optical between racks. Optionally a twisted torus (K x 2K shapes).
import type { FabricDocument } from '../model/types.js';
import { GeneratorParamError } from '../model/errors.js';
import { FabricBuilder } from './builder.js';
import { catalogOf, chunks, floorFrom, generatorInfo, type CommonParams } from './common.js';
import { acceleratorModel, checkScaleUp } from './hardware.js';
import { boolParam, dimsParam, positiveParam } from './params.js';

export interface TorusParams extends CommonParams {
  /** Size of each dimension, e.g. [4, 4, 4] or "4x4x4". */
  dims: number[] | string;
  wrap?: boolean;
  /** Twisted torus: the wrap links of each short dimension (K) shift the long dimensions (2K) by K. */
  twisted?: boolean;
  /** Link speed; default the accelerator's scale-up port speed. */
  gbps?: number;
  accelerator?: string;
}

export const TORUS_DEFAULTS = { wrap: true, twisted: false, accelerator: 'google-tpu-v4' } as const;

export const AXIS_NAMES = ['x', 'y', 'z', 'w'];
export const axisName = (d: number) => AXIS_NAMES[d] ?? `d${d}`;

/** Row-major index of a coordinate vector (last dimension fastest). */
export function torusIndex(coord: readonly number[], dims: readonly number[]): number {
  let i = 0;
  for (let d = 0; d < dims.length; d++) i = i * dims[d] + coord[d];
  return i;
}

export function torusCoord(index: number, dims: readonly number[]): number[] {
  const c = new Array<number>(dims.length);
  for (let d = dims.length - 1; d >= 0; d--) {
    c[d] = index % dims[d];
    index = Math.floor(index / dims[d]);
  }
  return c;
}

/**
 * The twist: which dimensions are short (K) and long (2K). Twisted tori exist for shapes whose sizes are all K
 * or 2K with at least one of each (k x 2k, k x k x 2k, k x 2k x 2k), as TPU v4 slices.
 */
export function twistShape(dims: readonly number[]): { k: number; short: number[]; long: number[] } | undefined {
  const k = Math.min(...dims);
  const short = dims.map((s, d) => (s === k ? d : -1)).filter((d) => d >= 0);
  const long = dims.map((s, d) => (s === 2 * k ? d : -1)).filter((d) => d >= 0);
  if (short.length + long.length !== dims.length || long.length === 0 || k < 2) return undefined;
  return { k, short, long };
}

/**
 * Neighbour pairs of a torus/mesh as [a, b, dimension] with a < b in visiting order; each link once.
 * Dimensions of size 2 get one link (a wrap would duplicate it).
 */
export function torusLinks(dims: readonly number[], wrap: boolean, twisted: boolean): [number, number, number][] {
  const n = dims.reduce((x, y) => x * y, 1);
  const twist = twisted ? twistShape(dims) : undefined;
  const out: [number, number, number][] = [];
  const c = new Array<number>(dims.length).fill(0);
  for (let i = 0; i < n; i++) {
    const coord = torusCoord(i, dims);
    for (let d = 0; d < dims.length; d++) {
      const k = dims[d];
      for (let x = 0; x < dims.length; x++) c[x] = coord[x];
      if (coord[d] + 1 < k) {
        c[d] = coord[d] + 1;
      } else if (wrap && k > 2) {
        c[d] = 0;
        if (twist && twist.short.includes(d)) for (const l of twist.long) c[l] = (coord[l] + twist.k) % dims[l];
      } else continue;
      out.push([i, torusIndex(c, dims), d]);
    }
  }
  return out;
}

export function generateTorus(params: TorusParams): FabricDocument {
  const p = { ...TORUS_DEFAULTS, ...params };
  const dims = dimsParam('dims', p.dims, 2, 'every dimension needs at least 2 accelerators');
  const wrap = boolParam('wrap', p.wrap);
  const twisted = boolParam('twisted', p.twisted);
  if (twisted) {
    if (!wrap) throw new GeneratorParamError('twisted', 'a twisted torus needs wrap links; drop --wrap false');
    if (!twistShape(dims)) {
      throw new GeneratorParamError(
        'twisted',
        `dims ${dims.join('x')} cannot be twisted: every size must be K or 2K with at least one 2K (e.g. 4x8, 4x4x8, 4x8x8)`,
      );
    }
  }
  const catalog = catalogOf(p);
  const acc = acceleratorModel(catalog, p.accelerator);
  const gbps = positiveParam('gbps', p.gbps ?? acc.scaleUpPortGbps);
  // Links per accelerator at most: two per dimension, one in a dimension of size 2 (its wrap would double it).
  const degree = dims.reduce((s, k) => s + (k === 2 ? 1 : 2), 0);
  checkScaleUp(acc, gbps, degree, 'accelerator', catalog);
  const n = dims.reduce((x, y) => x * y, 1);
  if (n > 1_000_000) throw new GeneratorParamError('dims', `${n} accelerators is over the 1,000,000 this generator builds`);

  const b = new FabricBuilder(catalog);
  const zone = b.zone('torus');
  const idx: number[] = [];
  for (let i = 0; i < n; i++) {
    idx.push(b.node({ id: `a-${torusCoord(i, dims).join('-')}`, kind: 'accelerator', model: acc.id }));
  }
  chunks(idx, acc.perServer).forEach((srv, s) => {
    for (const i of srv) b.nodes[i].server = `host-${s}`;
    b.server(zone, srv, acc, srv.length);
  });
  for (const [a, c, d] of torusLinks(dims, wrap, twisted)) b.link(idx[a], idx[c], gbps, { scaleUp: true, tier: `ici-${axisName(d)}` });
  const shape = dims.join('x');
  const kind = twisted ? 'twisted torus' : wrap ? 'torus' : 'mesh';
  return b.build({
    name: p.name ?? `${kind} ${shape}`,
    description: `${shape} ${kind} of ${n} ${acc.id} linked directly at ${gbps} Gbps per link`,
    generator: generatorInfo('torus', { ...p, dims, wrap, twisted, gbps, accelerator: acc.id }),
    floor: floorFrom(p),
    prefs: p.optics,
  });
}
