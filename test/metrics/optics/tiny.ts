// Hand-built tiny fabrics for the optics, cost and power tests: every figure in them can be worked out by hand.
import { createEvalContext, type EvalContext } from '../../../src/metrics/context.js';
import type { FabricDocument, FabricLink, FabricNode, Rack } from '../../../src/model/types.js';

export function doc(parts: Partial<FabricDocument> & { nodes: FabricNode[] }): FabricDocument {
  return {
    name: 'tiny',
    sites: [{ id: 'dc', kind: 'datacenter' }],
    racks: [],
    links: [],
    ...parts,
  };
}

export function ctxOf(d: FabricDocument): EvalContext {
  return createEvalContext(d);
}

export function rack(id: string, powerLimitKw: number, cooling: Rack['cooling'] = 'air', site = 'dc'): Rack {
  return { id, site, xM: 0, yM: 0, powerLimitKw, cooling };
}

export function node(id: string, kind: FabricNode['kind'], model: string, extra: Partial<FabricNode> = {}): FabricNode {
  return { id, kind, model, ...extra };
}

export function link(id: string, a: string, b: string, extra: Partial<FabricLink> = {}): FabricLink {
  return { id, a, b, gbps: 400, lengthM: 10, medium: 'smf', ...extra };
}

/** One 8-GPU server `server` of `model` (default H100) in `rack`, ids `${prefix}0..7`. */
export function gpus(prefix: string, server: string | undefined, rackId?: string, model = 'nvidia-h100-sxm', count = 8): FabricNode[] {
  return Array.from({ length: count }, (_, i) =>
    node(`${prefix}${i}`, 'accelerator', model, {
      ...(server !== undefined ? { server } : {}),
      ...(rackId !== undefined ? { rack: rackId } : {}),
    }));
}

/** Two switches joined by one link: the smallest fabric to put a single optic on. */
export function pointToPoint(l: Partial<FabricLink>, extraNodes: FabricNode[] = []): FabricDocument {
  return doc({
    nodes: [node('s1', 'switch', 'nvidia-sn5600'), node('s2', 'switch', 'nvidia-sn5600'), ...extraNodes],
    links: [link('l1', 's1', 's2', l)],
  });
}
