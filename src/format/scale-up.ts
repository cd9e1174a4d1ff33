// Warnings on scale-up domains: legal files that are probably not what the designer meant (an NVLink-class
// link into a packet switch, an Ethernet link into an NVSwitch, NVLink joined to xGMI).
import type { AcceleratorModel, CatalogEntry } from '../catalog/index.js';
import { problem } from './problem-codes.js';
import { rec, type CheckContext } from './check-context.js';

function isPacketPort(e: CatalogEntry): boolean {
  return (e.kind === 'switch' && !e.scaleUp) || e.kind === 'gateway';
}

export function checkScaleUp(ctx: CheckContext): void {
  for (let i = 0; i < ctx.links.length; i++) {
    const l = rec(ctx.links[i]);
    if (!l) continue;
    const medium = l.medium;
    const ia = ctx.linkA[i];
    const ib = ctx.linkB[i];
    const ea = ia < 0 ? undefined : ctx.device[ia];
    const eb = ib < 0 ? undefined : ctx.device[ib];
    if (medium === 'scale-up') {
      const packet = ea && isPacketPort(ea) ? ea : eb && isPacketPort(eb) ? eb : undefined;
      if (packet) {
        ctx.out.push(problem('scale-up-link-to-packet-port', `links[${i}].medium`,
          `a scale-up link ends at ${packet.id}, a ${packet.kind === 'gateway' ? 'gateway' : 'packet switch'} without scale-up ports: ` +
          `use medium "smf", "mmf" or "copper" for a scale-out link, or connect it to a scale-up switch (NVSwitch, PCIe switch)`));
      } else if (ea?.kind === 'accelerator' && eb?.kind === 'accelerator') {
        const ka = (ea as AcceleratorModel).scaleUpKind;
        const kb = (eb as AcceleratorModel).scaleUpKind;
        if (ka !== kb) {
          ctx.out.push(problem('scale-up-kind-mismatch', `links[${i}]`,
            `a scale-up link joins ${ea.id} (${ka}) and ${eb.id} (${kb}), which speak different scale-up protocols: ` +
            `join accelerators of one family, or use a scale-out medium (smf, mmf, copper) through NICs`));
        }
      }
    } else if (medium === 'smf' || medium === 'mmf' || medium === 'copper') {
      const su = ea?.kind === 'switch' && ea.scaleUp ? ea : eb?.kind === 'switch' && eb.scaleUp ? eb : undefined;
      if (su) {
        ctx.out.push(problem('packet-link-to-scale-up-switch', `links[${i}].medium`,
          `${medium === 'copper' ? 'a' : 'an'} ${medium} link ends at ${su.id}, a scale-up switch: ` +
          `set "medium" to "scale-up" if this is part of the scale-up domain, or connect the link to a packet switch`));
      }
    }
  }
}
