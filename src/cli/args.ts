// A small argument parser shared by the commands: `--flag value`, `--flag=value`, boolean `--flag` / `--no-flag`,
// short aliases (`-o FILE`), positionals, and `--` to end options. Mistakes throw UsageError (exit 2).
import { LightfabricError } from '../model/errors.js';
import { didYouMean } from '../format/hints.js';

export class UsageError extends LightfabricError {
  constructor(message: string) {
    super('usage', message);
    this.name = 'UsageError';
  }
}

export interface FlagSpec {
  type: 'boolean' | 'string';
  description: string;
  /** One-letter alias, without the dash: 'o' for -o. */
  short?: string;
  /** Placeholder in help, e.g. FILE. */
  valueName?: string;
}

export interface ArgSpec {
  flags: Record<string, FlagSpec>;
  /** Number of positional arguments allowed (max defaults to min). */
  positionals?: { min: number; max?: number; name: string };
  /**
   * 'error' (default): an unknown --flag is a usage error. 'collect': it goes to `extra` as a string (from
   * `--k v` or `--k=v`) or true (bare, or followed by another option), for commands whose options depend on
   * a positional (generate FAMILY --param value).
   */
  unknownFlags?: 'error' | 'collect';
}

export interface ParsedArgs {
  flags: Record<string, string | boolean | undefined>;
  positionals: string[];
  extra: Record<string, string | true>;
}

const BOOLEAN_TEXT: Record<string, boolean> = { true: true, false: false, yes: true, no: false, '1': true, '0': false };

export function parseArgs(args: readonly string[], spec: ArgSpec): ParsedArgs {
  const flags: ParsedArgs['flags'] = {};
  const positionals: string[] = [];
  const extra: ParsedArgs['extra'] = Object.create(null) as ParsedArgs['extra'];
  const byShort = new Map(Object.entries(spec.flags).filter(([, f]) => f.short).map(([name, f]) => [f.short!, name]));
  const known = Object.keys(spec.flags);
  const isOption = (a: string | undefined) => a !== undefined && a.startsWith('-') && a.length > 1 && !/^-\d/.test(a);

  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!isOption(arg)) {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    } else {
      const long = byShort.get(arg.slice(1, 2));
      if (!long || arg.length > 2) throw new UsageError(`unknown option ${arg}`);
      name = long;
    }
    let f = Object.prototype.hasOwnProperty.call(spec.flags, name) ? spec.flags[name] : undefined;
    let negated = false;
    if (!f && name.startsWith('no-') && spec.flags[name.slice(3)]?.type === 'boolean' && inline === undefined) {
      name = name.slice(3);
      f = spec.flags[name];
      negated = true;
    }
    if (!f) {
      if (spec.unknownFlags === 'collect' && name !== '') {
        if (inline !== undefined) extra[name] = inline;
        else if (i + 1 < args.length && !isOption(args[i + 1])) extra[name] = args[++i];
        else extra[name] = true;
        continue;
      }
      const hint = didYouMean(name, known);
      throw new UsageError(`unknown option --${name}${hint ? ` (${hint.replace(/"([^"]+)"/g, '--$1')})` : ''}`);
    }
    if (f.type === 'boolean') {
      if (inline === undefined) flags[name] = !negated;
      else if (Object.prototype.hasOwnProperty.call(BOOLEAN_TEXT, inline.toLowerCase())) flags[name] = BOOLEAN_TEXT[inline.toLowerCase()];
      else throw new UsageError(`--${name} is a switch: give it alone, or as --${name}=true / --${name}=false`);
      continue;
    }
    if (inline !== undefined) flags[name] = inline;
    else if (i + 1 < args.length && !args[i + 1].startsWith('--')) flags[name] = args[++i];
    else throw new UsageError(`--${name} needs a value${f.valueName ? ` (${f.valueName})` : ''}`);
  }

  const p = spec.positionals ?? { min: 0, max: 0, name: '' };
  const max = p.max ?? p.min;
  if (positionals.length < p.min) throw new UsageError(`missing ${p.name}`);
  if (positionals.length > max) {
    throw new UsageError(max === 0 ? `unexpected argument "${positionals[0]}"`
      : `too many arguments: "${positionals.slice(max).join('" "')}"`);
  }
  return { flags, positionals, extra };
}

/** Help lines for the flags of a spec, aligned. */
export function describeFlags(spec: ArgSpec): string {
  const rows = Object.entries(spec.flags).map(([name, f]) => {
    const left = `${f.short ? `-${f.short}, ` : '    '}--${name}${f.type === 'string' ? ` ${f.valueName ?? 'VALUE'}` : ''}`;
    return [left, f.description];
  });
  const width = Math.max(0, ...rows.map(([l]) => l.length));
  return rows.map(([l, d]) => `  ${l.padEnd(width)}  ${d}`).join('\n');
}
