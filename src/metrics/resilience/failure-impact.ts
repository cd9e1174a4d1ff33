// Accelerators cut off by a set of failed links: union-find over the surviving links, then, per connected
// component of the intact fabric, the accelerators outside its largest surviving piece.
import { KIND_ACCELERATOR, KIND_CODE, type CompiledFabric } from '../../compile/compile.js';

export class FailureImpact {
  private readonly c: CompiledFabric;
  /** Node -> component id (a node index) of the intact fabric. */
  private readonly component: Int32Array;
  private readonly parent: Int32Array;
  private readonly pieceAcc: Int32Array;
  private readonly bestPiece: Int32Array;
  private readonly componentAcc: Int32Array;

  /** Bidirectional search buffers for the quick test. */
  private readonly seen: Int32Array;
  private readonly queueA: Int32Array;
  private readonly queueB: Int32Array;
  private stamp = 0;

  constructor(c: CompiledFabric, component: Int32Array, componentAccelerators: Int32Array) {
    this.c = c;
    this.component = component;
    this.componentAcc = componentAccelerators;
    this.parent = new Int32Array(c.n);
    this.pieceAcc = new Int32Array(c.n);
    this.bestPiece = new Int32Array(c.n);
    this.seen = new Int32Array(c.n);
    this.queueA = new Int32Array(c.n);
    this.queueB = new Int32Array(c.n);
  }

  /**
   * The same count, fast when nothing breaks: if the two ends of every failed link still reach each other, the
   * failures disconnect nothing (0). Each check is a bidirectional search over surviving links that stops when
   * the two sides meet; if one side runs dry (or the search grows past `maxArcs`), the full count runs.
   */
  cutOffAfter(alive: Uint8Array, failed: ArrayLike<number>, maxArcs = 100_000): number {
    for (let i = 0; i < failed.length; i++) {
      const e = failed[i];
      if (!this.stillConnected(alive, this.c.linkA[e], this.c.linkB[e], maxArcs)) return this.cutOff(alive);
    }
    return 0;
  }

  private stillConnected(alive: Uint8Array, a: number, b: number, maxArcs: number): boolean {
    const { c, seen, queueA, queueB } = this;
    // Side A marks +stamp, side B marks -stamp: meeting = finding the other side's mark.
    const st = ++this.stamp;
    seen[a] = st;
    seen[b] = -st;
    queueA[0] = a;
    queueB[0] = b;
    let headA = 0, tailA = 1, headB = 0, tailB = 1;
    let arcs = 0;
    while (headA < tailA && headB < tailB) {
      const sideA = tailA - headA <= tailB - headB;
      const queue = sideA ? queueA : queueB;
      const mine = sideA ? st : -st;
      let head = sideA ? headA : headB;
      let tail = sideA ? tailA : tailB;
      const levelEnd = tail;
      for (; head < levelEnd; head++) {
        const u = queue[head];
        for (let h = c.offsets[u]; h < c.offsets[u + 1]; h++) {
          if (!alive[c.halfEdgeLink[h]]) continue;
          const v = c.neighbors[h];
          if (seen[v] === -mine) return true;
          if (seen[v] === mine) continue;
          seen[v] = mine;
          queue[tail++] = v;
        }
        arcs += c.offsets[u + 1] - c.offsets[u];
        if (arcs > maxArcs) return false;
      }
      if (sideA) {
        headA = head;
        tailA = tail;
      } else {
        headB = head;
        tailB = tail;
      }
    }
    return false;
  }

  private find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]];
      x = p[x];
    }
    return x;
  }

  /** Accelerators cut off when the links with alive[e] = 0 fail. */
  cutOff(alive: Uint8Array): number {
    const { c, parent, pieceAcc, bestPiece, component, componentAcc } = this;
    for (let v = 0; v < c.n; v++) parent[v] = v;
    for (let e = 0; e < c.m; e++) {
      if (!alive[e]) continue;
      const a = this.find(c.linkA[e]);
      const b = this.find(c.linkB[e]);
      if (a !== b) parent[a] = b;
    }
    pieceAcc.fill(0);
    bestPiece.fill(0);
    const acc = c.accelerators;
    for (let i = 0; i < acc.length; i++) pieceAcc[this.find(acc[i])]++;
    for (let i = 0; i < acc.length; i++) {
      const r = this.find(acc[i]);
      const k = component[acc[i]];
      if (pieceAcc[r] > bestPiece[k]) bestPiece[k] = pieceAcc[r];
    }
    let cut = 0;
    for (let v = 0; v < c.n; v++) if (componentAcc[v] > 0 && component[v] === v) cut += componentAcc[v] - bestPiece[v];
    return cut;
  }
}

/** Links that fail with each network device: its own links, and for an OCS every circuit routed through it. */
export function deviceLinks(c: CompiledFabric, via: readonly (readonly string[] | undefined)[]): Int32Array[] {
  // One flat array (each device's list a view of it): its own links, then the circuits listing it.
  const n = c.n;
  const start = new Int32Array(n + 1);
  const last = new Int32Array(n);
  const ownLinks = () => {
    for (let v = 0; v < n; v++) last[v] = c.offsets[v + 1] > c.offsets[v] ? c.halfEdgeLink[c.offsets[v + 1] - 1] : -1;
  };
  // Links never end at a passive device, so only a circuit listing the same OCS twice can repeat.
  const eachCircuit = (visit: (o: number, e: number) => void) => {
    for (let e = 0; e < via.length; e++) {
      for (const id of via[e] ?? []) {
        const o = c.nodeIndex.get(id);
        if (o === undefined || last[o] === e) continue;
        last[o] = e;
        visit(o, e);
      }
    }
  };
  ownLinks();
  const count = new Int32Array(n);
  eachCircuit((o) => count[o]++);
  for (let v = 0; v < n; v++) start[v + 1] = start[v] + c.offsets[v + 1] - c.offsets[v] + count[v];
  const flat = new Int32Array(start[n]);
  const fill = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    flat.set(c.halfEdgeLink.subarray(c.offsets[v], c.offsets[v + 1]), start[v]);
    fill[v] = start[v] + c.offsets[v + 1] - c.offsets[v];
  }
  ownLinks();
  eachCircuit((o, e) => (flat[fill[o]++] = e));
  return Array.from({ length: n }, (_, v) => flat.subarray(start[v], start[v + 1]));
}

/** Network devices that can fail as a unit: everything but accelerators and passive patch panels. */
export function failableDevices(c: CompiledFabric): Int32Array {
  const out: number[] = [];
  for (let v = 0; v < c.n; v++) {
    if (c.nodeKind[v] === KIND_ACCELERATOR || c.nodeKind[v] === KIND_CODE['patch-panel']) continue;
    out.push(v);
  }
  return Int32Array.from(out);
}
