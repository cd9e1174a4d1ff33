// Recipes: a tiny JSON file naming a generator family and its parameters, so large fabrics ship as a few lines and
// are generated on load. loadTopologyOrRecipe takes either a topology file or a recipe and returns a LoadResult.
import { LightfabricError } from '../model/errors.js';
import type { Problem } from '../model/problem.js';
import type { FabricDocument } from '../model/types.js';
import { parseTopology, validateDocument, type LoadResult } from '../format/index.js';
import { createCatalog } from '../catalog/index.js';
import { GENERATORS } from './families.js';
import { camel, runEntry } from './registry.js';

export const RECIPE_FORMAT = 'lightfabric/recipe';
export const RECIPE_VERSION = 1;

export interface Recipe {
  format: typeof RECIPE_FORMAT;
  version: number;
  name: string;
  family: string;
  params: Record<string, unknown>;
  seed?: number;
  description?: string;
}

export type RecipeResult = { ok: true; recipe: Recipe } | { ok: false; error: 'not-json' | 'not-a-topology' | 'version-too-new' | 'invalid'; problems: Problem[] };

const err = (path: string, code: string, message: string): Problem => ({ path, code, severity: 'error', message });

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Check a parsed value as a recipe (envelope, version, name, known family, params object, seed). */
export function checkRecipe(raw: unknown): RecipeResult {
  if (!isRecord(raw) || raw.format !== RECIPE_FORMAT) {
    return { ok: false, error: 'not-a-topology', problems: [err('format', 'bad-recipe', `a recipe starts with "format": "${RECIPE_FORMAT}"`)] };
  }
  if (typeof raw.version !== 'number' || !Number.isInteger(raw.version)) {
    return { ok: false, error: 'not-a-topology', problems: [err('version', 'bad-recipe', `"version" must be a whole number (this build writes ${RECIPE_VERSION})`)] };
  }
  if (raw.version > RECIPE_VERSION) {
    return {
      ok: false, error: 'version-too-new',
      problems: [err('version', 'version-too-new', `written by a newer lightfabric (recipe version ${raw.version}); this build reads up to version ${RECIPE_VERSION}: upgrade lightfabric`)],
    };
  }
  const problems: Problem[] = [];
  if (typeof raw.name !== 'string' || raw.name === '') problems.push(err('name', 'bad-recipe', 'give the recipe a "name" (a non-empty string)'));
  const families = Object.keys(GENERATORS);
  if (typeof raw.family !== 'string' || !families.includes(raw.family)) {
    problems.push(err('family', 'unknown-family', `unknown family ${JSON.stringify(raw.family)}: use one of ${families.join(', ')}`));
  }
  if (raw.params !== undefined && !isRecord(raw.params)) problems.push(err('params', 'bad-recipe', '"params" must be an object of parameter -> value'));
  if (raw.seed !== undefined && (typeof raw.seed !== 'number' || !Number.isInteger(raw.seed))) {
    problems.push(err('seed', 'bad-recipe', '"seed" must be a whole number'));
  }
  if (raw.description !== undefined && typeof raw.description !== 'string') problems.push(err('description', 'bad-recipe', '"description" must be a string'));
  if (problems.length === 0 && isRecord(raw.params)) {
    const specs = GENERATORS[raw.family as string].params.map((s) => s.name);
    for (const k of Object.keys(raw.params)) {
      if (!specs.includes(camel(k))) {
        problems.push(err(`params.${k}`, 'unknown-param', `${raw.family} has no parameter ${JSON.stringify(k)}: use ${specs.join(', ')}`));
      }
    }
    if (raw.seed !== undefined && !specs.includes('seed')) {
      problems.push(err('seed', 'bad-recipe', `${raw.family} is not random and takes no seed: remove "seed"`));
    }
  }
  if (problems.length) return { ok: false, error: 'invalid', problems };
  const recipe: Recipe = {
    format: RECIPE_FORMAT,
    version: raw.version,
    name: raw.name as string,
    family: raw.family as string,
    params: (raw.params as Record<string, unknown> | undefined) ?? {},
  };
  if (raw.seed !== undefined) recipe.seed = raw.seed as number;
  if (raw.description !== undefined) recipe.description = raw.description as string;
  return { ok: true, recipe };
}

/** Parse recipe text. Never throws. */
export function parseRecipe(text: string): RecipeResult {
  let raw: unknown;
  try {
    raw = JSON.parse(typeof text === 'string' && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, error: 'not-json', problems: [err('', 'not-json', `not valid JSON (${e instanceof Error ? e.message : String(e)}): fix the syntax`)] };
  }
  return checkRecipe(raw);
}

/**
 * Generate the fabric of a checked recipe and validate it. Never throws: parameter errors become problems. The
 * fabric takes the recipe's name unless `keepGeneratedName` (the app's generator form: the family's own name, e.g.
 * "fat-tree k=8", says more than the form's placeholder).
 */
export function recipeToDocument(recipe: Recipe, options: { keepGeneratedName?: boolean } = {}): LoadResult {
  const params: Record<string, unknown> = { ...recipe.params };
  if (recipe.seed !== undefined) params.seed = recipe.seed;
  let doc: FabricDocument;
  try {
    doc = runEntry(recipe.family, GENERATORS[recipe.family], params);
  } catch (e) {
    if (e instanceof LightfabricError) {
      const param = (e as { param?: string }).param;
      const path = param ? `params.${camel(param)}` : 'params';
      return { ok: false, error: 'invalid', problems: [err(path, e.code === 'bad-param' ? 'bad-param' : e.code, e.message)] };
    }
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: 'invalid', problems: [err('family', 'generator-failed', `the ${recipe.family} generator failed: ${message}`)] };
  }
  if (recipe.params.name === undefined && !options.keepGeneratedName) doc.name = recipe.name;
  if (recipe.description !== undefined) doc.description = recipe.description;
  const problems = validateDocument(doc, createCatalog(doc.catalogOverrides));
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) return { ok: false, error: 'invalid', problems };
  return { ok: true, doc, warnings: problems, fromVersion: recipe.version };
}

/** Load a topology file or a recipe (by its "format"). Never throws. */
export function loadTopologyOrRecipe(text: string): LoadResult {
  // Recipes are a few hundred bytes: a large file is a topology, parsed once by parseTopology.
  if (typeof text !== 'string' || text.length > 1_000_000) return parseTopology(text);
  let raw: unknown;
  try {
    raw = JSON.parse(typeof text === 'string' && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return parseTopology(text);
  }
  if (isRecord(raw) && raw.format === RECIPE_FORMAT) {
    const r = checkRecipe(raw);
    return r.ok ? recipeToDocument(r.recipe) : { ok: false, error: r.error, problems: r.problems };
  }
  return parseTopology(text);
}
