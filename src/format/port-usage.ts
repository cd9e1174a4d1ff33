// Ports used per device, on flat arrays, by the rules of src/model/ports.ts (portPoolFor, portUnits,
// passivePortsPerPass). Shared by validation (ports-over-used) and `inspect`; tested against ports.portUsage.
import type { CatalogEntry } from '../catalog/index.js';
import { passivePortsPerPass, portPoolFor, portUnits, type PortCapacity, type PortPool } from '../model/ports.js';
import { finite, rec } from './check-context.js';
import type { IdLookup } from './id-table.js';

export interface PortInput {
  nodes: readonly unknown[];
  links: readonly unknown[];
  /** For the `via` entries. */
  nodeIndex: IdLookup;
  /** Link index -> node index of end a / b (-1: unresolved): resolveLinkEnds. */
  linkA: Int32Array;
  linkB: Int32Array;
  /** Node index -> catalog entry when known and of the node's kind. */
  device: readonly (CatalogEntry | undefined)[];
}

export interface PortLedger {
  /** Node index -> its main port pool ('nic' for accelerators; undefined: unknown model, no ports counted). */
  pool: (PortPool | undefined)[];
  ports: Float64Array;
  used: Float64Array;
  /** Accelerators' scale-up pool (NVLink, xGMI, ...); 0 ports elsewhere. */
  scaleUpPorts: Float64Array;
  scaleUpUsed: Float64Array;
}

/** fn(node index, scale-up pool?, port units, link index) for every port a link takes. */
type PortUseFn = (node: number, scaleUp: boolean, units: number, link: number) => void;

const SCALE_UP = { medium: 'scale-up' } as const;
const PACKET = { medium: 'smf' } as const;

/**
 * Walk the port uses of every link. Links whose gbps or medium are invalid, self-links, and ends or via entries
 * that are unknown or of the wrong kind are skipped: they are reported by other checks, and counting them
 * would add a second, misleading problem.
 */
export function forEachPortUse(input: PortInput, fn: PortUseFn): void {
  const { links, nodeIndex, device, linkA, linkB } = input;
  const caps = new Map<CatalogEntry, [PortCapacity | undefined, PortCapacity | undefined]>();
  const capsOf = (e: CatalogEntry) => {
    let c = caps.get(e);
    if (!c) caps.set(e, (c = [portPoolFor(e, PACKET), portPoolFor(e, SCALE_UP)]));
    return c;
  };
  for (let li = 0; li < links.length; li++) {
    const l = rec(links[li]);
    if (!l) continue;
    const gbps = finite(l.gbps);
    const medium = l.medium;
    if (gbps === undefined || gbps <= 0) continue;
    if (medium !== 'smf' && medium !== 'mmf' && medium !== 'copper' && medium !== 'scale-up') continue;
    const ia = linkA[li];
    const ib = linkB[li];
    if (ia >= 0 && ia === ib) continue; // self-link: reported as such
    const scaleUp = medium === 'scale-up';
    const ea = ia < 0 ? undefined : device[ia];
    const eb = ib < 0 ? undefined : device[ib];
    if (ea) {
      const cap = capsOf(ea)[scaleUp ? 1 : 0];
      if (cap) fn(ia, scaleUp && ea.kind === 'accelerator', portUnits(cap, gbps), li);
    }
    if (eb) {
      const cap = capsOf(eb)[scaleUp ? 1 : 0];
      if (cap) fn(ib, scaleUp && eb.kind === 'accelerator', portUnits(cap, gbps), li);
    }
    if (!Array.isArray(l.via) || scaleUp || medium === 'copper') continue;
    for (const v of l.via) {
      const at = typeof v === 'string' ? nodeIndex.get(v) : undefined;
      const e = at === undefined ? undefined : device[at];
      if (at !== undefined && e && (e.kind === 'ocs' || e.kind === 'patch-panel')) fn(at, false, passivePortsPerPass(e), li);
    }
  }
}

export function countPorts(input: PortInput): PortLedger {
  const n = input.nodes.length;
  const pool = new Array<PortPool | undefined>(n);
  const ports = new Float64Array(n);
  const scaleUpPorts = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = input.device[i];
    if (!e) continue;
    if (e.kind === 'ocs' || e.kind === 'patch-panel') {
      pool[i] = e.kind;
      ports[i] = e.ports;
      continue;
    }
    const main = portPoolFor(e, PACKET);
    if (!main) continue;
    pool[i] = main.pool;
    ports[i] = main.ports;
    if (e.kind === 'accelerator') scaleUpPorts[i] = e.scaleUpPorts;
  }
  const used = new Float64Array(n);
  const scaleUpUsed = new Float64Array(n);
  forEachPortUse(input, (node, scaleUp, units) => {
    if (scaleUp) scaleUpUsed[node] += units;
    else used[node] += units;
  });
  return { pool, ports, used, scaleUpPorts, scaleUpUsed };
}
