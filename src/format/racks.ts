// Placement warnings: a rack's devices against its power limit, rack units and cooling; sites with half a
// coordinate. Legal files, but a rack drawing 41 kW on a 30 kW air feed will not run.
import type { CatalogEntry } from '../catalog/index.js';
import { finite, rec, str, type CheckContext } from './check-context.js';
import { problem } from './problem-codes.js';

/** Power one device adds to its rack: an accelerator carries its share of the server overhead. */
export function devicePowerW(e: CatalogEntry): number {
  switch (e.kind) {
    case 'accelerator': return e.powerW + e.serverOverheadPowerW / Math.max(1, e.perServer);
    case 'switch': return e.includedInServer ? 0 : e.powerW;
    case 'transceiver': return 0;
    default: return e.powerW;
  }
}

/** Rack units one device takes: an accelerator takes its share of the server chassis. */
export function deviceRackUnits(e: CatalogEntry): number {
  switch (e.kind) {
    case 'accelerator': return e.serverRackUnits / Math.max(1, e.perServer);
    case 'switch': return e.includedInServer ? 0 : e.rackUnits;
    case 'transceiver': return 0;
    default: return e.rackUnits;
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function checkRacks(ctx: CheckContext): void {
  const { out } = ctx;
  const nr = ctx.racks.length;
  const powerW = new Float64Array(nr);
  const units = new Float64Array(nr);
  const count = new Int32Array(nr);
  for (let i = 0; i < ctx.nodes.length; i++) {
    const rackId = str(rec(ctx.nodes[i])?.rack);
    const r = rackId === undefined ? undefined : ctx.rackIndex.get(rackId);
    const e = ctx.device[i];
    if (r === undefined || !e) continue;
    powerW[r] += devicePowerW(e);
    units[r] += deviceRackUnits(e);
    count[r]++;
    if (e.kind === 'accelerator' && e.cooling === 'liquid' && rec(ctx.racks[r])?.cooling === 'air') {
      out.push(problem('cooling-mismatch', `nodes[${i}].rack`,
        `${e.id} is liquid-cooled but rack ${JSON.stringify(rackId)} is air-cooled: set the rack's "cooling" to "liquid" ` +
        `(and its powerLimitKw to match) or move the node to a liquid-cooled rack`));
    }
  }
  const rackUnits = ctx.catalog.facility.rackUnitsPerRack;
  for (let r = 0; r < nr; r++) {
    const rack = rec(ctx.racks[r]);
    if (!rack || count[r] === 0) continue;
    const limitKw = finite(rack.powerLimitKw);
    const kw = powerW[r] / 1000;
    if (limitKw !== undefined && limitKw > 0 && kw > limitKw * (1 + 1e-9)) {
      out.push(problem('rack-power-exceeded', `racks[${r}]`,
        `the ${count[r]} devices in rack ${JSON.stringify(str(rack.id) ?? r)} draw ${round1(kw)} kW against its ` +
        `powerLimitKw ${limitKw}: move devices to another rack or raise powerLimitKw (air ~30 kW, liquid ~130 kW per rack)`));
    }
    if (units[r] > rackUnits + 1e-9) {
      out.push(problem('rack-units-exceeded', `racks[${r}]`,
        `the ${count[r]} devices in rack ${JSON.stringify(str(rack.id) ?? r)} need ${round1(units[r])} U but a rack has ` +
        `${rackUnits} U: move devices to another rack`));
    }
  }
  for (let i = 0; i < ctx.sites.length; i++) {
    const s = rec(ctx.sites[i]);
    if (!s) continue;
    const hasLat = s.lat !== undefined;
    const hasLon = s.lon !== undefined;
    if (hasLat !== hasLon) {
      out.push(problem('partial-coordinates', `sites[${i}].${hasLat ? 'lon' : 'lat'}`,
        `the site has ${hasLat ? 'lat' : 'lon'} but no ${hasLat ? 'lon' : 'lat'}: give both (degrees) or neither`));
    }
  }
}
