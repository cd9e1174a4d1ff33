// Options every generator accepts (name, catalog, floor layout) and the `generator` record a document carries.
import { DEFAULT_CATALOG, type Catalog } from '../catalog/index.js';
import type { GeneratorInfo } from '../model/types.js';
import type { FloorOptions } from '../placement/floor.js';
import type { TransceiverPrefs } from '../placement/transceiver.js';
import { intParam, oneOfParam, positiveParam } from './params.js';

/** Floor layout parameters (see src/placement/floor.ts for the defaults). */
export interface PlacementParams {
  racksPerRow?: number;
  rackPitchM?: number;
  rowPitchM?: number;
  /** 'auto' (default), 'air' (~30 kW racks) or 'liquid' (~130 kW racks). */
  cooling?: 'auto' | 'air' | 'liquid';
  rackPowerKw?: number;
}

export interface CommonParams extends PlacementParams {
  name?: string;
  /** Catalog with a fabric's overrides; default the built-in catalog. Not recorded in `generator.params`. */
  catalog?: Catalog;
  /** Transceiver preferences (allow LPO/CPO, exclude models ...). Not recorded in `generator.params`. */
  optics?: TransceiverPrefs;
}

export function catalogOf(p: CommonParams): Catalog {
  return p.catalog ?? DEFAULT_CATALOG;
}

export function floorFrom(p: PlacementParams): Partial<FloorOptions> {
  const out: Partial<FloorOptions> = {};
  if (p.racksPerRow !== undefined) out.racksPerRow = intParam('racks-per-row', p.racksPerRow, 1);
  if (p.rackPitchM !== undefined) out.rackPitchM = positiveParam('rack-pitch-m', p.rackPitchM);
  if (p.rowPitchM !== undefined) out.rowPitchM = positiveParam('row-pitch-m', p.rowPitchM);
  if (p.cooling !== undefined) out.cooling = oneOfParam('cooling', p.cooling, ['auto', 'air', 'liquid'] as const);
  if (p.rackPowerKw !== undefined) out.rackPowerKw = positiveParam('rack-power-kw', p.rackPowerKw);
  return out;
}

/** The `generator` record: the parameters as given (defaults applied), without catalog / optics objects. */
export function generatorInfo(family: string, params: object, seed?: number): GeneratorInfo {
  const clean: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || k === 'catalog' || k === 'optics') continue;
    clean[k] = v;
  }
  const info: GeneratorInfo = { family, params: clean };
  if (seed !== undefined) info.seed = seed;
  return info;
}

/** Consecutive chunks of `size` (the last may be shorter): accelerators grouped into servers. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
