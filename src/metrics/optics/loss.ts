// Optical loss budget of one link: fibre attenuation + end connectors + splices + every OCS / patch panel passed,
// against the optic's lossBudgetDb. Amplified coherent runs are checked on their worst span.
import type { FibreConstants, TransceiverModel } from '../../catalog/index.js';
import { fibreDbPerKm } from './attenuation.js';
import { endConnectorDb } from './connectors.js';
import { spanPlan } from './spans.js';

export type OpticalTransceiver = Pick<
  TransceiverModel, 'id' | 'name' | 'medium' | 'wavelengthNm' | 'lossBudgetDb' | 'coherent'
> & { medium: 'smf' | 'mmf' };

export interface LossBreakdown {
  dbPerKm: number;
  spans: number;
  spanKm: number;
  amplifiers: number;
  /** Attenuation of the fibre in the checked span. */
  fibreDb: number;
  /** Two end connector pairs of the checked span (MPO or LC). */
  connectorsDb: number;
  splices: number;
  splicesDb: number;
  /** Insertion loss of the OCS and patch panels in `via`. */
  passivesDb: number;
  /** Loss of the checked span: the whole link when unamplified. */
  totalDb: number;
  budgetDb: number;
  marginDb: number;
}

export function isOpticalTransceiver(t: TransceiverModel): t is TransceiverModel & { medium: 'smf' | 'mmf' } {
  return t.medium === 'smf' || t.medium === 'mmf';
}

/**
 * Loss of a link of `lengthM` with optic `t` whose circuit passes passives totalling `passivesDb`. When the run is
 * amplified the passives sit in the data-centre end span; all of them are charged to one span (the checked one),
 * which is the worst span because spans are equal.
 */
export function linkLoss(lengthM: number, t: OpticalTransceiver, passivesDb: number, fibre: FibreConstants): LossBreakdown {
  const plan = spanPlan(lengthM, t.coherent, fibre);
  const dbPerKm = fibreDbPerKm(t.medium, t.wavelengthNm, fibre);
  const fibreDb = dbPerKm * plan.spanKm;
  const connectorsDb = 2 * endConnectorDb(t, fibre);
  const splicesDb = plan.splicesPerSpan * fibre.spliceDb;
  const totalDb = fibreDb + connectorsDb + splicesDb + passivesDb;
  return {
    dbPerKm, spans: plan.spans, spanKm: plan.spanKm, amplifiers: plan.amplifiers,
    fibreDb, connectorsDb, splices: plan.splicesPerSpan, splicesDb, passivesDb, totalDb,
    budgetDb: t.lossBudgetDb, marginDb: t.lossBudgetDb - totalDb,
  };
}
