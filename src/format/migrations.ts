// Upgrading older files: one function per version step (fromVersion -> fromVersion + 1), applied in order on the
// raw parsed JSON before validation. A migration gets unvalidated input: it must not assume any field exists
// (validation after it reports what is missing), and it returns a new object rather than editing its input.
import type { Problem } from '../model/problem.js';
import { problem } from './problem-codes.js';
import { FORMAT_VERSION } from './schema.js';

export type RawEnvelope = Record<string, unknown>;
export type Migration = (raw: RawEnvelope) => RawEnvelope;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function renameKeys(v: unknown, renames: Record<string, string>): unknown {
  if (!isObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const to = Object.prototype.hasOwnProperty.call(renames, k) ? renames[k] : k;
    // A v1 name already present wins over the old one: never overwrite what the file says explicitly.
    if (to !== k && Object.prototype.hasOwnProperty.call(v, to)) continue;
    Object.defineProperty(out, to, { value: v[k], enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Id of the data centre site that version 0 files imply. */
export const V0_SITE_ID = 'dc';

/**
 * Version 0, the pre-release draft: links named their ends `from` / `to` and their capacity `capacityGbps`,
 * racks had `powerKw`, and there were no sites (everything stood in one data centre). Version 1 renames those
 * fields and adds `sites` with one data centre that racks without a site are placed in.
 */
export function migrateV0ToV1(raw: RawEnvelope): RawEnvelope {
  const out: RawEnvelope = { ...raw };
  if (Array.isArray(raw.links)) out.links = raw.links.map((l) => renameKeys(l, { from: 'a', to: 'b', capacityGbps: 'gbps' }));
  const hasSites = raw.sites !== undefined;
  if (Array.isArray(raw.racks)) {
    out.racks = raw.racks.map((r) => {
      const renamed = renameKeys(r, { powerKw: 'powerLimitKw' });
      return isObject(renamed) && renamed.site === undefined && !hasSites ? { ...renamed, site: V0_SITE_ID } : renamed;
    });
  }
  if (!hasSites) out.sites = [{ id: V0_SITE_ID, kind: 'datacenter' }];
  return out;
}

/** fromVersion -> the step to fromVersion + 1. Add an entry (and fixtures of the old version) with every bump. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  0: migrateV0ToV1,
};

export type MigrateResult =
  | { ok: true; raw: RawEnvelope }
  | { ok: false; problems: Problem[] };

/** Apply the steps from `fromVersion` up to `toVersion`; each step's output gets `version` set for it. */
export function migrate(
  raw: RawEnvelope, fromVersion: number, migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  toVersion: number = FORMAT_VERSION,
): MigrateResult {
  let cur = raw;
  for (let v = fromVersion; v < toVersion; v++) {
    const step = Object.prototype.hasOwnProperty.call(migrations, v) ? migrations[v] : undefined;
    if (!step) {
      return { ok: false, problems: [problem('migration-failed', 'version',
        `this build cannot upgrade files of version ${v} (it knows no step from version ${v} to ${v + 1}): ` +
        `open the file with the lightfabric release that wrote it and save it again, or convert it by hand`)] };
    }
    let next: unknown;
    try {
      next = step(cur);
    } catch (e) {
      return { ok: false, problems: [problem('migration-failed', 'version',
        `upgrading from version ${v} to ${v + 1} failed (${e instanceof Error ? e.message : String(e)}): ` +
        `the file may be damaged; check it against the version ${v} format`)] };
    }
    if (!isObject(next)) {
      return { ok: false, problems: [problem('migration-failed', 'version',
        `upgrading from version ${v} to ${v + 1} did not produce a topology object: the file may be damaged`)] };
    }
    cur = { ...next, version: v + 1 };
  }
  return { ok: true, raw: cur };
}
