// The generator registry for the CLI and recipes: family -> summary, parameter list (name, type, default,
// description) and run(params). `generate` coerces CLI strings to the declared types and rejects unknown names.
import { GeneratorParamError } from '../model/errors.js';
import type { FabricDocument } from '../model/types.js';
import { fmt } from './params.js';

export type ParamType = 'int' | 'number' | 'boolean' | 'string' | 'dims' | 'json';

export interface ParamSpec {
  /** camelCase name as the generator takes it; the CLI flag is its kebab-case form. */
  name: string;
  type: ParamType;
  /** Default value; undefined with `required` for parameters that must be given. */
  default?: unknown;
  required?: boolean;
  description: string;
}

export interface GeneratorEntry {
  summary: string;
  params: ParamSpec[];
  run(params: Record<string, unknown>): FabricDocument;
}

/** Floor and naming parameters every family accepts. */
export const PLACEMENT_PARAMS: ParamSpec[] = [
  { name: 'name', type: 'string', description: 'fabric name (default: derived from the parameters)' },
  { name: 'racksPerRow', type: 'int', default: 24, description: 'racks per row on the floor' },
  { name: 'rackPitchM', type: 'number', default: 0.6, description: 'rack centre-to-centre distance in a row, metres' },
  { name: 'rowPitchM', type: 'number', default: 2.4, description: 'row centre-to-centre distance, metres' },
  { name: 'cooling', type: 'string', default: 'auto', description: 'auto | air (~30 kW racks) | liquid (~130 kW racks)' },
  { name: 'rackPowerKw', type: 'number', description: 'rack power limit, kW (default from cooling)' },
];

export const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
export const camel = (s: string) => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Coerce one value (a CLI string, or already typed) to the parameter's type. */
export function coerceParam(spec: ParamSpec, value: unknown): unknown {
  const flag = kebab(spec.name);
  if (typeof value !== 'string') return value;
  switch (spec.type) {
    case 'int':
    case 'number': {
      const v = Number(value.replace(/_/g, ''));
      if (value.trim() === '' || !Number.isFinite(v)) throw new GeneratorParamError(flag, `got ${fmt(value)}; use a number`);
      return v;
    }
    case 'boolean':
      if (value === 'true' || value === '') return true;
      if (value === 'false') return false;
      throw new GeneratorParamError(flag, `got ${fmt(value)}; use true or false`);
    case 'json':
      try {
        return JSON.parse(value);
      } catch {
        throw new GeneratorParamError(flag, `got ${fmt(value)}; use JSON, e.g. '{"nvidia-h100-sxm": 1}'`);
      }
    default:
      return value;
  }
}

/** Run one family from a loose parameter record (CLI flags or a recipe); unknown names throw with the list. */
export function runEntry(family: string, entry: GeneratorEntry, params: Record<string, unknown>): FabricDocument {
  const byName = new Map(entry.params.map((s) => [s.name, s]));
  const typed: Record<string, unknown> = {};
  for (const [rawKey, value] of Object.entries(params)) {
    const key = camel(rawKey);
    const spec = byName.get(key);
    if (!spec) {
      throw new GeneratorParamError(
        kebab(key),
        `${family} has no such parameter; use ${entry.params.map((s) => `--${kebab(s.name)}`).join(', ')}`,
      );
    }
    typed[key] = coerceParam(spec, value);
  }
  for (const s of entry.params) {
    if (s.required && typed[s.name] === undefined) {
      throw new GeneratorParamError(kebab(s.name), `${family} needs --${kebab(s.name)} (${s.description})`);
    }
  }
  return entry.run(typed);
}
