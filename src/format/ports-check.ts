// ports-over-used: the links on a device must fit its ports (per pool: an accelerator's NIC and scale-up
// ports are separate), counting breakouts, bundles and OCS passes as src/model/ports.ts defines.
import { PORT_EPSILON } from '../model/ports.js';
import { nodeLabel, rec, str, type CheckContext } from './check-context.js';
import { countPorts, forEachPortUse } from './port-usage.js';
import { problem } from './problem-codes.js';

const POOL_WORDS: Record<string, string> = {
  nic: 'NIC (scale-out) ports', 'scale-up': 'scale-up ports', switch: 'switch ports', gateway: 'gateway ports',
  ocs: 'OCS ports (each circuit through it takes 2)', 'patch-panel': 'patch-panel ports',
};

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2).replace(/0+$/, '');
}

export function checkPorts(ctx: CheckContext): void {
  const input = {
    nodes: ctx.nodes, links: ctx.links, nodeIndex: ctx.nodeIndex, linkA: ctx.linkA, linkB: ctx.linkB, device: ctx.device,
  };
  const ledger = countPorts(input);
  // Key = node index * 2 + (scale-up ? 1 : 0) for each over-used pool; links collected in a second pass.
  const over = new Map<number, number[]>();
  for (let i = 0; i < ctx.nodes.length; i++) {
    if (ledger.pool[i] !== undefined && ledger.used[i] > ledger.ports[i] + PORT_EPSILON) over.set(i * 2, []);
    if (ledger.scaleUpUsed[i] > ledger.scaleUpPorts[i] + PORT_EPSILON) over.set(i * 2 + 1, []);
  }
  if (over.size === 0) return;
  forEachPortUse(input, (node, scaleUp, _units, link) => over.get(node * 2 + (scaleUp ? 1 : 0))?.push(link));

  for (const [key, linkIdx] of over) {
    const i = key >> 1;
    const scaleUp = (key & 1) === 1;
    const used = scaleUp ? ledger.scaleUpUsed[i] : ledger.used[i];
    const ports = scaleUp ? ledger.scaleUpPorts[i] : ledger.ports[i];
    const pool = scaleUp ? 'scale-up' : ledger.pool[i]!;
    const distinct = [...new Set(linkIdx)];
    const shown = distinct.slice(0, 8).map((li) => {
      const id = str(rec(ctx.links[li])?.id);
      return id === undefined ? `links[${li}]` : `${JSON.stringify(id)} (links[${li}])`;
    });
    const more = distinct.length > shown.length ? ` and ${distinct.length - shown.length} more` : '';
    const fix = ports === 0
      ? `this model has no ${POOL_WORDS[pool]}: remove these links or use another model`
      : `remove or move links worth ${fmt(used - ports)} port${used - ports > 1 ? 's' : ''}, lower their gbps, ` +
        `or use a model with more ports`;
    ctx.out.push(problem('ports-over-used', `nodes[${i}]`,
      `${nodeLabel(ctx, i)} uses ${fmt(used)} of its ${fmt(ports)} ${POOL_WORDS[pool]} ` +
      `(${distinct.length} link${distinct.length === 1 ? '' : 's'}: ${shown.join(', ')}${more}): ${fix}`));
  }
}
