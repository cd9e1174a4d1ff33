// Reference checks: every site / rack / node / via id a record names must exist, links must not loop or end at
// passive optics, and via entries must be OCS or patch panels on a fibre link.
import { didYouMean } from './hints.js';
import type { IdLookup } from './id-table.js';
import { problem } from './problem-codes.js';
import { rec, str, type CheckContext } from './check-context.js';

/** Hints cost |candidates| edit distances each: cache per missing id and stop hinting past a budget. */
function hinter(candidates: IdLookup): (missing: string) => string {
  const cache = new Map<string, string>();
  let budget = 300_000;
  return (missing) => {
    const hit = cache.get(missing);
    if (hit !== undefined) return hit;
    let hint = '';
    if (budget > 0) {
      budget -= candidates.size;
      hint = didYouMean(missing, candidates.keys());
    }
    cache.set(missing, hint);
    return hint;
  };
}

const suffix = (hint: string) => (hint ? ` (${hint})` : '');

export function checkReferences(ctx: CheckContext): void {
  const { out } = ctx;
  const siteHint = hinter(ctx.siteIndex);
  const rackHint = hinter(ctx.rackIndex);
  const nodeHint = hinter(ctx.nodeIndex);

  for (let i = 0; i < ctx.racks.length; i++) {
    const site = str(rec(ctx.racks[i])?.site);
    if (site !== undefined && !ctx.siteIndex.has(site)) {
      out.push(problem('dangling-site', `racks[${i}].site`,
        `no site has id ${JSON.stringify(site)}${suffix(siteHint(site))}: add the site to "sites" or fix the id`));
    }
  }

  for (let i = 0; i < ctx.nodes.length; i++) {
    const n = rec(ctx.nodes[i]);
    if (!n) continue;
    const rack = str(n.rack);
    const site = str(n.site);
    const rackAt = rack === undefined ? undefined : ctx.rackIndex.get(rack);
    if (rack !== undefined && rackAt === undefined) {
      out.push(problem('dangling-rack', `nodes[${i}].rack`,
        `no rack has id ${JSON.stringify(rack)}${suffix(rackHint(rack))}: add the rack to "racks", fix the id, or remove "rack"`));
    }
    if (site !== undefined && !ctx.siteIndex.has(site)) {
      out.push(problem('dangling-site', `nodes[${i}].site`,
        `no site has id ${JSON.stringify(site)}${suffix(siteHint(site))}: add the site to "sites", fix the id, or remove "site"`));
    } else if (site !== undefined && rackAt !== undefined) {
      const rackSite = str(rec(ctx.racks[rackAt])?.site);
      if (rackSite !== undefined && rackSite !== site && ctx.siteIndex.has(rackSite)) {
        out.push(problem('rack-site-mismatch', `nodes[${i}].site`,
          `the node is at site ${JSON.stringify(site)} but its rack ${JSON.stringify(rack)} stands in site ` +
          `${JSON.stringify(rackSite)}: set "site" to ${JSON.stringify(rackSite)}, remove it (the rack implies it), or move the node`));
      }
    }
  }

  const checkEnd = (i: number, side: 'a' | 'b', id: string, at: number) => {
    if (at < 0) {
      out.push(problem('dangling-link-end', `links[${i}].${side}`,
        `no node has id ${JSON.stringify(id)}${suffix(nodeHint(id))}: add the node or fix the link end`));
      return;
    }
    const kind = ctx.nodeKind[at];
    if (kind === 'ocs' || kind === 'patch-panel') {
      out.push(problem('link-to-passive', `links[${i}].${side}`,
        `the link ends at ${kind} ${JSON.stringify(id)}, which is passive optics, not an endpoint: ` +
        `join the two devices the circuit connects and route it through "via": [${JSON.stringify(id)}] instead`));
    }
  };

  for (let i = 0; i < ctx.links.length; i++) {
    const l = rec(ctx.links[i]);
    if (!l) continue;
    const a = str(l.a);
    const b = str(l.b);
    if (a !== undefined) checkEnd(i, 'a', a, ctx.linkA[i]);
    if (b !== undefined) checkEnd(i, 'b', b, ctx.linkB[i]);
    if (a !== undefined && a === b) {
      out.push(problem('self-link', `links[${i}].b`,
        `the link joins node ${JSON.stringify(a)} to itself: set "b" to the node at the other end, or remove the link`));
    }
    if (!Array.isArray(l.via)) continue;
    const medium = l.medium;
    // A scale-up link may run over fibre (TPU ICI through OCS): allowed when it names a pluggable optic.
    const optic = ctx.catalog.transceiver(str(l.transceiver) ?? '');
    const opticalScaleUp = medium === 'scale-up' && optic !== undefined && optic.medium !== 'copper' && !optic.cable;
    if (l.via.length > 0 && (medium === 'copper' || (medium === 'scale-up' && !opticalScaleUp))) {
      out.push(problem('via-medium', `links[${i}].via`,
        `a ${medium} link cannot pass through an OCS or patch panel (they switch fibre): ` +
        `use medium "smf" or "mmf" (or a scale-up link with a pluggable optical transceiver), or remove "via"`));
    }
    for (let j = 0; j < l.via.length; j++) {
      const v = str(l.via[j]);
      if (v === undefined) continue;
      const at = ctx.nodeIndex.get(v);
      if (at === undefined) {
        out.push(problem('dangling-via', `links[${i}].via[${j}]`,
          `no node has id ${JSON.stringify(v)}${suffix(nodeHint(v))}: add the OCS / patch panel or fix the id`));
        continue;
      }
      const kind = ctx.nodeKind[at];
      if (kind !== undefined && kind !== 'ocs' && kind !== 'patch-panel') {
        out.push(problem('via-not-passive', `links[${i}].via[${j}]`,
          `${JSON.stringify(v)} is a ${kind}, but "via" lists only OCS and patch panels the circuit passes through: ` +
          `split the link in two at this ${kind} (one link to it, one from it), or remove it from "via"`));
      }
    }
  }
}
