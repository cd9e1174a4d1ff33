// What the semantic checks share: the record lists (guarded: a record may be malformed when the shape check
// already failed), id -> index maps with duplicate-id problems, each node's catalog entry, and the output list.
import type { Catalog, CatalogEntry } from '../catalog/index.js';
import type { Problem } from '../model/problem.js';
import { NODE_KINDS, type NodeKind } from '../model/types.js';
import { IdTable, type IdLookup } from './id-table.js';
import { problem } from './problem-codes.js';

export type Rec = Record<string, unknown>;

export interface CheckContext {
  sites: readonly unknown[];
  racks: readonly unknown[];
  nodes: readonly unknown[];
  links: readonly unknown[];
  siteIndex: IdLookup;
  rackIndex: IdLookup;
  nodeIndex: IdLookup;
  /** Link index -> node index of its end a / b; -1 where the end is missing, not a string or names no node. */
  linkA: Int32Array;
  linkB: Int32Array;
  /** Node index -> declared kind when it is one of NODE_KINDS. */
  nodeKind: (NodeKind | undefined)[];
  /** Node index -> catalog entry of its model (undefined: unknown model). */
  nodeEntry: (CatalogEntry | undefined)[];
  /**
   * Node index -> the entry when it is of the node's declared kind, else undefined: later checks (ports, optics,
   * power) skip nodes whose model or kind is already reported, so one mistake gives one problem.
   */
  device: (CatalogEntry | undefined)[];
  catalog: Catalog;
  out: Problem[];
}

export function rec(x: unknown): Rec | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Rec) : undefined;
}

export function str(x: unknown): string | undefined {
  return typeof x === 'string' && x.length > 0 ? x : undefined;
}

export function finite(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

export function list(x: unknown): readonly unknown[] {
  return Array.isArray(x) ? x : [];
}

const KIND_SET = new Set<string>(NODE_KINDS);

/** id -> index of its first record; later records with the same id get a duplicate-id problem. */
export function indexIds(records: readonly unknown[], collection: string, out: Problem[]): IdLookup {
  const ids = new Array<string | undefined>(records.length);
  for (let i = 0; i < records.length; i++) ids[i] = str(rec(records[i])?.id);
  const index = new IdTable(ids);
  const singular = collection.replace(/s$/, '');
  for (const [i, first] of index.duplicates) {
    out.push(problem('duplicate-id', `${collection}[${i}].id`,
      `${singular} id ${JSON.stringify(ids[i])} is already used by ${collection}[${first}]: ` +
      `ids must be unique among ${collection}; rename one of them (and the references to it)`));
  }
  return index;
}

/** Both ends of every link as node indices (-1: unresolved), looked up once for all checks. */
export function resolveLinkEnds(links: readonly unknown[], nodeIndex: IdLookup): { linkA: Int32Array; linkB: Int32Array } {
  const linkA = new Int32Array(links.length).fill(-1);
  const linkB = new Int32Array(links.length).fill(-1);
  for (let i = 0; i < links.length; i++) {
    const l = rec(links[i]);
    if (!l) continue;
    const a = str(l.a);
    const b = str(l.b);
    if (a !== undefined) linkA[i] = nodeIndex.get(a) ?? -1;
    if (b !== undefined) linkB[i] = nodeIndex.get(b) ?? -1;
  }
  return { linkA, linkB };
}

export function createCheckContext(doc: unknown, catalog: Catalog, out: Problem[]): CheckContext {
  const d = rec(doc) ?? {};
  const sites = list(d.sites);
  const racks = list(d.racks);
  const nodes = list(d.nodes);
  const links = list(d.links);
  const nodeKind = new Array<NodeKind | undefined>(nodes.length);
  const nodeEntry = new Array<CatalogEntry | undefined>(nodes.length);
  const device = new Array<CatalogEntry | undefined>(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const n = rec(nodes[i]);
    const kind = n?.kind;
    nodeKind[i] = typeof kind === 'string' && KIND_SET.has(kind) ? (kind as NodeKind) : undefined;
    const model = str(n?.model);
    const entry = model === undefined ? undefined : catalog.get(model);
    nodeEntry[i] = entry;
    device[i] = entry && entry.kind === nodeKind[i] ? entry : undefined;
  }
  const nodeIndex = indexIds(nodes, 'nodes', out);
  return {
    sites, racks, nodes, links,
    siteIndex: indexIds(sites, 'sites', out),
    rackIndex: indexIds(racks, 'racks', out),
    nodeIndex,
    ...resolveLinkEnds(links, nodeIndex),
    nodeKind,
    nodeEntry,
    device,
    catalog,
    out,
  };
}

/** Index of link ids: only for duplicates (links are not referenced by id inside a file). */
export function checkLinkIds(ctx: CheckContext): void {
  indexIds(ctx.links, 'links', ctx.out);
}

/** Label of node i for messages: its id and model. */
export function nodeLabel(ctx: CheckContext, i: number): string {
  const n = rec(ctx.nodes[i]);
  const id = str(n?.id) ?? `#${i}`;
  const model = str(n?.model);
  return model ? `${JSON.stringify(id)} (${model})` : JSON.stringify(id);
}
