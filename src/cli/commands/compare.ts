// `lightfabric compare FILE FILE...`: evaluate several designs with the same options and print their figures side
// by side (best marked, each relative to a baseline), or the Comparison as JSON, so options can be weighed before buying.
import { compareReports, comparisonCsv, type Comparison, type ComparisonRow } from '../../compare/index.js';
import { loadTopologyOrRecipe } from '../../generators/recipe.js';
import { evaluateFabric, type FabricReport } from '../../metrics/evaluate.js';
import type { FabricDocument } from '../../model/types.js';
import { describeFlags, parseArgs, UsageError, type ArgSpec } from '../args.js';
import { EXIT, type CliCommand } from '../command.js';
import type { CliIo } from '../io.js';
import { num } from '../text.js';
import { evaluateSpec, parseEvaluateOptions } from './evaluate.js';
import { readOrComplain, reportOf, validateText, type ValidateFileReport } from './validate.js';

// evaluate's options apply to every design; its --json/--out/--assert are about one report and do not.
const evaluateFlags = Object.fromEntries(Object.entries(evaluateSpec.flags).filter(([name]) => !['json', 'out', 'assert'].includes(name)));

const spec: ArgSpec = {
  flags: {
    json: { type: 'boolean', description: 'print the comparison as JSON: { format, version, files, designs, baseline, rows }' },
    csv: { type: 'boolean', description: 'print the comparison as CSV for a spreadsheet (one line per figure, values in full)' },
    baseline: { type: 'string', valueName: 'N', description: 'the design the others are measured against: its position among the files, from 1 (default 1)' },
    'budget-krw': { type: 'string', valueName: 'X', description: 'add a row: capex as % of this budget in KRW (e.g. 1.5e12)' },
    ...evaluateFlags,
  },
  positionals: { min: 0, max: Infinity, name: 'FILE... (two or more topologies or recipes)' },
};

/** Column headers longer than this are cut; the legend above the table gives every name in full. */
const MAX_HEADER = 28;

/** Like the browser's formatting: `digits` decimals, or -digits significant digits below 10^-digits. */
export function formatValue(x: number, digits: number): string {
  if (digits >= 0) return num(x, digits);
  const significant = -digits;
  if (x === 0 || Math.abs(x) >= 10 ** significant) return num(x, 0);
  return num(x, Math.max(0, significant - 1 - Math.floor(Math.log10(Math.abs(x)))));
}

/** (+12.3%); under 1 % two significant digits, so a small real difference does not read as (0%). */
export function formatRelative(r: number): string {
  const pct = r * 100;
  const text = pct !== 0 && Math.abs(pct) < 1 ? formatValue(pct, -2) : num(pct, 1);
  return `(${pct > 0 ? '+' : ''}${text}%)`;
}

/** The report name of each design, or its file where names are missing or shared (then the names would not tell). */
export function designNames(files: readonly string[], docs: readonly FabricDocument[]): string[] {
  const names = docs.map((d, i) => d.name.trim() || files[i]);
  const count = (list: string[], s: string) => list.filter((x) => x === s).length;
  const byFile = names.map((n, i) => (count(names, n) > 1 ? `${n} (${files[i]})` : n));
  return byFile.map((n, i) => (count(byFile, n) > 1 ? `${n} #${i + 1}` : n));
}

function cut(s: string, width: number): string {
  return s.length <= width ? s : s.slice(0, width - 1) + '…';
}

/** The cells of one design in a row: the value, then its mark and its difference to the baseline. */
function cells(row: ComparisonRow, i: number, markBest: boolean): [string, string] {
  const v = row.values[i];
  if (v === null) return ['n/a', ''];
  const mark = markBest && row.best.includes(i) ? '*' : ' ';
  const rel = row.relative[i];
  return [formatValue(v, row.digits), rel === null ? mark : `${mark} ${formatRelative(rel)}`];
}

export function comparisonText(c: Comparison, files: readonly string[]): string {
  const out: string[] = [];
  out.push(`Comparing ${c.designs.length} designs; relative differences are to the baseline, * marks the best value\n`);
  c.designs.forEach((name, i) => {
    out.push(`  [${i + 1}] ${name}${name === files[i] ? '' : `  (${files[i]})`}${i === c.baseline ? '  <- baseline' : ''}\n`);
  });
  // Lines: a section heading (string) or a metric: label, unit, and per design its value and suffix.
  const lines: (string | { label: string; unit: string; cells: [string, string][] })[] = [];
  let section = '';
  for (const row of c.rows) {
    const present = row.values.filter((v) => v !== null).length;
    if (present === 0) continue;
    if (row.section !== section) {
      section = row.section;
      lines.push(section);
    }
    // When every design has the best value there is nothing to choose: no mark.
    const markBest = row.best.length < present;
    lines.push({ label: `  ${row.label}`, unit: row.unit, cells: c.designs.map((_, i) => cells(row, i, markBest)) });
  }
  const metrics = lines.filter((l) => typeof l !== 'string');
  const widest = (texts: string[]) => Math.max(0, ...texts.map((t) => t.length));
  const labelWidth = widest(metrics.map((l) => l.label));
  const unitWidth = widest(metrics.map((l) => l.unit));
  const headers = c.designs.map((n, i) => cut(`[${i + 1}] ${n}`, MAX_HEADER));
  // Each design's block: values right-aligned, then mark and relative difference; its header spans the block.
  const blocks = c.designs.map((_, i) => {
    const value = widest(metrics.map((l) => l.cells[i][0]));
    const suffix = widest(metrics.map((l) => l.cells[i][1]));
    return { value, width: Math.max(headers[i].length, value + (suffix ? 1 + suffix : 0)) };
  });
  const join = (left: string, parts: string[]) => (left + parts.map((p) => '   ' + p).join('')).trimEnd() + '\n';
  const indent = ' '.repeat(labelWidth + 2 + unitWidth);
  // A header no wider than the values sits over them (right-aligned), a wider one starts the block.
  out.push('\n' + join(indent, headers.map((h, i) => h.padStart(h.length <= blocks[i].value ? blocks[i].value : 0).padEnd(blocks[i].width))));
  for (const l of lines) {
    if (typeof l === 'string') out.push(l + '\n');
    else {
      out.push(join(`${l.label.padEnd(labelWidth)}  ${l.unit.padEnd(unitWidth)}`,
        l.cells.map(([v, suffix], i) => `${v.padStart(blocks[i].value)}${suffix ? ' ' + suffix : ''}`.padEnd(blocks[i].width))));
    }
  }
  out.push('Rows with no value in any design are left out (--json keeps them); "n/a": the report has no such figure.\n');
  return out.join('');
}

function positiveNumber(flags: Record<string, string | boolean | undefined>, name: string): number | undefined {
  const v = flags[name];
  if (v === undefined) return undefined;
  const x = Number(v);
  if (typeof v !== 'string' || v.trim() === '' || !Number.isFinite(x) || x <= 0) {
    throw new UsageError(`--${name} needs a number > 0, got ${JSON.stringify(v)}`);
  }
  return x;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals: files } = parseArgs(args, spec);
  if (files.length < 2) {
    throw new UsageError(`comparing needs two or more files, got ${files.length === 0 ? 'none' : `only ${files[0]}`}`);
  }
  if (flags.json && flags.csv) throw new UsageError('--json and --csv each print the whole comparison: choose one');
  const options = parseEvaluateOptions(flags);
  const budgetKrw = positiveNumber(flags, 'budget-krw');
  const baselineFlag = flags.baseline;
  let baseline = 0;
  if (baselineFlag !== undefined) {
    const n = Number(baselineFlag);
    if (typeof baselineFlag !== 'string' || !Number.isInteger(n) || n < 1 || n > files.length) {
      throw new UsageError(`--baseline takes a file's position, 1 to ${files.length}, got ${JSON.stringify(baselineFlag)}`);
    }
    baseline = n - 1;
  }

  // Load every file before evaluating any: one bad file stops the comparison, and all problems show at once.
  const docs: FabricDocument[] = [];
  const invalid: ValidateFileReport[] = [];
  const checked: ValidateFileReport[] = [];
  let unreadable = false;
  for (const file of files) {
    const text = readOrComplain(io, 'compare', file);
    if (text === undefined) {
      unreadable = true;
      continue;
    }
    const loaded = loadTopologyOrRecipe(text);
    const report = reportOf(file, loaded);
    checked.push(report);
    if (loaded.ok) docs.push(loaded.doc);
    else invalid.push(report);
  }
  if (unreadable) return EXIT.usage;
  if (invalid.length > 0) {
    if (flags.json) io.stdout(JSON.stringify({ files: checked }, null, 2) + '\n');
    else {
      for (const r of invalid) io.stderr(validateText(r));
      io.stderr(`lightfabric compare: ${invalid.map((r) => r.file).join(', ')} ${invalid.length === 1 ? 'is' : 'are'} not ` +
        'valid: fix the problems above; nothing was compared\n');
    }
    return EXIT.invalid;
  }

  const reports: FabricReport[] = [];
  for (const doc of docs) reports.push(await evaluateFabric(doc, options));
  const names = designNames(files, docs);
  const comparison = compareReports(names.map((name, i) => ({ name, report: reports[i] })), { baseline, budgetKrw });
  if (flags.json) {
    io.stdout(JSON.stringify({ format: 'lightfabric/comparison', version: 1, files, ...comparison }, null, 2) + '\n');
  } else if (flags.csv) io.stdout(comparisonCsv(comparison));
  else io.stdout(comparisonText(comparison, files));
  return EXIT.ok;
}

export const command: CliCommand = {
  name: 'compare',
  summary: 'evaluate two or more designs with the same options and show their metrics side by side',
  usage: `Usage: lightfabric compare FILE FILE... [--json | --csv] [--baseline N] [--budget-krw X] [--only LIST] [options]

Loads each topology or recipe like evaluate (every file is checked before any is evaluated), evaluates each with
the same options, and prints one column per design: scale, cost, bisection, all-to-all, latency, hops, power,
resilience, optics and collectives, with units. Each value shows its difference to the baseline design in
parentheses, and * marks the best value of a row (rows where every design ties are not marked). --json prints
the comparison (every row with its values, relative differences, best designs and how it is computed).
  lightfabric compare option-a.json option-b.recipe.json --baseline 2 --budget-krw 1.5e12

Options:
${describeFlags(spec)}

Exit codes: 0 compared, 1 a file is invalid (its problems are printed; nothing is compared),
2 bad usage (fewer than two files) or unreadable file.`,
  run,
};
