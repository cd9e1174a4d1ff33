// The fix for a link that fails its optics check: the cheapest catalog module that reaches, fits the loss budget and
// carries the link's speed — first at the speed of the module in use on the same medium, then any faster module on
// the same medium, and only then one that needs the run re-cabled.
import type { Catalog, FibreConstants, TransceiverModel } from '../../catalog/index.js';
import type { Medium } from '../../model/types.js';
import { isOpticalTransceiver, linkLoss } from './loss.js';

export interface OpticSuggestion {
  transceiver: string;
  name: string;
  gbps: number;
  reachM: number;
  medium: TransceiverModel['medium'];
  /** Module cost per link end at this link's speed: priceUsd x link gbps / module gbps. */
  costPerEndUsd: number;
  /** Loss margin the suggested optic would have on this link (absent for cable assemblies). */
  marginDb?: number;
  /** The suggested optic needs another fibre than the link has now (a cable assembly brings its own). */
  recable: boolean;
}

export interface OpticNeed {
  gbps: number;
  lengthM: number;
  /** Medium the link has now (for a scale-up link, the medium of its current optic, if any). */
  medium: Medium;
  /** Speed of the module in use, if any: "an optic of that speed" is preferred. */
  currentGbps?: number;
  passivesDb: number;
  /** The circuit passes an OCS or patch panel: cable assemblies cannot be used. */
  hasVia: boolean;
}

export type OpticAdvisor = (need: OpticNeed) => OpticSuggestion | undefined;

export function formatReach(reachM: number): string {
  return reachM >= 1000 ? `${reachM / 1000} km` : `${reachM} m`;
}

/** "use osfp-800g-2xfr4 (2 km)", with the re-cabling note when the medium changes. */
export function describeSuggestion(s: OpticSuggestion): string {
  const fibre = s.medium === 'smf' ? 'single-mode fibre' : s.medium === 'mmf' ? 'multimode fibre' : 'copper';
  return `use ${s.transceiver} (${formatReach(s.reachM)})` + (s.recable ? ` and re-cable the run as ${fibre}` : '');
}

/** Candidate list built once per evaluation; answers are memoised because big fabrics repeat the same needs. */
export function createOpticAdvisor(catalog: Catalog): OpticAdvisor {
  const fibre: FibreConstants = catalog.fibre;
  // Co-packaged optics are part of a switch, not a module that can be swapped into an existing port.
  const candidates = (catalog.entries('transceiver') as TransceiverModel[])
    .filter((t) => t.formFactor !== 'CPO' && t.gbps > 0 && t.reachM > 0);
  const memo = new Map<string, OpticSuggestion | null>();

  const fits = (t: TransceiverModel, need: OpticNeed): number | undefined | false => {
    if (t.reachM < need.lengthM) return false;
    if (t.cable) return need.hasVia ? false : undefined;
    if (!isOpticalTransceiver(t)) return false;
    const margin = linkLoss(need.lengthM, t, need.passivesDb, fibre).marginDb;
    return margin >= 0 ? margin : false;
  };

  return (need) => {
    const key = `${need.gbps}|${need.lengthM}|${need.medium}|${need.currentGbps ?? ''}|${need.passivesDb}|${need.hasVia}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const tierOf = (t: TransceiverModel): number => {
      if (t.medium === need.medium) return t.gbps === need.currentGbps ? 0 : 1;
      return 2;
    };
    let best: OpticSuggestion | undefined;
    let bestRank: [number, number, string] | undefined;
    for (const t of candidates) {
      if (t.gbps < need.gbps) continue;
      const margin = fits(t, need);
      if (margin === false) continue;
      const rank: [number, number, string] = [tierOf(t), t.priceUsd * (need.gbps / t.gbps), t.id];
      if (bestRank && !lessThan(rank, bestRank)) continue;
      bestRank = rank;
      best = {
        transceiver: t.id, name: t.name, gbps: t.gbps, reachM: t.reachM, medium: t.medium,
        costPerEndUsd: rank[1], recable: rank[0] === 2 && !t.cable,
        ...(margin === undefined ? {} : { marginDb: margin }),
      };
    }
    memo.set(key, best ?? null);
    return best;
  };
}

function lessThan(a: [number, number, string], b: [number, number, string]): boolean {
  if (a[0] !== b[0]) return a[0] < b[0];
  if (a[1] !== b[1]) return a[1] < b[1];
  return a[2] < b[2];
}
