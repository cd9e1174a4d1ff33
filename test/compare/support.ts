// Hand-built evaluation reports for comparison tests: only the fields a test sets, the rest of a section absent.
import type { Counts, FabricReport } from '../../src/metrics/evaluate.js';

const NO_COUNTS: Counts = {
  accelerators: 0, switches: 0, ocs: 0, patchPanels: 0, gateways: 0, nodes: 0, links: 0, racks: 0, sites: 0,
  servers: 0, byModel: {},
};

/**
 * A report with the given counts and (partial) sections. The cast is the point: compared metrics must read a
 * report that lacks fields (phases not run, JSON from an older version) without throwing.
 */
export function handReport(sections: Record<string, unknown> = {}, counts: Partial<Counts> = {}, name = 'hand'): FabricReport {
  return {
    format: 'lightfabric/report', version: 1, name, counts: { ...NO_COUNTS, ...counts }, timingsMs: {}, ...sections,
  } as unknown as FabricReport;
}

/** A report whose only figure besides the counts is its capex (USD and KRW at 1,400 KRW/USD). */
export function capexReport(capexUsd: number | null, accelerators = 8): FabricReport {
  return handReport(capexUsd === null ? {} : { cost: { capexUsd, capexKrw: capexUsd * 1400 } }, { accelerators });
}
