import { describe, expect, it } from 'vitest';
import { ScratchPool, scratchOf, sharePool } from '../../../src/metrics/graph/scratch.js';

describe('scratch pool', () => {
  it('lends zeroed arrays of the exact length, and lends a given-back buffer again, cleared', () => {
    const pool = new ScratchPool();
    const a = pool.float64(10_000);
    expect(a.length).toBe(10_000);
    expect(a.every((x) => x === 0)).toBe(true);
    a.fill(7);
    pool.give(a);
    // 20,000 int32 = 80,000 bytes fit the 80,000-byte buffer: the same memory, zeroed again.
    const b = pool.int32(20_000);
    expect(b.buffer).toBe(a.buffer);
    expect(b.every((x) => x === 0)).toBe(true);
    // A smaller request reuses it too (a view of the requested length).
    pool.give(b);
    const c = pool.uint8(60_000);
    expect(c.buffer).toBe(a.buffer);
    expect(c.length).toBe(60_000);
    expect(c.every((x) => x === 0)).toBe(true);
  });

  it('keeps lent buffers apart: two borrowers never share memory', () => {
    const pool = new ScratchPool();
    const a = pool.int32(5000);
    pool.give(a);
    const b = pool.int32(5000);
    const c = pool.int32(5000);
    expect(b.buffer).toBe(a.buffer);
    expect(c.buffer).not.toBe(b.buffer);
  });

  it('does not hand a buffer four or more times too large to a small request', () => {
    const pool = new ScratchPool();
    const big = pool.uint8(64 * 1024);
    pool.give(big);
    expect(pool.uint8(16 * 1024).buffer).not.toBe(big.buffer);
    expect(pool.uint8(40 * 1024).buffer).toBe(big.buffer);
  });

  it('small requests are plain arrays; views into foreign buffers are never taken', () => {
    const pool = new ScratchPool();
    const small = pool.int32(100);
    pool.give(small);
    expect(pool.int32(100).buffer).not.toBe(small.buffer);
    // A whole array nobody else views may be adopted; a view into a larger array may not.
    const whole = new Float64Array(8192);
    const parent = new Float64Array(16_384);
    pool.give(whole, parent.subarray(0, 8192));
    expect(pool.float64(8192).buffer).toBe(whole.buffer);
    expect(pool.float64(8192).buffer).not.toBe(parent.buffer);
  });

  it('a shared pool is the owner of the other object', () => {
    const fabric = {};
    const graph = {};
    sharePool(graph, fabric);
    expect(scratchOf(graph)).toBe(scratchOf(fabric));
    expect(scratchOf({})).not.toBe(scratchOf(fabric));
  });
});
