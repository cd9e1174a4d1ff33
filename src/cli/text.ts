// Plain-text output helpers for the CLI: numbers, percentages, aligned tables, problem lists.
import type { Problem } from '../model/problem.js';

/** 12,345.67: thousands separated, at most `digits` decimals, no trailing zeros. Locale-independent. */
export function num(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return String(x);
  // Strip trailing zeros of the fraction only: 1,000 must stay 1,000.
  const fixed = Math.abs(x).toFixed(digits).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (x < 0 && fixed !== '0' ? '-' : '') + grouped + (frac ? '.' + frac : '');
}

export function percent(fraction: number): string {
  return `${num(fraction * 100, 1)}%`;
}

export function plural(n: number, word: string, many = word + 's'): string {
  return `${num(n)} ${n === 1 ? word : many}`;
}

/** Columns padded to their widest cell; `right` lists the columns to right-align (numbers). */
export function table(rows: string[][], right: readonly number[] = [], indent = '  '): string {
  if (rows.length === 0) return '';
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => { widths[i] = Math.max(widths[i] ?? 0, c.length); });
  return rows.map((r) => indent + r.map((c, i) => {
    if (i === r.length - 1 && !right.includes(i)) return c;
    return right.includes(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]);
  }).join('  ').trimEnd()).join('\n') + '\n';
}

/** Each problem as `  severity  path  code` and its message (what is wrong: how to fix it) below. */
export function problemLines(problems: readonly Problem[]): string {
  return problems.map((p) => `  ${p.severity.padEnd(7)} ${p.path || '(file)'}  [${p.code}]\n      ${p.message}\n`).join('');
}
