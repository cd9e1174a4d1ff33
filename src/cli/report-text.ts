// The human-readable form of an evaluation report: one block per metric with its units and method.
import type { FabricReport } from '../metrics/evaluate.js';
import { num, percent, table } from './text.js';

const gbps = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : `${num(x, 3)} Gbps`);
const ns = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : `${num(x, 1)} ns`);
const usd = (x: number) => `${num(x, 0)} USD`;
const krw = (x: number) => `${num(x, 0)} KRW`;

/** Large capacities read better in Tb/s or Pb/s; keep Gbps in the JSON. */
function bigGbps(x: number): string {
  if (x >= 1e6) return `${num(x / 1e6, 3)} Pb/s`;
  if (x >= 1e3) return `${num(x / 1e3, 3)} Tb/s`;
  return `${num(x, 3)} Gbps`;
}

function timeNs(x: number): string {
  if (x >= 1e9) return `${num(x / 1e9, 3)} s`;
  if (x >= 1e6) return `${num(x / 1e6, 3)} ms`;
  if (x >= 1e3) return `${num(x / 1e3, 3)} us`;
  return `${num(x, 1)} ns`;
}

export function reportText(file: string, r: FabricReport): string {
  const rows: string[][] = [];
  const c = r.counts;
  rows.push(['Counts', `${num(c.accelerators)} accelerators in ${num(c.servers)} servers, ${num(c.switches)} switches, ` +
    `${num(c.ocs)} OCS, ${num(c.gateways)} gateways, ${num(c.links)} links, ${num(c.racks)} racks, ${num(c.sites)} sites`]);
  if (r.hops) {
    const h = r.hops;
    rows.push(['Hops', h.mean === null ? 'no connected accelerator pairs' :
      `diameter ${h.diameter}, mean ${num(h.mean, 4)} over ${num(h.pairs)} ordered pairs (${h.method})` +
      (h.disconnectedPairs ? `; ${num(h.disconnectedPairs)} pairs disconnected` : '')]);
    rows.push(['', `histogram: ${h.histogram.map((n, i) => (n ? `${i}:${num(n)}` : '')).filter(Boolean).join('  ')}`]);
  }
  if (r.latencyNs) {
    const l = r.latencyNs;
    rows.push(['Latency', `min ${ns(l.min)}, mean ${ns(l.mean)}${l.meanStdErrorNs === null || l.meanStdErrorNs === undefined ? '' : ` (± ${ns(l.meanStdErrorNs)} standard error)`}, p50 ${ns(l.p50)}, p99 ${ns(l.p99)}, max ${ns(l.max)} ` +
      `(${l.packetBytes} B packets; ${l.method}${l.sampledSources ? `, ${l.sampledSources} sources` : ''})`]);
    for (const s of l.researchSites) {
      rows.push(['', `research site ${s.name ?? s.site}: ${s.minNs === null ? 'cannot reach the data centre' :
        `to the nearest accelerator ${ns(s.minNs)} (${s.minHops} hops), mean ${ns(s.meanNs)}, max ${ns(s.maxNs)}`}`]);
    }
  }
  if (r.bandwidth) {
    const b = r.bandwidth;
    rows.push(['Injection', `scale-out ${gbps(b.injection.scaleOut.meanGbps)} and scale-up ${gbps(b.injection.scaleUp.meanGbps)} ` +
      'per accelerator (mean, per direction)']);
    for (const o of b.oversubscription) {
      if (!o.ratio) continue;
      rows.push(['', `level ${o.level}${o.tiers.length ? ` (${o.tiers.join(', ')})` : ''}: ${num(o.switches)} switches, ` +
        `oversubscription ${num(o.ratio.min, 2)}:1 to ${num(o.ratio.max, 2)}:1`]);
    }
  }
  if (r.bisection) {
    const b = r.bisection;
    rows.push(['Bisection', b.exact ? `${bigGbps(b.upperGbps)} (exact: ${b.lowerMethod} proof meets the best split)` :
      `between ${bigGbps(b.lowerGbps)} (proof: ${b.lowerMethod}) and ${bigGbps(b.upperGbps)} (best split found: ${b.upperMethod})`]);
  }
  if (r.throughput) {
    const a = r.throughput.allToAll;
    rows.push(['All-to-all', `lambda per ordered pair: ECMP ${gbps(a.ecmp.lambdaGbps)} (${a.ecmp.method}), ` +
      `optimal ${a.optimal ? gbps(a.optimal.lambdaGbps) : 'not solved'}, bound ${gbps(a.upperBound.lambdaGbps)}`]);
    rows.push(['', `per accelerator (theta): ECMP ${gbps(a.ecmp.thetaGbps)}` +
      (a.optimal ? `, optimal ${gbps(a.optimal.thetaGbps)}` : '') + `, bound ${gbps(a.upperBound.thetaGbps)}`]);
    if (a.notes.length) rows.push(['', a.notes.join(' ')]);
    const p = r.throughput.permutation;
    if (p) rows.push(['Permutation', `${gbps(p.rateGbps)} per flow at once (${num(p.flows)} flows, seed ${p.seed})`]);
    const g = r.throughput.ring;
    rows.push(['Ring', `${gbps(g.rateGbps)} per flow at once (${num(g.flows)} flows, ${g.order} order)`]);
  }
  if (r.resilience) {
    const s = r.resilience;
    const e = s.edgeConnectivity;
    const spof = s.singlePointsOfFailure;
    rows.push(['Resilience', `edge connectivity ${e.links}${e.exact ? '' : ' (upper bound)'}; ` +
      `${num(spof.separatingBridges)} links and ${num(spof.articulationSwitches)} switches are single points of failure` +
      (spof.worstDevice ? `; worst device failure cuts off ${num(spof.worstDevice.acceleratorsCutOff)} accelerators` : '')]);
    rows.push(['', `equal-cost paths between sample pairs: min ${s.pathDiversity.minPaths}, mean ${num(s.pathDiversity.meanPaths, 1)}, max ${s.pathDiversity.maxPaths}`]);
    const m = s.monteCarlo;
    rows.push(['', `Monte Carlo: ${m.trials} trials of ${m.failuresPerTrial} ${m.kind} failures: accelerators cut off mean ${num(m.acceleratorsCutOff.mean, 2)}, max ${m.acceleratorsCutOff.max}` +
      (m.bisection ? `; surviving cut of the bisection split mean ${bigGbps(m.bisection.meanGbps)}, min ${bigGbps(m.bisection.minGbps)} (intact ${bigGbps(m.bisection.intactGbps)})` : '')]);
  }
  if (r.optics) {
    const o = r.optics;
    rows.push(['Optics', `${num(o.counts.reachChecked)} links reach-checked, ${num(o.counts.lossChecked)} loss-checked, ` +
      `${num(o.violations.length)} violations; loss margin min ${o.margin.minDb === null ? 'n/a' : `${num(o.margin.minDb, 2)} dB`}`]);
    for (const v of o.violations.slice(0, 5)) rows.push(['', `${v.path} (${v.linkId}) ${v.kind}: ${v.message}`]);
    if (o.violations.length > 5) rows.push(['', `... and ${num(o.violations.length - 5)} more (--json lists them)`]);
  }
  if (r.cost) {
    const k = r.cost;
    rows.push(['Capex', `${usd(k.capexUsd)} = ${krw(k.capexKrw)} at ${num(k.krwPerUsd)} KRW/USD; ` +
      `${k.costPerAcceleratorUsd === null ? '' : `${usd(k.costPerAcceleratorUsd)} per accelerator; `}` +
      `network ${usd(k.networkUsd)}${k.networkShare === null ? '' : ` (${percent(k.networkShare)})`}` +
      (k.costPerTbpsUsd ? `; ${usd(k.costPerTbpsUsd)} per Tb/s of bisection` : '')]);
    rows.push(['', `estimated prices make up ${k.estimatedShare === null ? 'n/a' : percent(k.estimatedShare)} of capex (override them in catalogOverrides)`]);
  }
  if (r.power) {
    const p = r.power;
    rows.push(['Power', `IT ${num(p.itW / 1000, 1)} kW, facility ${num(p.facilityW / 1000, 1)} kW at PUE ${p.pue}; ` +
      `${num(p.annualEnergyKwh / 1000, 0)} MWh/year = ${krw(p.annualEnergyCostKrw)}/year at ${p.tariffKrwPerKwh} KRW/kWh`]);
  }
  if (r.tco) {
    const t = r.tco;
    const at = t.atOperatingRate;
    rows.push(['Ownership', `${krw(t.totalKrw)} over ${num(t.years)} years${t.yearsSource === 'default' ? ' (default)' : ''}: ` +
      `equipment ${percent(t.shares.equipment)}, facility build ${percent(t.shares.facility)}, energy ${percent(t.shares.energy)}`]);
    rows.push(['', `per used accelerator-hour: ${t.byOperatingRate.map((x) =>
      `${krw(x.krwPerUsedAcceleratorHour ?? Number.NaN)} at ${percent(x.operatingRate)}${x.operatingRate === at.operatingRate ? ' (asked)' : ''}`).join(', ')} operating rate`]);
  }
  if (r.collectives) {
    const k = r.collectives;
    rows.push(['Collectives', `ring all-reduce of ${num(k.messageBytes)} B over ${num(k.job.size)} accelerators: ` +
      `${timeNs(k.ringAllReduce.timeNs)} (bus bandwidth ${gbps(k.ringAllReduce.busBandwidthGbps)})`]);
    rows.push(['', `all-to-all of ${num(k.messageBytes)} B per accelerator: ${timeNs(k.allToAll.timeNs)}`]);
  }
  const timing = Object.entries(r.timingsMs).map(([k, v]) => `${k} ${num(v, 0)}`).join(', ');
  rows.push(['Time (ms)', timing]);
  return `${r.name}  (${file})\n` + table(rows, [], '  ');
}
