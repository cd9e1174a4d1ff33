// Destination twin classes: endpoints with the same neighbours over arcs of the same capacity. Swapping two
// twins is an automorphism of the routing graph, so uniform traffic toward them is routed identically.
import type { SimpleGraph } from '../graph/simple.js';

export interface TwinClasses {
  /** Number of classes; classes are numbered in order of their first endpoint. */
  count: number;
  /** Endpoint position (index into the endpoint list) -> class. */
  classOfEndpoint: Int32Array;
  /** Class -> its endpoints (node indices): members[start[k] .. start[k+1]-1]. */
  start: Int32Array;
  members: Int32Array;
}

/** Twin classes of `endpoints`; endpoints without any link each form their own class. */
export function twinClasses(g: SimpleGraph, endpoints: Int32Array): TwinClasses {
  const classOfEndpoint = new Int32Array(endpoints.length);
  const byKey = new Map<string, number>();
  const sizes: number[] = [];
  for (let i = 0; i < endpoints.length; i++) {
    const v = endpoints[i];
    const lo = g.offsets[v];
    const hi = g.offsets[v + 1];
    let k: number | undefined;
    if (hi > lo) {
      let key = '';
      for (let a = lo; a < hi; a++) key += `${g.neighbors[a]}:${g.capacityGbps[a]},`;
      k = byKey.get(key);
      if (k === undefined) {
        k = sizes.length;
        byKey.set(key, k);
        sizes.push(0);
      }
    } else {
      k = sizes.length;
      sizes.push(0);
    }
    classOfEndpoint[i] = k;
    sizes[k]++;
  }
  const count = sizes.length;
  const start = new Int32Array(count + 1);
  for (let k = 0; k < count; k++) start[k + 1] = start[k] + sizes[k];
  const fill = start.slice(0, count);
  const members = new Int32Array(endpoints.length);
  for (let i = 0; i < endpoints.length; i++) members[fill[classOfEndpoint[i]]++] = endpoints[i];
  return { count, classOfEndpoint, start, members };
}
