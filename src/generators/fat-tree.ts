// k-ary fat-tree (Al-Fares et al., SIGCOMM 2008): k pods of k/2 edge + k/2 aggregation switches, (k/2)^2 cores;
// one accelerator per edge port: k^3/4 hosts, 5k^2/4 switches, 3k^3/4 links, all of the same speed.
import { GeneratorParamError } from '../model/errors.js';
import type { FabricDocument } from '../model/types.js';
import { FabricBuilder } from './builder.js';
import { catalogOf, chunks, floorFrom, generatorInfo, type CommonParams } from './common.js';
import { acceleratorModel, checkNic, pickSwitch } from './hardware.js';
import { evenParam, positiveParam } from './params.js';

export interface FatTreeParams extends CommonParams {
  k: number;
  gbps?: number;
  accelerator?: string;
  /** Switch model, or 'auto' (cheapest that takes k links of gbps). */
  switch?: string;
}

export const FAT_TREE_DEFAULTS = { gbps: 400, accelerator: 'nvidia-h100-sxm', switch: 'auto' } as const;

export function generateFatTree(params: FatTreeParams): FabricDocument {
  const p = { ...FAT_TREE_DEFAULTS, ...params };
  const k = evenParam('k', p.k, 2, 'k-ary fat-trees need an even k: k=4 gives 16 hosts, k=16 gives 1,024');
  if (k ** 3 / 4 > 1_000_000) throw new GeneratorParamError('k', `k=${k} gives ${k ** 3 / 4} accelerators, over the 1,000,000 this generator builds; use k <= 158`);
  const gbps = positiveParam('gbps', p.gbps);
  const catalog = catalogOf(p);
  const acc = acceleratorModel(catalog, p.accelerator);
  checkNic(acc, gbps, 1, 'gbps', catalog);
  const sw = pickSwitch(catalog, k, gbps, p.switch);
  const half = k / 2;
  const b = new FabricBuilder(catalog);

  const coreIdx: number[] = [];
  const podZones = Array.from({ length: k }, (_, pod) => pod);
  const coreZoneAt = Math.floor(k / 2);
  const addCores = () => {
    const zone = b.zone('core');
    for (let j = 0; j < half; j++) {
      for (let m = 0; m < half; m++) {
        const i = b.node({ id: `core-${j}-${m}`, kind: 'switch', model: sw.id, tier: 'core', group: 'core' });
        coreIdx.push(i);
        b.device(zone, i);
      }
    }
  };
  const pods: { edges: number[]; aggs: number[] }[] = [];
  for (const pod of podZones) {
    // Cores sit in the middle of the floor so that no pod is at the far end from all of them.
    if (pod === coreZoneAt) addCores();
    const zone = b.zone(`pod-${pod}`);
    const group = `pod-${pod}`;
    const edges: number[] = [];
    const aggs: number[] = [];
    const hosts: number[][] = [];
    for (let e = 0; e < half; e++) {
      const hs: number[] = [];
      for (let h = 0; h < half; h++) {
        hs.push(b.node({ id: `h-${pod}-${e}-${h}`, kind: 'accelerator', model: acc.id, group }));
      }
      hosts.push(hs);
    }
    const podHosts = hosts.flat();
    chunks(podHosts, acc.perServer).forEach((srv, s) => {
      for (const i of srv) b.nodes[i].server = `srv-${pod}-${s}`;
      b.server(zone, srv, acc, srv.length);
    });
    for (let e = 0; e < half; e++) {
      const i = b.node({ id: `edge-${pod}-${e}`, kind: 'switch', model: sw.id, tier: 'edge', group });
      edges.push(i);
      b.device(zone, i);
    }
    for (let a = 0; a < half; a++) {
      const i = b.node({ id: `agg-${pod}-${a}`, kind: 'switch', model: sw.id, tier: 'aggregation', group });
      aggs.push(i);
      b.device(zone, i);
    }
    for (let e = 0; e < half; e++) for (const h of hosts[e]) b.link(h, edges[e], gbps, { tier: 'host' });
    for (const e of edges) for (const a of aggs) b.link(e, a, gbps, { tier: 'edge-aggregation' });
    pods.push({ edges, aggs });
  }
  // Aggregation switch j of every pod reaches the k/2 cores of core group j (Al-Fares' wiring).
  for (const { aggs } of pods) {
    aggs.forEach((a, j) => {
      for (let m = 0; m < half; m++) b.link(a, coreIdx[j * half + m], gbps, { tier: 'aggregation-core' });
    });
  }
  return b.build({
    name: p.name ?? `fat-tree k=${k}`,
    description: `${k}-ary fat-tree: ${(k * k * k) / 4} accelerators, ${(5 * k * k) / 4} switches (${sw.id}), ${gbps} Gbps links`,
    generator: generatorInfo('fat-tree', { ...p, k, gbps, accelerator: acc.id, switch: p.switch }),
    floor: floorFrom(p),
    prefs: p.optics,
  });
}
