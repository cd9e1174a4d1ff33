// Catalog overrides in a file ({ "nvidia-h100-sxm": { "priceUsd": 24000 }, "fibre": { ... } }): each must name a
// catalog model (or constant table) and one of its values, with the same type and a sensible value.
// Only the valid ones are applied to the catalog the rest of the validation uses.
import {
  BUILTIN_ENTRIES, CONSTANT_TABLES, FACILITY, FIBRE, isOverridableField,
} from '../catalog/index.js';
import type { Problem } from '../model/problem.js';
import { COOLING, type CatalogOverrides } from '../model/types.js';
import { didYouMean } from './hints.js';
import { jsonPath } from './json-path.js';
import { problem } from './problem-codes.js';
import { rec } from './check-context.js';

const TARGETS = new Map<string, object>([
  ...BUILTIN_ENTRIES.map((e) => [e.id, e] as [string, object]),
  ['fibre', FIBRE],
  ['facility', FACILITY],
]);

/** Counts (ports, units, servers): a fraction of a port means nothing. */
const WHOLE_NUMBER_FIELDS = new Set([
  'ports', 'nicPorts', 'scaleUpPorts', 'scaleUpDomain', 'perServer', 'maxBreakout', 'rackUnits', 'serverRackUnits',
  'rackUnitsPerRack',
]);

/** Text fields whose value the engine switches on. */
const CHOICES: Record<string, readonly string[]> = {
  medium: ['mmf', 'smf', 'copper'],
  cooling: COOLING,
  scaleUpKind: ['nvlink', 'xgmi', 'roce', 'ici', 'pcie', 'none'],
};

function fieldsOf(target: object): string[] {
  return Object.keys(target).filter((f) => isOverridableField(target, f));
}

export interface OverrideCheck {
  problems: Problem[];
  /** The overrides that passed, to build the catalog the other checks use. */
  valid: CatalogOverrides;
}

export function checkOverrides(overrides: unknown): OverrideCheck {
  const problems: Problem[] = [];
  const valid: CatalogOverrides = {};
  const all = rec(overrides);
  if (!all) return { problems, valid };
  for (const model of Object.keys(all)) {
    const fields = rec(all[model]);
    if (!fields) continue; // wrong type: the shape check reports it
    const target = TARGETS.get(model);
    if (!target) {
      const hint = didYouMean(model, TARGETS.keys());
      problems.push(problem('bad-override', jsonPath(['catalogOverrides', model]),
        `no catalog model ${JSON.stringify(model)}${hint ? ` (${hint})` : ''}: use a catalog id ` +
        `(\`lightfabric catalog\`) or one of the constant tables ${CONSTANT_TABLES.map((t) => `"${t}"`).join(', ')}`));
      continue;
    }
    const ok: Record<string, number | string | boolean> = {};
    for (const field of Object.keys(fields)) {
      const value = fields[field];
      const path = jsonPath(['catalogOverrides', model, field]);
      const base = (target as Record<string, unknown>)[field];
      if (!isOverridableField(target, field)) {
        const reserved = field === 'id' || field === 'kind' || field === 'sources';
        const hint = reserved ? '' : didYouMean(field, fieldsOf(target));
        problems.push(problem('bad-override', path, reserved
          ? `"${field}" of a catalog model cannot be overridden: remove it`
          : `${model} has no value "${field}"${hint ? ` (${hint})` : ''}: overridable values are ${fieldsOf(target).join(', ')}`));
        continue;
      }
      if (typeof value === 'number' && !Number.isFinite(value)) continue; // non-finite: reported by the shape check
      if (typeof value !== typeof base) {
        const asNumber = typeof value === 'string' && typeof base === 'number' && value.trim() !== '' && Number.isFinite(Number(value));
        problems.push(problem('bad-override', path,
          `${model}.${field} must be a ${typeof base} like the catalog value ${JSON.stringify(base)}, not ${JSON.stringify(value)}: ` +
          (asNumber ? `write ${Number(value)} without quotes` : `write a ${typeof base}`)));
        continue;
      }
      if (typeof value === 'number' && value < 0) {
        problems.push(problem('bad-override', path,
          `${model}.${field} is ${value}, but catalog values are >= 0: fix the value (the catalog has ${base})`));
        continue;
      }
      if (typeof value === 'number' && WHOLE_NUMBER_FIELDS.has(field) && !Number.isInteger(value)) {
        problems.push(problem('bad-override', path,
          `${model}.${field} counts whole things: use a whole number such as ${Math.round(value)}`));
        continue;
      }
      const choices = CHOICES[field];
      if (typeof value === 'string' && choices && !choices.includes(value)) {
        problems.push(problem('bad-override', path,
          `${model}.${field} is ${JSON.stringify(value)}: use one of ${choices.map((c) => `"${c}"`).join(', ')}`));
        continue;
      }
      ok[field] = value as number | string | boolean;
    }
    if (Object.keys(ok).length > 0) valid[model] = ok;
  }
  return { problems, valid };
}
