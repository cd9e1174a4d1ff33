// Bit-parallel multi-source BFS: up to 32 x words sources advance together, one bit per source in each node's
// mask, so one OR moves 32 searches across an arc. Callers read the bits each node gains at each level.
import { LightfabricError } from '../../model/errors.js';

export interface CsrGraph {
  n: number;
  offsets: Int32Array;
  neighbors: Int32Array;
}

/**
 * Called once per level >= 1 with the nodes that gained bits at that level (nodes[0..count-1]) and, for each
 * such node v, the bits it gained in bits[offset + v * stride + w] (bit b of word w = source 32 w + b).
 */
export type BitLevelVisitor = (level: number, nodes: Int32Array, count: number, bits: Int32Array, offset: number, stride: number) => void;

export const MAX_WORDS = 24;
const SATURATED = 1 << 30;

export class BitParallelBfs {
  readonly words: number;
  readonly maxSources: number;
  private readonly g: CsrGraph;
  /**
   * Per node one block of 3 x words: [visited | fresh (gained at the current level) | incoming (next level)].
   * One block per node keeps a push to a neighbour inside one or two cache lines.
   */
  private readonly data: Int32Array;
  /** Per node: bits 0..words-1 = which incoming words are nonzero; SATURATED once every source reached it. */
  private readonly state: Int32Array;
  /** Per frontier node: which fresh words are nonzero. */
  private readonly freshMask: Int32Array;
  private curList: Int32Array;
  private nxtList: Int32Array;
  private readonly full: Int32Array;

  constructor(g: CsrGraph, words: number) {
    if (!Number.isInteger(words) || words < 1 || words > MAX_WORDS) {
      throw new LightfabricError('bad-argument', `BitParallelBfs: words must be 1..${MAX_WORDS}`);
    }
    this.g = g;
    this.words = words;
    this.maxSources = 32 * words;
    const n = g.n;
    this.data = new Int32Array(n * 3 * words);
    this.state = new Int32Array(n);
    this.freshMask = new Int32Array(n);
    this.curList = new Int32Array(n);
    this.nxtList = new Int32Array(n);
    this.full = new Int32Array(words);
  }

  /**
   * Search from `sources` (bit i = sources[i]; a node may repeat). Returns the last level that reached a node.
   * With `targets` (nonzero = a node whose distances matter) the search stops once every target has been
   * reached by every source: distances of the other nodes are then left incomplete.
   */
  run(sources: ArrayLike<number>, visit: BitLevelVisitor, targets?: ArrayLike<number>): number {
    const count = sources.length;
    const bits = new Int32Array(count);
    for (let i = 0; i < count; i++) bits[i] = i;
    return this.runInjected(sources, bits, new Int32Array(count), count, visit, targets);
  }

  /**
   * General form: bit bits[k] enters node nodes[k] at distance levels[k] (a source with several entry points
   * at different offsets, e.g. a region's boundary). `bitCount` bits in use (0 .. bitCount - 1).
   */
  runInjected(
    nodes: ArrayLike<number>,
    bits: ArrayLike<number>,
    levels: ArrayLike<number>,
    bitCount: number,
    visit: BitLevelVisitor,
    targets?: ArrayLike<number>,
  ): number {
    const W = this.words;
    const S = 3 * W;
    if (bitCount > this.maxSources) throw new LightfabricError('bad-argument', `BitParallelBfs: ${bitCount} sources for ${this.maxSources} bits`);
    const { offsets, neighbors, n } = this.g;
    const { data, state, freshMask, full } = this;
    data.fill(0);
    state.fill(0);
    freshMask.fill(0);
    full.fill(0);
    for (let i = 0; i < bitCount; i++) full[i >>> 5] |= 1 << (i & 31);
    const allWords = (1 << W) - 1;
    const wordsMask = allWords;
    const inject = Array.from({ length: nodes.length }, (_, k) => k).sort((a, b) => levels[a] - levels[b]);
    let next = 0;

    let curList = this.curList;
    let nxtList = this.nxtList;
    let curCount = 0;
    for (; next < inject.length && levels[inject[next]] <= 0; next++) {
      const k = inject[next];
      const s = nodes[k];
      const i = bits[k];
      if (!(s >= 0 && s < n)) throw new LightfabricError('bad-argument', `BitParallelBfs: source ${s} is not a node`);
      if (!(i >= 0 && i < bitCount)) throw new LightfabricError('bad-argument', `BitParallelBfs: bit ${i} out of range`);
      const w = i >>> 5;
      const bit = 1 << (i & 31);
      data[s * S + w] |= bit;
      data[s * S + W + w] |= bit;
      if (freshMask[s] === 0) curList[curCount++] = s;
      freshMask[s] |= 1 << w;
    }
    let openTargets = 0;
    for (let i = 0; i < curCount; i++) this.markSaturated(curList[i]);
    if (targets) for (let v = 0; v < n; v++) if (targets[v] && !(state[v] & SATURATED)) openTargets++;

    let level = 0;
    let lastLevel = 0;
    while (curCount > 0 || next < inject.length) {
      level++;
      let nxtCount = 0;
      // Push: every frontier node ORs its fresh words into the incoming words of its unsaturated neighbours.
      for (let i = 0; i < curCount; i++) {
        const u = curList[i];
        const m = freshMask[u];
        const uf = u * S + W;
        for (let h = offsets[u], end = offsets[u + 1]; h < end; h++) {
          const v = neighbors[h];
          const st = state[v];
          if (st & SATURATED) continue;
          if ((st & wordsMask) === 0) nxtList[nxtCount++] = v;
          state[v] = st | m;
          const vi = v * S + 2 * W;
          if (m === allWords) {
            for (let w = 0; w < W; w++) data[vi + w] |= data[uf + w];
          } else {
            for (let mm = m; mm !== 0; mm &= mm - 1) {
              const w = 31 - Math.clz32(mm & -mm);
              data[vi + w] |= data[uf + w];
            }
          }
        }
      }
      for (let i = 0; i < curCount; i++) {
        const u = curList[i];
        const uf = u * S + W;
        for (let mm = freshMask[u]; mm !== 0; mm &= mm - 1) data[uf + 31 - Math.clz32(mm & -mm)] = 0;
        freshMask[u] = 0;
      }
      // Entry points scheduled for this distance arrive like pushed bits.
      for (; next < inject.length && levels[inject[next]] <= level; next++) {
        const k = inject[next];
        const v = nodes[k];
        const i = bits[k];
        if (!(v >= 0 && v < n) || !(i >= 0 && i < bitCount)) throw new LightfabricError('bad-argument', `BitParallelBfs: bad entry ${v}/${i}`);
        const st = state[v];
        if (st & SATURATED) continue;
        const w = i >>> 5;
        if ((st & wordsMask) === 0) nxtList[nxtCount++] = v;
        state[v] = st | (1 << w);
        data[v * S + 2 * W + w] |= 1 << (i & 31);
      }
      // Keep only bits the node did not have: those are the sources reaching it at exactly this level.
      let newCount = 0;
      for (let i = 0; i < nxtCount; i++) {
        const v = nxtList[i];
        const vb = v * S;
        let gained = 0;
        for (let mm = state[v] & wordsMask; mm !== 0; mm &= mm - 1) {
          const w = 31 - Math.clz32(mm & -mm);
          const x = data[vb + 2 * W + w] & ~data[vb + w];
          data[vb + 2 * W + w] = 0;
          if (x !== 0) {
            data[vb + w] |= x;
            data[vb + W + w] = x;
            gained |= 1 << w;
          }
        }
        state[v] &= ~wordsMask;
        if (gained !== 0) {
          freshMask[v] = gained;
          nxtList[newCount++] = v;
          if (this.markSaturated(v) && targets && targets[v]) openTargets--;
        }
      }
      const t = curList;
      curList = nxtList;
      nxtList = t;
      curCount = newCount;
      if (curCount > 0) {
        lastLevel = level;
        visit(level, curList, curCount, data, W, S);
      }
      if (targets && openTargets === 0) break;
    }
    this.curList = curList;
    this.nxtList = nxtList;
    return lastLevel;
  }

  private markSaturated(v: number): boolean {
    const W = this.words;
    const vb = v * 3 * W;
    for (let w = 0; w < W; w++) if (this.data[vb + w] !== this.full[w]) return false;
    this.state[v] |= SATURATED;
    return true;
  }
}

/** Number of set bits of a 32-bit integer. */
export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
