// evaluateFabric: every metric of a fabric in one plain-JSON report — the same call in the CLI, tests and the
// browser worker. Phases run in dependency order: hops feed the throughput bound, throughput's lambda feeds the
// bisection lower bound, the bisection feeds resilience and cost per Tb/s.
import { nowMs } from '../model/clock.js';
import type { Fabric } from '../model/fabric.js';
import type { FabricDocument } from '../model/types.js';
import { computeBandwidth, type BandwidthReport } from './bandwidth/bandwidth.js';
import { computeBisection, type BisectionReport } from './bisection/bisection.js';
import { computeCollectives, type CollectivesReport } from './collectives/collectives.js';
import { checkCancelled, createEvalContext, type CancelToken, type EvalContext, type ProgressFn } from './context.js';
import { computeCost, type CostReport } from './cost/cost.js';
import { computeHops, type HopsReport } from './hops/hops.js';
import { computeLatency, type LatencyReport } from './latency/latency.js';
import { computeOptics, type OpticsReport } from './optics/optics.js';
import { computePower, type PowerReport } from './power/power.js';
import { computeTco, type TcoReport } from './tco/tco.js';
import { computeResilience, type ResilienceReport } from './resilience/resilience.js';
import { computeThroughput, provenLambdaGbps, type ThroughputOptions, type ThroughputReport } from './throughput/throughput.js';

export const PHASES = [
  'hops', 'latency', 'bandwidth', 'throughput', 'bisection', 'resilience', 'optics', 'cost', 'power', 'collectives',
] as const;
export type Phase = (typeof PHASES)[number];

export interface EvaluateOptions {
  /** Phases to run (default: all). A phase another needs is run anyway, e.g. bisection for cost per Tb/s is skipped if absent. */
  phases?: readonly Phase[];
  /** Packet serialized at the slowest link of a path, bytes. Default 4096. */
  packetBytes?: number;
  /** Latency: source accelerators searched before sampling (Infinity: every pair, exact; minutes at 50k). */
  latencyMaxSources?: number;
  /** Max-concurrent-flow LP: 'auto' solves it when the fabric is small enough. */
  lp?: boolean | 'auto';
  lpMaxAccelerators?: number;
  highs?: ThroughputOptions['highs'];
  highsInit?: ThroughputOptions['highsInit'];
  seed?: number;
  /** Monte Carlo failures per trial, trials, and what fails. */
  failures?: number;
  trials?: number;
  failureKind?: 'link' | 'switch';
  /** Collective estimates: bytes per accelerator and job size (default: every accelerator). */
  messageBytes?: number;
  jobSize?: number;
  krwPerUsd?: number;
  pue?: number;
  tariffKrwPerKwh?: number;
  utilisation?: number;
  /** Ownership (with cost and power): period in years and the operating rate of the accelerators. */
  tcoYears?: number;
  operatingRate?: number;
}

export interface Counts {
  accelerators: number;
  switches: number;
  ocs: number;
  patchPanels: number;
  gateways: number;
  nodes: number;
  links: number;
  racks: number;
  sites: number;
  servers: number;
  byModel: Record<string, number>;
}

export interface LatencySummary extends Omit<LatencyReport, 'minNs' | 'meanNs' | 'p50Ns' | 'p99Ns' | 'maxNs'> {
  min: number | null;
  mean: number | null;
  p50: number | null;
  p99: number | null;
  max: number | null;
}

export interface FabricReport {
  format: 'lightfabric/report';
  version: 1;
  name: string;
  counts: Counts;
  hops?: HopsReport;
  latencyNs?: LatencySummary;
  bandwidth?: BandwidthReport;
  throughput?: ThroughputReport;
  bisection?: BisectionReport;
  resilience?: ResilienceReport;
  optics?: OpticsReport;
  cost?: CostReport;
  power?: PowerReport;
  /** Total cost of ownership; present when both cost and power ran. */
  tco?: TcoReport;
  collectives?: CollectivesReport;
  /** Wall time of each phase, ms (also 'compile'). */
  timingsMs: Record<string, number>;
}

export function countFabric(doc: FabricDocument): Counts {
  const counts: Counts = {
    accelerators: 0, switches: 0, ocs: 0, patchPanels: 0, gateways: 0, nodes: doc.nodes.length,
    links: doc.links.length, racks: doc.racks.length, sites: doc.sites.length, servers: 0, byModel: {},
  };
  const servers = new Set<string>();
  for (const n of doc.nodes) {
    if (n.kind === 'accelerator') {
      counts.accelerators++;
      if (n.server !== undefined) servers.add(n.server);
    } else if (n.kind === 'switch') counts.switches++;
    else if (n.kind === 'ocs') counts.ocs++;
    else if (n.kind === 'patch-panel') counts.patchPanels++;
    else if (n.kind === 'gateway') counts.gateways++;
    counts.byModel[n.model] = (counts.byModel[n.model] ?? 0) + 1;
  }
  counts.servers = servers.size;
  return counts;
}

function latencySummary(r: LatencyReport): LatencySummary {
  const { minNs, meanNs, p50Ns, p99Ns, maxNs, ...rest } = r;
  return { min: minNs, mean: meanNs, p50: p50Ns, p99: p99Ns, max: maxNs, ...rest };
}

/**
 * Evaluate a (valid) fabric. Progress is reported per phase as (phase, fraction in [0, 1]); set
 * `cancel.cancelled = true` to stop: the promise then rejects with CancelledError.
 */
export async function evaluateFabric(
  fabric: Fabric | FabricDocument,
  options: EvaluateOptions = {},
  onProgress?: ProgressFn,
  cancel?: CancelToken,
): Promise<FabricReport> {
  const timingsMs: Record<string, number> = {};
  let t0 = nowMs();
  const ctx: EvalContext = createEvalContext(fabric, onProgress, cancel);
  timingsMs.compile = nowMs() - t0;
  const want = new Set<Phase>(options.phases ?? PHASES);
  const seed = options.seed ?? 1;
  const report: FabricReport = {
    format: 'lightfabric/report', version: 1, name: ctx.doc.name, counts: countFabric(ctx.doc), timingsMs,
  };
  const time = <T>(phase: string, f: () => T): T => {
    checkCancelled(ctx);
    t0 = nowMs();
    const out = f();
    timingsMs[phase] = nowMs() - t0;
    ctx.progress(phase, 1);
    return out;
  };
  const timeAsync = async <T>(phase: string, f: () => Promise<T>): Promise<T> => {
    checkCancelled(ctx);
    t0 = nowMs();
    const out = await f();
    timingsMs[phase] = nowMs() - t0;
    ctx.progress(phase, 1);
    return out;
  };

  if (want.has('hops') || want.has('throughput')) report.hops = time('hops', () => computeHops(ctx));
  if (want.has('latency')) {
    report.latencyNs = time('latency', () => latencySummary(computeLatency(ctx, { packetBytes: options.packetBytes, seed, maxSources: options.latencyMaxSources })));
  }
  if (want.has('bandwidth')) report.bandwidth = time('bandwidth', () => computeBandwidth(ctx));
  if (want.has('throughput') || want.has('collectives')) {
    report.throughput = await timeAsync('throughput', () => computeThroughput(ctx, {
      lp: options.lp ?? 'auto', lpMaxAccelerators: options.lpMaxAccelerators, highs: options.highs,
      highsInit: options.highsInit, seed, hopSum: report.hops?.hopSum,
    }));
  }
  if (want.has('bisection') || want.has('resilience') || want.has('cost')) {
    // Only a lambda from an exact feasible routing (exact ECMP or the LP) may feed the bisection's proof.
    const lambdaGbps = report.throughput ? provenLambdaGbps(report.throughput) : undefined;
    report.bisection = time('bisection', () => computeBisection(ctx, { lambdaGbps, seed }));
  }
  if (want.has('resilience')) {
    report.resilience = time('resilience', () => computeResilience(ctx, {
      failures: options.failures, trials: options.trials, seed, kind: options.failureKind,
      bisectionSplit: report.bisection?.split ?? null,
    }));
  }
  if (want.has('optics')) report.optics = time('optics', () => computeOptics(ctx));
  if (want.has('cost')) {
    report.cost = time('cost', () => computeCost(ctx, {
      krwPerUsd: options.krwPerUsd, bisectionGbps: report.bisection?.lowerGbps,
    }));
  }
  if (want.has('power')) {
    report.power = time('power', () => computePower(ctx, {
      pue: options.pue, tariffKrwPerKwh: options.tariffKrwPerKwh, utilisation: options.utilisation,
      krwPerUsd: options.krwPerUsd,
    }));
  }
  if (report.cost && report.power) {
    report.tco = computeTco(report.cost, report.power, ctx.compiled.accelerators.length, {
      years: options.tcoYears, operatingRate: options.operatingRate,
    });
  }
  if (want.has('collectives')) {
    report.collectives = time('collectives', () => computeCollectives(ctx, report.throughput, {
      messageBytes: options.messageBytes ?? 1 << 30, jobSize: options.jobSize, seed,
    }));
  }
  if (!want.has('hops')) delete report.hops;
  if (!want.has('throughput')) delete report.throughput;
  if (!want.has('bisection')) delete report.bisection;
  return report;
}
