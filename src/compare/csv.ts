// A comparison as CSV for spreadsheets (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or
// line break quoted, quotes doubled): one row per figure with its section, unit and better direction, then one
// column of values per design and one of differences to the baseline per other design. Numbers are written in
// full (JavaScript's shortest round-trip form), never formatted, so a spreadsheet reads exactly the computed value.
import type { Comparison } from './compare.js';

function field(v: string | number | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function comparisonCsv(cmp: Comparison): string {
  const others = cmp.designs.map((_, i) => i).filter((i) => i !== cmp.baseline);
  const header = ['section', 'figure', 'unit', 'better', ...cmp.designs,
    ...others.map((i) => `${cmp.designs[i]} vs ${cmp.designs[cmp.baseline]} (relative)`), 'how'];
  const lines = [header.map(field).join(',')];
  for (const r of cmp.rows) {
    lines.push([r.section, r.label, r.unit, r.better ?? '', ...r.values, ...others.map((i) => r.relative[i]), r.how].map(field).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
