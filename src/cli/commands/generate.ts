// `lightfabric generate FAMILY [--param value ...] -o FILE`: build a fabric from a generator family and write it
// as a topology file (or, with --recipe, as the few-line recipe that regenerates it).
import { serializeTopology } from '../../format/index.js';
import { GENERATORS, generate } from '../../generators/index.js';
import { kebab } from '../../generators/registry.js';
import { RECIPE_FORMAT, RECIPE_VERSION } from '../../generators/recipe.js';
import { GeneratorParamError } from '../../model/errors.js';
import type { FabricDocument } from '../../model/types.js';
import { describeFlags, parseArgs, UsageError, type ArgSpec } from '../args.js';
import { EXIT, type CliCommand } from '../command.js';
import { describeIoError } from '../io.js';
import { num } from '../text.js';

const spec: ArgSpec = {
  flags: {
    out: { type: 'string', short: 'o', valueName: 'FILE', description: 'write the fabric to FILE (default: standard output; - too)' },
    recipe: { type: 'boolean', description: `write a recipe ("${RECIPE_FORMAT}") that regenerates the fabric, not the fabric` },
  },
  positionals: { min: 1, name: 'FAMILY (one of the families below)' },
  unknownFlags: 'collect',
};

function shownDefault(v: unknown): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Families with their parameters and defaults, for --help and for usage errors. */
export function familiesHelp(only?: string): string {
  let out = '';
  for (const [family, entry] of Object.entries(GENERATORS)) {
    if (only !== undefined && family !== only) continue;
    out += `\n  ${family}: ${entry.summary}\n`;
    const rows = entry.params.map((p) => [
      `--${kebab(p.name)}`,
      p.required ? '(required)' : p.default === undefined ? '' : `= ${shownDefault(p.default)}`,
      p.description,
    ]);
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    for (const r of rows) out += `      ${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${r[2]}\n`;
  }
  return out;
}

function summary(doc: FabricDocument): string {
  const count = (k: string) => doc.nodes.reduce((s, n) => s + (n.kind === k ? 1 : 0), 0);
  return `${num(count('accelerator'))} accelerators, ${num(count('switch'))} switches, ${num(count('ocs'))} OCS, ` +
    `${num(doc.links.length)} links, ${num(doc.racks.length)} racks`;
}

export const command: CliCommand = {
  name: 'generate',
  summary: 'build a fabric from a family (fat-tree, clos, torus, national-center, ...) and write it',
  usage: `Usage: lightfabric generate FAMILY [--param value ...] [-o FILE] [--recipe]

Builds a complete, placed fabric (racks on a floor, cable lengths, transceivers chosen by length) and writes it
as a topology file. The same parameters (and --seed) always give a byte-identical file.

Options:
${describeFlags(spec)}

Families and their parameters (kebab-case flags; = default):
${familiesHelp()}
Examples:
  npm run --silent cli -- generate fat-tree --k 16 -o fat-tree-k16.json
  npm run --silent cli -- generate torus --dims 4x4x4
  npm run --silent cli -- generate national-center --spine ocs --recipe -o centre.recipe.json

Exit codes: 0 written, 2 unknown family or parameter, impossible parameters, or unwritable file.`,

  run(args, io) {
    const parsed = parseArgs(args, spec);
    const family = parsed.positionals[0];
    if (!Object.prototype.hasOwnProperty.call(GENERATORS, family)) {
      throw new UsageError(`unknown family "${family}"; use one of ${Object.keys(GENERATORS).join(', ')}`);
    }
    const params: Record<string, unknown> = { ...parsed.extra };
    let doc: FabricDocument;
    try {
      doc = generate(family, params);
    } catch (e) {
      if (e instanceof GeneratorParamError) {
        io.stderr(`generate ${family}: ${e.message}\n\nParameters of ${family}:${familiesHelp(family)}`);
        return EXIT.usage;
      }
      throw e;
    }
    const text = parsed.flags.recipe
      ? JSON.stringify({
          format: RECIPE_FORMAT, version: RECIPE_VERSION, name: doc.name, family,
          params: doc.generator?.params ?? {}, ...(doc.generator?.seed !== undefined ? { seed: doc.generator.seed } : {}),
        }, null, 2) + '\n'
      : serializeTopology(doc);
    const out = typeof parsed.flags.out === 'string' ? parsed.flags.out : '-';
    if (out === '-') {
      io.stdout(text);
      return EXIT.ok;
    }
    try {
      io.writeFile(out, text);
    } catch (e) {
      io.stderr(`generate: cannot write ${out}: ${describeIoError(e)}\n`);
      return EXIT.usage;
    }
    io.stderr(`wrote ${out}: ${summary(doc)}\n`);
    return EXIT.ok;
  },
};
