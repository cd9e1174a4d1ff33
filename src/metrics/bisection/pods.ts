// The block lower bound as the bisection uses it: pods as hubs at level 2 (a pod's spines), the bound over the
// pod-level vertices (./blocks.ts) plus the scale-up domains a balanced split must cut (./domains.ts), and the
// splits its least vertices point at, to be priced exactly.
import type { CompiledFabric } from '../../compile/compile.js';
import { blockLowerBound, type BlockBound } from './blocks.js';
import type { Candidate } from './candidates.js';
import { domainPenalty } from './domains.js';
import { hubNetwork } from './hubs.js';

/** Hub level: spines above leaves. Level 1 would make every leaf a block (no bound worth its cost). */
const POD_HUB_LEVEL = 2;

export interface PodBound {
  gbps: number;
  /** Scale-up domain flow included in gbps. */
  domainGbps: number;
  blocks: number;
  classes: number;
  vertices: number;
  /** Smallest landing share over the pods (1 = every accelerator at line rate). */
  minTheta: number;
  detail: string;
  /** The least vertices as balanced splits: whole pods on side A plus the first members of the split pod. */
  candidates: Candidate[];
}

export function podLowerBound(c: CompiledFabric): PodBound | null {
  const net = hubNetwork(c, POD_HUB_LEVEL);
  if (!net) return null;
  const bound: BlockBound | null = blockLowerBound(c, net);
  if (!bound) return null;
  // Scale-out links only carry the block flow, so the scale-up links a split must cut add to it.
  const domainGbps = domainPenalty(c).gbps;
  const N = c.accelerators.length;
  const candidates: Candidate[] = bound.best.map((v) => {
    const inA = new Uint8Array(N);
    for (const p of v.sideA) for (const i of net.blocks[p].members) inA[i] = 1;
    if (v.split >= 0) {
      const members = net.blocks[v.split].members;
      for (let i = 0; i < v.splitA && i < members.length; i++) inA[members[i]] = 1;
    }
    return { inA, source: 'block' };
  });
  const minTheta = net.blocks.reduce((t, b) => Math.min(t, b.theta), 1);
  return {
    gbps: bound.gbps + domainGbps,
    domainGbps,
    blocks: bound.blocks,
    classes: bound.classes,
    vertices: bound.vertices,
    minTheta,
    detail:
      `${bound.blocks} pods (${bound.classes} classes) as hubs at their spines, every accelerator landing on its pod's spines ` +
      `with one distribution (${round(minTheta * 100)} % of line rate or more); least over ${bound.vertices} splits of whole pods ` +
      `and one split pod` + (domainGbps > 0 ? `, plus ${round(domainGbps)} Gbps inside the scale-up domains a balanced split must cut` : ''),
    candidates,
  };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
