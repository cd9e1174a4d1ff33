// `lightfabric validate FILE...`: load each file and list every problem with its path, code and fix.
import type { LoadResult } from '../../format/index.js';
import { loadTopologyOrRecipe } from '../../generators/recipe.js';
import type { Problem } from '../../model/problem.js';
import { describeFlags, parseArgs, type ArgSpec } from '../args.js';
import { EXIT, type CliCommand } from '../command.js';
import { describeIoError, type CliIo } from '../io.js';
import { plural, problemLines } from '../text.js';

const spec: ArgSpec = {
  flags: {
    json: { type: 'boolean', description: 'print a JSON report: { "files": [ { file, valid, error, errors, warnings, problems } ] }' },
  },
  positionals: { min: 1, max: Infinity, name: 'FILE (the topology file to check; - reads standard input)' },
};

export interface ValidateFileReport {
  file: string;
  valid: boolean;
  /** Why the file does not load: a LoadError, or 'unreadable'. */
  error?: string;
  /** Format version the file was written in. */
  fromVersion?: number;
  errors: number;
  warnings: number;
  problems: Problem[];
}

export function reportOf(file: string, r: LoadResult): ValidateFileReport {
  const problems = r.ok ? r.warnings : r.problems;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const report: ValidateFileReport = { file, valid: r.ok, errors, warnings: problems.length - errors, problems };
  if (!r.ok) report.error = r.error;
  else report.fromVersion = r.fromVersion;
  return report;
}

/** Read a file for a command; undefined (and a message on stderr) when it cannot be read. */
export function readOrComplain(io: CliIo, command: string, file: string): string | undefined {
  try {
    return io.readFile(file);
  } catch (e) {
    io.stderr(`lightfabric ${command}: cannot read ${file}: ${describeIoError(e)}\n`);
    return undefined;
  }
}

export function validateText(r: ValidateFileReport): string {
  const counts = [r.errors ? plural(r.errors, 'error') : '', r.warnings ? plural(r.warnings, 'warning') : '']
    .filter(Boolean).join(', ');
  const head = r.valid ? `${r.file}: valid${counts ? ` (${counts})` : ''}\n` : `${r.file}: invalid (${counts})\n`;
  return head + problemLines(r.problems);
}

export const command: CliCommand = {
  name: 'validate',
  summary: 'check topology files and list every problem with its path and fix',
  usage: `Usage: lightfabric validate FILE... [--json]

Checks each topology file (or recipe: the fabric is generated, then checked): JSON syntax, envelope and version, shape, ids and references, catalog models,
transceivers (medium, speed, reach), ports per device, racks. Prints every problem with its JSON path, its code
and how to fix it; warnings are printed too but do not make a file invalid.

Options:
${describeFlags(spec)}

Exit codes: 0 all files valid (warnings allowed), 1 a file is invalid, 2 bad usage or a file cannot be read.`,
  run(args, io) {
    const { flags, positionals } = parseArgs(args, spec);
    const reports: ValidateFileReport[] = [];
    let exit: number = EXIT.ok;
    for (const file of positionals) {
      const text = readOrComplain(io, 'validate', file);
      if (text === undefined) {
        reports.push({
          file, valid: false, error: 'unreadable', errors: 1, warnings: 0,
          problems: [{ path: '', code: 'unreadable', severity: 'error', message: `cannot read ${file}: check the path` }],
        });
        exit = EXIT.usage;
        continue;
      }
      const report = reportOf(file, loadTopologyOrRecipe(text));
      if (!report.valid && exit === EXIT.ok) exit = EXIT.invalid;
      reports.push(report);
      if (!flags.json) io.stdout(validateText(report));
    }
    if (flags.json) io.stdout(JSON.stringify({ files: reports }, null, 2) + '\n');
    return exit;
  },
};
