// Power per rack against the rack's limit and its cooling: devices in the rack, the overhead of servers in it, and
// the transceiver modules plugged into its devices (each end's module draws power in the rack of the device at that
// end). A rack above its cooling limit (air / liquid) is a violation even when powerLimitKw allows more.
import type { TransceiverModel } from '../../catalog/index.js';
import type { Problem } from '../../model/problem.js';
import type { Cooling } from '../../model/types.js';
import type { EvalContext } from '../context.js';
import { modulesPerEnd } from '../cost/modules.js';
import type { Inventory } from '../cost/inventory.js';

export interface RackPower {
  rackId: string;
  /** `racks[i]` in the fabric file. */
  path: string;
  site: string;
  cooling: Cooling;
  powerW: number;
  powerLimitKw: number;
  /** The cooling's limit: FACILITY.airCoolingLimitKw or liquidCoolingLimitKw. */
  coolingLimitKw: number;
  /** powerW / powerLimit (null when the rack has no usable limit). */
  utilisation: number | null;
}

export type RackViolationKind = 'power-limit' | 'cooling';

export interface RackViolation {
  rackId: string;
  path: string;
  kind: RackViolationKind;
  powerW: number;
  limitKw: number;
  cooling: Cooling;
  message: string;
}

export interface RackPowerReport {
  racks: RackPower[];
  /** Power drawn inside racks and outside any rack (devices without a rack, in-line amplifiers): sum = IT power. */
  rackedW: number;
  unrackedW: number;
  maxKw: number | null;
  meanKw: number | null;
  overPowerLimit: number;
  overCooling: number;
  violations: RackViolation[];
}

// Rack draws are sums of catalog values: a rack exactly at its limit must not fail on rounding noise.
const W_EPSILON = 1e-6;

export function computeRackPower(ctx: EvalContext, inv: Inventory, problems: Problem[]): RackPowerReport {
  const { doc, compiled, catalog } = ctx;
  const facility = catalog.facility;
  const rackIndex = new Map<string, number>();
  doc.racks.forEach((r, i) => rackIndex.set(r.id, i));
  const rackW = new Float64Array(doc.racks.length);
  let unrackedW = 0;
  const charge = (rack: number, w: number) => {
    if (rack >= 0) rackW[rack] += w;
    else unrackedW += w;
  };

  // Node index -> rack index (-1: no rack). Compiled node order is document order.
  const nodeRack = new Int32Array(doc.nodes.length).fill(-1);
  for (let i = 0; i < doc.nodes.length; i++) {
    const node = doc.nodes[i];
    if (node.rack !== undefined) {
      const r = rackIndex.get(node.rack);
      if (r === undefined) {
        problems.push({
          path: `nodes[${i}].rack`, code: 'dangling-rack', severity: 'warning',
          message: `node ${node.id} is in rack "${node.rack}", which is not in racks: its power is counted outside any rack; add the rack or fix the id`,
        });
      } else nodeRack[i] = r;
    }
    const entry = catalog.get(node.model);
    if (!entry || entry.kind !== node.kind) continue;
    if (entry.kind === 'switch' && entry.includedInServer) continue;
    charge(nodeRack[i], entry.powerW);
  }

  for (const g of inv.servers) {
    const r = g.rack === undefined ? -1 : rackIndex.get(g.rack) ?? -1;
    charge(r, g.servers * catalog.accelerator(g.model)!.serverOverheadPowerW);
  }

  const transceivers = new Map<string, TransceiverModel | null>();
  for (let e = 0; e < doc.links.length; e++) {
    const id = doc.links[e].transceiver;
    if (id === undefined) continue;
    let t = transceivers.get(id);
    if (t === undefined) {
      t = catalog.transceiver(id) ?? null;
      if (t && !(t.gbps > 0)) t = null;
      transceivers.set(id, t);
    }
    if (t === null) continue;
    const endW = modulesPerEnd(doc.links[e].gbps, t) * t.powerW;
    charge(nodeRack[compiled.linkA[e]], endW);
    charge(nodeRack[compiled.linkB[e]], endW);
  }
  unrackedW += inv.amplifiers.amplifiers * catalog.fibre.amplifierPowerW;

  const racks: RackPower[] = [];
  const violations: RackViolation[] = [];
  let overPowerLimit = 0;
  let overCooling = 0;
  let rackedW = 0;
  let maxW = -Infinity;
  for (let i = 0; i < doc.racks.length; i++) {
    const rack = doc.racks[i];
    const w = rackW[i];
    rackedW += w;
    if (w > maxW) maxW = w;
    const path = `racks[${i}]`;
    const kw = round(w / 1000);
    const limitOk = Number.isFinite(rack.powerLimitKw) && rack.powerLimitKw > 0;
    const coolingLimitKw = rack.cooling === 'liquid' ? facility.liquidCoolingLimitKw : facility.airCoolingLimitKw;
    racks.push({
      rackId: rack.id, path, site: rack.site, cooling: rack.cooling, powerW: w, powerLimitKw: rack.powerLimitKw,
      coolingLimitKw, utilisation: limitOk ? w / (rack.powerLimitKw * 1000) : null,
    });
    if (!limitOk) {
      problems.push({
        path: `${path}.powerLimitKw`, code: 'bad-rack-limit', severity: 'error',
        message: `rack ${rack.id} has power limit ${rack.powerLimitKw} kW: set powerLimitKw to the rack's feed in kW (> 0)`,
      });
    } else if (w > rack.powerLimitKw * 1000 + W_EPSILON) {
      overPowerLimit++;
      violations.push({
        rackId: rack.id, path, kind: 'power-limit', powerW: w, limitKw: rack.powerLimitKw, cooling: rack.cooling,
        message: `rack ${rack.id} draws ${kw} kW, over its ${rack.powerLimitKw} kW power limit: move servers or ` +
          'switches to another rack, or raise powerLimitKw if the feed allows',
      });
    }
    if (w > coolingLimitKw * 1000 + W_EPSILON) {
      overCooling++;
      violations.push({
        rackId: rack.id, path, kind: 'cooling', powerW: w, limitKw: coolingLimitKw, cooling: rack.cooling,
        message: rack.cooling === 'air'
          ? `rack ${rack.id} is air-cooled at ${kw} kW, above the ~${coolingLimitKw} kW that air can remove: set cooling ` +
            `to "liquid" (up to ~${facility.liquidCoolingLimitKw} kW) or spread its servers over more racks`
          : `rack ${rack.id} is liquid-cooled at ${kw} kW, above the ~${coolingLimitKw} kW direct-to-chip liquid limit: ` +
            'spread its servers over more racks',
      });
    }
  }
  return {
    racks, rackedW, unrackedW,
    maxKw: racks.length ? maxW / 1000 : null,
    meanKw: racks.length ? rackedW / racks.length / 1000 : null,
    overPowerLimit, overCooling, violations,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
