// The real entry point, as a subprocess: `npx tsx src/cli/main.ts ...` reads argv, prints, and sets the exit code.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function run(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('src/cli/main.ts as a process', () => {
  it('validate on the ten-mistakes file lists all ten and exits 1', () => {
    const r = run('validate', 'test/fixtures/v1/ten-mistakes.json');
    expect(r.code).toBe(1);
    expect(r.out).toContain('test/fixtures/v1/ten-mistakes.json: invalid (10 errors)');
    expect(r.out.match(/^ {2}error /gm)).toHaveLength(10);
    expect(r.err).toBe('');
  });

  it('a missing file exits 2 with one line on stderr and no stack trace', () => {
    const r = run('inspect', 'test/fixtures/does-not-exist.json');
    expect(r.code).toBe(2);
    expect(r.err).toBe('lightfabric inspect: cannot read test/fixtures/does-not-exist.json: no such file\n');
  });
});
