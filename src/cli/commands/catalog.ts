// `lightfabric catalog [ID] [--kind K]`: the hardware models with every value, its source and its flag.
import { DEFAULT_CATALOG, FACILITY, FIBRE, sourceOf, type CatalogEntry, type SourceTable } from '../../catalog/index.js';
import { closestMatches } from '../../format/hints.js';
import { describeFlags, parseArgs, UsageError, type ArgSpec } from '../args.js';
import { EXIT, type CliCommand } from '../command.js';
import { table } from '../text.js';

export const CATALOG_KINDS = ['accelerator', 'switch', 'gateway', 'transceiver', 'ocs', 'patch-panel'] as const;
const CONSTANTS: Record<string, { name: string; table: object & { sources: SourceTable } }> = {
  fibre: { name: 'Fibre, propagation and optical loss constants', table: FIBRE },
  facility: { name: 'Facility constants (cooling, power, exchange rate)', table: FACILITY },
};

const spec: ArgSpec = {
  flags: {
    kind: { type: 'string', valueName: 'K', description: `only models of one kind: ${CATALOG_KINDS.join(' | ')}` },
    json: {
      type: 'boolean',
      description: 'print JSON: { "models": [ { id, kind, name, vendor, notes, values: { field: { value, flag, source, estimate } } } ] }',
    },
  },
  positionals: { min: 0, max: 1, name: 'ID' },
};

/** Fields that are labels, not values. */
const META = new Set(['id', 'kind', 'name', 'vendor', 'sources', 'notes']);

export interface CatalogValue {
  value: number | string | boolean;
  /** P vendor/standard, S secondary, E estimate, C sources disagree, U user override; null where none is recorded. */
  flag: string | null;
  source: string | null;
  /** True when the value is an estimate, derived or contested: check it before relying on it. */
  estimate: boolean | null;
}

export interface CatalogModelJson {
  id: string;
  kind: string;
  name: string;
  vendor: string | null;
  notes: string | null;
  values: Record<string, CatalogValue>;
}

function valuesOf(entry: object & { sources: SourceTable }): Record<string, CatalogValue> {
  const values: Record<string, CatalogValue> = {};
  for (const [field, value] of Object.entries(entry)) {
    if (META.has(field)) continue;
    const note = sourceOf(entry.sources, field);
    values[field] = {
      value: value as unknown as CatalogValue['value'], flag: note?.flag ?? null, source: note?.source ?? null, estimate: note?.estimate ?? null,
    };
  }
  return values;
}

function modelJson(e: CatalogEntry): CatalogModelJson {
  return { id: e.id, kind: e.kind, name: e.name, vendor: e.vendor, notes: e.notes ?? null, values: valuesOf(e) };
}

function constantsJson(id: string): CatalogModelJson {
  const c = CONSTANTS[id];
  return { id, kind: 'constants', name: c.name, vendor: null, notes: null, values: valuesOf(c.table) };
}

function modelText(m: CatalogModelJson): string {
  let out = `${m.kind}  ${m.id}  ${m.name}${m.vendor ? `, by ${m.vendor}` : ''}\n`;
  if (m.notes) out += `    note: ${m.notes}\n`;
  out += table(Object.entries(m.values).map(([field, v]) => [
    field, String(v.value), v.flag ? v.flag + (v.estimate ? '*' : '') : '-', v.source ?? '',
  ]), [], '    ');
  return out;
}

const LEGEND = 'Flags: P vendor or standard document, S secondary source, E estimate, C sources disagree, U user override;\n' +
  '* marks values to check before relying on them (estimates, derived or contested values).\n';

export const command: CliCommand = {
  name: 'catalog',
  summary: 'list hardware models with their values, sources and estimate flags',
  usage: `Usage: lightfabric catalog [ID] [--kind K] [--json]

Lists the hardware catalog: accelerators, switches, gateways, transceivers and cables, optical circuit switches
and patch panels, with every value, where it comes from and how sure it is. Give a model ID to show one model,
or "fibre" / "facility" for the constant tables. A fabric file may override any value (catalogOverrides).

Options:
${describeFlags(spec)}

Exit codes: 0 done, 2 bad usage (unknown kind or ID: the valid ones are listed).`,
  run(args, io) {
    const { flags, positionals } = parseArgs(args, spec);
    const kind = flags.kind as string | undefined;
    if (kind !== undefined && !(CATALOG_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`unknown kind "${kind}": use one of ${CATALOG_KINDS.join(', ')}`);
    }
    let models: CatalogModelJson[];
    const id = positionals[0];
    if (id !== undefined) {
      const entry = DEFAULT_CATALOG.get(id);
      if (Object.prototype.hasOwnProperty.call(CONSTANTS, id)) models = [constantsJson(id)];
      else if (entry && (kind === undefined || entry.kind === kind)) models = [modelJson(entry)];
      else {
        const pool = DEFAULT_CATALOG.entries(kind as CatalogEntry['kind'] | undefined).map((e) => e.id);
        const hint = closestMatches(id, pool);
        throw new UsageError(`no ${kind ?? 'catalog'} model "${id}"` +
          (hint.length ? `: did you mean ${hint.join(', ')}?`
            : `: list them with \`lightfabric catalog${kind ? ` --kind ${kind}` : ''}\``));
      }
    } else {
      models = DEFAULT_CATALOG.entries(kind as CatalogEntry['kind'] | undefined).map(modelJson);
    }
    if (flags.json) {
      io.stdout(JSON.stringify({ models }, null, 2) + '\n');
      return EXIT.ok;
    }
    io.stdout(LEGEND + '\n' + models.map(modelText).join('\n'));
    return EXIT.ok;
  },
};
