// Servers of a fabric. Accelerators sharing a `server` id are one server (model and rack of its first accelerator);
// accelerators without one are packed perServer to a server within their model and rack — a server never spans
// racks — so the bill of materials and the per-rack power count the same servers.
import type { Catalog } from '../../catalog/index.js';
import type { Problem } from '../../model/problem.js';
import type { FabricDocument } from '../../model/types.js';

export interface ServerGroup {
  /** Accelerator model of the servers. */
  model: string;
  /** Rack of the servers (absent: not in a rack). */
  rack?: string;
  servers: number;
}

export function countServers(doc: FabricDocument, catalog: Catalog, problems: Problem[]): ServerGroup[] {
  const named = new Map<string, { model: string; rack?: string }>();
  const loose = new Map<string, { model: string; rack?: string; accelerators: number }>();
  const flagged = new Set<string>();
  for (let i = 0; i < doc.nodes.length; i++) {
    const node = doc.nodes[i];
    if (node.kind !== 'accelerator') continue;
    const acc = catalog.accelerator(node.model);
    if (!acc) continue;
    if (node.server !== undefined) {
      const first = named.get(node.server);
      if (!first) named.set(node.server, { model: node.model, rack: node.rack });
      else if (first.model !== node.model && !flagged.has(node.server)) {
        flagged.add(node.server);
        problems.push({
          path: `nodes[${i}].server`, code: 'mixed-server', severity: 'warning',
          message: `server ${node.server} holds ${first.model} and ${node.model} accelerators: its overhead is counted ` +
            `once, as a ${first.model} server; give the ${node.model} accelerators their own server id`,
        });
      }
      continue;
    }
    const key = `${node.model}\u0000${node.rack ?? ''}`;
    const g = loose.get(key);
    if (g) g.accelerators++;
    else loose.set(key, { model: node.model, rack: node.rack, accelerators: 1 });
  }

  const groups = new Map<string, ServerGroup>();
  const add = (model: string, rack: string | undefined, servers: number) => {
    const key = `${model}\u0000${rack ?? ''}`;
    const g = groups.get(key);
    if (g) g.servers += servers;
    else groups.set(key, rack === undefined ? { model, servers } : { model, rack, servers });
  };
  for (const s of named.values()) add(s.model, s.rack, 1);
  for (const g of loose.values()) {
    const perServer = Math.max(1, Math.floor(catalog.accelerator(g.model)!.perServer));
    add(g.model, g.rack, Math.ceil(g.accelerators / perServer));
  }
  return [...groups.values()].sort((a, b) =>
    a.model < b.model ? -1 : a.model > b.model ? 1 : (a.rack ?? '') < (b.rack ?? '') ? -1 : (a.rack ?? '') > (b.rack ?? '') ? 1 : 0);
}
