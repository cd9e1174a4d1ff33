// Random fabrics shaped like AI pods (servers with a scale-up switch or an accelerator mesh, rails to leaves, leaves
// to spines, a few stray links), for testing the zone decomposition where it applies and where its checks fail.
import fc from 'fast-check';
import { DocBuilder } from './fabrics.js';

export interface StructuredFabric {
  groups: number;
  serversPerGroup: number;
  gpus: number;
  scaleUp: 'switch' | 'mesh' | 'none';
  nics: number;
  spines: number;
  /** Which leaf-spine links exist (leaf i, spine s at i * spines + s); every leaf keeps at least one. */
  leafSpine: boolean[];
  /** A second link to spine 0 on some leaves (parallel links). */
  doubled: boolean[];
  /** Stray links between arbitrary nodes (indices taken modulo the node count). */
  extra: [number, number][];
  /** One server misses its scale-up links (it differs from the others). */
  odd: boolean;
  /** Link speed per tier index (rail, leaf-spine). */
  gbps: [number, number];
}

export const structuredFabric = (): fc.Arbitrary<StructuredFabric> =>
  fc.record({
    groups: fc.integer({ min: 1, max: 3 }),
    serversPerGroup: fc.integer({ min: 1, max: 4 }),
    gpus: fc.integer({ min: 1, max: 4 }),
    scaleUp: fc.constantFrom<'switch' | 'mesh' | 'none'>('switch', 'mesh', 'none'),
    nics: fc.integer({ min: 1, max: 2 }),
    spines: fc.integer({ min: 1, max: 3 }),
    leafSpine: fc.array(fc.boolean(), { minLength: 48, maxLength: 48 }),
    doubled: fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
    extra: fc.array(fc.tuple(fc.nat(200), fc.nat(200)), { maxLength: 3 }),
    odd: fc.boolean(),
    gbps: fc.tuple(fc.constantFrom(200, 400), fc.constantFrom(400, 800)),
  });

/** Build it; node ids g{group}s{server}a{gpu}, nvs{group}s{server}, lf{group}-{rail}, sp{s}. */
export function buildStructured(f: StructuredFabric): DocBuilder {
  const b = new DocBuilder();
  const ids: string[] = [];
  const rails = f.gpus * f.nics;
  for (let s = 0; s < f.spines; s++) ids.push(b.sw(`sp${s}`));
  for (let gr = 0; gr < f.groups; gr++) {
    for (let r = 0; r < rails; r++) {
      const leaf = b.sw(`lf${gr}-${r}`);
      ids.push(leaf);
      const li = (gr * rails + r) % 16;
      let any = false;
      for (let s = 0; s < f.spines; s++) {
        if (f.leafSpine[li * 3 + s] || (!any && s === f.spines - 1)) {
          b.link(leaf, `sp${s}`, f.gbps[1]);
          any = true;
        }
      }
      if (f.doubled[li]) b.link(leaf, 'sp0', f.gbps[1]);
    }
    for (let sv = 0; sv < f.serversPerGroup; sv++) {
      const gpus: string[] = [];
      for (let a = 0; a < f.gpus; a++) {
        const id = b.acc(`g${gr}s${sv}a${a}`, { server: `g${gr}s${sv}` });
        gpus.push(id);
        ids.push(id);
        for (let k = 0; k < f.nics; k++) b.link(id, `lf${gr}-${a * f.nics + k}`, f.gbps[0]);
      }
      const odd = f.odd && gr === 0 && sv === 0;
      if (f.scaleUp === 'switch' && !odd) {
        const nvs = b.sw(`nvs${gr}s${sv}`);
        ids.push(nvs);
        for (const id of gpus) b.link(id, nvs, 3600, { medium: 'scale-up' });
      } else if (f.scaleUp === 'mesh' && !odd) {
        for (let x = 0; x < gpus.length; x++) for (let y = x + 1; y < gpus.length; y++) b.link(gpus[x], gpus[y], 900, { medium: 'scale-up' });
      }
    }
  }
  for (const [x, y] of f.extra) {
    const a = ids[x % ids.length];
    const c = ids[y % ids.length];
    if (a !== c) b.link(a, c, f.gbps[0]);
  }
  return b;
}
