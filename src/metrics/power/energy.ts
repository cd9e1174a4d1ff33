// Energy over a year from a steady power draw: kWh = kW x 8,760 h x utilisation, where utilisation is the average
// fraction of the nameplate (TDP) draw over the year (1 = flat out all year, an upper bound).
export const HOURS_PER_YEAR = 8760; // 365 days x 24 h, a non-leap year

export function annualEnergyKwh(powerW: number, utilisation: number): number {
  return (powerW / 1000) * HOURS_PER_YEAR * utilisation;
}

/** Cost of `kwh` at a tariff in KRW/kWh. */
export function energyCostKrw(kwh: number, tariffKrwPerKwh: number): number {
  return kwh * tariffKrwPerKwh;
}
