// Bit-parallel multi-source BFS: up to 32 x words sources advance together, one bit per source in each node's
// mask, so one OR moves 32 searches across an arc. Callers read the bits each node gains at each level.
import { LightfabricError } from '../../model/errors.js';
import type { ScratchPool } from './scratch.js';

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

  /** With a pool the buffers are borrowed from it (give them back with release()). */
  constructor(g: CsrGraph, words: number, private readonly pool?: ScratchPool) {
    if (!Number.isInteger(words) || words < 1 || words > MAX_WORDS) {
      throw new LightfabricError('bad-argument', `BitParallelBfs: words must be 1..${MAX_WORDS}`);
    }
    this.g = g;
    this.words = words;
    this.maxSources = 32 * words;
    const n = g.n;
    const int32 = (len: number) => (pool ? pool.int32(len) : new Int32Array(len));
    this.data = int32(n * 3 * words);
    this.state = int32(n);
    this.freshMask = int32(n);
    this.curList = int32(n);
    this.nxtList = int32(n);
    this.full = new Int32Array(words);
    this.frontier = this.curList;
  }

  /** Give borrowed buffers back to the pool; the instance must not be used afterwards. */
  release(): void {
    this.pool?.give(this.data, this.state, this.freshMask, this.curList, this.nxtList);
  }

  /** Level of the frontier after step() (0 after start()). */
  level = 0;
  /** Nodes that gained bits at `level` (frontier[0 .. count - 1]); what each gained is in `bits`. */
  frontier: Int32Array;
  count = 0;
  /** Bits gained at `level` by node v: bits[freshOffset + v * stride + w] (bit b of word w = source 32 w + b). */
  get bits(): Int32Array {
    return this.data;
  }
  get freshOffset(): number {
    return this.words;
  }
  get stride(): number {
    return 3 * this.words;
  }

  // Search state between start() and the last step().
  private inject: number[] = [];
  private next = 0;
  private injNodes: ArrayLike<number> = [];
  private injBits: ArrayLike<number> = [];
  private injLevels: ArrayLike<number> = [];
  private bitCount = 0;
  private targets: ArrayLike<number> | undefined;
  private openTargets = 0;
  private lastLevel = 0;

  /**
   * Search from `sources` (bit i = sources[i]; a node may repeat), calling `visit` once per level >= 1 with the
   * nodes that gained bits. Returns the last level that reached a node. With `targets` (nonzero = a node whose
   * distances matter) the search stops once every target has been reached by every source: distances of the
   * other nodes are then left incomplete.
   */
  run(sources: ArrayLike<number>, visit: BitLevelVisitor, targets?: ArrayLike<number>): number {
    this.startFrom(sources, targets);
    return this.drain(visit);
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
    this.start(nodes, bits, levels, bitCount, targets);
    return this.drain(visit);
  }

  private drain(visit: BitLevelVisitor): number {
    while (this.step()) visit(this.level, this.frontier, this.count, this.data, this.words, 3 * this.words);
    return this.lastLevel;
  }

  /** start() for plain sources: bit i enters sources[i] at distance 0. */
  startFrom(sources: ArrayLike<number>, targets?: ArrayLike<number>): void {
    const count = sources.length;
    const bits = new Int32Array(count);
    for (let i = 0; i < count; i++) bits[i] = i;
    this.start(sources, bits, new Int32Array(count), count, targets);
  }

  /**
   * Begin a search (see runInjected); then call step() until it returns false, reading `level`, `frontier`,
   * `count` and the gained bits after each step. Loops that drive the search themselves pass no callback, so
   * this kernel stays compiled for every caller.
   */
  start(
    nodes: ArrayLike<number>,
    bits: ArrayLike<number>,
    levels: ArrayLike<number>,
    bitCount: number,
    targets?: ArrayLike<number>,
  ): void {
    const W = this.words;
    const S = 3 * W;
    if (bitCount > this.maxSources) throw new LightfabricError('bad-argument', `BitParallelBfs: ${bitCount} sources for ${this.maxSources} bits`);
    const { n } = this.g;
    const { data, state, freshMask, full } = this;
    data.fill(0);
    state.fill(0);
    freshMask.fill(0);
    full.fill(0);
    for (let i = 0; i < bitCount; i++) full[i >>> 5] |= 1 << (i & 31);
    const inject = Array.from({ length: nodes.length }, (_, k) => k).sort((a, b) => levels[a] - levels[b]);
    let next = 0;
    const curList = this.curList;
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
    this.inject = inject;
    this.next = next;
    this.injNodes = nodes;
    this.injBits = bits;
    this.injLevels = levels;
    this.bitCount = bitCount;
    this.targets = targets;
    this.openTargets = openTargets;
    this.level = 0;
    this.lastLevel = 0;
    // The sources' own level (0) is not reported: the first step() yields level 1.
    this.frontier = curList;
    this.count = curCount;
  }

  /** Advance one level; false when the search is over (nothing reached, or every target saturated). */
  step(): boolean {
    const W = this.words;
    const S = 3 * W;
    const { offsets, neighbors, n } = this.g;
    const { data, state, freshMask, inject, injNodes, injBits, injLevels, bitCount, targets } = this;
    const allWords = (1 << W) - 1;
    const wordsMask = allWords;
    let next = this.next;
    let curList = this.curList;
    let nxtList = this.nxtList;
    let curCount = this.count;
    if (targets && this.openTargets === 0 && this.level > 0) return false;
    for (;;) {
      if (!(curCount > 0 || next < inject.length)) return false;
      const level = ++this.level;
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
      for (; next < inject.length && injLevels[inject[next]] <= level; next++) {
        const k = inject[next];
        const v = injNodes[k];
        const i = injBits[k];
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
          if (this.markSaturated(v) && targets && targets[v]) this.openTargets--;
        }
      }
      const t = curList;
      curList = nxtList;
      nxtList = t;
      curCount = newCount;
      this.curList = curList;
      this.nxtList = nxtList;
      this.next = next;
      this.count = curCount;
      this.frontier = curList;
      if (curCount > 0) {
        this.lastLevel = level;
        return true;
      }
      if (targets && this.openTargets === 0) return false;
    }
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
