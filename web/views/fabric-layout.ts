// A layered layout of a fabric for the read-only drawing, computed from the document alone. Rows by distance
// from the accelerators (scale-up switches just above them, optical circuit switches and patch panels between
// the tiers whose links they carry); each item sits over the mean position of what it links to below it.
// Fabrics too large to draw node by node are drawn as groups of one model per row.
import type { FabricDocument, Medium, NodeKind } from '../../src/model/types.js';

export const MAX_DRAWN_NODES = 400;
export const MAX_DRAWN_LINKS = 4000;

export interface LayoutItem {
  /** Node id, or `${row}|${kind}|${model}` for a group. */
  key: string;
  kind: NodeKind;
  model: string;
  /** Short text drawn next to the item ('' when the row is too crowded). */
  label: string;
  /** Full description for the tooltip. */
  title: string;
  /** Nodes the item stands for. */
  count: number;
  row: number;
  x: number;
  y: number;
}

export interface LayoutEdge {
  /** Item keys from one end through the passive nodes (via) to the other. */
  path: string[];
  medium: Medium;
  /** Links drawn as this edge (parallel links, or every link between two groups). */
  count: number;
  /** Capacity of those links added up, per direction. */
  gbps: number;
  /** Sideways shift, px, so bundles of different media between the same items do not hide each other. */
  offset: number;
  /** Ids of the links drawn as this edge (drawings of single devices only; empty for groups). */
  links: string[];
}

export interface LayoutRow { label: string; y: number; items: number }

/** Accelerators of one server, drawn inside one box. */
export interface ServerBox { server: string; x0: number; x1: number; y: number }

export interface FabricLayout {
  mode: 'nodes' | 'groups';
  items: LayoutItem[];
  edges: LayoutEdge[];
  rows: LayoutRow[];
  servers: ServerBox[];
  width: number;
  height: number;
}

export interface LayoutOptions {
  maxNodes?: number;
  maxLinks?: number;
  /** Width the widest row should fit in, px (rows with too many items for it take more, at 14 px each). */
  fitWidth?: number;
}

const ROW_GAP = 96;
const MARGIN_X = 24;
const MARGIN_Y = 40;
const CHAR_PX = 6.6;
const BUNDLE_GAP = 6;
/** Rows with more items than this draw no labels, only tooltips. */
const LABELLED_ROW_MAX = 24;
const UNCONNECTED = Number.POSITIVE_INFINITY;

const isPassive = (k: NodeKind) => k === 'ocs' || k === 'patch-panel';

/** Rank of every node: 0 accelerators, 2d for a device d links away, 2d-1 for scale-up switches, between for passives. */
function rankNodes(doc: FabricDocument): Float64Array {
  const n = doc.nodes.length;
  const index = new Map<string, number>();
  doc.nodes.forEach((node, i) => index.set(node.id, i));
  const degree = new Int32Array(n + 1);
  const nonScaleUp = new Uint8Array(n);
  const ends: [number, number][] = [];
  for (const l of doc.links) {
    const a = index.get(l.a);
    const b = index.get(l.b);
    if (a === undefined || b === undefined) continue;
    ends.push([a, b]);
    degree[a + 1]++;
    degree[b + 1]++;
    if (l.medium !== 'scale-up') nonScaleUp[a] = nonScaleUp[b] = 1;
  }
  for (let i = 0; i < n; i++) degree[i + 1] += degree[i];
  const fill = degree.slice(0, n);
  const adj = new Int32Array(degree[n]);
  for (const [a, b] of ends) {
    adj[fill[a]++] = b;
    adj[fill[b]++] = a;
  }
  const dist = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (doc.nodes[i].kind === 'accelerator') (dist[i] = 0), (queue[tail++] = i);
  while (head < tail) {
    const v = queue[head++];
    for (let e = degree[v]; e < degree[v + 1]; e++) {
      const w = adj[e];
      if (dist[w] < 0 && !isPassive(doc.nodes[w].kind)) (dist[w] = dist[v] + 1), (queue[tail++] = w);
    }
  }
  const rank = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const node = doc.nodes[i];
    if (isPassive(node.kind)) rank[i] = -1;
    else if (dist[i] < 0) rank[i] = UNCONNECTED;
    else if (dist[i] === 0) rank[i] = 0;
    else rank[i] = 2 * dist[i] - (node.kind === 'switch' && degree[i + 1] > degree[i] && !nonScaleUp[i] ? 1 : 0);
  }
  for (const l of doc.links) {
    if (!l.via?.length) continue;
    const ra = rank[index.get(l.a) ?? -1] ?? UNCONNECTED;
    const rb = rank[index.get(l.b) ?? -1] ?? UNCONNECTED;
    const between = ra === rb ? ra + 1 : (ra + rb) / 2;
    for (const p of l.via) {
      const i = index.get(p);
      if (i !== undefined && isPassive(doc.nodes[i].kind)) rank[i] = Math.max(rank[i], between);
    }
  }
  for (let i = 0; i < n; i++) if (rank[i] < 0) rank[i] = UNCONNECTED;
  return rank;
}

/** An item before it is placed: its row order instead of coordinates. */
interface Proto extends Omit<LayoutItem, 'x' | 'y'> {
  order: number;
  server?: string;
}

function describeNode(n: FabricDocument['nodes'][number]): string {
  const where = [n.server && `server ${n.server}`, n.rack && `rack ${n.rack}`, n.tier && `tier ${n.tier}`].filter(Boolean).join(', ');
  return `${n.name ? `${n.name} (${n.id})` : n.id}: ${n.kind} ${n.model}${where ? `; ${where}` : ''}`;
}

/** Tier names shown on a row: the tiers of its nodes when they have them, else their kinds. */
function rowLabel(doc: FabricDocument, members: readonly number[], unconnected: boolean): string {
  const tally = new Map<string, number>();
  for (const i of members) {
    const n = doc.nodes[i];
    const t = n.kind === 'accelerator' ? 'accelerators' : (n.tier ?? n.kind);
    tally.set(t, (tally.get(t) ?? 0) + 1);
  }
  const names = [...tally].sort((a, b) => b[1] - a[1]).map(([t]) => t);
  const text = names.slice(0, 3).join(' · ') + (names.length > 3 ? ' …' : '');
  return unconnected ? `not linked to accelerators: ${text}` : text;
}

export function layoutFabric(doc: FabricDocument, options: LayoutOptions = {}): FabricLayout {
  const maxNodes = options.maxNodes ?? MAX_DRAWN_NODES;
  const maxLinks = options.maxLinks ?? MAX_DRAWN_LINKS;
  const mode: FabricLayout['mode'] = doc.nodes.length <= maxNodes && doc.links.length <= maxLinks ? 'nodes' : 'groups';
  const rank = rankNodes(doc);
  const rankValues = [...new Set(rank)].sort((a, b) => a - b);
  const rowOfRank = new Map(rankValues.map((r, i) => [r, i]));
  const rowCount = rankValues.length;
  const members: number[][] = rankValues.map(() => []);

  // Items, and the item of every node.
  const protos: Proto[] = [];
  const itemOfNode = new Int32Array(doc.nodes.length);
  const groupIndex = new Map<string, number>();
  const serverOrder = new Map<string, number>();
  doc.nodes.forEach((n, i) => {
    const row = rowOfRank.get(rank[i])!;
    members[row].push(i);
    if (n.server !== undefined && !serverOrder.has(n.server)) serverOrder.set(n.server, serverOrder.size);
    if (mode === 'nodes') {
      itemOfNode[i] = protos.length;
      protos.push({
        key: n.id, kind: n.kind, model: n.model, label: n.name ?? n.id, title: describeNode(n), count: 1,
        row, order: i, server: n.kind === 'accelerator' ? n.server : undefined,
      });
      return;
    }
    const key = `${row}|${n.kind}|${n.model}`;
    let g = groupIndex.get(key);
    if (g === undefined) {
      g = protos.length;
      groupIndex.set(key, g);
      protos.push({ key, kind: n.kind, model: n.model, label: '', title: '', count: 0, row, order: i });
    }
    protos[g].count++;
    itemOfNode[i] = g;
  });
  if (mode === 'groups') {
    for (const p of protos) {
      p.label = `${p.count.toLocaleString('en-US')} × ${p.model}`;
      p.title = `${p.count.toLocaleString('en-US')} ${p.kind}${p.count === 1 ? '' : 's'} of model ${p.model}`;
    }
  }

  // Edges: links with the same ends (as items), route and medium drawn once.
  const nodeIndex = new Map<string, number>();
  doc.nodes.forEach((n, i) => nodeIndex.set(n.id, i));
  const edgeIndex = new Map<string, number>();
  const edges: LayoutEdge[] = [];
  const neighbours: Map<number, number>[] = protos.map(() => new Map());
  const touch = (p: number, q: number, w: number) => {
    neighbours[p].set(q, (neighbours[p].get(q) ?? 0) + w);
  };
  for (const l of doc.links) {
    const a = nodeIndex.get(l.a);
    const b = nodeIndex.get(l.b);
    if (a === undefined || b === undefined) continue;
    let path = [itemOfNode[a]];
    for (const v of l.via ?? []) {
      const i = nodeIndex.get(v);
      if (i !== undefined) path.push(itemOfNode[i]);
    }
    path.push(itemOfNode[b]);
    if (path[0] > path[path.length - 1]) path = path.reverse();
    for (let s = 0; s + 1 < path.length; s++) {
      touch(path[s], path[s + 1], 1);
      touch(path[s + 1], path[s], 1);
    }
    const key = `${path.join(',')}|${l.medium}`;
    const e = edgeIndex.get(key);
    if (e === undefined) {
      edgeIndex.set(key, edges.length);
      edges.push({ path: path.map((p) => protos[p].key), medium: l.medium, count: 1, gbps: l.gbps, offset: 0, links: mode === 'nodes' ? [l.id] : [] });
    } else {
      edges[e].count++;
      edges[e].gbps += l.gbps;
      if (mode === 'nodes') edges[e].links.push(l.id);
    }
  }

  const byRoute = new Map<string, LayoutEdge[]>();
  for (const e of edges) {
    const route = e.path.join('\u0000');
    const list = byRoute.get(route);
    if (list) list.push(e);
    else byRoute.set(route, [e]);
  }
  for (const list of byRoute.values()) list.forEach((e, k) => (e.offset = (k - (list.length - 1) / 2) * BUNDLE_GAP));

  // Rows of items, placed bottom-up: each item over the weighted mean x of its neighbours already placed.
  const rowsOfItems: number[][] = rankValues.map(() => []);
  protos.forEach((p, i) => rowsOfItems[p.row].push(i));
  const maxRow = Math.max(1, ...rowsOfItems.map((r) => r.length));
  const fitWidth = options.fitWidth ?? 960;
  const spacing = mode === 'groups' ? 40 : Math.max(14, Math.min(48, fitWidth / (maxRow * 1.25)));
  const x = new Float64Array(protos.length);
  const placed = new Uint8Array(protos.length);
  const labelled = rowsOfItems.map((r) => r.length <= LABELLED_ROW_MAX);
  const halfWidth = (i: number, row: number) => {
    const p = protos[i];
    if (!labelled[row] || (mode === 'nodes' && p.kind === 'accelerator')) return spacing / 2;
    return Math.max(spacing / 2, (p.label.length * CHAR_PX) / 2 + 6);
  };
  for (let row = 0; row < rowCount; row++) {
    const items = rowsOfItems[row];
    const want = new Map<number, number>();
    for (const i of items) {
      let sum = 0;
      let weight = 0;
      for (const [q, w] of neighbours[i]) if (placed[q]) (sum += x[q] * w), (weight += w);
      if (weight > 0) want.set(i, sum / weight);
    }
    if (want.size === 0) {
      // Nothing below to align with (the accelerators' row, or a row not linked to them): by server, then file order.
      items.sort((p, q) => (serverOrder.get(protos[p].server ?? '') ?? -1) - (serverOrder.get(protos[q].server ?? '') ?? -1) || protos[p].order - protos[q].order);
      let cursor = 0;
      items.forEach((i, k) => {
        if (k > 0) {
          const prev = items[k - 1];
          const gap = halfWidth(prev, row) + halfWidth(i, row);
          cursor += protos[i].server !== protos[prev].server ? gap + spacing / 2 : gap;
        }
        x[i] = cursor;
      });
    } else {
      const fallback = [...want.values()].reduce((s, v) => s + v, 0) / want.size;
      for (const i of items) if (!want.has(i)) want.set(i, fallback);
      items.sort((p, q) => want.get(p)! - want.get(q)! || protos[p].order - protos[q].order);
      // Keep the spacing, then shift the row so it sits, on average, where its items want to be.
      let shift = 0;
      items.forEach((i, k) => {
        x[i] = k === 0 ? want.get(i)! : Math.max(want.get(i)!, x[items[k - 1]] + halfWidth(items[k - 1], row) + halfWidth(i, row));
        shift += want.get(i)! - x[i];
      });
      shift /= items.length;
      for (const i of items) x[i] += shift;
    }
    for (const i of items) placed[i] = 1;
  }

  let minX = Infinity;
  let maxX = -Infinity;
  protos.forEach((p, i) => {
    minX = Math.min(minX, x[i] - halfWidth(i, p.row));
    maxX = Math.max(maxX, x[i] + halfWidth(i, p.row));
  });
  if (!Number.isFinite(minX)) minX = maxX = 0;
  const height = 2 * MARGIN_Y + Math.max(0, rowCount - 1) * ROW_GAP;
  const yOfRow = (row: number) => height - MARGIN_Y - row * ROW_GAP;
  const items: LayoutItem[] = protos.map((p, i) => ({
    key: p.key, kind: p.kind, model: p.model, label: labelled[p.row] && !(mode === 'nodes' && p.kind === 'accelerator') ? p.label : '',
    title: p.title, count: p.count, row: p.row, x: x[i] - minX + MARGIN_X, y: yOfRow(p.row),
  }));

  const servers: ServerBox[] = [];
  if (mode === 'nodes' && rowCount > 0) {
    for (const i of rowsOfItems[0]) {
      const s = protos[i].server;
      if (s === undefined) continue;
      const last = servers[servers.length - 1];
      if (last && last.server === s) last.x1 = items[i].x;
      else servers.push({ server: s, x0: items[i].x, x1: items[i].x, y: items[i].y });
    }
  }

  const rows: LayoutRow[] = rankValues.map((r, row) => ({
    label: rowLabel(doc, members[row], r === UNCONNECTED),
    y: yOfRow(row),
    items: rowsOfItems[row].length,
  }));
  return { mode, items, edges, rows, servers, width: maxX - minX + 2 * MARGIN_X, height };
}
