// Disjoint sets over 0..n-1 on one Int32Array (path halving; union links the first root under the second, so
// callers that rely on which root survives keep their order).
export interface UnionFind {
  find(x: number): number;
  /** Joins the sets of a and b; false when they were one already. */
  union(a: number, b: number): boolean;
}

export function unionFind(n: number): UnionFind {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  return {
    find,
    union(a, b) {
      const ra = find(a);
      const rb = find(b);
      if (ra === rb) return false;
      parent[ra] = rb;
      return true;
    },
  };
}
