// Floor layout: racks in rows on a data-hall floor, and the cable run between two racks.
// Distances are metres; every default below is an engineering estimate the caller can override.
import type { Cooling } from '../model/types.js';

export interface FloorOptions {
  /** Centre-to-centre distance of neighbouring racks in a row (a 600 mm wide rack). */
  rackPitchM: number;
  /** Centre-to-centre distance of neighbouring rows (1.2 m rack depth + 1.2 m aisle). */
  rowPitchM: number;
  racksPerRow: number;
  /** Cable between two devices in the same rack. */
  sameRackM: number;
  /** Trace/cable between two chips of one server (NVLink to the NVSwitch on the baseboard). */
  inServerM: number;
  /** Run from a device up to the overhead tray, counted at each end of an inter-rack cable. */
  verticalM: number;
  /** Service loop and routing slack added to every inter-rack cable. */
  slackM: number;
  /** 'auto': liquid where the accelerator needs it or a server exceeds the air limit, else air. */
  cooling: Cooling | 'auto';
  /** Rack power limit; default from cooling (FACILITY.airCoolingLimitKw / liquidCoolingLimitKw). */
  rackPowerKw?: number;
  /** Usable rack units per rack; default FACILITY.rackUnitsPerRack. */
  rackUnits?: number;
}

export const DEFAULT_FLOOR: Readonly<FloorOptions> = {
  rackPitchM: 0.6,
  rowPitchM: 2.4,
  racksPerRow: 24,
  sameRackM: 2,
  inServerM: 0.5,
  verticalM: 1.5,
  slackM: 1,
  cooling: 'auto',
};

export function floorOptions(partial?: Partial<FloorOptions>): FloorOptions {
  const out: FloorOptions = { ...DEFAULT_FLOOR };
  if (partial) {
    for (const [k, v] of Object.entries(partial)) if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** Position of the centre of the rack in slot `slot` (row-major: slot = row x racksPerRow + position). */
export function rackPosition(slot: number, floor: FloorOptions): { xM: number; yM: number; row: number } {
  const row = Math.floor(slot / floor.racksPerRow);
  const pos = slot - row * floor.racksPerRow;
  return { xM: round(pos * floor.rackPitchM + floor.rackPitchM / 2, 3), yM: round(row * floor.rowPitchM, 3), row };
}

/**
 * Cable length between devices in two racks: Manhattan distance over the floor (cables follow the trays along and
 * across rows), a vertical run at each end, and slack. Same rack: sameRackM.
 */
export function cableLengthM(
  a: { xM: number; yM: number },
  b: { xM: number; yM: number },
  sameRack: boolean,
  floor: FloorOptions,
): number {
  if (sameRack) return floor.sameRackM;
  const horizontal = Math.abs(a.xM - b.xM) + Math.abs(a.yM - b.yM);
  return round(horizontal + 2 * floor.verticalM + floor.slackM, 1);
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
