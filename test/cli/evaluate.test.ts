// `evaluate` in-process: report shape the issue names, assertions as CI checks, recipes, and bad input.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAssertions, valueAt } from '../../src/cli/commands/evaluate.js';
import { fixture } from '../support/fixtures.js';
import { cli } from '../support/memory-io.js';

const EXAMPLE = readFileSync(new URL('../../topologies/small-two-servers.json', import.meta.url), 'utf8');
const FAT_TREE_K4 = JSON.stringify({ format: 'lightfabric/recipe', version: 1, name: 'k4', family: 'fat-tree', params: { k: 4 } });

describe('evaluate', () => {
  it('--json has the fields scripts rely on', async () => {
    const r = await cli(['evaluate', '--json', '--lp', 'off', 'x.json'], { 'x.json': EXAMPLE });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.counts).toMatchObject({ accelerators: 16, switches: 4, ocs: 1, links: 36 });
    for (const path of ['hops.diameter', 'hops.mean', 'latencyNs.min', 'latencyNs.mean', 'latencyNs.p99', 'latencyNs.max',
      'bisection.lowerGbps', 'bisection.upperGbps', 'throughput.allToAll.ecmp.lambdaGbps',
      'throughput.allToAll.upperBound.lambdaGbps', 'cost.capexUsd', 'power.itW']) {
      expect(typeof valueAt(report, path), path).toBe('number');
    }
    expect(typeof report.bisection.exact).toBe('boolean');
    expect(Array.isArray(report.optics.violations)).toBe(true);
    expect(report.resilience).toBeDefined();
    // --lp off: the optimum is absent, with a note saying why
    expect(report.throughput.allToAll.optimal).toBeUndefined();
  });

  it('evaluates a recipe: k=4 fat-tree gives the closed forms (diameter 6, mean 82/15, bisection 8 x 400 Gbps)', async () => {
    const r = await cli(['evaluate', '--json', '--only', 'hops,bisection,throughput', 'k4.json'], { 'k4.json': FAT_TREE_K4 });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.hops.diameter).toBe(6);
    expect(report.hops.mean).toBeCloseTo(82 / 15, 12);
    expect(report.bisection).toMatchObject({ lowerGbps: 3200, upperGbps: 3200, exact: true });
    expect(report.throughput.allToAll.ecmp.lambdaGbps).toBeCloseTo(400 / 15, 9);
    expect(report.latencyNs).toBeUndefined();
  });

  it('--years, --operating-rate and --utilisation reach the ownership figures; out-of-range values exit 2', async () => {
    const r = await cli(['evaluate', '--json', '--only', 'cost,power', '--years', '4', '--operating-rate', '0.5', '--utilisation', '0.8', 'x.json'], { 'x.json': EXAMPLE });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.power.utilisation).toBe(0.8);
    expect(report.tco.years).toBe(4);
    expect(report.tco.totalKrw).toBeCloseTo(report.cost.capexKrw + report.power.facility.buildCostKrw + 4 * report.power.annualEnergyCostKrw, 3);
    // 16 accelerators x 4 years x 8,760 h x 0.5 used.
    expect(report.tco.atOperatingRate.krwPerUsedAcceleratorHour).toBeCloseTo(report.tco.totalKrw / (16 * 4 * 8760 * 0.5), 6);
    for (const bad of [['--operating-rate', '1.5'], ['--operating-rate', '0'], ['--utilisation', '2'], ['--years', '0'], ['--years', 'ten']]) {
      const b = await cli(['evaluate', ...bad, 'x.json'], { 'x.json': EXAMPLE });
      expect(b.code, bad.join(' ')).toBe(2);
      expect(b.err).toContain(bad[0]);
    }
  });

  it('--latency-sources: a sample of N sources, or all (exact); fewer than 2 exits 2', async () => {
    const k4 = await cli(['evaluate', '--json', '--only', 'latency', '--latency-sources', '4', 'k4.json'], { 'k4.json': FAT_TREE_K4 });
    // 16 hosts in 8 twin classes (two per edge switch): 4 sources are a sample.
    expect(JSON.parse(k4.out).latencyNs).toMatchObject({ exact: false, sampledSources: 4 });
    const all = await cli(['evaluate', '--json', '--only', 'latency', '--latency-sources', 'all', 'k4.json'], { 'k4.json': FAT_TREE_K4 });
    expect(JSON.parse(all.out).latencyNs).toMatchObject({ exact: true, meanStdErrorNs: null });
    const bad = await cli(['evaluate', '--latency-sources', '1', 'k4.json'], { 'k4.json': FAT_TREE_K4 });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--latency-sources');
  });

  it('text output names every metric with units', async () => {
    const r = await cli(['evaluate', '--lp', 'off', 'x.json'], { 'x.json': EXAMPLE });
    expect(r.code).toBe(0);
    for (const label of ['Hops', 'Latency', 'Bisection', 'All-to-all', 'Resilience', 'Optics', 'Capex', 'Power', 'Collectives']) {
      expect(r.out).toContain(label);
    }
    expect(r.out).toMatch(/KRW/);
    expect(r.out).toMatch(/ ns/);
  });

  it('--assert: exit 0 when every check holds, 1 when one fails, each printed', async () => {
    const ok = await cli(['evaluate', '--only', 'hops', 'x.json', '--assert', 'hops.diameter<=3; hops.mean>2'], { 'x.json': EXAMPLE });
    expect(ok.code).toBe(0);
    expect(ok.err).toContain('pass  hops.diameter<=3  (actual: 3)');
    const bad = await cli(['evaluate', '--only', 'hops', 'x.json', '--assert', 'hops.diameter<3'], { 'x.json': EXAMPLE });
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('FAIL  hops.diameter<3  (actual: 3)');
    const missing = await cli(['evaluate', '--only', 'hops', 'x.json', '--assert', 'cost.capexUsd<1'], { 'x.json': EXAMPLE });
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('actual: absent');
  });

  it('an invalid file: every problem with its path, exit 1, nothing evaluated', async () => {
    const r = await cli(['evaluate', 'ten.json'], { 'ten.json': fixture('v1/ten-mistakes.json') });
    expect(r.code).toBe(1);
    expect(r.err).toContain('invalid (10 errors)');
    expect(r.out).toBe('');
  });

  it('bad usage exits 2 with a message', async () => {
    for (const args of [['evaluate'], ['evaluate', 'x.json', '--only', 'hopz'], ['evaluate', 'x.json', '--lp', 'maybe'],
      ['evaluate', 'x.json', '--seed', '-1'], ['evaluate', 'x.json', '--assert', 'hops.diameter ~ 3'], ['evaluate', 'missing.json']]) {
      const r = await cli(args, { 'x.json': EXAMPLE });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.length).toBeGreaterThan(0);
    }
  });

  it('parses assertions and reads paths with indices', () => {
    expect(parseAssertions('a.b<=1; c[2]==3')).toEqual([
      { text: 'a.b<=1', path: 'a.b', op: '<=', value: 1 },
      { text: 'c[2]==3', path: 'c[2]', op: '==', value: 3 },
    ]);
    expect(valueAt({ h: { x: [5, 6, 7] } }, 'h.x[2]')).toBe(7);
    expect(valueAt({ h: { x: [5, 6, 7] } }, 'h.x.length')).toBe(3);
    expect(valueAt({}, 'a.b.c')).toBeUndefined();
  });
});
