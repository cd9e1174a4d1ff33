// Messages for shape problems, built from the JSON Schema node of the field so that the fast validator and the
// zod reference path word every problem identically (and say how to fix it).
import type { Problem } from '../model/problem.js';
import { jsonPath } from './json-path.js';
import { didYouMean } from './hints.js';
import { problem } from './problem-codes.js';
import type { JsonSchema } from './schema.js';

export type ShapeCode = 'missing-field' | 'wrong-type' | 'bad-value' | 'non-finite' | 'out-of-range';
export type PathPart = string | number;

export function resolveRef(root: JsonSchema, node: JsonSchema): JsonSchema {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const name = ref.replace(/^#\/\$defs\//, '');
  return (root.$defs as Record<string, JsonSchema>)[name];
}

/** The schema node that describes the value at `path` (undefined where the schema says nothing). */
export function schemaAt(root: JsonSchema, path: readonly PathPart[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const part of path) {
    if (!node) return undefined;
    node = resolveRef(root, node);
    if (typeof part === 'number') node = node.items as JsonSchema | undefined;
    else {
      const props = node.properties as Record<string, JsonSchema> | undefined;
      const ap = node.additionalProperties;
      node = props && Object.prototype.hasOwnProperty.call(props, part)
        ? props[part]
        : typeof ap === 'object' && ap !== null ? (ap as JsonSchema) : undefined;
    }
  }
  return node ? resolveRef(root, node) : undefined;
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number', integer: 'a whole number', string: 'text', object: 'an object { ... }',
  array: 'a list [ ... ]', boolean: 'true or false', null: 'null',
};

function expected(node: JsonSchema): string {
  if (node.const !== undefined) return `exactly ${JSON.stringify(node.const)}`;
  if (Array.isArray(node.enum)) return `one of ${node.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  const t = node.type;
  const types = Array.isArray(t) ? t : typeof t === 'string' ? [t] : [];
  const words = types.map((x) => TYPE_WORDS[String(x)] ?? String(x));
  return words.length <= 1 ? (words[0] ?? 'a value') : words.slice(0, -1).join(', ') + ' or ' + words[words.length - 1];
}

function shortText(s: string): string {
  return JSON.stringify(s.length > 40 ? s.slice(0, 37) + '...' : s);
}

export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'string': return `the text ${shortText(v)}`;
    case 'number': return `the number ${v}`;
    case 'boolean': return String(v);
    case 'object': return 'an object';
    default: return typeof v;
  }
}

/** The allowed range; where one bound is only the safe-integer limit, just the side the value broke. */
function range(node: JsonSchema, value: unknown): string {
  const lo = typeof node.exclusiveMinimum === 'number' ? `> ${node.exclusiveMinimum}`
    : typeof node.minimum === 'number' ? `>= ${node.minimum}` : '';
  const hi = typeof node.exclusiveMaximum === 'number' ? `< ${node.exclusiveMaximum}`
    : typeof node.maximum === 'number' ? `<= ${node.maximum}` : '';
  const small = (x: unknown) => typeof x === 'number' && Math.abs(x) < 1e15;
  if (typeof node.minimum === 'number' && typeof node.maximum === 'number' && small(node.minimum) && small(node.maximum)) {
    return `between ${node.minimum} and ${node.maximum}`;
  }
  const min = typeof node.exclusiveMinimum === 'number' ? node.exclusiveMinimum : node.minimum;
  const below = typeof value === 'number' && typeof min === 'number' && value <= min;
  return (below ? lo : hi) || lo || hi || 'in range';
}

function label(path: readonly PathPart[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the file';
  return typeof last === 'number' ? `item ${last} of ${jsonPath(path.slice(0, -1)) || 'the list'}` : `"${last}"`;
}

function about(node: JsonSchema | undefined): string {
  const d = node?.description;
  return typeof d === 'string' ? ` (${d.replace(/\.$/, '')})` : '';
}

/** A shape problem at `path` where the schema node is `node` and the value found is `value`. */
export function shapeProblem(code: ShapeCode, path: readonly PathPart[], node: JsonSchema | undefined, value: unknown): Problem {
  const where = jsonPath(path);
  const what = label(path);
  const n = node ?? {};
  let message: string;
  switch (code) {
    case 'missing-field':
      message = `required field ${what} is missing: add it${about(node)}`;
      break;
    case 'wrong-type': {
      message = `${what} must be ${expected(n)}, not ${describeValue(value)}`;
      const types = Array.isArray(n.type) ? n.type : [n.type];
      if (typeof value === 'string' && types.includes('number') && value.trim() !== '' && Number.isFinite(Number(value))) {
        message += `: write ${Number(value)} without quotes`;
      } else if (typeof value === 'number' && n.type === 'integer' && Number.isFinite(value)) {
        message += `: use a whole number such as ${Math.max(0, Math.round(value))}`;
      } else {
        message += `: fix the value${about(node)}`;
      }
      break;
    }
    case 'non-finite':
      message = `${what} is not a finite number (${describeValue(value)}; JSON numbers beyond ~1.8e308 read as Infinity): ` +
        `write a finite value${about(node)}`;
      break;
    case 'bad-value':
      if (typeof n.minLength === 'number' && typeof value === 'string' && value.length < n.minLength) {
        message = `${what} must not be empty: give it a value${about(node)}`;
      } else {
        const hint = typeof value === 'string' && Array.isArray(n.enum) ? didYouMean(value, n.enum.map(String)) : '';
        message = `${what} is ${describeValue(value)}, but must be ${expected(n)}: ${hint || `fix the value${about(node)}`}`;
      }
      break;
    case 'out-of-range':
      message = `${what} is ${value}, but must be ${range(n, value)}: fix the value${about(node)}`;
      break;
  }
  return problem(code, where, message);
}
