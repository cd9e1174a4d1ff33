// Colour refinement (1-dimensional Weisfeiler-Leman) of the routing graph: nodes end in the same colour only when
// they look alike to any depth (same colour, same multiset of (neighbour colour, arc capacity)). Nodes exchanged by
// an automorphism always share a colour; the converse holds for the regular families the generators build.
import type { SimpleGraph } from '../graph/simple.js';

export interface Colouring {
  /** Node -> colour, 0 .. count-1, numbered by first node. */
  colour: Int32Array;
  count: number;
  rounds: number;
}

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Refine `initial` colours until stable. The multiset of a node's (neighbour colour, capacity) pairs is hashed
 * by two independent order-free sums of mixed values (64 bits together), so no per-node sort is needed.
 */
export function refineColours(g: SimpleGraph, initial: ArrayLike<string | number>, maxRounds = 64): Colouring {
  const n = g.n;
  const capCode = new Int32Array(g.neighbors.length);
  const caps = new Map<number, number>();
  for (let a = 0; a < capCode.length; a++) {
    let k = caps.get(g.capacityGbps[a]);
    if (k === undefined) caps.set(g.capacityGbps[a], (k = caps.size));
    capCode[a] = k;
  }
  let colour = new Int32Array(n);
  let count = renumber(n, (v) => String(initial[v]), colour);
  let rounds = 0;
  while (rounds < maxRounds) {
    rounds++;
    const next = new Int32Array(n);
    const prev = colour;
    const nextCount = renumber(n, (v) => {
      let h1 = 0;
      let h2 = 0;
      for (let a = g.offsets[v], end = g.offsets[v + 1]; a < end; a++) {
        const x = prev[g.neighbors[a]] * 1_000_003 + capCode[a];
        h1 = (h1 + mix(x)) >>> 0;
        h2 = (h2 + mix(x ^ 0x5bd1e995)) >>> 0;
      }
      return `${prev[v]}:${h1}:${h2}`;
    }, next);
    colour = next;
    if (nextCount === count) break;
    count = nextCount;
  }
  return { colour, count, rounds };
}

function renumber(n: number, key: (v: number) => string, out: Int32Array): number {
  const ids = new Map<string, number>();
  for (let v = 0; v < n; v++) {
    const k = key(v);
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = ids.size));
    out[v] = id;
  }
  return ids.size;
}
