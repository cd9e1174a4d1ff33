// Hand-built fabrics for metric tests: small documents from edge lists, and independent builders of the
// textbook families (so tests do not depend on the generators' choices of ids, lengths and optics).
import { createEvalContext, type EvalContext } from '../../../src/metrics/context.js';
import type { FabricDocument, FabricLink, FabricNode, Medium } from '../../../src/model/types.js';

export const GPU = 'nvidia-h100-sxm';
export const SWITCH = 'nvidia-qm9700';

export interface EdgeSpec {
  a: string;
  b: string;
  gbps?: number;
  lengthM?: number;
  medium?: Medium;
  transceiver?: string;
}

export class DocBuilder {
  readonly nodes: FabricNode[] = [];
  readonly links: FabricLink[] = [];

  acc(id: string, extra: Partial<FabricNode> = {}): string {
    this.nodes.push({ id, kind: 'accelerator', model: GPU, site: 'dc', ...extra });
    return id;
  }

  sw(id: string, extra: Partial<FabricNode> = {}): string {
    this.nodes.push({ id, kind: 'switch', model: SWITCH, site: 'dc', ...extra });
    return id;
  }

  link(a: string, b: string, gbps = 400, extra: Partial<FabricLink> = {}): string {
    const id = `l${this.links.length}`;
    this.links.push({ id, a, b, gbps, lengthM: 1, medium: 'copper', ...extra });
    return id;
  }

  doc(name = 'test'): FabricDocument {
    return { name, sites: [{ id: 'dc', kind: 'datacenter' }], racks: [], nodes: this.nodes, links: this.links };
  }
}

export function ctxOf(doc: FabricDocument): EvalContext {
  return createEvalContext(doc);
}

/** Accelerators a0..a{accs-1}, switches s0..; edges by index pairs where indices >= accs are switches. */
export function docFromEdges(accs: number, switches: number, edges: readonly (readonly [number, number, number?])[]): FabricDocument {
  const b = new DocBuilder();
  for (let i = 0; i < accs; i++) b.acc(`a${i}`);
  for (let i = 0; i < switches; i++) b.sw(`s${i}`);
  const id = (i: number) => (i < accs ? `a${i}` : `s${i - accs}`);
  for (const [x, y, g] of edges) b.link(id(x), id(y), g ?? 400);
  return b.doc('edges');
}

/** k-ary fat-tree (Al-Fares): hosts h{pod}-{edge}-{i}, edge e{pod}-{j}, aggregation g{pod}-{j}, core c{i}-{j}. */
export function fatTreeDoc(k: number, gbps = 400): FabricDocument {
  const b = new DocBuilder();
  const half = k / 2;
  for (let i = 0; i < half; i++) for (let j = 0; j < half; j++) b.sw(`c${i}-${j}`, { tier: 'core' });
  for (let p = 0; p < k; p++) {
    for (let j = 0; j < half; j++) b.sw(`g${p}-${j}`, { tier: 'aggregation', group: `pod${p}` });
    for (let j = 0; j < half; j++) {
      b.sw(`e${p}-${j}`, { tier: 'edge', group: `pod${p}` });
      for (let i = 0; i < half; i++) {
        b.acc(`h${p}-${j}-${i}`, { group: `pod${p}` });
        b.link(`h${p}-${j}-${i}`, `e${p}-${j}`, gbps);
      }
      for (let a = 0; a < half; a++) b.link(`e${p}-${j}`, `g${p}-${a}`, gbps);
    }
    for (let a = 0; a < half; a++) for (let i = 0; i < half; i++) b.link(`g${p}-${a}`, `c${a}-${i}`, gbps);
  }
  return b.doc(`fat-tree k=${k}`);
}

/** Leaf-spine: `leaves` leaves with `hostsPerLeaf` hosts, `uplinksPerSpine` parallel links from every leaf to every spine. */
export function leafSpineDoc(o: { leaves: number; spines: number; hostsPerLeaf: number; uplinksPerSpine?: number; gbps?: number; uplinkGbps?: number }): FabricDocument {
  const b = new DocBuilder();
  const gbps = o.gbps ?? 400;
  const up = o.uplinkGbps ?? gbps;
  for (let s = 0; s < o.spines; s++) b.sw(`spine${s}`, { tier: 'spine' });
  for (let l = 0; l < o.leaves; l++) {
    b.sw(`leaf${l}`, { tier: 'leaf' });
    for (let h = 0; h < o.hostsPerLeaf; h++) {
      b.acc(`h${l}-${h}`, { rack: `r${l}` });
      b.link(`h${l}-${h}`, `leaf${l}`, gbps);
    }
    for (let s = 0; s < o.spines; s++) for (let u = 0; u < (o.uplinksPerSpine ?? 1); u++) b.link(`leaf${l}`, `spine${s}`, up);
  }
  return b.doc('leaf-spine');
}

/** Torus (wrap) or mesh of accelerators linked directly; node t{x}-{y}-... */
export function torusDoc(dims: readonly number[], wrap = true, gbps = 400): FabricDocument {
  const b = new DocBuilder();
  const total = dims.reduce((p, d) => p * d, 1);
  const coord = (i: number) => {
    const c: number[] = [];
    for (const d of dims) {
      c.push(i % d);
      i = Math.floor(i / d);
    }
    return c;
  };
  const index = (c: number[]) => c.reduceRight((acc, x, k) => acc * dims[k] + x, 0);
  const name = (i: number) => `t${coord(i).join('-')}`;
  for (let i = 0; i < total; i++) b.acc(name(i), { model: 'google-tpu-v4' });
  for (let i = 0; i < total; i++) {
    const c = coord(i);
    dims.forEach((d, k) => {
      if (d < 2) return;
      if (c[k] + 1 < d) b.link(name(i), name(index(c.map((x, j) => (j === k ? x + 1 : x)))), gbps, { medium: 'scale-up' });
      else if (wrap && d > 2) b.link(name(i), name(index(c.map((x, j) => (j === k ? 0 : x)))), gbps, { medium: 'scale-up' });
    });
  }
  return b.doc(`torus ${dims.join('x')}`);
}

/** Hypercube Q_n of accelerators. */
export function hypercubeDoc(n: number, gbps = 400): FabricDocument {
  const b = new DocBuilder();
  const N = 1 << n;
  for (let i = 0; i < N; i++) b.acc(`q${i}`);
  for (let i = 0; i < N; i++) for (let d = 0; d < n; d++) if ((i ^ (1 << d)) > i) b.link(`q${i}`, `q${i ^ (1 << d)}`, gbps, { medium: 'scale-up' });
  return b.doc(`hypercube Q${n}`);
}

/**
 * Rail-optimised fabric shaped like the national centre's NVIDIA part: servers of 8 GPUs behind one NVLink
 * domain switch, GPU r of every server on rail leaf r of its scalable unit, leaves up to a spine group,
 * spine groups joined by cores. Used to measure the kernels at 50k before the generator exists.
 */
export function railFabricDoc(o: { servers: number; serversPerSu?: number; susPerGroup?: number; spinesPerGroup?: number; coresPerPlane?: number }): FabricDocument {
  const b = new DocBuilder();
  const perSu = o.serversPerSu ?? 32;
  const susPerGroup = o.susPerGroup ?? 8;
  const spines = o.spinesPerGroup ?? 32;
  const coresPerPlane = o.coresPerPlane ?? 4;
  const sus = Math.ceil(o.servers / perSu);
  const groups = Math.ceil(sus / susPerGroup);
  for (let p = 0; p < spines; p++) for (let c = 0; c < coresPerPlane; c++) b.sw(`core${p}-${c}`, { tier: 'core' });
  for (let g = 0; g < groups; g++) {
    for (let p = 0; p < spines; p++) {
      b.sw(`spine${g}-${p}`, { tier: 'spine', group: `g${g}` });
      for (let c = 0; c < coresPerPlane; c++) b.link(`spine${g}-${p}`, `core${p}-${c}`, 400, { medium: 'smf' });
    }
  }
  for (let su = 0; su < sus; su++) {
    const g = Math.floor(su / susPerGroup);
    for (let r = 0; r < 8; r++) {
      b.sw(`leaf${su}-${r}`, { tier: 'leaf', group: `g${g}` });
      for (let p = 0; p < spines; p++) b.link(`leaf${su}-${r}`, `spine${g}-${p}`, 400, { medium: 'smf' });
    }
  }
  for (let s = 0; s < o.servers; s++) {
    const su = Math.floor(s / perSu);
    const g = Math.floor(su / susPerGroup);
    b.sw(`nvs${s}`, { tier: 'nvswitch', model: 'nvidia-nvswitch-gen3', server: `srv${s}`, group: `g${g}` });
    for (let r = 0; r < 8; r++) {
      const id = b.acc(`gpu${s}-${r}`, { server: `srv${s}`, group: `g${g}` });
      b.link(id, `nvs${s}`, 3600, { medium: 'scale-up' });
      b.link(id, `leaf${su}-${r}`, 400, { medium: 'mmf' });
    }
  }
  return b.doc(`rail ${o.servers} servers`);
}
