// The metrics summary as rows (label, raw value, text, unit, note) read off an evaluateFabric report. The view
// draws them; the browser test compares each raw value with the report Node computes for the same file.
import type { FabricReport } from '../../src/metrics/evaluate.js';
import type { OpticsViolationKind } from '../../src/metrics/optics/optics.js';
import { formatNumber, formatSignificant, NO_VALUE } from './format.js';

const VIOLATION_WORDS: Record<OpticsViolationKind, string> = {
  reach: 'longer than the optic reaches', loss: 'over the loss budget', medium: 'on the wrong fibre type',
};

export interface MetricRow {
  key: string;
  section: string;
  label: string;
  /** The report's figure (converted to the unit shown), or null when there is none. */
  value: number | boolean | null;
  text: string;
  unit: string;
  note: string;
}

/** `digits` >= 0: that many decimals at most; < 0: -digits significant digits (for rates that span magnitudes). */
function numberRow(key: string, section: string, label: string, value: number | null | undefined, digits: number, unit: string, note = ''): MetricRow {
  const v = value ?? null;
  const text = digits < 0 ? formatSignificant(v, -digits) : formatNumber(v, digits);
  return { key, section, label, value: v, text, unit: v === null ? '' : unit, note };
}

export function metricRows(report: FabricReport): MetricRow[] {
  const rows: MetricRow[] = [];
  const { hops, latencyNs: lat, bisection: bis, throughput, cost, power, optics } = report;

  const noPair = hops && hops.diameter === null ? 'no two accelerators are connected' : '';
  rows.push(numberRow('hops.diameter', 'Hops', 'Diameter', hops?.diameter, 0, 'links', noPair));
  rows.push(numberRow('hops.mean', 'Hops', 'Mean', hops?.mean, 3, 'links',
    hops ? `over ${formatNumber(hops.pairs - hops.disconnectedPairs)} connected ordered pairs` : ''));

  const latNote = lat ? `${lat.exact ? 'every pair' : `sampled from ${formatNumber(lat.sampledSources ?? 0)} sources (mean ${formatNumber(lat.mean, 0)} ± ${formatNumber(lat.meanStdErrorNs, 1)} ns)`}, ${formatNumber(lat.packetBytes)} B packets` : '';
  rows.push(numberRow('latency.p50', 'Latency', 'p50', lat?.p50, 1, 'ns', latNote));
  rows.push(numberRow('latency.p99', 'Latency', 'p99', lat?.p99, 1, 'ns', lat && !lat.percentilesExact ? 'upper edge of a 0.1 % bucket' : ''));

  const bw = report.bandwidth;
  const range = (r: { minGbps: number; maxGbps: number } | undefined) =>
    !r ? '' : r.maxGbps === 0 ? 'none: no accelerator has such links'
      : r.minGbps === r.maxGbps ? `${formatNumber(r.minGbps)} Gbps for every accelerator`
        : `from ${formatNumber(r.minGbps)} to ${formatNumber(r.maxGbps)} Gbps per accelerator`;
  rows.push(numberRow('bandwidth.scaleOutGbps', 'Bandwidth', 'Scale-out (NICs)', bw?.injection.scaleOut.meanGbps, 1, 'Gbps', range(bw?.injection.scaleOut)));
  rows.push(numberRow('bandwidth.scaleUpGbps', 'Bandwidth', 'Scale-up', bw?.injection.scaleUp.meanGbps, 1, 'Gbps', range(bw?.injection.scaleUp)));
  const levels = (bw?.oversubscription ?? []).filter((l) => l.ratio !== null);
  rows.push(numberRow('bandwidth.leafOversubscription', 'Bandwidth', 'Oversubscription', levels[0]?.ratio?.max ?? null, 2, ': 1',
    levels.length ? `worst down : up per switch, by level: ${levels.map((l) => `${l.tiers.join('/') || `level ${l.level}`} ${formatNumber(l.ratio?.max, 2)}${l.withUplinks < l.switches ? ` (${formatNumber(l.withUplinks)} of ${formatNumber(l.switches)} with uplinks)` : ''}`).join(', ')}` : 'no switch has both downlinks and uplinks'));

  rows.push(numberRow('bisection.lowerGbps', 'Bisection', 'Lower bound', bis?.lowerGbps, 0, 'Gbps', bis ? `by ${bis.lowerMethod}` : ''));
  rows.push(numberRow('bisection.upperGbps', 'Bisection', 'Upper bound', bis?.upperGbps, 0, 'Gbps', bis ? `by ${bis.upperMethod}` : ''));
  rows.push({
    key: 'bisection.exact', section: 'Bisection', label: 'Exact', value: bis ? bis.exact : null,
    text: bis ? (bis.exact ? 'yes' : 'no') : NO_VALUE, unit: '',
    note: bis ? (bis.exact ? 'lower bound = upper bound' : 'the bisection lies between the bounds') : '',
  });

  const a2a = throughput?.allToAll;
  const pairNote = 'rate every ordered accelerator pair gets at once';
  rows.push(numberRow('allToAll.ecmpGbps', 'All-to-all λ', 'ECMP', a2a?.ecmp.lambdaGbps, -4, 'Gbps', a2a ? `${pairNote}; ${a2a.ecmp.method}` : ''));
  rows.push(numberRow('allToAll.optimalGbps', 'All-to-all λ', 'Optimal (LP)', a2a?.optimal?.lambdaGbps, -4, 'Gbps',
    a2a ? (a2a.optimal ? `HiGHS, ${formatNumber(a2a.optimal.lp.variables)} variables` : (a2a.notes[0] ?? 'not solved')) : ''));
  rows.push(numberRow('allToAll.boundGbps', 'All-to-all λ', 'Distance bound', a2a?.upperBound.lambdaGbps, -4, 'Gbps',
    a2a ? (a2a.upperBound.proven ? 'proven upper bound' : `estimate (hop sum from ${a2a.upperBound.hopSumSource})`) : ''));

  rows.push(numberRow('cost.capexUsd', 'Cost', 'Capex', cost?.capexUsd, 0, 'USD',
    cost && cost.estimatedShare !== null ? `${formatNumber(cost.estimatedShare * 100, 0)} % from estimated prices` : ''));
  rows.push(numberRow('cost.capexKrw', 'Cost', 'Capex', cost?.capexKrw, 0, 'KRW',
    cost ? `at ${formatNumber(cost.krwPerUsd, 2)} KRW/USD (${cost.krwPerUsdSource})` : ''));

  rows.push(numberRow('power.itKw', 'Power', 'IT power', power ? power.itW / 1000 : null, 2, 'kW',
    power ? `facility ${formatNumber(power.facilityW / 1000, 2)} kW at PUE ${formatNumber(power.pue, 2)}` : ''));
  const racks = power?.racks;
  const liquid = racks ? racks.racks.filter((r) => r.cooling === 'liquid').length : 0;
  rows.push(numberRow('power.maxRackKw', 'Power', 'Hottest rack', racks?.maxKw, 1, 'kW',
    racks ? `mean ${formatNumber(racks.meanKw, 1)} kW over ${formatNumber(racks.racks.length)} racks (${formatNumber(liquid)} liquid-cooled)` : ''));
  rows.push(numberRow('power.racksOverLimit', 'Power', 'Racks over limit', racks ? new Set(racks.violations.map((v) => v.rackId)).size : null, 0, 'racks',
    racks ? (racks.violations.length ? racks.violations.slice(0, 2).map((v) => v.message).join('; ') + (racks.violations.length > 2 ? ' …' : '')
      : 'every rack within its power limit and its cooling') : ''));

  const tco = report.tco;
  rows.push(numberRow('tco.totalKrw', 'Ownership', 'Total cost', tco?.totalKrw, 0, 'KRW',
    tco ? `over ${formatNumber(tco.years)} years${tco.yearsSource === 'default' ? ' (default, an estimate)' : ''}: equipment ${formatNumber(tco.shares.equipment * 100, 0)} %, building ${formatNumber(tco.shares.facility * 100, 0)} %, energy ${formatNumber(tco.shares.energy * 100, 0)} %` : ''));
  const otherRates = tco ? tco.byOperatingRate.filter((x) => x.operatingRate !== tco.operatingRate)
    .map((x) => `${formatNumber(x.krwPerUsedAcceleratorHour, 0)} at ${formatNumber(x.operatingRate * 100, 0)} %`).join(', ') : '';
  rows.push(numberRow('tco.krwPerUsedHour', 'Ownership', 'Used accelerator-hour', tco?.atOperatingRate.krwPerUsedAcceleratorHour, 0, 'KRW',
    tco ? `at a ${formatNumber(tco.operatingRate * 100, 0)} % operating rate; ${otherRates}` : ''));

  const byKind = optics ? (Object.entries(optics.violationsByKind) as [OpticsViolationKind, number][]).filter(([, n]) => n > 0)
    .map(([k, n]) => `${formatNumber(n)} ${VIOLATION_WORDS[k]}`).join(', ') : '';
  rows.push(numberRow('optics.violatingLinks', 'Optics', 'Violations', optics?.counts.violatingLinks, 0, 'links',
    optics ? (byKind || `${formatNumber(optics.counts.reachChecked)} links checked for reach, ${formatNumber(optics.counts.lossChecked)} for loss`) : ''));
  return rows;
}
