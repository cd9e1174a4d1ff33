// Reading the test fixtures of every format version (test/fixtures/v0, v1/...).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/** File names (sorted) of the .json fixtures in a fixture folder. */
export function fixtureNames(dir: string): string[] {
  return readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith('.json')).sort();
}
