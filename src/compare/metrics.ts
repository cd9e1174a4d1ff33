// The figures a side-by-side comparison shows: each read off (or derived from) an evaluateFabric report, with its
// unit, which direction is better, and how it is computed. Sections a report lacks (phase not run) give null.
import type { FabricReport } from '../metrics/evaluate.js';

export type Better = 'higher' | 'lower' | null;

export interface ComparedMetric {
  /** Stable id, e.g. 'cost.capexUsd', 'bisection.lowerGbps', 'power.facilityKw'. */
  key: string;
  section: string;
  label: string;
  unit: string;
  better: Better;
  /** Decimals (>= 0) or significant digits (< 0) to show. */
  digits: number;
  /** The figure read off (or derived from) a report, in `unit`; null when the report lacks it. */
  value(report: FabricReport): number | null;
  /** How the figure is computed, one line (for tooltips and the README). */
  how: string;
}

/** A number, or null for missing fields and NaN / ±Infinity (reports loaded from JSON may hold anything). */
function finite(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/** a / b, or null when either is missing or b is 0. */
function ratio(a: unknown, b: unknown): number | null {
  const x = finite(a);
  const y = finite(b);
  return x === null || y === null || y === 0 ? null : x / y;
}

function scaled(x: unknown, factor: number): number | null {
  const v = finite(x);
  return v === null ? null : v * factor;
}

/** Accelerators of the fabric: the denominator of every per-accelerator figure. */
const acceleratorsOf = (r: FabricReport) => r.counts?.accelerators;

function metric(
  key: string, section: string, label: string, unit: string, better: Better, digits: number,
  value: (r: FabricReport) => unknown, how: string,
): ComparedMetric {
  return { key, section, label, unit, better, digits, value: (r) => finite(value(r)), how };
}

export const COMPARED_METRICS: readonly ComparedMetric[] = Object.freeze([
  metric('counts.accelerators', 'Scale', 'Accelerators', '', null, 0, (r) => r.counts?.accelerators,
    'counts.accelerators: nodes of kind accelerator'),
  metric('counts.switches', 'Scale', 'Switches', '', null, 0, (r) => r.counts?.switches,
    'counts.switches: packet switches (scale-up switches such as NVSwitch included)'),
  metric('counts.ocs', 'Scale', 'OCS', '', null, 0, (r) => r.counts?.ocs, 'counts.ocs: optical circuit switches'),
  metric('counts.links', 'Scale', 'Links', 'links', null, 0, (r) => r.counts?.links,
    'counts.links: links of the topology, each full-duplex link once (a circuit through an OCS is one link)'),
  metric('counts.racks', 'Scale', 'Racks', '', null, 0, (r) => r.counts?.racks, 'counts.racks: racks on the floor plan'),

  metric('cost.capexUsd', 'Cost', 'Capex', 'USD', 'lower', 0, (r) => r.cost?.capexUsd,
    'cost.capexUsd: the bill of materials (accelerators, servers, switches, OCS, optics, fibre, amplifiers) at catalog prices'),
  metric('cost.capexKrw', 'Cost', 'Capex', 'KRW', 'lower', 0, (r) => r.cost?.capexKrw,
    'cost.capexKrw: capex USD x the KRW/USD rate of the evaluation (cost.krwPerUsd)'),
  metric('cost.networkUsd', 'Cost', 'Network capex', 'USD', 'lower', 0, (r) => r.cost?.networkUsd,
    'cost.networkUsd: capex without accelerators and servers (switches, gateways, OCS, patch panels, optics, fibre, amplifiers)'),
  metric('cost.capexPerAcceleratorUsd', 'Cost', 'Capex per accelerator', 'USD', 'lower', 0,
    (r) => ratio(r.cost?.capexUsd, acceleratorsOf(r)), 'cost.capexUsd / counts.accelerators'),
  metric('cost.usdPerTbps', 'Cost', 'Capex per Tbps of bisection', 'USD/Tbps', 'lower', 0,
    // The cost phase prices against the bisection even when --only drops the bisection section: prefer its figure.
    (r) => finite(r.cost?.costPerTbpsUsd) ?? ratio(r.cost?.capexUsd, scaled(r.bisection?.lowerGbps, 1e-3)),
    'cost.capexUsd / (bisection.lowerGbps / 1000): priced against the proven lower bound of the bisection, so never flattering'),

  metric('bisection.lowerGbps', 'Bisection', 'Lower bound', 'Gbps', 'higher', 0, (r) => r.bisection?.lowerGbps,
    'bisection.lowerGbps: proven lower bound on the minimum cut over balanced splits of the accelerators (per direction)'),
  metric('bisection.upperGbps', 'Bisection', 'Upper bound', 'Gbps', 'higher', 0, (r) => r.bisection?.upperGbps,
    'bisection.upperGbps: the cut of the best balanced split found (equals the lower bound when exact)'),
  metric('bisection.perAcceleratorGbps', 'Bisection', 'Bisection per accelerator', 'Gbps', 'higher', 2,
    (r) => ratio(r.bisection?.lowerGbps, acceleratorsOf(r)),
    'bisection.lowerGbps / counts.accelerators (all accelerators, not one half)'),

  metric('allToAll.ecmpLambdaGbps', 'All-to-all', 'ECMP rate per pair (λ)', 'Gbps', 'higher', -4,
    (r) => r.throughput?.allToAll?.ecmp?.lambdaGbps,
    'throughput.allToAll.ecmp.lambdaGbps: rate every ordered accelerator pair gets at once under ECMP'),
  metric('allToAll.ecmpThetaGbps', 'All-to-all', 'ECMP per accelerator (θ)', 'Gbps', 'higher', -4,
    (r) => r.throughput?.allToAll?.ecmp?.thetaGbps, 'throughput.allToAll.ecmp.thetaGbps: λ x (N - 1)'),
  metric('allToAll.optimalLambdaGbps', 'All-to-all', 'Optimal rate per pair (LP λ)', 'Gbps', 'higher', -4,
    (r) => r.throughput?.allToAll?.optimal?.lambdaGbps,
    'throughput.allToAll.optimal.lambdaGbps: max-concurrent-flow LP optimum (only where the LP was solved)'),
  metric('allToAll.optimalThetaGbps', 'All-to-all', 'Optimal per accelerator (LP θ)', 'Gbps', 'higher', -4,
    (r) => r.throughput?.allToAll?.optimal?.thetaGbps, 'throughput.allToAll.optimal.thetaGbps: LP λ x (N - 1)'),
  metric('throughput.permutationGbps', 'All-to-all', 'Random permutation, per flow', 'Gbps', 'higher', -4,
    (r) => r.throughput?.permutation?.rateGbps,
    'throughput.permutation.rateGbps: rate every flow of a seeded random permutation gets at once under ECMP'),
  metric('throughput.ringGbps', 'All-to-all', 'Ring neighbour, per flow', 'Gbps', 'higher', -4,
    (r) => r.throughput?.ring?.rateGbps,
    'throughput.ring.rateGbps: rate every flow to the next accelerator of the ring gets at once under ECMP'),

  metric('latency.p50Ns', 'Latency', 'p50', 'ns', 'lower', 1, (r) => r.latencyNs?.p50,
    'latencyNs.p50: median path latency over ordered accelerator pairs (propagation, optics, switches, one packet)'),
  metric('latency.p99Ns', 'Latency', 'p99', 'ns', 'lower', 1, (r) => r.latencyNs?.p99,
    'latencyNs.p99: 99th percentile of the same distribution'),

  metric('hops.diameter', 'Hops', 'Diameter', 'links', 'lower', 0, (r) => r.hops?.diameter,
    'hops.diameter: longest shortest path between connected accelerators, links'),
  metric('hops.mean', 'Hops', 'Mean', 'links', 'lower', 3, (r) => r.hops?.mean,
    'hops.mean: shortest-path links averaged over connected ordered accelerator pairs'),

  metric('power.itKw', 'Power', 'IT power', 'kW', 'lower', 1, (r) => scaled(r.power?.itW, 1e-3), 'power.itW / 1000'),
  metric('power.facilityKw', 'Power', 'Facility power', 'kW', 'lower', 1, (r) => scaled(r.power?.facilityW, 1e-3),
    'power.facilityW / 1000: IT power x PUE'),
  metric('power.annualEnergyCostKrw', 'Power', 'Energy cost', 'KRW/yr', 'lower', 0, (r) => r.power?.annualEnergyCostKrw,
    'power.annualEnergyCostKrw: facility power x utilisation x 8,760 h x tariff'),
  metric('power.perAcceleratorW', 'Power', 'IT power per accelerator', 'W', 'lower', 0,
    (r) => ratio(r.power?.itW, acceleratorsOf(r)), 'power.itW / counts.accelerators (network and servers included)'),
  metric('power.maxRackKw', 'Power', 'Hottest rack', 'kW', 'lower', 1, (r) => r.power?.racks?.maxKw,
    'power.racks.maxKw: the most power any rack draws (what its cooling must remove)'),
  metric('power.racksOverLimit', 'Power', 'Racks over limit', 'racks', 'lower', 0,
    (r) => (r.power?.racks?.violations ? new Set(r.power.racks.violations.map((v) => v.rackId)).size : null),
    'racks whose devices draw more than the rack power limit or its cooling removes (power.racks.violations)'),

  metric('tco.totalKrw', 'Ownership', 'Total cost of ownership', 'KRW', 'lower', 0, (r) => r.tco?.totalKrw,
    'tco.totalKrw: capex + facility build (facility MW x build cost per MW) + years x annual energy cost (evaluate --years, default 5)'),
  metric('tco.krwPerUsedAcceleratorHour', 'Ownership', 'Per used accelerator-hour', 'KRW/h', 'lower', 0,
    (r) => r.tco?.atOperatingRate.krwPerUsedAcceleratorHour,
    'tco.totalKrw / (accelerators x years x 8,760 h x operating rate) (evaluate --operating-rate, default 1)'),

  metric('resilience.edgeConnectivityLinks', 'Resilience', 'Edge connectivity', 'links', 'higher', 0,
    (r) => r.resilience?.edgeConnectivity?.links,
    'resilience.edgeConnectivity.links: fewest link failures that separate two accelerators (an upper bound when not exact)'),
  metric('resilience.singlePointLinks', 'Resilience', 'Single-point links', 'links', 'lower', 0,
    (r) => r.resilience?.singlePointsOfFailure?.separatingBridges,
    'resilience.singlePointsOfFailure.separatingBridges: links whose failure alone cuts off accelerators'),
  metric('resilience.singlePointSwitches', 'Resilience', 'Single-point switches', '', 'lower', 0,
    (r) => r.resilience?.singlePointsOfFailure?.articulationSwitches,
    'resilience.singlePointsOfFailure.articulationSwitches: switches and gateways whose failure alone disconnects the fabric'),
  metric('resilience.singlePointAccelerators', 'Resilience', 'Single-point accelerators', '', 'lower', 0,
    (r) => r.resilience?.singlePointsOfFailure?.articulationAccelerators,
    'resilience.singlePointsOfFailure.articulationAccelerators: accelerators whose failure disconnects the fabric (direct networks)'),
  metric('resilience.criticalOcs', 'Resilience', 'Critical OCS', '', 'lower', 0,
    (r) => r.resilience?.singlePointsOfFailure?.criticalOcs,
    'resilience.singlePointsOfFailure.criticalOcs: OCS whose failure (every circuit through it down) cuts off accelerators'),
  metric('resilience.worstDeviceCutOff', 'Resilience', 'Worst device failure cuts off', 'accelerators', 'lower', 0,
    (r) => (r.resilience?.singlePointsOfFailure ? (r.resilience.singlePointsOfFailure.worstDevice?.acceleratorsCutOff ?? 0) : null),
    'resilience.singlePointsOfFailure.worstDevice.acceleratorsCutOff; 0 when no single device cuts any off'),
  metric('resilience.meanPaths', 'Resilience', 'Equal-cost paths (sampled pairs, mean)', '', 'higher', 1,
    (r) => r.resilience?.pathDiversity?.meanPaths,
    'resilience.pathDiversity.meanPaths: shortest paths between seeded random accelerator pairs, averaged'),
  metric('resilience.monteCarloCutOffMean', 'Resilience', 'Cut off per failure trial (mean)', 'accelerators', 'lower', 2,
    (r) => r.resilience?.monteCarlo?.acceleratorsCutOff?.mean,
    'resilience.monteCarlo.acceleratorsCutOff.mean: accelerators cut off, averaged over the seeded Monte Carlo trials'),
  metric('resilience.survivingBisectionMeanGbps', 'Resilience', 'Surviving bisection cut (mean)', 'Gbps', 'higher', 0,
    (r) => r.resilience?.monteCarlo?.bisection?.meanGbps,
    'resilience.monteCarlo.bisection.meanGbps: cut across the binding bisection split after each trial\'s failures, averaged'),
  metric('resilience.survivingBisectionMinGbps', 'Resilience', 'Surviving bisection cut (worst)', 'Gbps', 'higher', 0,
    (r) => r.resilience?.monteCarlo?.bisection?.minGbps,
    'resilience.monteCarlo.bisection.minGbps: the same cut in the worst trial'),

  metric('optics.violatingLinks', 'Optics', 'Violations', 'links', 'lower', 0, (r) => r.optics?.counts?.violatingLinks,
    'optics.counts.violatingLinks: links over their reach or loss budget, or on the wrong fibre'),
  metric('optics.minMarginDb', 'Optics', 'Worst loss margin', 'dB', 'higher', 2, (r) => r.optics?.margin?.minDb,
    'optics.margin.minDb: smallest power-budget margin over the loss-checked optical links'),

  metric('collectives.ringAllReduceS', 'Collectives', 'Ring all-reduce', 's', 'lower', -4,
    (r) => scaled(r.collectives?.ringAllReduce?.timeNs, 1e-9),
    'collectives.ringAllReduce.timeNs / 1e9: 2(P-1) alpha + 2(P-1)/P x 8M / B for M = collectives.messageBytes per accelerator'),
  metric('collectives.allToAllS', 'Collectives', 'All-to-all', 's', 'lower', -4,
    (r) => scaled(r.collectives?.allToAll?.timeNs, 1e-9),
    'collectives.allToAll.timeNs / 1e9: (P-1) alpha + (P-1)/P x 8M / theta at the job\'s ECMP theta'),
]);

/**
 * Capex as a share of a budget, in % (KRW against KRW). Not in COMPARED_METRICS: it exists only when the caller
 * gives a budget, and compareReports places it after the KRW capex.
 */
export function budgetShareMetric(budgetKrw: number): ComparedMetric {
  return metric('cost.budgetPercent', 'Cost', 'Capex of budget', '%', 'lower', 1,
    (r) => ratio(scaled(r.cost?.capexKrw, 100), budgetKrw),
    `cost.capexKrw / ${budgetKrw} KRW budget x 100`);
}
