// Choice of the optic or cable for one link from its speed and length: the pure rule placement applies to every
// link that leaves a server. Cheapest class that reaches first (copper, then multimode, single-mode, coherent).
import type { Catalog, TransceiverMedium, TransceiverModel } from '../catalog/index.js';
import { isOpticalTransceiver, linkLoss } from '../metrics/optics/loss.js';
import type { Medium } from '../model/types.js';

/** Reach classes in the order they are tried: DAC/ACC, AOC/SR (MMF), DR/FR/LR (SMF), ZR (coherent DWDM). */
export const TRANSCEIVER_CLASSES = ['copper', 'mmf', 'smf', 'coherent'] as const;
export type TransceiverClass = (typeof TRANSCEIVER_CLASSES)[number];

export interface TransceiverPrefs {
  /** Classes to try, in order (default all four). Drop 'copper' to force optics, keep only 'smf' behind an OCS. */
  classes?: readonly TransceiverClass[];
  /** Linear pluggables (LPO) and co-packaged optics need host/switch support, so they are opt-in. */
  allowLinear?: boolean;
  allowCpo?: boolean;
  /** Model ids never to choose. */
  exclude?: readonly string[];
  /**
   * Let a slower link ride part of a faster pluggable module (a 400G link on half of an 800G twin-port OSFP, as a
   * 400G breakout of an 800G switch port does). Default true; the module's cost is shared by the links it carries.
   * Cable assemblies (DAC, ACC, AOC) are never shared: one cable per link.
   */
  allowFractional?: boolean;
  /**
   * Fastest module the ports at the link's ends can hold (an 800G cage cannot take a 1.6T module). The slowest
   * module speed that carries the link is always allowed, so a 375G link may use a 400G module.
   */
  maxModuleGbps?: number;
  /**
   * Insertion loss of the OCS / patch panels the circuit passes (dB). Every optical candidate must keep a
   * non-negative loss margin over the run plus these (the optics metric's rule), and cable assemblies are
   * excluded when the circuit passes any. Default 0.
   */
  passiveLossDb?: number;
}

export interface TransceiverChoice {
  model: TransceiverModel;
  /** Link medium the choice implies. */
  medium: Medium;
  /** Links of this speed one module carries (2 for 400G on an 800G twin-port module). */
  linksPerModule: number;
  /** Price of the two ends of one link: 2 x priceUsd / linksPerModule. */
  costUsdPerLink: number;
}

export function transceiverClass(m: TransceiverModel): TransceiverClass {
  if (m.medium === 'copper') return 'copper';
  if (m.coherent) return 'coherent';
  return m.medium === 'mmf' ? 'mmf' : 'smf';
}

/** No DSP retimer (latencyNs 0) on an optical pluggable: an LPO. */
export function isLinearOptic(m: TransceiverModel): boolean {
  return m.medium !== 'copper' && !m.cable && m.latencyNs === 0 && m.formFactor !== 'CPO';
}

export function isCpo(m: TransceiverModel): boolean {
  return m.formFactor === 'CPO';
}

function mediumOf(m: TransceiverMedium): Medium {
  return m;
}

/**
 * The transceiver (or cable assembly) for a link of `gbps` over `lengthM` metres: among the modules at least as
 * fast as the link whose reach covers the length, the first class in `prefs.classes` that has one, and in it the
 * cheapest per link (then the lowest power, then the id, so the choice is deterministic). Undefined when nothing
 * in the catalog reaches.
 */
export function chooseTransceiver(
  gbps: number,
  lengthM: number,
  catalog: Catalog,
  prefs: TransceiverPrefs = {},
): TransceiverChoice | undefined {
  const classes = prefs.classes ?? TRANSCEIVER_CLASSES;
  const fractional = prefs.allowFractional ?? true;
  const exclude = prefs.exclude ?? [];
  let cap = prefs.maxModuleGbps ?? Infinity;
  if (cap < Infinity) {
    let slowest = Infinity;
    for (const e of catalog.entries('transceiver')) {
      const g = (e as TransceiverModel).gbps;
      if (g >= gbps && g < slowest) slowest = g;
    }
    cap = Math.max(cap, slowest);
  }
  let best: TransceiverChoice | undefined;
  let bestRank = Infinity;
  let bestPower = Infinity;
  for (const entry of catalog.entries('transceiver')) {
    const m = entry as TransceiverModel;
    if (m.gbps < gbps || m.gbps > cap || m.reachM < lengthM) continue;
    if (exclude.includes(m.id)) continue;
    if (!prefs.allowLinear && isLinearOptic(m)) continue;
    if (!prefs.allowCpo && isCpo(m)) continue;
    const rank = classes.indexOf(transceiverClass(m));
    if (rank < 0) continue;
    const passiveLossDb = prefs.passiveLossDb ?? 0;
    if (m.cable && passiveLossDb > 0) continue;
    if (!m.cable && isOpticalTransceiver(m) && linkLoss(lengthM, m, passiveLossDb, catalog.fibre).marginDb < 0) continue;
    // A cable assembly joins exactly two ports, so only pluggable modules are shared by breakout links.
    const linksPerModule = fractional && !m.cable ? Math.max(1, Math.floor(m.gbps / gbps)) : 1;
    const cost = (2 * m.priceUsd) / linksPerModule;
    const power = m.powerW / linksPerModule;
    const better =
      rank < bestRank ||
      (rank === bestRank && best !== undefined &&
        (cost < best.costUsdPerLink ||
          (cost === best.costUsdPerLink && (power < bestPower || (power === bestPower && m.id < best.model.id)))));
    if (best === undefined || better) {
      best = { model: m, medium: mediumOf(m.medium), linksPerModule, costUsdPerLink: cost };
      bestRank = rank;
      bestPower = power;
    }
  }
  return best;
}
