// The CLI commands run in-process on in-memory files: output, JSON shapes, exit codes, help.
import { describe, expect, it } from 'vitest';
import { BUILTIN_ENTRIES, DEFAULT_CATALOG, FIBRE } from '../../src/catalog/index.js';
import { runCli } from '../../src/cli/run.js';
import { serializeTopology, topologyJsonSchemaText, type FabricSummary } from '../../src/format/index.js';
import type { FabricDocument, FabricLink, FabricNode } from '../../src/model/types.js';
import { fixture } from '../support/fixtures.js';
import { cli, memoryIo } from '../support/memory-io.js';

const TINY = fixture('v1/valid/tiny.json');
const TEN = fixture('v1/ten-mistakes.json');

/** No stack trace: no "    at fn (file:line)" lines. */
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+/m);

describe('validate', () => {
  it('lists all ten mistakes of the ten-mistakes file, with paths, codes and fixes, and exits 1', async () => {
    const r = await cli(['validate', 'ten.json'], { 'ten.json': TEN });
    expect(r.code).toBe(1);
    expect(r.out).toContain('ten.json: invalid (10 errors)');
    const paths = ['racks[1].xM', 'nodes[1]', 'nodes[4].model', 'nodes[6].model', 'nodes[7].rack', 'nodes[8].id',
      'links[0].lengthM', 'links[3].lengthM', 'links[5].b', 'links[6].b'];
    for (const p of paths) expect(r.out).toContain(`  error   ${p}  [`);
    expect(r.out.match(/^ {2}error /gm)).toHaveLength(10);
    expect(r.out).toContain('write 1.2 without quotes');
    expect(r.err).toBe('');
  });

  it('exits 0 on a valid file, and still 0 with warnings (printed)', async () => {
    const ok = await cli(['validate', 't.json'], { 't.json': TINY });
    expect(ok).toMatchObject({ code: 0, out: 't.json: valid\n', err: '' });
    const warn = await cli(['validate', 'w.json'], { 'w.json': fixture('v1/warnings/rack-power-exceeded.json') });
    expect(warn.code).toBe(0);
    expect(warn.out).toContain('w.json: valid (1 warning)');
    expect(warn.out).toContain('  warning racks[0]  [rack-power-exceeded]');
  });

  it('exits 1 on files that are not JSON, not topologies, or too new', async () => {
    for (const f of ['not-json.json', 'bad-envelope-format.json', 'version-too-new.json']) {
      const r = await cli(['validate', f], { [f]: fixture(`v1/invalid/${f}`) });
      expect(r.code).toBe(1);
      expect(r.out).toContain(`${f}: invalid (1 error)`);
    }
  });

  it('--json: one stable report per file', async () => {
    const r = await cli(['validate', '--json', 'ten.json', 't.json'], { 'ten.json': TEN, 't.json': TINY });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.files).toHaveLength(2);
    expect(report.files[0]).toMatchObject({ file: 'ten.json', valid: false, error: 'invalid', errors: 10, warnings: 0 });
    expect(report.files[0].problems[0]).toEqual({
      path: 'racks[1].xM', code: 'wrong-type', severity: 'error',
      message: '"xM" must be a number, not the text "1.2": write 1.2 without quotes',
    });
    expect(report.files[1]).toEqual({ file: 't.json', valid: true, fromVersion: 1, errors: 0, warnings: 0, problems: [] });
  });

  it('exits 2 on an unreadable file, with a one-line reason and no stack trace', async () => {
    const r = await cli(['validate', 't.json', 'missing.json'], { 't.json': TINY });
    expect(r.code).toBe(2);
    expect(r.err).toBe('lightfabric validate: cannot read missing.json: no such file\n');
    noStack(r.err);
    const json = await cli(['validate', '--json', 'missing.json']);
    expect(JSON.parse(json.out).files[0]).toMatchObject({ file: 'missing.json', valid: false, error: 'unreadable' });
  });

  it('exits 2 on bad usage', async () => {
    const r = await cli(['validate']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^lightfabric validate: missing FILE/);
    expect(r.err).toContain('Usage: lightfabric validate FILE...');
    expect((await cli(['validate', '--strict', 'x'])).code).toBe(2);
  });
});

/** A leaf-spine of L QM9700 leaves, S QM9700 spines, H H100 hosts per leaf (one 400G NIC link each, 10 m DR4),
 *  every leaf linked once to every spine (400G, 30 m DR4). */
function leafSpine(L: number, S: number, H: number): FabricDocument {
  const nodes: FabricNode[] = [];
  const links: FabricLink[] = [];
  for (let s = 0; s < S; s++) nodes.push({ id: `s${s}`, kind: 'switch', model: 'nvidia-qm9700' });
  for (let l = 0; l < L; l++) {
    nodes.push({ id: `l${l}`, kind: 'switch', model: 'nvidia-qm9700' });
    for (let h = 0; h < H; h++) {
      nodes.push({ id: `h${l}-${h}`, kind: 'accelerator', model: 'nvidia-h100-sxm' });
      links.push({ id: `n${l}-${h}`, a: `h${l}-${h}`, b: `l${l}`, gbps: 400, lengthM: 10, medium: 'smf', transceiver: 'osfp-400g-dr4' });
    }
    for (let s = 0; s < S; s++) {
      links.push({ id: `u${l}-${s}`, a: `l${l}`, b: `s${s}`, gbps: 400, lengthM: 30, medium: 'smf', transceiver: 'osfp-400g-dr4' });
    }
  }
  return { name: `leaf-spine ${L}x${S}x${H}`, sites: [], racks: [], nodes, links };
}

describe('inspect', () => {
  it('summarises the tiny fabric (values worked out by hand)', async () => {
    const r = await cli(['inspect', 't.json'], { 't.json': TINY });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Nodes  8: 2 accelerator, 3 switch, 1 ocs, 1 patch-panel, 1 gateway');
    expect(r.out).toContain('Links  7: 4 smf, 1 mmf, 2 scale-up; 9,200 Gbps in all; 2 links through OCS / patch panels');
    // 12 + 8 + 35 + 40 + 9,800 m of fibre; the two NVLink bundles are 0.5 m each.
    expect(r.out).toContain('Cable  fibre 9,895 m, copper 0 m, scale-up 1 m');
    // leaf0: n0 + n1 + u0 + u1 = 4 of 64 ports; spine0: u0 + u1 + wan0 = 3 of 64.
    expect(r.out).toMatch(/nvidia-qm9700 +switch +2 +64 +3 \(4\.7%\) +3\.5 \(5\.5%\) +4 \(6\.3%\)/);
    // NVSwitch: 2 bundles of 3,600 Gbps on 200 Gbps ports = 36 of 64.
    expect(r.out).toMatch(/nvidia-nvswitch-gen3 +switch +1 +64 +36 \(56\.3%\)/);
    // Each circuit through the OCS takes 2 of its 136 ports.
    expect(r.out).toMatch(/ocs-mems-136 +ocs +1 +136 +2 \(1\.5%\)/);
    expect(r.out).toContain('Devices with more than 90% of a port pool in use: 4');
  });

  it('--json has the stable FabricSummary shape', async () => {
    const r = await cli(['inspect', '--json', 't.json'], { 't.json': TINY });
    const s = JSON.parse(r.out) as FabricSummary & { file: string };
    expect(s.file).toBe('t.json');
    expect(s.sites).toEqual({ total: 2, byKind: { datacenter: 1, campus: 1, institute: 0 } });
    expect(s.racks).toEqual({ total: 2, byCooling: { air: 2, liquid: 0 }, powerLimitKw: 80 });
    expect(s.nodes.byKind).toEqual({ accelerator: 2, switch: 3, ocs: 1, 'patch-panel': 1, gateway: 1 });
    expect(s.links).toMatchObject({
      total: 7, byMedium: { smf: 4, mmf: 1, copper: 0, 'scale-up': 2 }, totalGbps: 9200,
      fibreLengthM: 9895, copperLengthM: 0, scaleUpLengthM: 1, throughPassive: 2,
    });
    expect(s.links.byTransceiver[0]).toEqual({ transceiver: null, count: 2 });
    expect(s.ports.find((p) => p.model === 'nvidia-qm9700')).toEqual({
      model: 'nvidia-qm9700', kind: 'switch', pool: 'switch', devices: 2, portsPerDevice: 64,
      usedMin: 3, usedMean: 3.5, usedMax: 4, utilisationMin: 3 / 64, utilisationMean: 3.5 / 64, utilisationMax: 4 / 64,
    });
    expect(s.busyDevices.map((b) => `${b.id} ${b.pool} ${b.used}/${b.ports}`))
      .toEqual(['g0 nic 1/1', 'g0 scale-up 18/18', 'g1 nic 1/1', 'g1 scale-up 18/18']);
  });

  it.each([[2, 1, 4], [4, 2, 30], [8, 4, 58], [3, 7, 57]])('leaf-spine L=%i S=%i H=%i: counts, lengths and ports by formula', async (L, S, H) => {
    const r = await cli(['inspect', '--json', 'f.json'], { 'f.json': serializeTopology(leafSpine(L, S, H)) });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as FabricSummary;
    expect(s.nodes.byKind).toMatchObject({ accelerator: L * H, switch: L + S });
    expect(s.links.total).toBe(L * H + L * S);
    expect(s.links.fibreLengthM).toBe(10 * L * H + 30 * L * S);
    expect(s.links.totalGbps).toBe(400 * (L * H + L * S));
    const qm = s.ports.find((p) => p.model === 'nvidia-qm9700')!;
    // Leaves use H + S ports, spines L: min / max over the L + S switches.
    expect(qm.devices).toBe(L + S);
    expect(qm.usedMin).toBe(Math.min(H + S, L));
    expect(qm.usedMax).toBe(Math.max(H + S, L));
    expect(qm.usedMean).toBeCloseTo((L * (H + S) + S * L) / (L + S), 12);
    // Every H100 has its one NIC port in use (100 %); leaves are busy when (H + S) / 64 > 0.9.
    const busyLeaves = (H + S) / 64 > 0.9 ? L : 0;
    expect(s.busyDevices).toHaveLength(L * H + busyLeaves);
  });

  it('shows the first 20 busy devices in text and all of them with --all', async () => {
    const files = { 'f.json': serializeTopology(leafSpine(2, 1, 30)) };
    const short = await cli(['inspect', 'f.json'], files);
    expect(short.out).toContain('Devices with more than 90% of a port pool in use: 60');
    expect(short.out).toContain('... and 40 more (--all or --json lists them)');
    const all = await cli(['inspect', '--all', 'f.json'], files);
    expect(all.out).not.toContain('more (--all');
    expect(all.out.match(/nvidia-h100-sxm +nic +1 \/ 1 +100%/g)).toHaveLength(60);
  });

  it('an invalid file: problems on stderr, exit 1; unreadable: exit 2', async () => {
    const bad = await cli(['inspect', 'ten.json'], { 'ten.json': TEN });
    expect(bad.code).toBe(1);
    expect(bad.out).toBe('');
    expect(bad.err).toContain('ten.json: invalid (10 errors)');
    expect(bad.err).toContain('lightfabric inspect: ten.json is not a valid topology: fix the problems above');
    const json = await cli(['inspect', '--json', 'ten.json'], { 'ten.json': TEN });
    expect(JSON.parse(json.out)).toMatchObject({ valid: false, errors: 10 });
    expect((await cli(['inspect', 'nope.json'])).code).toBe(2);
  });
});

describe('catalog', () => {
  it('lists every model with every value, its flag and source', async () => {
    const r = await cli(['catalog']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Flags: P vendor or standard document/);
    for (const e of BUILTIN_ENTRIES) expect(r.out).toContain(`${e.kind}  ${e.id}  ${e.name}`);
    expect(r.out).toMatch(/ {4}latencyNs +200 +C\* +sources disagree: ~100-330 ns; midpoint taken/);
  });

  it('--json values are the catalog values, with source and estimate flag', async () => {
    const r = await cli(['catalog', '--json', '--kind', 'transceiver']);
    const { models } = JSON.parse(r.out);
    expect(models.map((m: { id: string }) => m.id)).toEqual(DEFAULT_CATALOG.entries('transceiver').map((e) => e.id));
    for (const m of models) {
      const entry = DEFAULT_CATALOG.get(m.id) as unknown as Record<string, unknown>;
      for (const [field, v] of Object.entries(m.values as Record<string, { value: unknown }>)) expect(v.value).toEqual(entry[field]);
    }
    const dr4 = models.find((m: { id: string }) => m.id === 'osfp-400g-dr4');
    expect(dr4.values.reachM).toEqual({ value: 100, flag: 'P', source: 'docs.nvidia.com: 100 m', estimate: false });
    expect(dr4.values.priceUsd).toMatchObject({ value: 700, flag: 'E', estimate: true });
    expect(dr4.values.formFactor).toEqual({ value: 'OSFP', flag: null, source: null, estimate: null });
  });

  it('shows one model, or a constant table', async () => {
    const one = JSON.parse((await cli(['catalog', '--json', 'nvidia-h100-sxm'])).out);
    expect(one.models).toHaveLength(1);
    expect(one.models[0].values.nicGbps.value).toBe(400);
    const fibre = JSON.parse((await cli(['catalog', '--json', 'fibre'])).out);
    expect(fibre.models[0].values.fibreNsPerM).toMatchObject({ value: FIBRE.fibreNsPerM, flag: 'S' });
  });

  it('an unknown kind or id exits 2 and says what exists', async () => {
    const kind = await cli(['catalog', '--kind', 'router']);
    expect(kind.code).toBe(2);
    expect(kind.err).toContain('unknown kind "router": use one of accelerator, switch, gateway, transceiver, ocs, patch-panel');
    const id = await cli(['catalog', 'nvidia-h100']);
    expect(id.code).toBe(2);
    expect(id.err).toContain('no catalog model "nvidia-h100": did you mean nvidia-h100-sxm');
    const wrongKind = await cli(['catalog', '--kind', 'switch', 'nvidia-h100-sxm']);
    expect(wrongKind.code).toBe(2);
  });
});

describe('schema', () => {
  it('prints the JSON Schema, or writes it with -o', async () => {
    const r = await cli(['schema']);
    expect(r).toMatchObject({ code: 0, out: topologyJsonSchemaText() });
    const w = await cli(['schema', '-o', 'out.json']);
    expect(w.code).toBe(0);
    expect(w.io.files.get('out.json')).toBe(topologyJsonSchemaText());
  });
});

describe('help and dispatch', () => {
  it('help, --help and -h list the commands; exit 0', async () => {
    for (const argv of [['help'], ['--help'], ['-h']]) {
      const r = await cli(argv);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/Commands:\n {2}catalog +list hardware models/);
      for (const c of ['catalog', 'inspect', 'schema', 'validate']) expect(r.out).toContain(`  ${c} `);
    }
  });

  it('<command> --help and help <command> print the command usage; exit 0', async () => {
    for (const argv of [['validate', '--help'], ['help', 'validate'], ['validate', 'x.json', '-h']]) {
      const r = await cli(argv);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Usage: lightfabric validate FILE\.\.\. \[--json\]/);
      expect(r.out).toContain('Exit codes: 0 all files valid');
    }
  });

  it('no command or an unknown one: exit 2 with the list (and a hint)', async () => {
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('Commands:');
    const typo = await cli(['valdate', 'x']);
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/^lightfabric: unknown command "valdate" \(did you mean validate(, evaluate)?\?\)/);
    expect((await cli(['help', 'nope'])).code).toBe(2);
  });

  it('a failure that is not the user\'s is one line and exit 70, no stack trace', async () => {
    const io = memoryIo({ 't.json': TINY });
    io.stdout = () => { throw new Error('EIO: i/o error, write'); };
    const code = await runCli(['validate', 't.json'], io);
    expect(code).toBe(70);
    expect(io.err).toMatch(/^lightfabric validate: internal error: Error: EIO: i\/o error, write\n/);
    noStack(io.err);
  });
});
