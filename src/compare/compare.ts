// Side by side: the compared metrics of several evaluated designs as rows of values, each relative to a baseline
// design, with the best design of each row marked. Plain JSON out, for the CLI table and the browser view alike.
import type { FabricReport } from '../metrics/evaluate.js';
import { LightfabricError } from '../model/errors.js';
import { budgetShareMetric, COMPARED_METRICS, type Better, type ComparedMetric } from './metrics.js';

export interface ComparedDesign { name: string; report: FabricReport }

/** A compared metric's description (everything but how it reads a report) with one value per design. */
export interface ComparisonRow extends Omit<ComparedMetric, 'value'> {
  /** One per design, same order as the input. */
  values: (number | null)[];
  /** (value - baseline) / |baseline|; null for the baseline itself, for null values, or when baseline is 0/null (or so near 0 the ratio overflows). */
  relative: (number | null)[];
  /** Indices of the designs with the best value (ties all listed); [] when better is null or < 2 values. */
  best: number[];
}

export interface Comparison { designs: string[]; baseline: number; rows: ComparisonRow[] }

/**
 * Values this close (relative) count as a tie: the same figure reached by different float paths (400/15 summed
 * two ways) must not make one design "best" by a rounding error.
 */
const TIE_TOLERANCE = 1e-9;

function tied(a: number, b: number): boolean {
  return Math.abs(a - b) <= TIE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

function bestOf(values: readonly (number | null)[], better: Better): number[] {
  if (better === null) return [];
  let extreme: number | null = null;
  let present = 0;
  for (const v of values) {
    if (v === null) continue;
    present++;
    if (extreme === null || (better === 'higher' ? v > extreme : v < extreme)) extreme = v;
  }
  if (present < 2 || extreme === null) return [];
  const best: number[] = [];
  values.forEach((v, i) => { if (v !== null && tied(v, extreme!)) best.push(i); });
  return best;
}

function relativeTo(values: readonly (number | null)[], baseline: number): (number | null)[] {
  const b = values[baseline] ?? null;
  return values.map((v, i) => {
    if (i === baseline || v === null || b === null || b === 0) return null;
    // A baseline next to 0 (a subnormal) overflows the ratio: no meaningful percentage either.
    const r = (v - b) / Math.abs(b);
    return Number.isFinite(r) ? r : null;
  });
}

function rowOf(m: ComparedMetric, reports: readonly FabricReport[], baseline: number): ComparisonRow {
  const values = reports.map((r) => m.value(r));
  return {
    key: m.key, section: m.section, label: m.label, unit: m.unit, better: m.better, digits: m.digits, how: m.how,
    values, relative: relativeTo(values, baseline), best: bestOf(values, m.better),
  };
}

/**
 * Compare evaluated designs. `baseline` (default 0) is the index of the design the others are measured against;
 * `budgetKrw` adds a "capex of budget" row after the KRW capex. Misuse (a baseline that is not an index of
 * `designs`, a budget that is not a positive number) throws LightfabricError with code 'bad-option'.
 */
export function compareReports(
  designs: readonly ComparedDesign[], options: { baseline?: number; budgetKrw?: number } = {},
): Comparison {
  const baseline = options.baseline ?? 0;
  if (!Number.isInteger(baseline) || baseline < 0 || (designs.length > 0 && baseline >= designs.length)) {
    throw new LightfabricError('bad-option', `baseline must be the index of a design (0 to ${Math.max(0, designs.length - 1)}), got ${baseline}`);
  }
  const { budgetKrw } = options;
  if (budgetKrw !== undefined && !(Number.isFinite(budgetKrw) && budgetKrw > 0)) {
    throw new LightfabricError('bad-option', `budgetKrw must be a number > 0, got ${budgetKrw}`);
  }
  const metrics: ComparedMetric[] = [];
  for (const m of COMPARED_METRICS) {
    metrics.push(m);
    if (m.key === 'cost.capexKrw' && budgetKrw !== undefined) metrics.push(budgetShareMetric(budgetKrw));
  }
  const reports = designs.map((d) => d.report);
  return { designs: designs.map((d) => d.name), baseline, rows: metrics.map((m) => rowOf(m, reports, baseline)) };
}
