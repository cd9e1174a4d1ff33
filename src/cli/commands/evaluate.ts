// `lightfabric evaluate FILE`: every metric of a fabric (topology or recipe), for people or (--json) scripts,
// with --assert checks so CI can fail a design that misses a target.
import { PHASES, evaluateFabric, type EvaluateOptions, type FabricReport, type Phase } from '../../metrics/evaluate.js';
import { loadTopologyOrRecipe } from '../../generators/recipe.js';
import { describeFlags, parseArgs, UsageError, type ArgSpec } from '../args.js';
import { EXIT, type CliCommand } from '../command.js';
import type { CliIo } from '../io.js';
import { reportText } from '../report-text.js';
import { readOrComplain, reportOf, validateText } from './validate.js';

const spec: ArgSpec = {
  flags: {
    json: { type: 'boolean', description: 'print the whole report as JSON' },
    out: { type: 'string', short: 'o', valueName: 'FILE', description: 'also write the JSON report to FILE' },
    only: { type: 'string', valueName: 'LIST', description: `comma-separated phases to run (default all): ${PHASES.join(',')}` },
    'packet-bytes': { type: 'string', valueName: 'N', description: 'packet size for serialization latency (default 4096)' },
    'latency-sources': { type: 'string', valueName: 'N|all', description: 'latency: source accelerators before sampling (default: as ~25 M link visits allow, at least 16; all = every pair, exact, minutes at 50k)' },
    lp: { type: 'string', valueName: 'auto|on|off', description: 'solve the all-to-all LP optimum (default auto: small fabrics)' },
    seed: { type: 'string', valueName: 'N', description: 'seed of the permutation, samples and Monte Carlo (default 1)' },
    failures: { type: 'string', valueName: 'N', description: 'failures per Monte Carlo trial (default 1)' },
    trials: { type: 'string', valueName: 'N', description: 'Monte Carlo trials (default 100)' },
    'failure-kind': { type: 'string', valueName: 'link|switch', description: 'what fails in the Monte Carlo (default link)' },
    'message-bytes': { type: 'string', valueName: 'N', description: 'collective message size per accelerator (default 1 GiB)' },
    'job-size': { type: 'string', valueName: 'N', description: 'accelerators in the collective job (default all)' },
    'krw-per-usd': { type: 'string', valueName: 'X', description: 'exchange rate (default: file settings, else catalog)' },
    pue: { type: 'string', valueName: 'X', description: 'power usage effectiveness (default: file settings, else 1.57)' },
    tariff: { type: 'string', valueName: 'KRW', description: 'electricity KRW per kWh (default: file settings, else 182.7)' },
    utilisation: { type: 'string', valueName: 'X', description: 'average fraction of nameplate power drawn, for the energy cost (default 1)' },
    years: { type: 'string', valueName: 'N', description: 'ownership period for the total cost of ownership (default 5, an estimate)' },
    'operating-rate': { type: 'string', valueName: 'X', description: 'fraction of the time accelerators do useful work, for the cost per used accelerator-hour (default 1)' },
    assert: { type: 'string', valueName: 'EXPR', description: 'check PATH OP NUMBER on the JSON report, e.g. "hops.diameter<=6"; several separated by ";" (exit 1 when one fails)' },
  },
  positionals: { min: 1, name: 'FILE (topology or recipe; - reads standard input)' },
};

function numberFlag(flags: Record<string, string | boolean | undefined>, name: string, integer = false): number | undefined {
  const v = flags[name];
  if (v === undefined) return undefined;
  const x = Number(v);
  if (typeof v !== 'string' || v.trim() === '' || !Number.isFinite(x) || x < 0 || (integer && !Number.isInteger(x))) {
    throw new UsageError(`--${name} needs a ${integer ? 'whole ' : ''}number >= 0, got ${JSON.stringify(v)}`);
  }
  return x;
}

export interface Assertion {
  text: string;
  path: string;
  op: '<=' | '>=' | '<' | '>' | '==' | '!=';
  value: number;
}

export function parseAssertions(text: string): Assertion[] {
  return text.split(';').map((t) => t.trim()).filter(Boolean).map((t) => {
    const m = /^([A-Za-z0-9_.[\]]+)\s*(<=|>=|==|!=|<|>)\s*(-?[0-9.eE+-]+)$/.exec(t);
    if (!m || !Number.isFinite(Number(m[3]))) {
      throw new UsageError(`--assert ${JSON.stringify(t)}: write PATH OP NUMBER, e.g. "bisection.lowerGbps>=1e6" (OP one of <= >= < > == !=)`);
    }
    return { text: t, path: m[1], op: m[2] as Assertion['op'], value: Number(m[3]) };
  });
}

/** The value at a dotted path of the report (`optics.violations.length`, `hops.histogram[6]`). */
export function valueAt(report: unknown, path: string): unknown {
  let cur: unknown = report;
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (cur === null || cur === undefined) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function checkAssertion(report: FabricReport, a: Assertion): { ok: boolean; actual: unknown } {
  const actual = valueAt(report, a.path);
  if (typeof actual !== 'number') return { ok: false, actual };
  const ok = a.op === '<=' ? actual <= a.value : a.op === '>=' ? actual >= a.value : a.op === '<' ? actual < a.value
    : a.op === '>' ? actual > a.value : a.op === '==' ? actual === a.value : actual !== a.value;
  return { ok, actual };
}

function parseOptions(flags: Record<string, string | boolean | undefined>): EvaluateOptions {
  const options: EvaluateOptions = {};
  if (typeof flags.only === 'string') {
    const phases = flags.only.split(',').map((s) => s.trim()).filter(Boolean);
    for (const p of phases) {
      if (!(PHASES as readonly string[]).includes(p)) throw new UsageError(`--only: unknown phase ${JSON.stringify(p)}: use ${PHASES.join(', ')}`);
    }
    options.phases = phases as Phase[];
  }
  if (flags.lp !== undefined) {
    const lp = String(flags.lp);
    if (!['auto', 'on', 'off'].includes(lp)) throw new UsageError(`--lp takes auto, on or off, got ${JSON.stringify(lp)}`);
    options.lp = lp === 'auto' ? 'auto' : lp === 'on';
  }
  const kind = flags['failure-kind'];
  if (kind !== undefined) {
    if (kind !== 'link' && kind !== 'switch') throw new UsageError(`--failure-kind takes link or switch, got ${JSON.stringify(kind)}`);
    options.failureKind = kind;
  }
  options.packetBytes = numberFlag(flags, 'packet-bytes');
  if (flags['latency-sources'] === 'all') options.latencyMaxSources = Infinity;
  else {
    options.latencyMaxSources = numberFlag(flags, 'latency-sources', true);
    if (options.latencyMaxSources !== undefined && options.latencyMaxSources < 2) {
      throw new UsageError(`--latency-sources needs 2 or more (or all), got ${options.latencyMaxSources}`);
    }
  }
  options.seed = numberFlag(flags, 'seed', true);
  options.failures = numberFlag(flags, 'failures', true);
  options.trials = numberFlag(flags, 'trials', true);
  options.messageBytes = numberFlag(flags, 'message-bytes');
  options.jobSize = numberFlag(flags, 'job-size', true);
  options.krwPerUsd = numberFlag(flags, 'krw-per-usd');
  options.pue = numberFlag(flags, 'pue');
  options.tariffKrwPerKwh = numberFlag(flags, 'tariff');
  if (options.pue !== undefined && options.pue < 1) throw new UsageError(`--pue must be at least 1, got ${options.pue}`);
  options.utilisation = numberFlag(flags, 'utilisation');
  options.tcoYears = numberFlag(flags, 'years');
  options.operatingRate = numberFlag(flags, 'operating-rate');
  for (const [flag, v] of [['utilisation', options.utilisation], ['operating-rate', options.operatingRate]] as const) {
    if (v !== undefined && !(v > 0 && v <= 1)) throw new UsageError(`--${flag} is a fraction above 0 and at most 1 (0.5 = half), got ${v}`);
  }
  if (options.tcoYears !== undefined && !(options.tcoYears > 0)) throw new UsageError(`--years must be above 0, got ${options.tcoYears}`);
  return options;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, spec);
  const options = parseOptions(flags);
  const assertions = typeof flags.assert === 'string' ? parseAssertions(flags.assert) : [];
  const file = positionals[0];
  const text = readOrComplain(io, 'evaluate', file);
  if (text === undefined) return EXIT.usage;
  const loaded = loadTopologyOrRecipe(text);
  if (!loaded.ok) {
    const report = reportOf(file, loaded);
    if (flags.json) io.stdout(JSON.stringify(report, null, 2) + '\n');
    else io.stderr(validateText(report) + `lightfabric evaluate: ${file} is not a valid topology: fix the problems above\n`);
    return EXIT.invalid;
  }
  const report = await evaluateFabric(loaded.doc, options);
  const json = JSON.stringify(report, null, 2) + '\n';
  if (typeof flags.out === 'string') io.writeFile(flags.out, json);
  io.stdout(flags.json ? json : reportText(file, report));
  let failed = 0;
  for (const a of assertions) {
    const { ok, actual } = checkAssertion(report, a);
    if (!ok) failed++;
    io.stderr(`${ok ? 'pass' : 'FAIL'}  ${a.text}  (actual: ${typeof actual === 'number' ? actual : JSON.stringify(actual) ?? 'absent'})\n`);
  }
  return failed ? EXIT.invalid : EXIT.ok;
}

export const command: CliCommand = {
  name: 'evaluate',
  summary: 'compute every metric of a fabric: hops, latency, bisection, throughput, resilience, optics, cost, power',
  usage: `Usage: lightfabric evaluate FILE [--json] [-o FILE] [--only LIST] [--assert EXPR] [options]

Loads a topology file or a recipe (generating the fabric), checks it like validate, then runs every metric
(README: "Metrics") and prints a summary, or the whole report as JSON. --assert turns the report into a CI check:
  lightfabric evaluate design.json --assert "optics.violations.length==0; bisection.lowerGbps>=4e6"

Options:
${describeFlags(spec)}

Exit codes: 0 evaluated (and every assertion holds), 1 the file is invalid or an assertion failed,
2 bad usage or unreadable file.`,
  run,
};

/** evaluate's option flags and their parsing, shared with `compare` (which evaluates each design the same way). */
export { spec as evaluateSpec, parseOptions as parseEvaluateOptions };
