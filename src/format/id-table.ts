// id -> index of the first record with that id, for the hundreds of thousands of ids of a large fabric.
// A JS Map takes ~0.25 s of CPU to grow to the 277,000 link ids of the national centre; this open-addressing
// table over the id list itself (slots hold record numbers, no per-entry allocation) takes ~0.05 s.
// The hash is seeded per table so that crafted ids cannot force long probe chains.

/** The read side, shared with Map<string, number> (the summary passes a Map). */
export interface IdLookup {
  get(id: string): number | undefined;
  has(id: string): boolean;
  readonly size: number;
  keys(): Iterable<string>;
}

export class IdTable implements IdLookup {
  /** Slot -> record index + 1 (0: empty). */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly seed = (Math.random() * 0x7fffffff) | 0;
  /** Records whose id an earlier record already has: [index, index of the first]. */
  readonly duplicates: [number, number][] = [];
  readonly size: number;

  /** `ids[i]` is the id of record i, undefined where a record has none. */
  constructor(private readonly ids: readonly (string | undefined)[]) {
    let cap = 16;
    while (cap < ids.length * 2) cap *= 2;
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    let size = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (id === undefined) continue;
      const s = this.slotOf(id);
      const e = this.slots[s];
      if (e === 0) {
        this.slots[s] = i + 1;
        size++;
      } else this.duplicates.push([i, e - 1]);
    }
    this.size = size;
  }

  /** FNV-1a over UTF-16 code units, seeded, then the slot of `id` or the empty slot where it would go. */
  private slotOf(id: string): number {
    let h = 0x811c9dc5 ^ this.seed;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    let s = h & this.mask;
    for (;;) {
      const e = this.slots[s];
      if (e === 0 || this.ids[e - 1] === id) return s;
      s = (s + 1) & this.mask;
    }
  }

  get(id: string): number | undefined {
    const e = this.slots[this.slotOf(id)];
    return e === 0 ? undefined : e - 1;
  }

  has(id: string): boolean {
    return this.slots[this.slotOf(id)] !== 0;
  }

  *keys(): IterableIterator<string> {
    for (let i = 0; i < this.ids.length; i++) {
      const id = this.ids[i];
      if (id !== undefined && this.get(id) === i) yield id;
    }
  }
}
