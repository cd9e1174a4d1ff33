// The envelope check, before anything else: is this a lightfabric topology, and a version this build can read?
import type { Problem } from '../model/problem.js';
import { describeValue } from './shape-messages.js';
import { problem } from './problem-codes.js';
import { FORMAT_ID, FORMAT_VERSION } from './schema.js';

export type EnvelopeCheck =
  | { ok: true; raw: Record<string, unknown>; version: number }
  | { ok: false; error: 'not-a-topology' | 'version-too-new'; problems: Problem[] };

const START = `a topology file is an object starting { "format": "${FORMAT_ID}", "version": ${FORMAT_VERSION}, ... }`;

export function checkEnvelope(raw: unknown): EnvelopeCheck {
  const bad = (path: string, message: string): EnvelopeCheck =>
    ({ ok: false, error: 'not-a-topology', problems: [problem('bad-envelope', path, message)] });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return bad('', `the file holds ${describeValue(raw)}, but ${START}`);
  }
  const env = raw as Record<string, unknown>;
  const format = env.format;
  if (format === undefined) {
    return bad('format', `no "format" field, so this is not a lightfabric topology: ${START}`);
  }
  if (format !== FORMAT_ID) {
    const other = typeof format === 'string' && format.startsWith('lightfabric/')
      ? `this is a ${format} file, not a topology` : `"format" is ${describeValue(format)}, not "${FORMAT_ID}"`;
    return bad('format', `${other}: open a topology file (${START})`);
  }
  const version = env.version;
  if (version === undefined) return bad('version', `no "version" field: add "version": ${FORMAT_VERSION}`);
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    return bad('version', `"version" is ${describeValue(version)}, but must be a whole number >= 0: ` +
      `write "version": ${FORMAT_VERSION} for a file of this build`);
  }
  if (version > FORMAT_VERSION) {
    return {
      ok: false,
      error: 'version-too-new',
      problems: [problem('version-too-new', 'version',
        `written by a newer lightfabric (version ${version}); this build reads up to version ${FORMAT_VERSION}: upgrade lightfabric`)],
    };
  }
  return { ok: true, raw: env, version };
}
