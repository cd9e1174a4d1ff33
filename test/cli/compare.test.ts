// `compare`: as a real subprocess (two files side by side, --json, a broken file, too few files) and in-process
// for the options, names and number formatting.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { designNames, formatRelative, formatValue } from '../../src/cli/commands/compare.js';
import type { FabricDocument } from '../../src/model/types.js';
import { fixture } from '../support/fixtures.js';
import { cli } from '../support/memory-io.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SMALL = 'topologies/small-two-servers.json';
const EXAMPLE = readFileSync(join(ROOT, SMALL), 'utf8');
const FAT_TREE_K4 = JSON.stringify({ format: 'lightfabric/recipe', version: 1, name: 'k4 fat-tree', family: 'fat-tree', params: { k: 4 } });
const TMP = mkdtempSync(join(tmpdir(), 'lightfabric-compare-'));
const K4_FILE = join(TMP, 'k4.recipe.json');
writeFileSync(K4_FILE, FAT_TREE_K4);

afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The cells of a text row, split on runs of 2+ spaces (values are right-aligned under their design). */
const rowOf = (out: string, label: string) => {
  const line = out.split('\n').find((l) => l.trimStart().startsWith(label));
  if (!line) throw new Error(`no row "${label}" in:\n${out}`);
  return line.trim().split(/\s{2,}/);
};

describe('compare as a process', () => {
  it('two files side by side: one column per design, units, best marked, relative to the baseline', () => {
    const r = run('compare', SMALL, K4_FILE, '--lp', 'off');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`[1] Two DGX servers, two leaves and an OCS  (${SMALL})  <- baseline`);
    expect(r.out).toContain(`[2] k4 fat-tree  (${K4_FILE})`);
    for (const section of ['Scale', 'Cost', 'Bisection', 'All-to-all', 'Latency', 'Hops', 'Power', 'Resilience', 'Optics', 'Collectives']) {
      expect(r.out).toMatch(new RegExp(`^${section}$`, 'm'));
    }
    // 16 accelerators each; 4 switches against 20 (+400 %); 36 links against 48 (+33.3 %)
    expect(rowOf(r.out, 'Accelerators')).toEqual(['Accelerators', '16', '16', '(0%)']);
    expect(rowOf(r.out, 'Switches')).toEqual(['Switches', '4', '20', '(+400%)']);
    expect(rowOf(r.out, 'Links')).toEqual(['Links', 'links', '36', '48', '(+33.3%)']);
    // both bisections 3,200 Gbps: a tie, so neither is marked; diameter 3 (best) against 6 (+100 %)
    expect(rowOf(r.out, 'Bisection per accelerator')).toEqual(['Bisection per accelerator', 'Gbps', '200', '200', '(0%)']);
    expect(rowOf(r.out, 'Diameter')).toEqual(['Diameter', 'links', '3 *', '6', '(+100%)']);
    expect(r.out).toMatch(/Capex per accelerator\s+USD/);
    expect(r.out).toMatch(/Energy cost\s+KRW\/yr/);
    // --lp off: no LP rows at all
    expect(r.out).not.toContain('LP');
  });

  it('--json: the Comparison plus the files, with --baseline (from 1) and --budget-krw', () => {
    const r = run('compare', SMALL, K4_FILE, '--json', '--baseline', '2', '--budget-krw', '2e9', '--only', 'hops,cost');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    expect(c).toMatchObject({
      format: 'lightfabric/comparison', version: 1, files: [SMALL, K4_FILE],
      designs: ['Two DGX servers, two leaves and an OCS', 'k4 fat-tree'], baseline: 1,
    });
    const rows = c.rows as { key: string; values: (number | null)[]; relative: (number | null)[]; best: number[]; how: string }[];
    for (const row of rows) {
      expect(row.values).toHaveLength(2);
      expect(row.relative[1]).toBeNull();
      expect(row.how.length).toBeGreaterThan(0);
    }
    const get = (key: string) => rows.find((x) => x.key === key)!;
    const krw = get('cost.capexKrw').values as number[];
    expect(get('cost.budgetPercent').values[0]).toBeCloseTo((krw[0] / 2e9) * 100, 9);
    expect(get('cost.budgetPercent').values[1]).toBeCloseTo((krw[1] / 2e9) * 100, 9);
    expect(get('hops.diameter')).toMatchObject({ values: [3, 6], relative: [-0.5, null], best: [0] });
    // --only hops,cost: no bisection section, yet the cost phase priced capex per Tb/s against it
    expect(get('bisection.lowerGbps').values).toEqual([null, null]);
    expect(get('cost.usdPerTbps').values[1]).toBeCloseTo((krw[1] / 1400) / 3.2, 3);
  });

  it('a broken file: its problems with its path, exit 1, nothing compared', () => {
    const broken = 'test/fixtures/v1/ten-mistakes.json';
    const r = run('compare', SMALL, broken);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${broken}: invalid (10 errors)`);
    expect(r.err).toContain(`lightfabric compare: ${broken} is not valid: fix the problems above; nothing was compared`);
  });

  it('no file or one file: exit 2 with the usage (comparing needs two or more)', () => {
    const none = run('compare');
    expect(none.code).toBe(2);
    expect(none.err).toContain('comparing needs two or more files, got none');
    expect(none.err).toContain('Usage: lightfabric compare FILE FILE...');
    const one = run('compare', SMALL);
    expect(one.code).toBe(2);
    expect(one.err).toContain(`comparing needs two or more files, got only ${SMALL}`);
    expect(one.err).toContain('Usage: lightfabric compare');
  });
});

describe('compare in-process', () => {
  const files = { 'a.json': EXAMPLE, 'k4.json': FAT_TREE_K4 };

  it('--help and the command list', async () => {
    const help = await cli(['compare', '--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--baseline N', '--budget-krw X', '--only LIST', '--lp auto|on|off', '--seed N', '--pue X']) expect(help.out).toContain(flag);
    expect(help.out).not.toContain('--assert');
    const list = await cli(['help']);
    expect(list.out).toMatch(/^ {2}compare +evaluate two or more designs/m);
  });

  it('--csv: a header and one line per figure, values exactly those of --json', async () => {
    const csv = await cli(['compare', '--csv', '--only', 'hops,bisection,cost', 'a.json', 'k4.json'], files);
    const json = await cli(['compare', '--json', '--only', 'hops,bisection,cost', 'a.json', 'k4.json'], files);
    expect(csv.code).toBe(0);
    const lines = csv.out.split('\r\n');
    expect(lines[0]).toBe('section,figure,unit,better,"Two DGX servers, two leaves and an OCS",k4 fat-tree,' +
      '"k4 fat-tree vs Two DGX servers, two leaves and an OCS (relative)",how');
    const rows = JSON.parse(json.out).rows as { label: string; values: (number | null)[] }[];
    expect(lines).toHaveLength(rows.length + 2); // header, rows, and the empty string after the last CRLF
    const bisection = lines.find((l) => l.startsWith('Bisection,Lower bound,'))!;
    expect(bisection.split(',').slice(4, 6).map(Number)).toEqual(rows.find((r) => r.label === 'Lower bound')!.values);
  });

  it('bad options exit 2 with a message', async () => {
    for (const args of [
      ['a.json', 'k4.json', '--baseline', '3'], ['a.json', 'k4.json', '--baseline', '0'], ['a.json', 'k4.json', '--baseline', 'x'],
      ['a.json', 'k4.json', '--budget-krw', '0'], ['a.json', 'k4.json', '--budget-krw', 'lots'], ['a.json', 'k4.json', '--only', 'hopz'],
      ['a.json', 'k4.json', '--assert', 'hops.diameter<3'], ['a.json', 'missing.json'], ['a.json', 'k4.json', '--json', '--csv'],
    ]) {
      const r = await cli(['compare', ...args], files);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.length, args.join(' ')).toBeGreaterThan(0);
      expect(r.out, args.join(' ')).toBe('');
    }
  });

  it('every invalid file is listed before anything is evaluated; --json gives validate\'s file reports', async () => {
    const bad = { ...files, 'ten.json': fixture('v1/ten-mistakes.json'), 'junk.json': '{ not json' };
    const text = await cli(['compare', 'ten.json', 'a.json', 'junk.json'], bad);
    expect(text.code).toBe(1);
    expect(text.err).toContain('ten.json: invalid (10 errors)');
    expect(text.err).toContain('junk.json: invalid');
    expect(text.err).toContain('ten.json, junk.json are not valid');
    const json = await cli(['compare', 'ten.json', 'a.json', '--json'], bad);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).files.map((f: { file: string; valid: boolean }) => [f.file, f.valid])).toEqual([['ten.json', false], ['a.json', true]]);
  });

  it('--only runs the same phases for every design; rows without any value are left out of the text', async () => {
    const r = await cli(['compare', 'a.json', 'k4.json', '--only', 'hops'], files);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Hops$/m);
    expect(r.out).not.toMatch(/^Cost$/m);
    expect(r.out).toMatch(/Mean\s+links\s+2\.267 \*\s+5\.467\s+\(\+141\.2%\)/); // 82/15 over 544/240: +141.18 %
  });

  it('the same design twice: columns told apart by file, then by position', async () => {
    const r = await cli(['compare', 'a.json', 'b.json', '--only', 'hops', '--json'], { 'a.json': EXAMPLE, 'b.json': EXAMPLE });
    expect(JSON.parse(r.out).designs).toEqual(['Two DGX servers, two leaves and an OCS (a.json)', 'Two DGX servers, two leaves and an OCS (b.json)']);
  });
});

describe('designNames, formatValue and formatRelative', () => {
  const doc = (name: string) => ({ name }) as FabricDocument;

  it('names: the design name, the file when it has none, file then position when shared', () => {
    expect(designNames(['x.json', 'y.json'], [doc('A'), doc(' ')])).toEqual(['A', 'y.json']);
    expect(designNames(['x.json', 'x.json', 'z.json'], [doc('A'), doc('A'), doc('A')]))
      .toEqual(['A (x.json) #1', 'A (x.json) #2', 'A (z.json)']);
  });

  it('decimals for digits >= 0, significant digits below 10^-digits otherwise, grouped thousands', () => {
    expect(formatValue(1234567.891, 0)).toBe('1,234,568');
    expect(formatValue(5.4666666, 3)).toBe('5.467');
    expect(formatValue(400 / 15, -4)).toBe('26.67');
    expect(formatValue(0.040364, -4)).toBe('0.04036');
    expect(formatValue(631.5789, -4)).toBe('631.6');
    expect(formatValue(123456.7, -4)).toBe('123,457');
    expect(formatValue(0, -4)).toBe('0');
    expect(formatValue(-1.5, 2)).toBe('-1.5');
  });

  it('relative differences in %, signed; two significant digits under 1 %', () => {
    expect(formatRelative(0)).toBe('(0%)');
    expect(formatRelative(-0.5)).toBe('(-50%)');
    expect(formatRelative(4)).toBe('(+400%)');
    expect(formatRelative(1 / 3)).toBe('(+33.3%)');
    expect(formatRelative(-0.000357)).toBe('(-0.036%)');
    expect(formatRelative(0.0016)).toBe('(+0.16%)');
  });
});
