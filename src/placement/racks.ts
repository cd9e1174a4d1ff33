// Packing devices into racks: units (a server with its accelerators and in-server switches, or one switch / OCS)
// fill racks in order, zone by zone, within each rack's power limit (from its cooling) and rack units.
import type { Catalog } from '../catalog/index.js';
import { GeneratorParamError } from '../model/errors.js';
import type { Cooling, Rack } from '../model/types.js';
import { rackPosition, round, type FloorOptions } from './floor.js';

export interface PlacementUnit {
  /** Indices of the nodes the unit holds (into the generator's node list). */
  nodes: number[];
  powerW: number;
  rackUnits: number;
  /** The device must be liquid cooled (GB200, TPU v4, MI355X). */
  liquid: boolean;
}

/** A group of units kept together on the floor (a pod, the spine). Each zone starts a new rack. */
export interface PlacementZone {
  id: string;
  units: PlacementUnit[];
  /** Start the zone at the beginning of a row. */
  newRow?: boolean;
}

export interface PackResult {
  racks: Rack[];
  /** Node index -> rack index, -1 for nodes outside any rack (remote gateways). */
  nodeRack: Int32Array;
  /** Node index -> unit serial number, -1 outside any unit: nodes of one unit sit in one server. */
  nodeUnit: Int32Array;
}

export function rackLimits(cooling: Cooling, floor: FloorOptions, catalog: Catalog): { powerKw: number; rackUnits: number } {
  const f = catalog.facility;
  return {
    powerKw: floor.rackPowerKw ?? (cooling === 'liquid' ? f.liquidCoolingLimitKw : f.airCoolingLimitKw),
    rackUnits: floor.rackUnits ?? f.rackUnitsPerRack,
  };
}

function zoneCooling(zone: PlacementZone, floor: FloorOptions, catalog: Catalog): Cooling {
  if (floor.cooling !== 'auto') return floor.cooling;
  const airLimitW = (floor.rackPowerKw ?? catalog.facility.airCoolingLimitKw) * 1000;
  for (const u of zone.units) if (u.liquid || u.powerW > airLimitW) return 'liquid';
  return 'air';
}

/**
 * Fill racks in order. Throws GeneratorParamError when one unit alone exceeds a rack (more power than the
 * cooling allows, or more rack units than a rack has): the caller's cooling / rack-power parameters are wrong.
 */
export function packRacks(
  zones: readonly PlacementZone[],
  nodeCount: number,
  floor: FloorOptions,
  catalog: Catalog,
  siteId: string,
): PackResult {
  const racks: Rack[] = [];
  const nodeRack = new Int32Array(nodeCount).fill(-1);
  const nodeUnit = new Int32Array(nodeCount).fill(-1);
  let slot = 0;
  let unitSerial = 0;
  for (const zone of zones) {
    if (zone.units.length === 0) continue;
    if (zone.newRow && slot % floor.racksPerRow !== 0) slot += floor.racksPerRow - (slot % floor.racksPerRow);
    const cooling = zoneCooling(zone, floor, catalog);
    const limits = rackLimits(cooling, floor, catalog);
    const limitW = limits.powerKw * 1000;
    let rack: Rack | undefined;
    let usedW = 0;
    let usedU = 0;
    for (const unit of zone.units) {
      if (unit.powerW > limitW + 1e-9) {
        throw new GeneratorParamError(
          'cooling',
          `one server/device of zone ${zone.id} draws ${round(unit.powerW / 1000, 2)} kW, over the ${limits.powerKw} kW ` +
            `${cooling}-cooled rack limit: use --cooling liquid or raise --rack-power-kw`,
        );
      }
      if (unit.rackUnits > limits.rackUnits) {
        throw new GeneratorParamError(
          'rack-units',
          `one device of zone ${zone.id} needs ${unit.rackUnits}U, more than the ${limits.rackUnits}U of a rack`,
        );
      }
      if (!rack || usedW + unit.powerW > limitW + 1e-9 || usedU + unit.rackUnits > limits.rackUnits) {
        const pos = rackPosition(slot++, floor);
        rack = {
          id: `r${pos.row}-${slot - 1 - pos.row * floor.racksPerRow}`,
          site: siteId,
          xM: pos.xM,
          yM: pos.yM,
          powerLimitKw: limits.powerKw,
          cooling,
          row: pos.row,
        };
        racks.push(rack);
        usedW = 0;
        usedU = 0;
      }
      usedW += unit.powerW;
      usedU += unit.rackUnits;
      const r = racks.length - 1;
      for (const n of unit.nodes) {
        nodeRack[n] = r;
        nodeUnit[n] = unitSerial;
      }
      unitSerial++;
    }
  }
  return { racks, nodeRack, nodeUnit };
}
