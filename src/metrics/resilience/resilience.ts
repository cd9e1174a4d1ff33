// The resilience section of a report: path diversity, edge connectivity, single points of failure and a
// seeded Monte Carlo of random link or device failures.
import { createRng } from '../../model/random.js';
import { computeBisection, type BisectionSplit } from '../bisection/bisection.js';
import { checkCancelled, type EvalContext } from '../context.js';
import { simpleGraphOf } from '../graph/simple.js';
import { findCutPoints } from './cut-points.js';
import { acceleratorEdgeConnectivity, type EdgeConnectivity } from './edge-connectivity.js';
import { deviceLinks, failableDevices, FailureImpact } from './failure-impact.js';
import { monteCarloFailures, type FailureKind, type MonteCarloReport } from './monte-carlo.js';
import { pathDiversity, type PathDiversity } from './path-diversity.js';

export interface ResilienceOptions {
  /** Failures per Monte Carlo trial. Default 1. */
  failures?: number;
  /** Monte Carlo trials. Default 100. */
  trials?: number;
  seed?: number;
  /** What fails: links, or network devices (switches, gateways, OCS with every circuit through them). Default 'link'. */
  kind?: FailureKind;
  /** Accelerator pairs sampled for path counts. Default 16. */
  pathSamples?: number;
  /**
   * Binding split of the intact bisection, from the bisection metric's report (`bisection.split`); null: no
   * surviving bisection. When absent the bisection metric runs here in its fast mode to find one.
   */
  bisectionSplit?: Pick<BisectionSplit, 'sideARanges'> | null;
  /** Or side A as accelerator ids (side B is every other accelerator); takes precedence over bisectionSplit. */
  bisectionSideA?: readonly string[];
  /** Arc visits allowed for the edge-connectivity max-flows (beyond: sampled upper bound). */
  connectivityMaxWork?: number;
  /** Max-flow per trial while trials x (nodes + links) is under this; else the intact cut minus failed links. */
  bisectionMaxFlowWork?: number;
  /** Longest lists of bridges and articulation nodes reported (worst first). Default 50. */
  listLimit?: number;
}

export interface BridgeEntry {
  linkId: string;
  acceleratorsCutOff: number;
}

export interface DeviceEntry {
  nodeId: string;
  kind: string;
  acceleratorsCutOff: number;
}

export interface SinglePointsOfFailure {
  /** Links whose failure disconnects the fabric graph (parallel links are never bridges). */
  bridges: number;
  /** Bridges whose failure cuts off at least one accelerator. */
  separatingBridges: number;
  /** Switches, gateways and other non-accelerator nodes whose failure disconnects the graph. */
  articulationSwitches: number;
  /** Accelerators whose failure disconnects the graph (direct networks route through accelerators). */
  articulationAccelerators: number;
  /** OCS whose failure (every circuit through it down) cuts off accelerators. */
  criticalOcs: number;
  bridgeList: BridgeEntry[];
  deviceList: DeviceEntry[];
  worstLink?: BridgeEntry;
  worstDevice?: DeviceEntry;
  note: string;
}

export interface ResilienceReport {
  pathDiversity: PathDiversity;
  edgeConnectivity: EdgeConnectivity;
  singlePointsOfFailure: SinglePointsOfFailure;
  monteCarlo: MonteCarloReport;
  seed: number;
  notes: string[];
}

export function computeResilience(ctx: EvalContext, options: ResilienceOptions = {}): ResilienceReport {
  const c = ctx.compiled;
  const g = simpleGraphOf(c);
  const seed = options.seed ?? 1;
  const rng = createRng(seed);
  const limit = options.listLimit ?? 50;
  const notes: string[] = [];
  const kindName = (v: number) => ctx.doc.nodes[v].kind;

  ctx.progress('resilience.paths', 0);
  const paths = pathDiversity(c, g, options.pathSamples ?? 16, rng);
  checkCancelled(ctx);

  ctx.progress('resilience.cut-points', 0);
  const cut = findCutPoints(c);
  const impact = new FailureImpact(c, cut.component, cut.componentAccelerators);
  const edgeConnectivity = acceleratorEdgeConnectivity(c, cut, { rng, maxWork: options.connectivityMaxWork });
  checkCancelled(ctx);

  const bridges: BridgeEntry[] = [];
  for (let e = 0; e < c.m; e++) if (cut.bridgeCutOff[e] >= 0) bridges.push({ linkId: c.linkIds[e], acceleratorsCutOff: cut.bridgeCutOff[e] });
  const devices: DeviceEntry[] = [];
  let articulationSwitches = 0;
  let articulationAccelerators = 0;
  for (let v = 0; v < c.n; v++) {
    if (cut.articulationCutOff[v] < 0) continue;
    if (kindName(v) === 'accelerator') articulationAccelerators++;
    else {
      articulationSwitches++;
      devices.push({ nodeId: c.nodeIds[v], kind: kindName(v), acceleratorsCutOff: cut.articulationCutOff[v] });
    }
  }
  // An OCS carries circuits, not links of its own: its failure is a set of link failures.
  const links = ctx.doc.links;
  let hasVia = false;
  for (let e = 0; e < links.length && !hasVia; e++) hasVia = (links[e].via?.length ?? 0) > 0;
  const kind = options.kind ?? 'link';
  // Device failures (OCS circuits, or the Monte Carlo's switch kind) need each device's links; link failures do not.
  const linksOf = hasVia || kind === 'switch' ? deviceLinks(c, links.map((l) => l.via)) : undefined;
  let criticalOcs = 0;
  if (hasVia && linksOf) {
    const alive = new Uint8Array(c.m).fill(1);
    for (let v = 0; v < c.n; v++) {
      if (kindName(v) !== 'ocs' || linksOf[v].length === 0) continue;
      for (const e of linksOf[v]) alive[e] = 0;
      const lost = impact.cutOffAfter(alive, linksOf[v]);
      for (const e of linksOf[v]) alive[e] = 1;
      if (lost > 0) {
        criticalOcs++;
        devices.push({ nodeId: c.nodeIds[v], kind: 'ocs', acceleratorsCutOff: lost });
      }
    }
  }
  const byCut = <T extends { acceleratorsCutOff: number }>(a: T, b: T) => b.acceleratorsCutOff - a.acceleratorsCutOff;
  bridges.sort(byCut);
  devices.sort(byCut);
  const singlePointsOfFailure: SinglePointsOfFailure = {
    bridges: bridges.length,
    separatingBridges: bridges.filter((b) => b.acceleratorsCutOff > 0).length,
    articulationSwitches,
    articulationAccelerators,
    criticalOcs,
    bridgeList: bridges.slice(0, limit),
    deviceList: devices.slice(0, limit),
    worstLink: bridges.length && bridges[0].acceleratorsCutOff > 0 ? bridges[0] : undefined,
    worstDevice: devices.length && devices[0].acceleratorsCutOff > 0 ? devices[0] : undefined,
    note: 'cut off = accelerators separated from the largest surviving part of their connected component',
  };

  let candidates: Int32Array;
  if (kind === 'link') {
    candidates = new Int32Array(c.m);
    for (let e = 0; e < c.m; e++) candidates[e] = e;
  } else candidates = failableDevices(c);
  const split = intactSplit(ctx, options, notes);
  const monteCarlo = monteCarloFailures(c, {
    kind,
    failures: options.failures ?? 1,
    trials: options.trials ?? 100,
    rng,
    impact,
    candidates,
    deviceLinks: linksOf,
    split,
    maxFlowWork: options.bisectionMaxFlowWork,
    tick: (f) => {
      ctx.progress('resilience.monte-carlo', f);
      checkCancelled(ctx);
    },
  });
  const failures = options.failures ?? 1;
  if (failures > candidates.length) {
    notes.push(`asked for ${failures} failures per trial but only ${candidates.length} ${kind}s can fail`);
  }
  ctx.progress('resilience', 1);
  return { pathDiversity: paths, edgeConnectivity, singlePointsOfFailure, monteCarlo, seed, notes };
}

/** Side A / side B accelerators of the intact fabric's binding bisection split. */
function intactSplit(ctx: EvalContext, options: ResilienceOptions, notes: string[]): { sideA: Int32Array; sideB: Int32Array } | undefined {
  const c = ctx.compiled;
  const inA = new Uint8Array(c.n);
  let countA = 0;
  if (options.bisectionSideA) {
    for (const id of options.bisectionSideA) {
      const v = c.nodeIndex.get(id);
      if (v !== undefined && ctx.doc.nodes[v].kind === 'accelerator') {
        if (!inA[v]) countA++;
        inA[v] = 1;
      } else {
        notes.push(`bisectionSideA: ${id} is not an accelerator of this fabric; ignored`);
      }
    }
  } else {
    let split = options.bisectionSplit;
    if (split === undefined) {
      ctx.progress('resilience.bisection', 0);
      split = computeBisection(ctx, { effort: 'fast' }).split;
      notes.push('binding split found by the bisection metric in its fast mode (pass bisectionSplit to reuse a full run)');
    }
    if (!split) {
      notes.push('no bisection split: the Monte Carlo reports no surviving bisection');
      return undefined;
    }
    for (const [from, to] of split.sideARanges) {
      for (let i = from; i <= to && i < c.accelerators.length; i++) {
        if (!inA[c.accelerators[i]]) countA++;
        inA[c.accelerators[i]] = 1;
      }
    }
  }
  const acc = c.accelerators;
  let inSideA = 0;
  for (let i = 0; i < acc.length; i++) inSideA += inA[acc[i]];
  const sideA = new Int32Array(inSideA);
  const sideB = new Int32Array(acc.length - inSideA);
  for (let i = 0, a = 0, b = 0; i < acc.length; i++) {
    if (inA[acc[i]]) sideA[a++] = acc[i];
    else sideB[b++] = acc[i];
  }
  if (countA === 0 || sideB.length === 0) {
    notes.push('the bisection split does not divide the accelerators in two: surviving bisection not computed');
    return undefined;
  }
  return { sideA, sideB };
}
