// Power and facility: IT power by category from the inventory, facility power with PUE, a year's energy and its
// cost at the tariff, per-rack power against limits and cooling, and the data-centre build cost (not fabric capex).
import type { SourceNote } from '../../catalog/index.js';
import { LightfabricError } from '../../model/errors.js';
import type { Problem } from '../../model/problem.js';
import type { EvalContext } from '../context.js';
import { BOM_KINDS, takeInventory, type BomKind, type BomUnit } from '../cost/inventory.js';
import { KRW_PER_USD, PUE, resolveSetting, TARIFF, type SettingSource } from '../cost/settings.js';
import { annualEnergyKwh, energyCostKrw, HOURS_PER_YEAR } from './energy.js';
import { computeRackPower, type RackPowerReport } from './racks.js';

export interface PowerLine {
  kind: BomKind;
  model: string;
  name: string;
  quantity: number;
  unit: BomUnit;
  unitPowerW: number;
  totalW: number;
  source?: SourceNote;
}

export interface PowerReport {
  /** Inventory lines that draw power (fibre is passive and left out). */
  lines: PowerLine[];
  byKindW: Record<BomKind, number>;
  itW: number;
  itWPerAccelerator: number | null;
  pue: number;
  pueSource: SettingSource;
  /** IT power x PUE. */
  facilityW: number;
  utilisation: number;
  hoursPerYear: number;
  annualEnergyKwh: number;
  tariffKrwPerKwh: number;
  tariffSource: SettingSource;
  annualEnergyCostKrw: number;
  annualEnergyCostUsd: number;
  krwPerUsd: number;
  krwPerUsdSource: SettingSource;
  /** Building the data centre that hosts the fabric: a separate figure, not part of the fabric's capex. */
  facility: {
    facilityMw: number;
    buildCostUsdPerMw: number;
    buildCostUsd: number;
    buildCostKrw: number;
  };
  racks: RackPowerReport;
  problems: Problem[];
}

export interface PowerOptions {
  /** Default: settings.pue, else FACILITY.pueAverage (the industry average: a conservative planning figure). */
  pue?: number;
  /** KRW per kWh. Default: settings.tariffKrwPerKwh, else FACILITY.tariffKrwPerKwh (KEPCO industrial). */
  tariffKrwPerKwh?: number;
  /** Average fraction of nameplate power drawn over the year, in (0, 1]; default 1. */
  utilisation?: number;
  krwPerUsd?: number;
}

export function computePower(ctx: EvalContext, options: PowerOptions = {}): PowerReport {
  const utilisation = options.utilisation ?? 1;
  if (!(Number.isFinite(utilisation) && utilisation > 0 && utilisation <= 1)) {
    throw new LightfabricError('bad-option', `utilisation must be in (0, 1] (average fraction of nameplate power); got ${options.utilisation}`);
  }
  ctx.progress('power', 0);
  const inv = takeInventory(ctx);
  const problems: Problem[] = [...inv.problems];
  const { facility } = ctx.catalog;
  const settings = ctx.doc.settings ?? {};
  const pue = resolveSetting(PUE, options.pue, settings.pue, facility.pueAverage, problems);
  const tariff = resolveSetting(TARIFF, options.tariffKrwPerKwh, settings.tariffKrwPerKwh, facility.tariffKrwPerKwh, problems);
  const krw = resolveSetting(KRW_PER_USD, options.krwPerUsd, settings.krwPerUsd, facility.krwPerUsd, problems);

  const byKindW = Object.fromEntries(BOM_KINDS.map((k) => [k, 0])) as Record<BomKind, number>;
  let itW = 0;
  const lines: PowerLine[] = [];
  for (const l of inv.lines) {
    if (l.kind === 'fibre') continue;
    const totalW = l.quantity * l.unitPowerW;
    byKindW[l.kind] += totalW;
    itW += totalW;
    lines.push({
      kind: l.kind, model: l.model, name: l.name, quantity: l.quantity, unit: l.unit, unitPowerW: l.unitPowerW, totalW,
      ...(l.powerSource ? { source: l.powerSource } : {}),
    });
  }
  const facilityW = itW * pue.value;
  const kwh = annualEnergyKwh(facilityW, utilisation);
  const costKrw = energyCostKrw(kwh, tariff.value);
  const facilityMw = facilityW / 1e6;
  const buildCostUsd = facilityMw * facility.buildCostUsdPerMw;
  const racks = computeRackPower(ctx, inv, problems);
  ctx.progress('power', 1);
  return {
    lines, byKindW, itW, itWPerAccelerator: inv.accelerators > 0 ? itW / inv.accelerators : null,
    pue: pue.value, pueSource: pue.source, facilityW,
    utilisation, hoursPerYear: HOURS_PER_YEAR, annualEnergyKwh: kwh,
    tariffKrwPerKwh: tariff.value, tariffSource: tariff.source,
    annualEnergyCostKrw: costKrw, annualEnergyCostUsd: costKrw / krw.value, krwPerUsd: krw.value, krwPerUsdSource: krw.source,
    facility: {
      facilityMw, buildCostUsdPerMw: facility.buildCostUsdPerMw, buildCostUsd, buildCostKrw: buildCostUsd * krw.value,
    },
    racks,
    problems,
  };
}
