// Small multiples (d3): for each figure that decides a purchase (cost of a used accelerator-hour, capex, bisection,
// all-to-all rate, facility power), one horizontal bar per design on its own linear scale from zero, the best bar marked. Bars show the
// same numbers as the table (data-value), so the chart cannot drift from it.
import { scaleBand, scaleLinear, select } from 'd3';
import type { Comparison, ComparisonRow } from '../../src/compare/index.js';
import { formatValue } from './compare-view.js';

/** Preferred rows, in order; the chart shows those the comparison has. */
export const CHART_KEYS = [
  'tco.krwPerUsedAcceleratorHour', 'cost.capexKrw', 'cost.capexUsd', 'bisection.perAcceleratorGbps', 'bisection.lowerGbps', 'allToAll.ecmpThetaGbps',
  'power.facilityKw', 'latency.p99Ns',
];
const MAX_PANELS = 5;
const PANEL_W = 380;
const BAR_H = 18;
const LABEL_W = 120;
/** Room right of the longest bar for its value. */
const VALUE_W = 70;

/** 1.67 B, 35.4 K: the chart's labels stay short; the table has every digit. */
export function compactNumber(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  // [from, divisor, suffix]: thousands only from 10,000 (2000 reads better than 2 K).
  const units: [number, number, string][] = [[1e12, 1e12, ' T'], [1e9, 1e9, ' B'], [1e6, 1e6, ' M'], [1e4, 1e3, ' K']];
  const trim = (t: string) => (t.includes('.') ? t.replace(/0+$/, '').replace(/\.$/, '') : t);
  for (const [from, size, suffix] of units) if (a >= from) return `${trim((v / size).toPrecision(3))}${suffix}`;
  return a >= 100 ? v.toFixed(0) : trim(v.toPrecision(3));
}

export function chartRows(cmp: Comparison): ComparisonRow[] {
  const out: ComparisonRow[] = [];
  const sections = new Set<string>();
  for (const key of CHART_KEYS) {
    const row = cmp.rows.find((r) => r.key === key);
    // One figure per section (capex in KRW or USD, not both).
    if (!row || sections.has(row.section) || row.values.every((v) => v === null)) continue;
    sections.add(row.section);
    out.push(row);
    if (out.length === MAX_PANELS) break;
  }
  return out;
}

export function drawCompareChart(el: HTMLElement, cmp: Comparison): void {
  const rows = chartRows(cmp);
  el.replaceChildren();
  if (rows.length === 0) return;
  const n = cmp.designs.length;
  const innerH = n * (BAR_H + 6);
  const root = select(el);
  for (const row of rows) {
    const max = Math.max(0, ...row.values.map((v) => v ?? 0));
    const x = scaleLinear().domain([0, max > 0 ? max : 1]).range([0, PANEL_W - LABEL_W - VALUE_W]);
    const y = scaleBand<number>().domain(cmp.designs.map((_, i) => i)).range([0, innerH]).padding(0.25);
    const svg = root.append('svg')
      .attr('class', 'compare-panel').attr('data-metric', row.key)
      .attr('width', PANEL_W).attr('height', innerH + 44).attr('role', 'img')
      .attr('aria-label', `${row.section}: ${row.label} (${row.unit}) by design`);
    svg.append('text').attr('class', 'panel-title').attr('x', 0).attr('y', 13)
      .text(`${row.label}${row.unit ? ` (${row.unit})` : ''}`);
    svg.append('text').attr('class', 'panel-subtitle').attr('x', 0).attr('y', 27)
      .text(`${row.section}${row.better ? ` · ${row.better} is better` : ''}`);
    const g = svg.append('g').attr('transform', 'translate(0,36)');
    const bars = g.selectAll('g.bar').data(row.values).join('g').attr('class', 'bar')
      .attr('transform', (_, i) => `translate(0,${y(i)})`);
    bars.append('text').attr('class', 'bar-label').attr('x', LABEL_W - 6).attr('y', y.bandwidth() / 2).attr('dy', '0.35em')
      .attr('text-anchor', 'end').text((_, i) => clip(cmp.designs[i], 18));
    bars.append('rect').attr('x', LABEL_W).attr('height', y.bandwidth())
      .attr('width', (v) => (v === null ? 0 : Math.max(1, x(v))))
      .attr('class', (_, i) => (row.best.includes(i) ? 'best' : i === cmp.baseline ? 'baseline' : ''))
      .attr('data-value', (v) => (v === null ? 'null' : String(v)))
      .append('title').text((v, i) => `${cmp.designs[i]}: ${formatValue(v, row.digits)} ${row.unit}`);
    bars.append('text').attr('class', 'bar-value').attr('x', (v) => LABEL_W + (v === null ? 0 : x(v)) + 4)
      .attr('y', y.bandwidth() / 2).attr('dy', '0.35em').text((v) => compactNumber(v));
  }
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
