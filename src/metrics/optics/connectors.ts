// Connector loss at the two ends of an optical link: MPO for parallel-fibre optics, duplex LC for the rest.
// The catalog has no connector field, so the optic's IEEE-style name decides (SR4/SR8/DR4/DR8, 2xSR4, 2xDR4 are parallel).
import type { FibreConstants, TransceiverModel } from '../../catalog/index.js';

// Parallel PMDs carry one lane per fibre and terminate on MPO; WDM (FR4, LR4), coherent (ZR) and the LPO/CPO entries
// (whose names do not say DR8) are treated as duplex LC.
const PARALLEL_PMD = /(?:^|[^a-z0-9])(?:\d+x)?(?:sr|dr)\d+/i;

// Catalog entries are long-lived objects and the check runs once per link: remember the answer per entry.
const parallelCache = new WeakMap<object, boolean>();

export function isParallelOptic(t: Pick<TransceiverModel, 'id' | 'name'>): boolean {
  let parallel = parallelCache.get(t);
  if (parallel === undefined) {
    parallel = PARALLEL_PMD.test(t.id) || PARALLEL_PMD.test(t.name);
    parallelCache.set(t, parallel);
  }
  return parallel;
}

/** Loss of one mated connector pair at one end of the link. */
export function endConnectorDb(t: Pick<TransceiverModel, 'id' | 'name'>, fibre: FibreConstants): number {
  return isParallelOptic(t) ? fibre.mpoConnectorDb : fibre.connectorPairDb;
}
