// Binary hypercube Q_n of directly linked accelerators: 2^n nodes, node i linked to i xor 2^d in every dimension d.
import type { FabricDocument } from '../model/types.js';
import { FabricBuilder } from './builder.js';
import { catalogOf, chunks, floorFrom, generatorInfo, type CommonParams } from './common.js';
import { acceleratorModel, checkScaleUp } from './hardware.js';
import { intParam, positiveParam } from './params.js';

export interface HypercubeParams extends CommonParams {
  n: number;
  gbps?: number;
  accelerator?: string;
}

export const HYPERCUBE_DEFAULTS = { accelerator: 'google-tpu-v4' } as const;

export function generateHypercube(params: HypercubeParams): FabricDocument {
  const p = { ...HYPERCUBE_DEFAULTS, ...params };
  const n = intParam('n', p.n, 1, 20, 'Q_n has 2^n accelerators');
  const catalog = catalogOf(p);
  const acc = acceleratorModel(catalog, p.accelerator);
  const gbps = positiveParam('gbps', p.gbps ?? acc.scaleUpPortGbps);
  checkScaleUp(acc, gbps, n, 'accelerator', catalog);
  const size = 2 ** n;
  const b = new FabricBuilder(catalog);
  const zone = b.zone('hypercube');
  const idx: number[] = [];
  for (let i = 0; i < size; i++) {
    idx.push(b.node({ id: `a-${i.toString(2).padStart(n, '0')}`, kind: 'accelerator', model: acc.id }));
  }
  chunks(idx, acc.perServer).forEach((srv, s) => {
    for (const i of srv) b.nodes[i].server = `host-${s}`;
    b.server(zone, srv, acc, srv.length);
  });
  for (let i = 0; i < size; i++) {
    for (let d = 0; d < n; d++) {
      const j = i ^ (1 << d);
      if (j > i) b.link(idx[i], idx[j], gbps, { scaleUp: true, tier: `dim-${d}` });
    }
  }
  return b.build({
    name: p.name ?? `hypercube Q${n}`,
    description: `binary hypercube Q${n}: ${size} ${acc.id} linked directly, degree ${n}, ${gbps} Gbps per link`,
    generator: generatorInfo('hypercube', { ...p, n, gbps, accelerator: acc.id }),
    floor: floorFrom(p),
    prefs: p.optics,
  });
}
