// TPU v4-style OCS torus: cubes of 4x4x4 chips (one rack each, electrical ICI inside), whose 6 x 16 face links run
// as fibres to optical circuit switches; the OCS circuits (`via`) join faces into one torus, or a twisted torus,
// on the same fibre plant. 64 cubes and 48 OCS (one per face position: 3 dimensions x 16) give 4,096 chips.
import type { FabricDocument } from '../model/types.js';
import { GeneratorParamError } from '../model/errors.js';
import { FabricBuilder } from './builder.js';
import { catalogOf, chunks, floorFrom, generatorInfo, type CommonParams } from './common.js';
import { acceleratorModel, checkScaleUp, ocsModel } from './hardware.js';
import { boolParam, dimsParam, intParam, positiveParam } from './params.js';
import { axisName, torusCoord, torusIndex, twistShape } from './torus.js';

export interface OcsTorusParams extends CommonParams {
  cubes?: number;
  /** Chips along one edge of a cube (4 in TPU v4). */
  cubeSize?: number;
  /** Cubes per dimension of each slice, e.g. "4x4x4"; default the most cubic split of cubes / slices. */
  shape?: number[] | string;
  /** Independent tori the cubes are split into (a twisted 64-cube pod: 2 slices of 8x16x16). */
  slices?: number;
  ocsCount?: number;
  twisted?: boolean;
  accelerator?: string;
  ocsModel?: string;
  gbps?: number;
}

export const OCS_TORUS_DEFAULTS = {
  cubes: 64, cubeSize: 4, slices: 1, ocsCount: 48, twisted: false, accelerator: 'google-tpu-v4', ocsModel: 'ocs-mems-136',
} as const;

/** The most cubic a x b x c = n (a <= b <= c, smallest c - a). */
export function cubicShape(n: number): [number, number, number] {
  let best: [number, number, number] = [1, 1, n];
  for (let a = 1; a * a * a <= n; a++) {
    if (n % a) continue;
    for (let b = a; a * b * b <= n; b++) {
      if ((n / a) % b) continue;
      const c = n / a / b;
      if (c - a < best[2] - best[0]) best = [a, b, c];
    }
  }
  return best;
}

export function generateOcsTorus(params: OcsTorusParams = {}): FabricDocument {
  const p = { ...OCS_TORUS_DEFAULTS, ...params };
  const cubes = intParam('cubes', p.cubes, 1, 4096);
  const e = intParam('cube-size', p.cubeSize, 2, 16);
  const slices = intParam('slices', p.slices, 1, cubes);
  if (cubes % slices) throw new GeneratorParamError('slices', `${cubes} cubes do not split into ${slices} equal slices; use a divisor of ${cubes}`);
  const perSlice = cubes / slices;
  const shape = p.shape === undefined ? cubicShape(perSlice) : dimsParam('shape', p.shape, 1);
  if (shape.length !== 3 || shape.reduce((x, y) => x * y, 1) !== perSlice) {
    throw new GeneratorParamError('shape', `shape ${shape.join('x')} must be 3 sizes whose product is the ${perSlice} cubes of a slice`);
  }
  const twisted = boolParam('twisted', p.twisted);
  const dims = shape.map((s) => s * e);
  const twist = twisted ? twistShape(dims) : undefined;
  if (twisted && !twist) {
    throw new GeneratorParamError(
      'twisted',
      `a slice of ${shape.join('x')} cubes is a ${dims.join('x')} torus, which has no twisted form (sizes must be K or 2K): ` +
        (cubes % 2 === 0 ? `use --slices ${slices * 2} or a shape like ${[shape[0], shape[1], shape[2]].join('x')} -> K x K x 2K` : 'use a K x K x 2K shape'),
    );
  }
  const catalog = catalogOf(p);
  const acc = acceleratorModel(catalog, p.accelerator);
  const gbps = positiveParam('gbps', p.gbps ?? acc.scaleUpPortGbps);
  checkScaleUp(acc, gbps, 6, 'accelerator', catalog);
  const ocsM = ocsModel(catalog, p.ocsModel);
  const positions = 3 * e * e;
  const ocsCount = intParam('ocs-count', p.ocsCount, 1, positions * 4);
  // Face position q (dimension, two face coordinates) is patched into OCS q mod ocsCount; a circuit takes 2 ports.
  const positionsPerOcs = Math.ceil(positions / ocsCount);
  const portsNeeded = positionsPerOcs * 2 * cubes;
  if (portsNeeded > ocsM.ports) {
    const min = Math.ceil(positions / Math.floor(ocsM.ports / (2 * cubes)) || Infinity);
    throw new GeneratorParamError(
      'ocs-count',
      `${ocsCount} OCS of ${ocsM.ports} ports cannot take ${cubes} cubes (${portsNeeded} ports each needed)` +
        (Number.isFinite(min) ? `; use --ocs-count ${min} or more` : '') + ', or a larger --ocs-model',
    );
  }

  const b = new FabricBuilder(catalog);
  const chipsPerSlice = dims[0] * dims[1] * dims[2];
  const chip: number[][] = [];
  const cubeZones = [];
  const half = Math.floor(cubes / 2);
  let ocsIdx: number[] = [];
  const addOcs = () => {
    const zone = b.zone('ocs', true);
    ocsIdx = Array.from({ length: ocsCount }, (_, o) => {
      const i = b.node({ id: `ocs-${o}`, kind: 'ocs', model: ocsM.id, tier: 'ocs' });
      b.device(zone, i);
      return i;
    });
  };
  for (let s = 0; s < slices; s++) {
    const pre = slices > 1 ? `s${s}-` : '';
    const ids = new Array<number>(chipsPerSlice);
    for (let c = 0; c < perSlice; c++) {
      const cubeNo = s * perSlice + c;
      // The OCS racks sit in the middle of the floor, between the two halves of the cubes.
      if (cubeNo === half && ocsIdx.length === 0) addOcs();
      const zone = b.zone(`cube-${cubeNo}`);
      cubeZones.push(zone);
      const cc = torusCoord(c, shape);
      const local: number[] = [];
      for (let k = 0; k < e * e * e; k++) {
        const lc = torusCoord(k, [e, e, e]);
        const g = [cc[0] * e + lc[0], cc[1] * e + lc[1], cc[2] * e + lc[2]];
        const i = b.node({ id: `${pre}a-${g.join('-')}`, kind: 'accelerator', model: acc.id, group: `${pre}cube-${cc.join('-')}` });
        ids[torusIndex(g, dims)] = i;
        local.push(i);
      }
      chunks(local, acc.perServer).forEach((srv, h) => {
        for (const i of srv) b.nodes[i].server = `${pre}host-${cc.join('-')}-${h}`;
        b.server(zone, srv, acc, srv.length);
      });
    }
    chip.push(ids);
  }
  if (ocsIdx.length === 0) addOcs();

  // MEMS OCS switch single-mode light only. One object for all circuits, so transceiver choices are memoised.
  const ocsPrefs = { ...(p.optics ?? {}), classes: ['smf'] as const, passiveLossDb: ocsM.insertionLossDb };
  for (let s = 0; s < slices; s++) {
    const ids = chip[s];
    for (let i = 0; i < chipsPerSlice; i++) {
      const g = torusCoord(i, dims);
      for (let d = 0; d < 3; d++) {
        const o = g.slice();
        if ((g[d] + 1) % e !== 0) {
          // Inside a cube: electrical ICI.
          o[d] = g[d] + 1;
          b.link(ids[i], ids[torusIndex(o, dims)], gbps, { scaleUp: true, tier: `ici-${axisName(d)}` });
          continue;
        }
        // On the + face of dimension d: a circuit through the OCS of this face position to the next cube's - face.
        o[d] = (g[d] + 1) % dims[d];
        if (o[d] === 0 && twist && twist.short.includes(d)) for (const l of twist.long) o[l] = (o[l] + twist.k) % dims[l];
        const other = [0, 1, 2].filter((x) => x !== d);
        const position = d * e * e + (g[other[0]] % e) * e + (g[other[1]] % e);
        b.link(ids[i], ids[torusIndex(o, dims)], gbps, {
          scaleUp: true,
          tier: `ocs-${axisName(d)}`,
          via: [ocsIdx[position % ocsCount]],
          prefs: ocsPrefs,
        });
      }
    }
  }
  const n = cubes * e * e * e;
  return b.build({
    name: p.name ?? `OCS ${twisted ? 'twisted ' : ''}torus ${cubes} cubes`,
    description:
      `${n} ${acc.id} in ${cubes} cubes of ${e}x${e}x${e}; ${slices > 1 ? `${slices} slices of ` : ''}${dims.join('x')} ` +
      `${twisted ? 'twisted ' : ''}torus with face links through ${ocsCount} ${ocsM.id}`,
    generator: generatorInfo('ocs-torus', { ...p, cubes, cubeSize: e, slices, shape, ocsCount, twisted, gbps, accelerator: acc.id }),
    floor: floorFrom(p),
    prefs: p.optics,
  });
}
