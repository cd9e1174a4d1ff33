// A new link between two devices as the generators would lay it: its speed from the first end's existing scale-out
// links (else 400 Gbps), its length from the two racks' floor positions (same rack: a short in-rack cable; across
// racks: the tray route with vertical runs and slack, src/placement/floor.ts), and the cheapest optic or cable of
// that speed that reaches (src/placement/transceiver.ts), which also fixes the medium. The editor applies it as an
// add-link edit, so the usual checks (ports, reach) still decide whether it can be made.
import type { Catalog } from '../catalog/index.js';
import type { FabricDocument, FabricLink } from '../model/types.js';
import { cableLengthM, floorOptions } from '../placement/floor.js';
import { chooseTransceiver } from '../placement/transceiver.js';
import { freshId } from './apply-edit.js';

const DEFAULT_GBPS = 400;

export function proposeLink(doc: FabricDocument, a: string, b: string, catalog: Catalog): FabricLink {
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const racks = new Map(doc.racks.map((r) => [r.id, r]));
  const first = doc.links.find((l) => (l.a === a || l.b === a) && l.medium !== 'scale-up');
  const gbps = first?.gbps ?? DEFAULT_GBPS;
  const ra = racks.get(nodes.get(a)?.rack ?? '');
  const rb = racks.get(nodes.get(b)?.rack ?? '');
  const floor = floorOptions();
  const lengthM = ra && rb ? cableLengthM(ra, rb, ra.id === rb.id, floor) : (first?.lengthM ?? floor.sameRackM);
  const choice = chooseTransceiver(gbps, lengthM, catalog);
  return {
    id: freshId(doc, `${a}-l`), a, b, gbps, lengthM,
    medium: choice?.medium ?? 'smf',
    ...(choice ? { transceiver: choice.model.id } : {}),
  };
}
