// The side-by-side comparison: one column per design, one row per figure (src/compare: the same rows as the CLI's
// `compare`), the best value of each row marked, the difference to the baseline design in percent, and a small
// chart of the figures that decide a purchase. Designs still being evaluated get a column that says so.
import { compareReports, comparisonCsv, type Comparison } from '../../src/compare/index.js';
import { downloadText } from '../io/export-design.js';
import { baselineDesign, type AppState } from '../state/app-state.js';
import { drawCompareChart } from './compare-chart.js';
import { h } from './dom.js';
import { formatNumber, formatSignificant, NO_VALUE } from './format.js';

export interface CompareHandlers {
  select(revision: number): void;
  baseline(revision: number): void;
}

export function formatValue(v: number | null, digits: number): string {
  if (v === null) return NO_VALUE;
  return digits < 0 ? formatSignificant(v, -digits) : formatNumber(v, digits);
}

/** 'better' or 'worse' than the baseline for a row with a better direction; '' for ties and rows without one. */
export function direction(better: 'higher' | 'lower' | null, relative: number | null): string {
  if (better === null || relative === null || !Number.isFinite(relative) || Math.abs(relative) < 0.0005) return '';
  return (relative > 0) === (better === 'higher') ? 'better' : 'worse';
}

export function formatRelative(r: number | null): string {
  if (r === null || !Number.isFinite(r)) return '';
  if (Math.abs(r) < 0.0005) return '±0 %';
  const pct = r * 100;
  return `${pct > 0 ? '+' : '−'}${formatNumber(Math.abs(pct), Math.abs(pct) < 10 ? 1 : 0)} %`;
}

/** The comparison of the evaluated designs (baseline first if it is evaluated), with their revisions. */
export function comparisonOf(state: AppState): { comparison: Comparison; revisions: number[] } | null {
  const done = state.designs.filter((d) => d.evaluation.status === 'done');
  if (done.length === 0) return null;
  const base = baselineDesign(state);
  const baseIndex = Math.max(0, done.findIndex((d) => d.revision === base?.revision));
  const comparison = compareReports(
    done.map((d) => ({ name: d.doc.name, report: (d.evaluation as Extract<typeof d.evaluation, { status: 'done' }>).report })),
    { baseline: baseIndex },
  );
  return { comparison, revisions: done.map((d) => d.revision) };
}

export function renderCompare(el: HTMLElement, chartEl: HTMLElement, state: AppState, on: CompareHandlers): void {
  const pending = state.designs.filter((d) => d.evaluation.status !== 'done');
  const result = comparisonOf(state);
  const note = pending.length
    ? h('p', { class: 'muted', id: 'compare-pending' }, `Not in the table yet: ${pending.map((d) => `${d.doc.name} (${d.evaluation.status === 'failed' ? 'evaluation failed' : 'evaluating'})`).join(', ')}.`)
    : null;
  if (!result) {
    el.replaceChildren(h('p', { class: 'muted placeholder' }, 'The comparison appears when a design has been evaluated.'), note ?? '');
    chartEl.replaceChildren();
    return;
  }
  const { comparison: cmp, revisions } = result;
  const head = h('tr', {}, h('th', { scope: 'col' }, 'Figure'), h('th', { scope: 'col' }, 'Unit'),
    cmp.designs.map((name, i) => {
      const radio = h('input', { type: 'radio', name: 'baseline', id: `baseline-${revisions[i]}`, checked: i === cmp.baseline, 'data-revision': revisions[i] });
      radio.addEventListener('change', () => on.baseline(revisions[i]));
      const link = h('button', { type: 'button', class: 'link', title: 'Show this design' }, name);
      link.addEventListener('click', () => on.select(revisions[i]));
      return h('th', { scope: 'col', class: 'num design-col', 'data-revision': revisions[i] }, link,
        h('label', { class: 'baseline-pick', for: `baseline-${revisions[i]}` }, radio, i === cmp.baseline ? ' baseline' : ' compare to this'));
    }));
  let section = '';
  const body = cmp.rows.map((row) => {
    const first = row.section !== section;
    section = row.section;
    return h('tr', { 'data-metric': row.key, class: first ? 'section-start' : undefined, title: row.how },
      h('th', { scope: 'row' }, first ? h('span', { class: 'section' }, row.section) : null, h('span', { class: 'label' }, row.label)),
      h('td', { class: 'unit' }, row.unit),
      row.values.map((v, i) => {
        const best = row.best.includes(i);
        return h('td', { class: `num value${best ? ' best' : ''}`, 'data-value': v === null ? 'null' : String(v) },
          best ? h('span', { class: 'best-mark', title: `best (${row.better} is better)` }, '★ ') : null,
          formatValue(v, row.digits),
          i === cmp.baseline ? null : h('span', { class: `relative ${direction(row.better, row.relative[i])}` }, ` ${formatRelative(row.relative[i])}`));
      }));
  });
  const csv = h('button', { type: 'button', class: 'button secondary', id: 'compare-csv' }, 'Download CSV');
  csv.addEventListener('click', () => downloadText(comparisonCsv(cmp), 'lightfabric-comparison.csv', 'text/csv'));
  el.replaceChildren(
    h('div', { class: 'panel-head' },
      h('p', { class: 'muted' }, '★ best of the row (lower or higher is better, as each figure says); percentages against the baseline. Hover a row for how it is computed.'),
      csv),
    note ?? '',
    h('div', { class: 'table-scroll' }, h('table', { class: 'metrics compare', id: 'compare-table' },
      h('caption', { class: 'visually-hidden' }, 'Designs side by side'),
      h('thead', {}, head), h('tbody', {}, body))),
  );
  drawCompareChart(chartEl, cmp);
}
