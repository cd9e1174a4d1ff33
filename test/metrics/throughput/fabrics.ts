// Small hand-built fabrics with known closed forms, independent of the generators (which have their own tests).
import { createEvalContext, type EvalContext } from '../../../src/metrics/context.js';
import type { FabricDocument, FabricLink, FabricNode, Medium } from '../../../src/model/types.js';

export const ACC = 'nvidia-h100-sxm';
export const SW = 'nvidia-qm9700';

export class DocBuilder {
  nodes: FabricNode[] = [];
  links: FabricLink[] = [];
  acc(id: string, extra: Partial<FabricNode> = {}): string {
    this.nodes.push({ id, kind: 'accelerator', model: ACC, ...extra });
    return id;
  }
  sw(id: string, extra: Partial<FabricNode> = {}): string {
    this.nodes.push({ id, kind: 'switch', model: SW, ...extra });
    return id;
  }
  link(a: string, b: string, gbps = 400, extra: Partial<FabricLink> = {}): string {
    const id = extra.id ?? `l${this.links.length}`;
    const medium: Medium = extra.medium ?? 'copper';
    this.links.push({ id, a, b, gbps, lengthM: 2, medium, ...extra });
    return id;
  }
  doc(name = 'test'): FabricDocument {
    return { name, sites: [], racks: [], nodes: this.nodes, links: this.links };
  }
  ctx(): EvalContext {
    return createEvalContext(this.doc());
  }
}

/** k-ary fat-tree, hosts h-pod-edge-i, every link `gbps`. */
export function fatTree(k: number, gbps = 400): DocBuilder {
  const b = new DocBuilder();
  const h = k / 2;
  for (let j = 0; j < h; j++) for (let m = 0; m < h; m++) b.sw(`c-${j}-${m}`);
  for (let p = 0; p < k; p++) {
    for (let e = 0; e < h; e++) {
      b.sw(`e-${p}-${e}`);
      for (let i = 0; i < h; i++) {
        b.acc(`h-${p}-${e}-${i}`, { server: `s-${p}-${e}` });
        b.link(`h-${p}-${e}-${i}`, `e-${p}-${e}`, gbps);
      }
    }
    for (let a = 0; a < h; a++) {
      b.sw(`a-${p}-${a}`);
      for (let e = 0; e < h; e++) b.link(`e-${p}-${e}`, `a-${p}-${a}`, gbps);
      for (let m = 0; m < h; m++) b.link(`a-${p}-${a}`, `c-${a}-${m}`, gbps);
    }
  }
  return b;
}

/** Leaf-spine: L leaves with d hosts each, `u` uplinks from every leaf to every spine. */
export function leafSpine(L: number, spines: number, d: number, u = 1, gbps = 400, upGbps = gbps): DocBuilder {
  const b = new DocBuilder();
  for (let s = 0; s < spines; s++) b.sw(`sp-${s}`);
  for (let l = 0; l < L; l++) {
    b.sw(`lf-${l}`);
    for (let i = 0; i < d; i++) {
      b.acc(`h-${l}-${i}`);
      b.link(`h-${l}-${i}`, `lf-${l}`, gbps);
    }
    for (let s = 0; s < spines; s++) for (let j = 0; j < u; j++) b.link(`lf-${l}`, `sp-${s}`, upGbps);
  }
  return b;
}

/** k-ary n-cube torus (or mesh) of accelerators linked directly; node id t-x-y-... */
export function torus(dims: number[], wrap = true, gbps = 400): DocBuilder {
  const b = new DocBuilder();
  const N = dims.reduce((a, x) => a * x, 1);
  const coord = (i: number) => {
    const c: number[] = [];
    for (const k of dims) {
      c.push(i % k);
      i = Math.floor(i / k);
    }
    return c;
  };
  const id = (c: number[]) => `t-${c.join('-')}`;
  for (let i = 0; i < N; i++) b.acc(id(coord(i)));
  for (let i = 0; i < N; i++) {
    const c = coord(i);
    dims.forEach((k, dim) => {
      if (!wrap && c[dim] === k - 1) return;
      if (k === 2 && c[dim] === 1) return;
      const o = [...c];
      o[dim] = (c[dim] + 1) % k;
      b.link(id(c), id(o), gbps, { medium: 'scale-up' });
    });
  }
  return b;
}

/** Hypercube Q_n of accelerators. */
export function hypercube(n: number, gbps = 400): DocBuilder {
  const b = new DocBuilder();
  for (let i = 0; i < 1 << n; i++) b.acc(`q-${i}`);
  for (let i = 0; i < 1 << n; i++) for (let j = 0; j < n; j++) if (!(i & (1 << j))) b.link(`q-${i}`, `q-${i | (1 << j)}`, gbps);
  return b;
}

/** A fabric from an edge list over nodes 0..n-1; nodes in `accs` are accelerators, the rest switches. */
export function fromEdges(n: number, accs: Set<number>, edges: [number, number, number][]): DocBuilder {
  const b = new DocBuilder();
  for (let i = 0; i < n; i++) (accs.has(i) ? b.acc(`n${i}`) : b.sw(`n${i}`));
  for (const [x, y, g] of edges) b.link(`n${x}`, `n${y}`, g);
  return b;
}
