// Reference shape validation straight through zod (TopologySchema.safeParse), mapped to the same problems as the
// fast path in shape.ts. Tests compare the two on mutated files; use checkShape in production.
import type { Problem } from '../model/problem.js';
import { TopologySchema, topologyJsonSchema, type JsonSchema } from './schema.js';
import { schemaAt, shapeProblem, type PathPart, type ShapeCode } from './shape-messages.js';

function valueAt(raw: unknown, path: readonly PathPart[]): unknown {
  let v = raw;
  for (const p of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = Object.prototype.hasOwnProperty.call(v, p) ? (v as Record<PathPart, unknown>)[p] : undefined;
  }
  return v;
}

function acceptsNumbers(node: JsonSchema | undefined): boolean {
  const t = node?.type;
  return t === 'number' || t === 'integer' || (Array.isArray(t) && t.includes('number'));
}

function codeOf(
  issue: { code: string; origin?: string }, value: unknown, path: readonly PathPart[], node: JsonSchema | undefined,
): ShapeCode {
  if (value === undefined && typeof path[path.length - 1] === 'string') return 'missing-field';
  // An enum or literal refuses Infinity like any other wrong choice, a text field as a wrong type; only where a
  // number belongs is it non-finite.
  if (issue.code === 'invalid_value') return 'bad-value';
  if (typeof value === 'number' && !Number.isFinite(value) && acceptsNumbers(node)) return 'non-finite';
  switch (issue.code) {
    case 'too_small':
    case 'too_big':
      return issue.origin === 'string' ? 'bad-value' : 'out-of-range';
    default:
      return 'wrong-type';
  }
}

/** Shape errors of a whole file via zod (no unknown-field warnings: zod's loose objects accept them silently). */
export function checkShapeWithZod(raw: unknown): Problem[] {
  const result = TopologySchema.safeParse(raw);
  if (result.success) return [];
  const root = topologyJsonSchema();
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is PathPart => typeof p !== 'symbol');
    const value = valueAt(raw, path);
    const node = schemaAt(root, path);
    const problem = shapeProblem(codeOf(issue as { code: string; origin?: string }, value, path, node), path, node, value);
    // zod may add a length check after a failed type check ([] for a string id): one problem per place.
    if (seen.has(problem.path)) continue;
    seen.add(problem.path);
    out.push(problem);
  }
  return out;
}
