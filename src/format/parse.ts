// Loading a topology file: JSON.parse -> envelope -> refuse too new -> migrate -> validate -> result.
// Never throws: every failure is a LoadResult with problems (path, code, message saying how to fix it).
import type { Catalog } from '../catalog/index.js';
import { fabricFromDocument, type Fabric } from '../model/fabric.js';
import type { Problem } from '../model/problem.js';
import type { FabricDocument } from '../model/types.js';
import { checkEnvelope } from './envelope.js';
import { migrate, type Migration } from './migrations.js';
import { problem } from './problem-codes.js';
import { FORMAT_VERSION } from './schema.js';
import { checkEnvelopeBody, hasErrors, sortProblems } from './validate.js';

export type LoadError = 'not-json' | 'not-a-topology' | 'version-too-new' | 'migration-failed' | 'invalid';

export interface LoadSuccess {
  ok: true;
  /** The document without the envelope's format/version; unknown fields are kept. */
  doc: FabricDocument;
  warnings: Problem[];
  /** Version the file was written in (< FORMAT_VERSION when it was migrated on load). */
  fromVersion: number;
}

export interface LoadFailure {
  ok: false;
  error: LoadError;
  problems: Problem[];
}

export type LoadResult = LoadSuccess | LoadFailure;

export type FabricLoadResult = (LoadSuccess & { fabric: Fabric }) | LoadFailure;

export interface ParseOptions {
  /** Catalog to check models against (default: built-in with the file's catalogOverrides applied). */
  catalog?: Catalog;
  /** Migration steps (default MIGRATIONS); tests inject failing ones. */
  migrations?: Readonly<Record<number, Migration>>;
}

function lineColumn(text: string, pos: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${pos - lineStart + 1}`;
}

function notJson(text: string, e: unknown): LoadFailure {
  const raw = e instanceof Error ? e.message : String(e);
  let message: string;
  if (text.trim() === '') message = 'the file is empty: a topology file is a JSON object { "format": "lightfabric/topology", ... }';
  else {
    const pos = /at position (\d+)/.exec(raw);
    const where = pos ? ` at ${lineColumn(text, Number(pos[1]))}` : '';
    const what = raw.replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
    message = `not valid JSON${where}: ${what}. Fix the syntax there (a missing comma, quote or bracket; ` +
      `JSON allows no comments or trailing commas)`;
  }
  return { ok: false, error: 'not-json', problems: [problem('not-json', '', message)] };
}

function load(text: string, options: ParseOptions): LoadResult {
  if (typeof text !== 'string') {
    return { ok: false, error: 'not-json', problems: [problem('not-json', '', `expected the text of a file, got ${typeof text}`)] };
  }
  // Editors on Windows may prefix a byte order mark, which JSON.parse rejects.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    return notJson(body, e);
  }
  const env = checkEnvelope(parsed);
  if (!env.ok) return { ok: false, error: env.error, problems: env.problems };
  const migrated = migrate(env.raw, env.version, options.migrations);
  if (!migrated.ok) return { ok: false, error: 'migration-failed', problems: migrated.problems };
  let problems = checkEnvelopeBody(migrated.raw, options.catalog);
  if (env.version < FORMAT_VERSION) {
    problems = sortProblems([...problems, problem('migrated', 'version',
      `the file is format version ${env.version}; it was upgraded to version ${FORMAT_VERSION} on load: ` +
      `save it to write version ${FORMAT_VERSION}`)]);
  }
  if (hasErrors(problems)) return { ok: false, error: 'invalid', problems };
  const { format: _format, version: _version, ...doc } = migrated.raw;
  return { ok: true, doc: doc as unknown as FabricDocument, warnings: problems, fromVersion: env.version };
}

function internalError(e: unknown): LoadFailure {
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { ok: false, error: 'invalid', problems: [problem('internal-error', '',
    `lightfabric failed while reading this file (${what}); this is a bug: please report it with the file`)] };
}

/** Parse and check a topology file. Never throws. */
export function parseTopology(text: string, options: ParseOptions = {}): LoadResult {
  try {
    return load(text, options);
  } catch (e) {
    // Last resort (e.g. a stack overflow on pathological input): the caller still gets a result.
    return internalError(e);
  }
}

/** parseTopology, then the graphology Fabric of the document. Never throws. */
export function loadFabric(text: string, options: ParseOptions = {}): FabricLoadResult {
  const result = parseTopology(text, options);
  if (!result.ok) return result;
  try {
    return { ...result, fabric: fabricFromDocument(result.doc) };
  } catch (e) {
    return internalError(e);
  }
}
