// Typed-array scratch shared by the phases of one evaluation. Touching fresh memory is what large buffers cost
// most (a page fault per 4 KB: ~3-8 ms per MB on this project's VMs, more than the work done on them), and dead
// buffers return to the allocator only when the garbage collector gets to them, so loops and phases that
// allocate temporaries keep touching new memory. Here temporaries are borrowed and given back instead: a request
// gets a view of its exact length on the smallest free buffer that holds it, and new buffers are made at the
// requested size (a zeroed allocation may touch all of it). A pool belongs to the graph (or compiled fabric) it
// serves and is dropped with it.

/** Requests below this many bytes are plain allocations (the allocator reuses tiny blocks well). */
const MIN_BYTES = 4096;
/** Free bytes a pool keeps at most (beyond it, given-back buffers are left to the garbage collector). */
const MAX_KEPT_BYTES = 128 * 2 ** 20;

type View = Float64Array | Int32Array | Uint8Array;

export class ScratchPool {
  /** free[k]: buffers of 2^k to 2^(k+1) - 1 bytes. */
  private readonly free: ArrayBuffer[][] = [];
  private kept = 0;
  /** Buffers lent out and not given back: only these, or whole arrays nobody else views, are taken back. */
  private readonly lent = new WeakSet<ArrayBuffer>();

  // A new buffer is zero already (and its pages untouched until used): only a reused one is cleared.
  private reused = false;

  /** A zeroed Float64Array of `length` entries (a view on a pooled buffer). */
  float64(length: number): Float64Array {
    const buf = this.take(length * 8);
    if (!buf) return new Float64Array(length);
    const a = new Float64Array(buf, 0, length);
    return this.reused ? a.fill(0) : a;
  }

  /** A zeroed Int32Array of `length` entries. */
  int32(length: number): Int32Array {
    const buf = this.take(length * 4);
    if (!buf) return new Int32Array(length);
    const a = new Int32Array(buf, 0, length);
    return this.reused ? a.fill(0) : a;
  }

  /** A zeroed Uint8Array of `length` entries. */
  uint8(length: number): Uint8Array {
    const buf = this.take(length);
    if (!buf) return new Uint8Array(length);
    const a = new Uint8Array(buf, 0, length);
    return this.reused ? a.fill(0) : a;
  }

  /**
   * Hand arrays back: ones borrowed here, or whole arrays (not views into a larger buffer). The caller must keep
   * no reference it still reads: the next borrower overwrites the memory.
   */
  give(...arrays: (View | null | undefined)[]): void {
    for (const a of arrays) {
      if (!a) continue;
      const buf = a.buffer as ArrayBuffer;
      const size = buf.byteLength;
      if (size < MIN_BYTES) continue;
      if (this.lent.has(buf)) this.lent.delete(buf);
      else if (a.byteOffset !== 0 || a.byteLength !== size) continue;
      const k = 31 - Math.clz32(size);
      const list = (this.free[k] ??= []);
      if (list.includes(buf) || this.kept + size > MAX_KEPT_BYTES) continue;
      list.push(buf);
      this.kept += size;
    }
  }

  /**
   * The smallest free buffer of at least `bytes` and less than four times that (lent from now on), else a new
   * one of exactly `bytes`; null when the request is small.
   */
  private take(bytes: number): ArrayBuffer | null {
    if (bytes < MIN_BYTES) return null;
    const k = 31 - Math.clz32(bytes);
    let buf: ArrayBuffer | undefined;
    for (let c = k; c <= k + 1 && !buf; c++) {
      const list = this.free[c];
      if (!list) continue;
      let best = -1;
      for (let i = 0; i < list.length; i++) {
        const size = list[i].byteLength;
        if (size >= bytes && (best < 0 || size < list[best].byteLength)) best = i;
      }
      if (best < 0) continue;
      buf = list[best];
      list[best] = list[list.length - 1];
      list.pop();
      this.kept -= buf.byteLength;
    }
    this.reused = buf !== undefined;
    buf ??= new ArrayBuffer(bytes);
    this.lent.add(buf);
    return buf;
  }
}

const pools = new WeakMap<object, ScratchPool>();

/** The scratch pool of `owner` (a SimpleGraph, a CompiledFabric ...), created on first use. */
export function scratchOf(owner: object): ScratchPool {
  let pool = pools.get(owner);
  if (!pool) pools.set(owner, (pool = new ScratchPool()));
  return pool;
}

/** Let `owner` use the pool of `from` (a graph derived from a compiled fabric shares the fabric's buffers). */
export function sharePool(owner: object, from: object): void {
  pools.set(owner, scratchOf(from));
}
