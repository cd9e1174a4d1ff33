// Optics check of every link of a fabric: reach, medium and loss budget per link, the margin distribution, installed
// fibre by medium, OCS / patch-panel passes per circuit and the in-line amplifiers long coherent runs need.
// One linear pass over the links; the catalog (with the fabric's overrides) supplies every physical value.
import type { TransceiverModel } from '../../catalog/index.js';
import type { Problem } from '../../model/problem.js';
import type { FabricLink, Medium } from '../../model/types.js';
import { checkCancelled, type EvalContext } from '../context.js';
import { planAmplifiers, type AmplifierPlan } from './amplifiers.js';
import { fibreMediumOf } from './fibre.js';
import { isOpticalTransceiver, linkLoss, type LossBreakdown } from './loss.js';
import { createOpticAdvisor, describeSuggestion, formatReach, type OpticNeed, type OpticSuggestion } from './suggest.js';

export type OpticsViolationKind = 'reach' | 'loss' | 'medium';

export interface OpticsViolation {
  linkId: string;
  /** `links[i]` in the fabric file. */
  path: string;
  kind: OpticsViolationKind;
  transceiver: string;
  lengthM: number;
  medium: Medium;
  /** kind 'reach': the optic's reach. */
  reachM?: number;
  /** kind 'loss': loss of the checked span, the optic's budget and the (negative) margin. */
  lossDb?: number;
  budgetDb?: number;
  marginDb?: number;
  /** kind 'medium': what the optic needs. */
  transceiverMedium?: TransceiverModel['medium'];
  /** What is wrong and how to fix it. */
  message: string;
  /** Cheapest catalog optic that would pass, when one exists. */
  fix?: OpticSuggestion;
}

export interface LinkMargin {
  linkId: string;
  path: string;
  transceiver: string;
  lengthM: number;
  lossDb: number;
  budgetDb: number;
  marginDb: number;
  spans: number;
}

export interface MarginBucket {
  /** Inclusive lower edge, null = minus infinity. */
  fromDb: number | null;
  /** Exclusive upper edge, null = plus infinity. */
  toDb: number | null;
  links: number;
}

export interface PassStats {
  /** Links whose circuit passes at least one such device. */
  circuits: number;
  totalPasses: number;
  maxPasses: number;
  /** Mean passes over those circuits (0 when there are none). */
  meanPasses: number;
  /** Number of circuits per pass count, ascending. */
  histogram: { passes: number; links: number }[];
}

export interface OpticsReport {
  counts: {
    links: number;
    /** Links with fibre (smf/mmf) or an optical module. */
    optical: number;
    /** Links whose reach was checked: every link with a known transceiver or cable assembly. */
    reachChecked: number;
    /** Optical links whose loss budget was checked (not cable assemblies, medium consistent). */
    lossChecked: number;
    /** Links with a cable assembly (DAC, ACC, AOC): reach check only. */
    cableAssemblies: number;
    /** Fibre links with no transceiver: nothing to check against (listed in problems). */
    noTransceiver: number;
    unknownTransceiver: number;
    /** Copper or scale-up links with no module: not optical, not checked. */
    notOptical: number;
    /** Links with at least one violation. */
    violatingLinks: number;
  };
  violationsByKind: Record<OpticsViolationKind, number>;
  violations: OpticsViolation[];
  margin: {
    links: number;
    minDb: number | null;
    meanDb: number | null;
    maxDb: number | null;
    histogram: MarginBucket[];
    /** Lowest margins first. */
    worst: LinkMargin[];
  };
  /** Route length of the links, metres (a duplex or parallel run counts once, whatever its strand count). */
  fibreLengthM: {
    /** Installed single-mode and multimode plant: links of that medium and scale-up links on optical modules. */
    smf: number;
    mmf: number;
    /** DAC / ACC / AOC assemblies: their medium is part of the product. */
    cableAssemblies: number;
  };
  ocsPasses: PassStats;
  patchPanelPasses: PassStats;
  amplifiers: AmplifierPlan;
  problems: Problem[];
}

export interface OpticsOptions {
  /** How many lowest-margin links to list (default 10). */
  worstLinks?: number;
}

// Margin buckets, dB: below zero is a violation; under 1 dB is usually considered too thin for ageing and repairs.
const MARGIN_EDGES = [0, 0.5, 1, 2, 3, 5];
// Loss margins are sums of catalog decimals: a link exactly at its budget must not fail on rounding noise.
const MARGIN_EPSILON = 1e-9;
const CHUNK = 65536;

interface Passive { kind: 'ocs' | 'patch-panel'; lossDb: number }

export function computeOptics(ctx: EvalContext, options: OpticsOptions = {}): OpticsReport {
  const { doc, compiled, catalog } = ctx;
  const fibre = catalog.fibre;
  const worstK = Math.max(0, Math.floor(options.worstLinks ?? 10));
  const advise = createOpticAdvisor(catalog);
  const problems: Problem[] = [];
  const violations: OpticsViolation[] = [];
  const byKind: Record<OpticsViolationKind, number> = { reach: 0, loss: 0, medium: 0 };
  const counts = {
    links: doc.links.length, optical: 0, reachChecked: 0, lossChecked: 0, cableAssemblies: 0, noTransceiver: 0,
    unknownTransceiver: 0, notOptical: 0, violatingLinks: 0,
  };
  const fibreLengthM = { smf: 0, mmf: 0, cableAssemblies: 0 };
  const marginHist = new Array<number>(MARGIN_EDGES.length + 1).fill(0);
  let marginMin = Infinity;
  let marginMax = -Infinity;
  let marginSum = 0;
  const worst: LinkMargin[] = [];
  const ocsHist = new Map<number, number>();
  const ppHist = new Map<number, number>();

  const transceivers = new Map<string, TransceiverModel | null>();
  const passives = new Map<string, Passive | string>();
  const passiveOf = (id: string): Passive | string => {
    let p = passives.get(id);
    if (p !== undefined) return p;
    const idx = compiled.nodeIndex.get(id);
    const entry = idx === undefined ? undefined : catalog.get(compiled.nodeModel[idx]);
    if (idx === undefined) p = 'dangling-via';
    else if (!entry) p = 'unknown-model';
    else if (entry.kind === 'ocs' || entry.kind === 'patch-panel') p = { kind: entry.kind, lossDb: entry.insertionLossDb };
    else p = 'via-not-passive';
    passives.set(id, p);
    return p;
  };

  ctx.progress('optics', 0);
  for (let e = 0; e < doc.links.length; e++) {
    if ((e & (CHUNK - 1)) === CHUNK - 1) {
      checkCancelled(ctx);
      ctx.progress('optics', e / doc.links.length);
    }
    const link = doc.links[e];
    const isFibre = link.medium === 'smf' || link.medium === 'mmf';
    const via = link.via;
    // Most links of a big fabric are scale-up or copper without a module: nothing to check, nothing to allocate.
    if (link.transceiver === undefined && !isFibre && (via === undefined || via.length === 0)) {
      counts.notOptical++;
      continue;
    }
    let passivesDb = 0;
    let ocsCount = 0;
    let ppCount = 0;
    const viaCount = via === undefined ? 0 : via.length;
    for (let j = 0; j < viaCount; j++) {
      const p = passiveOf(via![j]);
      if (typeof p === 'string') {
        problems.push(viaProblem(p, `links[${e}].via[${j}]`, via![j], link.id));
        continue;
      }
      passivesDb += p.lossDb;
      if (p.kind === 'ocs') ocsCount++;
      else ppCount++;
    }
    if (ocsCount > 0) ocsHist.set(ocsCount, (ocsHist.get(ocsCount) ?? 0) + 1);
    if (ppCount > 0) ppHist.set(ppCount, (ppHist.get(ppCount) ?? 0) + 1);

    if (link.transceiver === undefined) {
      if (isFibre) {
        counts.optical++;
        counts.noTransceiver++;
        fibreLengthM[link.medium as 'smf' | 'mmf'] += link.lengthM;
        const fix = advise({ gbps: link.gbps, lengthM: link.lengthM, medium: link.medium, passivesDb, hasVia: viaCount > 0 });
        problems.push({
          path: `links[${e}].transceiver`, code: 'optics-unchecked', severity: 'warning',
          message: `link ${link.id} is ${link.medium} fibre with no transceiver, so its reach and loss cannot be checked: ` +
            (fix ? `set transceiver, e.g. ${fix.transceiver} (${formatReach(fix.reachM)})` : 'set a transceiver model'),
        });
      } else counts.notOptical++;
      continue;
    }

    let t = transceivers.get(link.transceiver);
    if (t === undefined) {
      t = catalog.transceiver(link.transceiver) ?? null;
      transceivers.set(link.transceiver, t);
    }
    if (t === null) {
      counts.unknownTransceiver++;
      if (isFibre) counts.optical++;
      problems.push({
        path: `links[${e}].transceiver`, code: 'unknown-transceiver', severity: 'error',
        message: `link ${link.id} names transceiver "${link.transceiver}", which is not in the catalog: ` +
          'pick one from `catalog --kind transceiver`',
      });
      continue;
    }

    counts.reachChecked++;
    if (t.cable) {
      counts.cableAssemblies++;
      fibreLengthM.cableAssemblies += link.lengthM;
    }
    const plant = fibreMediumOf(link.medium, t);
    if (plant) fibreLengthM[plant] += link.lengthM;
    if (isFibre || t.medium !== 'copper') counts.optical++;

    let violating = false;

    if (link.lengthM > t.reachM) {
      violating = true;
      byKind.reach++;
      const fix = advise(needOf(link, t, passivesDb, viaCount));
      const v = violation(link, e, t, 'reach', fix,
        `link ${link.id}: ${link.lengthM} m is beyond the ${formatReach(t.reachM)} reach of ${t.id}: ` +
        (fix ? describeSuggestion(fix) : 'no catalog optic of this speed reaches that far: shorten the run or regenerate'));
      v.reachM = t.reachM;
      violations.push(v);
    }

    const mediumMismatch = link.medium !== 'scale-up' && link.medium !== t.medium;
    if (mediumMismatch) {
      violating = true;
      byKind.medium++;
      const fix = advise(needOf(link, t, passivesDb, viaCount));
      const v = violation(link, e, t, 'medium', fix,
        `link ${link.id} is ${link.medium} but ${t.id} needs ${t.medium}: set the link's medium to ${t.medium}` +
        (fix ? ` or ${describeSuggestion(fix)}` : ''));
      v.transceiverMedium = t.medium;
      violations.push(v);
    }

    if (!t.cable && isOpticalTransceiver(t) && !mediumMismatch) {
      counts.lossChecked++;
      const loss = linkLoss(link.lengthM, t, passivesDb, fibre);
      const m = loss.marginDb;
      marginSum += m;
      if (m < marginMin) marginMin = m;
      if (m > marginMax) marginMax = m;
      marginHist[bucketOf(m)]++;
      if (worstK > 0 && (worst.length < worstK || m < worst[worst.length - 1].marginDb)) {
        insertWorst(worst, worstK, {
          linkId: link.id, path: `links[${e}]`, transceiver: t.id, lengthM: link.lengthM, lossDb: loss.totalDb,
          budgetDb: loss.budgetDb, marginDb: m, spans: loss.spans,
        });
      }
      if (m < -MARGIN_EPSILON) {
        violating = true;
        byKind.loss++;
        const fix = advise(needOf(link, t, passivesDb, viaCount));
        const v = violation(link, e, t, 'loss', fix,
          `link ${link.id}: ${describeLoss(loss)} exceeds the ${loss.budgetDb} dB budget of ${t.id} by ${round(-m)} dB: ` +
          (fix ? describeSuggestion(fix) : 'no catalog optic fits: shorten the run') +
          (loss.passivesDb > 0 ? ', or route the circuit through fewer OCS / patch panels' : ''));
        v.lossDb = loss.totalDb;
        v.budgetDb = loss.budgetDb;
        v.marginDb = m;
        violations.push(v);
      }
    }
    if (violating) counts.violatingLinks++;
  }
  ctx.progress('optics', 1);

  const marginLinks = counts.lossChecked;
  return {
    counts,
    violationsByKind: byKind,
    violations,
    margin: {
      links: marginLinks,
      minDb: marginLinks ? marginMin : null,
      meanDb: marginLinks ? marginSum / marginLinks : null,
      maxDb: marginLinks ? marginMax : null,
      histogram: marginHist.map((links, i) => ({
        fromDb: i === 0 ? null : MARGIN_EDGES[i - 1],
        toDb: i === MARGIN_EDGES.length ? null : MARGIN_EDGES[i],
        links,
      })),
      worst,
    },
    fibreLengthM,
    ocsPasses: passStats(ocsHist),
    patchPanelPasses: passStats(ppHist),
    amplifiers: planAmplifiers(doc, catalog, compiled.nodeIndex),
    problems,
  };
}

/** What the advisor must satisfy; a scale-up link names no physical medium of its own, so its module decides it. */
function needOf(link: FabricLink, t: TransceiverModel, passivesDb: number, viaCount: number): OpticNeed {
  return {
    gbps: link.gbps, lengthM: link.lengthM, medium: link.medium === 'scale-up' ? t.medium : link.medium,
    currentGbps: t.gbps, passivesDb, hasVia: viaCount > 0,
  };
}

// Plain literals with a fixed key order (no spreads): big fabrics can have tens of thousands of violations.
function violation(
  link: FabricLink, e: number, t: TransceiverModel, kind: OpticsViolationKind, fix: OpticSuggestion | undefined, message: string,
): OpticsViolation {
  const v: OpticsViolation = {
    linkId: link.id, path: `links[${e}]`, kind, transceiver: t.id, lengthM: link.lengthM, medium: link.medium, message,
  };
  if (fix) v.fix = fix;
  return v;
}

function bucketOf(marginDb: number): number {
  // A margin within rounding noise of zero is at the budget, not below it.
  const m = Math.abs(marginDb) <= MARGIN_EPSILON ? 0 : marginDb;
  let i = 0;
  while (i < MARGIN_EDGES.length && m >= MARGIN_EDGES[i]) i++;
  return i;
}

function insertWorst(worst: LinkMargin[], k: number, row: LinkMargin): void {
  let i = worst.length;
  while (i > 0 && worst[i - 1].marginDb > row.marginDb) i--;
  worst.splice(i, 0, row);
  if (worst.length > k) worst.pop();
}

function passStats(hist: Map<number, number>): PassStats {
  let circuits = 0;
  let totalPasses = 0;
  let maxPasses = 0;
  const histogram = [...hist.entries()].sort((a, b) => a[0] - b[0]).map(([passes, links]) => {
    circuits += links;
    totalPasses += passes * links;
    if (passes > maxPasses) maxPasses = passes;
    return { passes, links };
  });
  return { circuits, totalPasses, maxPasses, meanPasses: circuits ? totalPasses / circuits : 0, histogram };
}

function viaProblem(code: string, path: string, viaId: string, linkId: string): Problem {
  const message =
    code === 'dangling-via' ? `link ${linkId} passes "${viaId}", which is not a node: remove it from via or add the node`
    : code === 'unknown-model' ? `link ${linkId} passes "${viaId}", whose model is not in the catalog, so its insertion loss is not counted: fix the node's model`
    : `link ${linkId} passes "${viaId}", which is not an OCS or patch panel: only passive devices go in via; make it a link end instead`;
  return { path, code, severity: 'error', message };
}

function describeLoss(l: LossBreakdown): string {
  const parts = [`fibre ${round(l.fibreDb)}`, `connectors ${round(l.connectorsDb)}`];
  if (l.splices > 0) parts.push(`${l.splices} splices ${round(l.splicesDb)}`);
  if (l.passivesDb > 0) parts.push(`OCS/patch panels ${round(l.passivesDb)}`);
  const what = l.spans > 1 ? `each of ${l.spans} amplified spans loses` : 'loss';
  return `${what} ${round(l.totalDb)} dB (${parts.join(' + ')})`;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
