// Total cost of ownership over a period, and what an accelerator-hour of work costs at an operating rate: the
// fabric's capex (equipment), building the facility that hosts it, and the energy it draws, from the cost and power
// reports. The worry it answers is a centre bought and then little used: the cost of a used accelerator-hour
// scales with 1 / operating rate (the Gwangju national AI data centre ran at about half in 2024, hardware-catalog.md
// section 6), so the report gives it at several rates.
import { LightfabricError } from '../../model/errors.js';
import type { CostReport } from '../cost/cost.js';
import { HOURS_PER_YEAR } from '../power/energy.js';
import type { PowerReport } from '../power/power.js';

/** Years the equipment is used before it is replaced. An estimate (accelerators are depreciated over 4-6 years). */
export const DEFAULT_TCO_YEARS = 5;
/** Operating rates every report shows the used accelerator-hour at (besides the one asked for). */
export const REFERENCE_OPERATING_RATES = [1, 0.7, 0.5, 0.3] as const;

export interface TcoOptions {
  /** Period, years (> 0). Default DEFAULT_TCO_YEARS. */
  years?: number;
  /** Fraction of the period accelerators do useful work, (0, 1]. Default 1. */
  operatingRate?: number;
}

export interface TcoAtRate {
  operatingRate: number;
  usedAcceleratorHours: number;
  krwPerUsedAcceleratorHour: number | null;
  usdPerUsedAcceleratorHour: number | null;
}

export interface TcoReport {
  years: number;
  yearsSource: 'option' | 'default';
  /** Capex of everything in the fabric (cost report). */
  equipmentKrw: number;
  /** Building the facility for the fabric's facility power (power report: MW x build cost per MW). */
  facilityBuildKrw: number;
  /** Annual energy cost x years, at the power report's utilisation, PUE and tariff. */
  energyKrw: number;
  totalKrw: number;
  totalUsd: number;
  /** Shares of the total. */
  shares: { equipment: number; facility: number; energy: number };
  accelerators: number;
  perAcceleratorKrw: number | null;
  /** At the operating rate asked for. */
  operatingRate: number;
  atOperatingRate: TcoAtRate;
  /** At REFERENCE_OPERATING_RATES (and the asked rate, if different), highest first. */
  byOperatingRate: TcoAtRate[];
  krwPerUsd: number;
  notes: string[];
}

function atRate(totalKrw: number, krwPerUsd: number, accelerators: number, years: number, operatingRate: number): TcoAtRate {
  const hours = accelerators * years * HOURS_PER_YEAR * operatingRate;
  return {
    operatingRate,
    usedAcceleratorHours: hours,
    krwPerUsedAcceleratorHour: hours > 0 ? totalKrw / hours : null,
    usdPerUsedAcceleratorHour: hours > 0 ? totalKrw / krwPerUsd / hours : null,
  };
}

/** Throws LightfabricError('bad-option') for a period or rate out of range (a caller's mistake, not the file's). */
export function computeTco(cost: CostReport, power: PowerReport, accelerators: number, options: TcoOptions = {}): TcoReport {
  const years = options.years ?? DEFAULT_TCO_YEARS;
  if (!(Number.isFinite(years) && years > 0)) {
    throw new LightfabricError('bad-option', `years must be a number of years above 0, got ${options.years}`);
  }
  const operatingRate = options.operatingRate ?? 1;
  if (!(Number.isFinite(operatingRate) && operatingRate > 0 && operatingRate <= 1)) {
    throw new LightfabricError('bad-option', `operatingRate must be in (0, 1] (fraction of the time accelerators do useful work), got ${options.operatingRate}`);
  }
  const krwPerUsd = cost.krwPerUsd;
  const equipmentKrw = cost.capexKrw;
  const facilityBuildKrw = power.facility.buildCostKrw;
  const energyKrw = power.annualEnergyCostKrw * years;
  const totalKrw = equipmentKrw + facilityBuildKrw + energyKrw;
  const share = (x: number) => (totalKrw > 0 ? x / totalKrw : 0);
  const rates = [...new Set<number>([...REFERENCE_OPERATING_RATES, operatingRate])].sort((a, b) => b - a);
  return {
    years, yearsSource: options.years === undefined ? 'default' : 'option',
    equipmentKrw, facilityBuildKrw, energyKrw, totalKrw, totalUsd: totalKrw / krwPerUsd,
    shares: { equipment: share(equipmentKrw), facility: share(facilityBuildKrw), energy: share(energyKrw) },
    accelerators,
    perAcceleratorKrw: accelerators > 0 ? totalKrw / accelerators : null,
    operatingRate,
    atOperatingRate: atRate(totalKrw, krwPerUsd, accelerators, years, operatingRate),
    byOperatingRate: rates.map((r) => atRate(totalKrw, krwPerUsd, accelerators, years, r)),
    krwPerUsd,
    notes: [
      `energy at ${power.utilisation * 100} % of nameplate power, PUE ${power.pue}, ${power.tariffKrwPerKwh} KRW/kWh for ${years} years`,
      'no staff, maintenance contracts, software or financing: add them to compare with a quote',
      ...(options.years === undefined ? [`${DEFAULT_TCO_YEARS} years is an estimate (accelerators are depreciated over 4-6 years): set your own`] : []),
    ],
  };
}
