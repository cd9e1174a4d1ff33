// The browser app in real Chromium: built with Vite, served by `vite preview`, driven by playwright-core. The
// example opens with its counts, the worker's figures equal evaluateFabric's in Node, a broken file leaves the
// open design alone, a valid file or recipe replaces it, and Export downloads serializeTopology's bytes. Last,
// the dev server that `npm start` runs shows the same page.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeTopology } from '../../src/format/index.js';
import { generateNationalCenter, loadTopologyOrRecipe } from '../../src/generators/index.js';
import { evaluateFabric, type FabricReport } from '../../src/metrics/evaluate.js';
import type { FabricDocument } from '../../src/model/types.js';
import { compareReports, comparisonCsv } from '../../src/compare/index.js';
import { applyEdit, proposeLink, type Edit } from '../../src/edit/index.js';
import { createCatalog } from '../../src/catalog/index.js';
import { metricRows } from '../../web/views/metric-rows.js';
import { researchRows } from '../../web/views/research-rows.js';
import { CHROMIUM, HAVE_CHROMIUM, launchChromium, type Browser } from './support/chromium.js';
import { buildAndServeApp, REPO, startDevServer, type ServedApp } from './support/serve-app.js';

const SKIP_REASON = `skipped: ${CHROMIUM} is missing (install it with: apt-get install -y chromium; .ci/run does)`;
if (!HAVE_CHROMIUM) console.warn(`browser app tests ${SKIP_REASON}`);

/** Set LIGHTFABRIC_SCREENSHOTS=/some/dir to keep a screenshot of each step (never written into the repo). */
const SHOTS = process.env.LIGHTFABRIC_SCREENSHOTS;
const EVALUATED = '#evaluation-status[data-status="done"]';
const FK4_RECIPE = JSON.stringify({ format: 'lightfabric/recipe', version: 1, name: 'k=4 fat-tree', family: 'fat-tree', params: { k: 4 } });

function loaded(text: string): FabricDocument {
  const r = loadTopologyOrRecipe(text);
  if (!r.ok) throw new Error(`test input does not load: ${JSON.stringify(r.problems)}`);
  return r.doc;
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

interface ShownRow { key: string; value: string; text: string; unit: string; note: string }

function readMetricTable(page: Page): Promise<ShownRow[]> {
  return page.$$eval('#metrics-table tr[data-metric]', (trs) => trs.map((tr) => {
    const cell = (sel: string) => tr.querySelector(sel)?.textContent ?? '';
    return {
      key: (tr as HTMLElement).dataset.metric ?? '', value: (tr.querySelector('.value') as HTMLElement).dataset.value ?? '',
      text: cell('.value'), unit: cell('.unit'), note: cell('.note'),
    };
  }));
}

/** What the page should show for a report: the same rows, raw values written as String(value). */
function expectedTable(report: FabricReport): ShownRow[] {
  return metricRows(report).map((r) => ({ key: r.key, value: r.value === null ? 'null' : String(r.value), text: r.text, unit: r.unit, note: r.note }));
}

async function countOf(page: Page, selector: string): Promise<number> {
  return Number(await page.getAttribute(selector, 'data-value'));
}

/** The document a sequence of edits gives in Node (each must be accepted). */
function edited(doc: FabricDocument, ...edits: Edit[]): FabricDocument {
  return edits.reduce((d, e) => {
    const r = applyEdit(d, e);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.doc;
  }, doc);
}

/** A real mouse click on a point of an SVG path's line (its box's centre may be off the line). */
async function clickLine(page: Page, selector: string): Promise<void> {
  const at = await page.$eval(selector, (el) => {
    const path = el as SVGPathElement;
    const p = path.getPointAtLength(path.getTotalLength() / 4);
    const m = path.getScreenCTM()!;
    path.scrollIntoView({ block: 'center' });
    const q = new DOMPoint(p.x, p.y).matrixTransform(path.getScreenCTM() ?? m);
    return { x: q.x, y: q.y };
  });
  await page.mouse.click(at.x, at.y);
}

async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  await page.setInputFiles('#import-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function exportedText(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

describe.skipIf(!HAVE_CHROMIUM)(HAVE_CHROMIUM ? 'browser app in Chromium' : `browser app in Chromium (${SKIP_REASON})`, () => {
  let app: ServedApp;
  let browser: Browser;
  let page: Page;
  const workers: string[] = [];
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const exampleText = readFile(join(REPO, 'topologies', 'small-two-servers.json'), 'utf8');
  let example: FabricDocument;
  let exampleReport: FabricReport;

  beforeAll(async () => {
    example = loaded(await exampleText);
    // The Node reference runs while Vite builds.
    [app, exampleReport] = await Promise.all([buildAndServeApp(), evaluateFabric(example)]);
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('worker', (w) => workers.push(w.url()));
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    console.info(`vite build of the app: ${app.buildMs.toFixed(0)} ms`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens the built-in example with its name and counts', async () => {
    const t0 = performance.now();
    await page.goto(app.url);
    await expect.poll(() => page.textContent('#design-name')).toBe('Two DGX servers, two leaves and an OCS');
    console.info(`example shown ${(performance.now() - t0).toFixed(0)} ms after navigation`);
    // Counted by hand from the file: 2 servers x 8 H100, one NVLink domain each, 2 leaves, 1 OCS;
    // 16 NVLink + 16 rail (AOC, multimode) + 4 leaf-leaf circuits (single-mode, through the OCS).
    expect(await countOf(page, 'tr[data-count="accelerator"] td.num')).toBe(16);
    expect(await countOf(page, 'tr[data-count="accelerator"] [data-model="nvidia-h100-sxm"]')).toBe(16);
    expect(await countOf(page, 'tr[data-count="switch"] td.num')).toBe(4);
    expect(await countOf(page, 'tr[data-count="switch"] [data-model="nvidia-hgx-h100-nvlink"]')).toBe(2);
    expect(await countOf(page, 'tr[data-count="switch"] [data-model="nvidia-qm9700"]')).toBe(2);
    expect(await countOf(page, 'tr[data-count="ocs"] td.num')).toBe(1);
    expect(await countOf(page, 'tr[data-count="links"] td.num')).toBe(36);
    expect(await countOf(page, '[data-medium="scale-up"]')).toBe(16);
    expect(await countOf(page, '[data-medium="mmf"]')).toBe(16);
    expect(await countOf(page, '[data-medium="smf"]')).toBe(4);
    // The drawing: one shape per device, the four parallel circuits drawn as one bundle through the OCS.
    expect(await page.locator('#drawing .node').count()).toBe(21);
    expect(await page.locator('#drawing .node.kind-ocs').count()).toBe(1);
    expect(await page.locator('#drawing path[data-medium="smf"]').count()).toBe(1);
    expect(await page.locator('#drawing path[data-medium="mmf"]').count()).toBe(16);
  });

  it('evaluates in a Web Worker, and shows the figures evaluateFabric gives in Node', async () => {
    const t0 = performance.now();
    await page.waitForSelector(EVALUATED, { timeout: 60_000 });
    console.info(`example evaluated ${(performance.now() - t0).toFixed(0)} ms after it was shown; page says: ${await page.textContent('#evaluation-status')}`);
    await shot(page, '1-example');
    expect(workers.some((u) => u.includes('evaluate.worker'))).toBe(true);
    expect(requests.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(await readMetricTable(page)).toEqual(expectedTable(exampleReport));
    // A few figures by name, so a change in metricRows cannot hide a wrong value.
    const value = async (key: string) => Number(await page.getAttribute(`tr[data-metric="${key}"] .value`, 'data-value'));
    expect(await value('hops.diameter')).toBe(exampleReport.hops!.diameter);
    expect(await value('hops.mean')).toBe(544 / 240); // 176 pairs at 2 hops, 64 at 3 (rails 0-3 vs 4-7 across servers)
    expect(await value('latency.p99')).toBe(exampleReport.latencyNs!.p99);
    expect(await value('bisection.lowerGbps')).toBe(exampleReport.bisection!.lowerGbps);
    expect(await value('allToAll.optimalGbps')).toBe(exampleReport.throughput!.allToAll.optimal!.lambdaGbps);
    expect(await value('cost.capexUsd')).toBe(exampleReport.cost!.capexUsd);
    expect(await value('power.itKw')).toBe(exampleReport.power!.itW / 1000);
    expect(pageErrors).toEqual([]);
  });

  it('exports the open design as the bytes serializeTopology writes', async () => {
    const file = await exportedText(page);
    expect(file.name).toBe('two-dgx-servers-two-leaves-and-an-ocs.json');
    expect(file.text).toBe(serializeTopology(example));
  });

  it('lists the problems of a broken file with their paths, and keeps the open design', async () => {
    const revision = await page.getAttribute('#app', 'data-revision');
    const broken = [
      ['not-json.json', 'not-json'],
      ['dangling-link-end.json', 'invalid'],
      ['version-too-new.json', 'version-too-new'],
    ] as const;
    for (const [name, error] of broken) {
      const text = await readFile(join(REPO, 'test', 'fixtures', 'v1', 'invalid', name), 'utf8');
      const expected = loadTopologyOrRecipe(text);
      expect(expected.ok).toBe(false);
      if (expected.ok) return;
      expect(expected.error).toBe(error);
      await chooseFile(page, name, text);
      await expect.poll(() => page.textContent('#import-problems h2')).toContain(`Could not open ${name}`);
      const shown = await page.$$eval('#import-problems tr[data-code]', (trs) =>
        trs.map((tr) => [(tr as HTMLElement).dataset.path, (tr as HTMLElement).dataset.code, tr.lastElementChild?.textContent ?? '']));
      expect(shown).toEqual(expected.problems.map((p) => [p.path, p.code, p.severity === 'warning' ? `warning${p.message}` : p.message]));
      if (name === 'dangling-link-end.json') {
        expect(shown.map(([path]) => path)).toContain('links[2].b');
        await shot(page, '2-broken-file');
      }
      expect(await page.textContent('#design-name')).toBe(example.name);
      expect(await page.getAttribute('#app', 'data-revision')).toBe(revision);
      expect(await readMetricTable(page)).toEqual(expectedTable(exampleReport));
    }
    await page.click('#import-problems button.dismiss');
    await expect.poll(() => page.isHidden('#import-problems')).toBe(true);
    expect((await exportedText(page)).text).toBe(serializeTopology(example));
  });

  it('replaces the design with a valid file and evaluates it again', async () => {
    const text = await readFile(join(REPO, 'test', 'fixtures', 'v1', 'valid', 'tiny.json'), 'utf8');
    const tiny = loaded(text);
    const [report] = await Promise.all([evaluateFabric(tiny), chooseFile(page, 'tiny.json', text)]);
    await expect.poll(() => page.textContent('#design-name')).toBe('tiny two-GPU fabric');
    expect(await page.isHidden('#import-problems')).toBe(true);
    // By hand from the file: g0, g1; nvs0, leaf0, spine0; pp0; ocs0; gw-kaist; links nv0, nv1 scale-up, n1 multimode,
    // n0, u0, u1, wan0 single-mode.
    expect(await countOf(page, 'tr[data-count="accelerator"] td.num')).toBe(2);
    expect(await countOf(page, 'tr[data-count="switch"] td.num')).toBe(3);
    expect(await countOf(page, 'tr[data-count="ocs"] td.num')).toBe(1);
    expect(await countOf(page, 'tr[data-count="patch-panel"] td.num')).toBe(1);
    expect(await countOf(page, 'tr[data-count="gateway"] td.num')).toBe(1);
    expect(await countOf(page, '[data-medium="smf"]')).toBe(4);
    expect(await countOf(page, '[data-medium="mmf"]')).toBe(1);
    expect(await countOf(page, '[data-medium="scale-up"]')).toBe(2);
    await page.waitForSelector(EVALUATED, { timeout: 60_000 });
    expect(await page.getAttribute('#app', 'data-revision')).toBe('2');
    expect(await readMetricTable(page)).toEqual(expectedTable(report));
    await shot(page, '3-tiny');
    const file = await exportedText(page);
    expect(file.name).toBe('tiny-two-gpu-fabric.json');
    expect(file.text).toBe(serializeTopology(tiny));
  });

  it('opens a recipe: the fabric is generated and its figures match the closed forms', async () => {
    await chooseFile(page, 'fat-tree-k4.recipe.json', FK4_RECIPE);
    await expect.poll(() => page.textContent('#design-name')).toBe('k=4 fat-tree');
    // k-ary fat-tree, k = 4: k^3/4 = 16 hosts, 5k^2/4 = 20 switches, 3 k^3/4 = 48 links.
    expect(await countOf(page, 'tr[data-count="accelerator"] td.num')).toBe(16);
    expect(await countOf(page, 'tr[data-count="switch"] td.num')).toBe(20);
    expect(await countOf(page, 'tr[data-count="links"] td.num')).toBe(48);
    await page.waitForSelector(EVALUATED, { timeout: 60_000 });
    await shot(page, '4-fat-tree-k4');
    const value = async (key: string) => Number(await page.getAttribute(`tr[data-metric="${key}"] .value`, 'data-value'));
    // Full bisection: 16/2 hosts x 400 Gbps; all-to-all theta = host link, lambda = 400/(16-1) (metrics-reference).
    expect(await value('bisection.lowerGbps')).toBe(3200);
    expect(await value('bisection.upperGbps')).toBe(3200);
    expect(await value('allToAll.ecmpGbps')).toBeCloseTo(400 / 15, 12);
    expect(await value('allToAll.optimalGbps')).toBeCloseTo(400 / 15, 9);
    // 16 ordered pairs at 2 hops (same edge switch), 32 at 4 (same pod), 192 at 6.
    expect(await value('hops.diameter')).toBe(6);
    expect(await value('hops.mean')).toBeCloseTo((16 * 2 + 32 * 4 + 192 * 6) / 240, 12);
    const file = await exportedText(page);
    expect(file.text).toBe(serializeTopology(loaded(FK4_RECIPE)));
    expect(pageErrors).toEqual([]);
  });

  it('generates a fabric from the form in a worker; a bad parameter is refused with its path, the designs stay', async () => {
    const tabsBefore = await page.$$eval('#workspace .tab[data-revision]', (els) => els.length);
    await page.click('#generate-open');
    await page.waitForSelector('#generate-form');
    await page.selectOption('#gen-family', 'fat-tree');
    await page.fill('#gen-fat-tree-k', '5');
    await shot(page, '5-generate-form');
    await page.click('#gen-submit');
    await page.waitForSelector('#import-problems:not([hidden]) tr[data-path="params.k"]');
    expect(await page.textContent('#import-problems tr[data-path="params.k"]')).toMatch(/even/);
    expect(await page.$$eval('#workspace .tab[data-revision]', (els) => els.length)).toBe(tabsBefore);
    expect(await page.textContent('#design-name')).toBe('k=4 fat-tree');
    expect(await page.isVisible('#generate-form')).toBe(true);
    await shot(page, '6-generate-refused');
    await page.fill('#gen-fat-tree-k', '4');
    await page.click('#gen-submit');
    await expect.poll(() => page.textContent('#design-name')).toBe('fat-tree k=4');
    expect(await page.isHidden('#generate-panel')).toBe(true);
    expect(await page.isHidden('#import-problems')).toBe(true);
    expect(await countOf(page, 'tr[data-count="accelerator"] td.num')).toBe(16);
    expect(await page.$$eval('#workspace .tab[data-revision]', (els) => els.length)).toBe(tabsBefore + 1);
    await page.waitForSelector(EVALUATED, { timeout: 60_000 });
    expect(workers.some((u) => /load/.test(u))).toBe(true);
  });

  it('compares every open design side by side: the figures compareReports gives in Node, best marked, any baseline', async () => {
    const tiny = loaded(await readFile(join(REPO, 'test', 'fixtures', 'v1', 'valid', 'tiny.json'), 'utf8'));
    const fk4 = loaded(FK4_RECIPE);
    const [tinyReport, fk4Report] = await Promise.all([evaluateFabric(tiny), evaluateFabric(fk4)]);
    const names = [example.name, tiny.name, fk4.name, 'fat-tree k=4'];
    const reports = [exampleReport, tinyReport, fk4Report, fk4Report];
    await page.click('#compare-tab');
    await page.waitForSelector('#compare-table');
    await expect.poll(() => page.$('#compare-pending'), { timeout: 60_000 }).toBeNull();
    expect(await page.isHidden('#design-view')).toBe(true);
    const read = () => page.$$eval('#compare-table tbody tr[data-metric]', (trs) => trs.map((tr) => ({
      key: (tr as HTMLElement).dataset.metric!,
      values: [...tr.querySelectorAll('td.value')].map((td) => (td as HTMLElement).dataset.value),
      best: [...tr.querySelectorAll('td.value')].flatMap((td, i) => (td.classList.contains('best') ? [i] : [])),
      relative: [...tr.querySelectorAll('td.value')].map((td) => td.querySelector('.relative')?.textContent?.trim() ?? null),
    })));
    const expected = (baseline: number) => compareReports(names.map((name, i) => ({ name, report: reports[i] })), { baseline });
    const check = async (baseline: number) => {
      const shown = await read();
      const cmp = expected(baseline);
      expect(shown.map((r) => r.key)).toEqual(cmp.rows.map((r) => r.key));
      for (const [i, row] of cmp.rows.entries()) {
        expect(shown[i].values, row.key).toEqual(row.values.map((v) => (v === null ? 'null' : String(v))));
        expect(shown[i].best, row.key).toEqual(row.best);
        expect(shown[i].relative[baseline], row.key).toBeNull();
      }
    };
    expect(await page.$$eval('#compare-table thead th.design-col', (ths) => ths.map((t) => t.querySelector('button')!.textContent))).toEqual(names);
    await check(0);
    // Hand-checked: 16, 2, 16, 16 accelerators; the fat-trees' bisection is 8 x 400 Gbps.
    expect((await read()).find((r) => r.key === 'counts.accelerators')!.values).toEqual(['16', '2', '16', '16']);
    expect((await read()).find((r) => r.key === 'bisection.lowerGbps')!.values.slice(2)).toEqual(['3200', '3200']);
    expect(await page.$$eval('#compare-chart svg.compare-panel', (s) => s.length)).toBeGreaterThanOrEqual(3);
    await shot(page, '7-compare');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#compare-csv')]);
    expect(csv.suggestedFilename()).toBe('lightfabric-comparison.csv');
    expect(await readFile(await csv.path(), 'utf8')).toBe(comparisonCsv(expected(0)));
    const revisions = await page.$$eval('#compare-table thead th.design-col', (ths) => ths.map((t) => (t as HTMLElement).dataset.revision!));
    await page.check(`#baseline-${revisions[2]}`);
    await expect.poll(async () => (await read())[0].relative[2]).toBeNull();
    await check(2);
    // Closing a design takes its column away; its name links back to the design view.
    await page.click(`#workspace .tab-wrap:has(.tab[data-revision="${revisions[1]}"]) .tab-close`);
    await expect.poll(() => page.$$eval('#compare-table thead th.design-col', (ths) => ths.length)).toBe(3);
    await page.click(`#compare-table thead th.design-col[data-revision="${revisions[0]}"] button`);
    await expect.poll(() => page.isVisible('#design-view')).toBe(true);
    expect(await page.textContent('#design-name')).toBe(example.name);
    expect(pageErrors).toEqual([]);
  });

  it('edits the example on its drawing: a refused edit changes nothing, an accepted one is evaluated again, undo and redo', async () => {
    await page.click('#workspace .tab[data-revision="1"]');
    await expect.poll(() => page.textContent('#design-name')).toBe(example.name);
    await page.waitForSelector(EVALUATED, { timeout: 60_000 });

    // The four circuits between the leaves are one bundle on the drawing.
    await clickLine(page, '#drawing path.hit[data-links~="leaf-link0"]');
    await expect.poll(() => page.textContent('#inspector-title')).toBe('4 parallel links');
    const form = '#inspector form[data-link="leaf-link0"]';
    // 5 km is past the FR4 optic's 2 km: refused, with the link's path; nothing changes.
    await page.fill(`${form} input[name$="-length"]`, '5000');
    await page.click(`${form} button[type="submit"]`);
    await page.waitForSelector('#import-problems:not([hidden])');
    const i = example.links.findIndex((l) => l.id === 'leaf-link0');
    expect(await page.$$eval('#import-problems tr[data-path]', (trs) => trs.map((t) => (t as HTMLElement).dataset.path))).toContain(`links[${i}].lengthM`);
    expect(await page.textContent('#import-problems h2')).toMatch(/^Not applied/);
    expect(await page.isDisabled('#undo')).toBe(true);
    expect(await page.getAttribute('#evaluation-status', 'data-status')).toBe('done');
    await shot(page, '8-edit-refused');

    // 10 m is fine: the design changes, is evaluated again, and exports exactly what applyEdit gives in Node.
    await page.fill(`${form} input[name$="-length"]`, '10');
    await page.click(`${form} button[type="submit"]`);
    await expect.poll(() => page.textContent('#last-edit')).toBe('Last: changed lengthM of link leaf-link0');
    expect(await page.isHidden('#import-problems')).toBe(true);
    const afterLength = edited(example, { op: 'update-link', id: 'leaf-link0', set: { gbps: 400, lengthM: 10, medium: 'smf', transceiver: 'qsfp-400g-fr4' } });
    expect((await exportedText(page)).text).toBe(serializeTopology(afterLength));

    // Delete the OCS: its four circuits go with it; the figures are evaluateFabric's for the edited design.
    await page.click('#drawing [data-node="ocs-0"]');
    await expect.poll(() => page.textContent('#inspector-title')).toBe('Device ocs-0');
    await page.click('#ins-delete');
    await expect.poll(() => page.textContent('#last-edit')).toBe('Last: removed ocs-0 and its 4 links');
    const afterDelete = edited(afterLength, { op: 'remove-node', id: 'ocs-0' });
    expect(await countOf(page, 'tr[data-count="links"] td.num')).toBe(32);
    await page.waitForSelector(EVALUATED, { timeout: 60_000 });
    expect(await readMetricTable(page)).toEqual(expectedTable(await evaluateFabric(afterDelete)));
    // The leaves still reach each other through the servers' NVLink domains (rails 0-3 of both servers on leaf 0,
    // 4-7 on leaf 1), so server A against server B still cuts 8 rails: 8 x 400 = 3,200 Gbps.
    expect(Number(await page.getAttribute('tr[data-metric="bisection.upperGbps"] .value', 'data-value'))).toBe(3200);
    await shot(page, '9-edited');

    // Undo twice (button, then Ctrl+Z) gives the example back; redo re-applies the length change.
    await page.click('#undo');
    await expect.poll(() => countOf(page, 'tr[data-count="links"] td.num')).toBe(36);
    await page.click('#drawing-heading');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.textContent('#last-edit')).toMatch(/^Last: undid: changed/);
    expect((await exportedText(page)).text).toBe(serializeTopology(example));
    await page.click('#redo');
    await expect.poll(() => page.textContent('#last-edit')).toMatch(/^Last: redid: changed/);
    expect((await exportedText(page)).text).toBe(serializeTopology(afterLength));

    // A new switch in the network rack, then linked to leaf 0 by a 3 m AOC: both are evaluated like any design.
    await page.click('#drawing svg', { position: { x: 5, y: 5 } });
    await page.waitForSelector('#add-device-form');
    await page.selectOption('#ins-add-kind', 'switch');
    await page.selectOption('#ins-add-model', 'nvidia-qm9700');
    await page.selectOption('#ins-add-rack', 'rack-net');
    await page.click('#ins-add-device');
    await expect.poll(() => page.textContent('#inspector-title')).toBe('Device sw-1');
    expect(await countOf(page, 'tr[data-count="switch"] td.num')).toBe(5);
    await page.selectOption('#ins-to', 'leaf-0');
    await page.fill('#ins-new-gbps', '400');
    await page.fill('#ins-new-length', '3');
    await page.selectOption('#ins-new-medium', 'mmf');
    await page.selectOption('#ins-new-optic', 'aoc-400g');
    await page.click('#ins-add-link');
    await expect.poll(() => page.textContent('#last-edit')).toBe('Last: linked sw-1 and leaf-0 (sw-1-l1)');
    const grown = edited(afterLength,
      { op: 'add-node', node: { id: 'sw-1', kind: 'switch', model: 'nvidia-qm9700', rack: 'rack-net', site: 'lab' } },
      { op: 'add-link', link: { id: 'sw-1-l1', a: 'sw-1', b: 'leaf-0', gbps: 400, lengthM: 3, medium: 'mmf', transceiver: 'aoc-400g' } });
    expect((await exportedText(page)).text).toBe(serializeTopology(grown));
    await page.waitForSelector(EVALUATED, { timeout: 60_000 });
    expect(await readMetricTable(page)).toEqual(expectedTable(await evaluateFabric(grown)));
    expect(pageErrors).toEqual([]);
  });

  it('draws a link by dragging from one device to another: laid out like the generators do, then editable', async () => {
    await page.click('#workspace .tab[data-revision="1"]');
    const before = loaded((await exportedText(page)).text);
    const centre = async (id: string) => {
      const box = (await page.locator(`#drawing [data-node="${id}"] path`).first().boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    await page.locator('#drawing [data-node="leaf-1"]').scrollIntoViewIfNeeded();
    const from = await centre('leaf-1');
    const to = await centre('sw-1');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
    await page.mouse.move(to.x, to.y, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => page.textContent('#inspector-title')).toBe('Link leaf-1-l1');
    const link = proposeLink(before, 'leaf-1', 'sw-1', createCatalog(before.catalogOverrides));
    expect((await exportedText(page)).text).toBe(serializeTopology(edited(before, { op: 'add-link', link })));
    await page.waitForSelector(EVALUATED, { timeout: 60_000 });
    // Delete removes the selected link (focus on the page, not in a field); Escape lets go of a selection.
    await page.click('#drawing-heading');
    await page.keyboard.press('Delete');
    await expect.poll(() => page.textContent('#last-edit')).toBe('Last: removed link leaf-1-l1');
    expect((await exportedText(page)).text).toBe(serializeTopology(before));
    await page.click('#drawing [data-node="leaf-1"] path');
    await expect.poll(() => page.textContent('#inspector-title')).toBe('Device leaf-1');
    await page.click('#drawing-heading');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.$('#inspector-title')).toBeNull();
  });

  it('shows each research site\'s spans and latency to the centre, as researchRows gives them in Node', async () => {
    const text = await readFile(join(REPO, 'topologies', 'research-access.recipe.json'), 'utf8');
    const doc = loaded(text);
    const [report] = await Promise.all([evaluateFabric(doc), chooseFile(page, 'research-access.recipe.json', text)]);
    await expect.poll(() => page.textContent('#design-name')).toBe(doc.name);
    await page.waitForSelector(EVALUATED, { timeout: 60_000 });
    expect(await page.isVisible('#research-panel')).toBe(true);
    const shown = await page.$$eval('#research-table tbody tr', (trs) => trs.map((tr) => ({
      site: (tr as HTMLElement).dataset.site,
      values: [...tr.querySelectorAll('td[data-value]')].map((td) => (td as HTMLElement).dataset.value),
    })));
    const expected = researchRows(doc, report).map((r) => ({
      site: r.site, values: [r.spans, r.spanKm, r.gbps, r.minUs, r.meanUs, r.maxUs, r.minHops].map((v) => (v === null ? 'null' : String(v))),
    }));
    expect(shown).toEqual(expected);
    await shot(page, '10-research');
    // This drawing is wider than its panel: Fit to width scales it in, Actual size scrolls again.
    const widths = () => page.$eval('#drawing', (d) => [d.clientWidth, d.querySelector('svg')!.getBoundingClientRect().width]);
    const [panel, actual] = await widths();
    expect(actual).toBeGreaterThan(panel);
    await page.click('#drawing-fit');
    const [, fitted] = await widths();
    expect(fitted).toBeLessThanOrEqual(panel);
    expect(await page.textContent('#drawing-fit')).toBe('Actual size');
    await page.click('#drawing-fit');
    expect((await widths())[1]).toBe(actual);
    // The example has no research sites: no panel.
    await page.click('#workspace .tab[data-revision="1"]');
    await expect.poll(() => page.isHidden('#research-panel')).toBe(true);
  });

  it('assumptions: a value out of range is named and nothing changes; applied ones re-evaluate every design', async () => {
    await page.click('#workspace .tab[data-revision="1"]');
    await page.waitForSelector(EVALUATED, { timeout: 60_000 });
    await page.click('#assumptions-open');
    await page.fill('#as-pue', '0.9');
    await page.click('#assumptions-apply');
    await page.waitForSelector('#assumptions-errors li[data-field="pue"]');
    expect(await page.textContent('#assumptions-errors')).toContain('PUE must be at least 1, got "0.9"');
    expect(await page.getAttribute('#evaluation-status', 'data-status')).toBe('done');
    await page.fill('#as-pue', '1.2');
    await page.fill('#as-operatingRate', '0.5');
    await page.fill('#as-tcoYears', '4');
    await shot(page, '11-assumptions');
    await page.click('#assumptions-apply');
    await expect.poll(() => page.isHidden('#assumptions-panel')).toBe(true);
    await page.waitForSelector(EVALUATED, { timeout: 60_000 });
    const shownDoc = loaded((await exportedText(page)).text);
    const assumed = await evaluateFabric(shownDoc, { pue: 1.2, operatingRate: 0.5, tcoYears: 4 });
    expect(await readMetricTable(page)).toEqual(expectedTable(assumed));
    expect(assumed.power!.pue).toBe(1.2);

    // A quoted price for the H100: an edit saved in the design, evaluated under the same assumptions.
    const price = 'tr[data-bom="accelerator:nvidia-h100-sxm"] form';
    await page.fill(`${price} input`, '21000');
    await page.click(`${price} button`);
    await expect.poll(() => page.textContent('#last-edit')).toBe('Last: set priceUsd of nvidia-h100-sxm to 21000');
    await page.waitForSelector(EVALUATED, { timeout: 60_000 });
    expect(await page.getAttribute('tr[data-bom="accelerator:nvidia-h100-sxm"] td.unit-price', 'data-value')).toBe('21000');
    expect(await page.textContent('tr[data-bom="accelerator:nvidia-h100-sxm"] .tag')).toBe('U');
    const quoted = edited(shownDoc, { op: 'set-override', model: 'nvidia-h100-sxm', field: 'priceUsd', value: 21000 });
    expect((await exportedText(page)).text).toBe(serializeTopology(quoted));
    expect(await readMetricTable(page)).toEqual(expectedTable(await evaluateFabric(quoted, { pue: 1.2, operatingRate: 0.5, tcoYears: 4 })));
    await shot(page, '12-prices');
    // A negative price is refused with its path, the design keeps its quote.
    await page.fill(`${price} input`, '-1');
    await page.click(`${price} button`);
    await page.waitForSelector('#import-problems:not([hidden]) tr[data-path^="catalogOverrides"]');
    expect((await exportedText(page)).text).toBe(serializeTopology(quoted));
    await page.click('#import-problems .dismiss');

    // Back to the defaults for what follows.
    await page.click('#assumptions-open');
    await page.click('#assumptions-reset');
    await expect.poll(() => page.isHidden('#assumptions-panel')).toBe(true);
    await page.waitForSelector(EVALUATED, { timeout: 60_000 });
    expect(pageErrors).toEqual([]);
  });

  it('a large generated design goes to the evaluation worker as its recipe, and gives evaluateFabric\'s figures', async () => {
    // What the page posts to its workers, by message type and fields (not the payloads).
    await page.evaluate(() => {
      const w = window as unknown as { posted: string[] };
      w.posted = [];
      const orig = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
        const m = message as Record<string, unknown>;
        if (m && m.type === 'evaluate') w.posted.push(Object.keys(m).sort().join(','));
        return (orig as (...a: unknown[]) => void).call(this, message, ...rest);
      } as typeof Worker.prototype.postMessage;
    });
    await page.click('#generate-open');
    await page.selectOption('#gen-family', 'national-center');
    await page.fill('#gen-national-center-accelerators', '6000');
    await page.click('#gen-submit');
    await expect.poll(() => page.textContent('#design-name'), { timeout: 60_000 }).toMatch(/6016 accelerators/);
    await page.waitForSelector(EVALUATED, { timeout: 120_000 });
    const doc = generateNationalCenter({ accelerators: 6000 });
    expect(doc.links.length).toBeGreaterThan(20_000);
    expect(await page.evaluate(() => (window as unknown as { posted: string[] }).posted)).toContain('id,source,type');
    const report = await evaluateFabric(doc);
    expect(await readMetricTable(page)).toEqual(expectedTable(report));
    expect(await page.textContent('#drawing-heading')).toBe('Drawing');
    expect(await page.isVisible('#drawing svg')).toBe(true);
    await page.click(`#workspace .tab-wrap:has(.tab[aria-pressed="true"]) .tab-close`);
  });

  it('opens files dropped on the page, one design each; a broken one is listed and the rest open', async () => {
    const tabs = () => page.$$eval('#workspace .tab[data-revision]', (els) => els.length);
    const before = await tabs();
    const tinyText = await readFile(join(REPO, 'test', 'fixtures', 'v1', 'valid', 'tiny.json'), 'utf8');
    const drop = await page.evaluateHandle(([good, name]) => {
      const dt = new DataTransfer();
      dt.items.add(new File(['{"format": "lightfabric/topology", '], 'broken.json', { type: 'application/json' }));
      dt.items.add(new File([good], name, { type: 'application/json' }));
      return dt;
    }, [tinyText, 'tiny-dropped.json']);
    await page.dispatchEvent('main', 'drop', { dataTransfer: drop });
    await expect.poll(tabs).toBe(before + 1);
    await expect.poll(() => page.textContent('#design-name')).toBe('tiny two-GPU fabric');
    expect(await page.textContent('#import-problems h2')).toContain('broken.json');
    await page.click('#import-problems .dismiss');
    await page.click(`#workspace .tab-wrap:has(.tab[aria-pressed="true"]) .tab-close`);
    await expect.poll(tabs).toBe(before);
  });

  it('keeps the workspace across a reload: every design, its edits, the one on show, the assumptions', async () => {
    const names = () => page.$$eval('#workspace .tab-name', (els) => els.map((e) => e.textContent));
    await page.click('#workspace .tab[data-revision="1"]');
    await page.click('#drawing [data-node="ocs-0"]');
    await page.click('#ins-delete');
    await expect.poll(() => page.textContent('#last-edit')).toBe('Last: removed ocs-0 and its 4 links');
    await page.click('#assumptions-open');
    await page.fill('#as-operatingRate', '0.6');
    await page.click('#assumptions-apply');
    const before = await names();
    const exported = (await exportedText(page)).text;
    await page.waitForTimeout(800); // the save follows changes after 0.4 s
    await page.reload();
    await expect.poll(names, { timeout: 60_000 }).toEqual(before);
    await expect.poll(() => page.textContent('#design-name')).toBe(example.name);
    await page.waitForSelector(EVALUATED, { timeout: 60_000 });
    expect((await exportedText(page)).text).toBe(exported);
    expect(await countOf(page, 'tr[data-count="ocs"] td.num')).toBe(0);
    expect(await page.textContent('tr[data-metric="tco.krwPerUsedHour"] .note')).toMatch(/^at a 60 % operating rate/);
    // Undo history is not kept across a reload.
    expect(await page.isDisabled('#undo')).toBe(true);
    // A broken saved workspace: the page starts from the example and says why.
    await page.evaluate(() => localStorage.setItem('lightfabric.workspace', '{"format": "lightfab'));
    await page.reload();
    await expect.poll(() => page.textContent('#save-status')).toContain('could not be restored: the saved workspace is not valid JSON');
    expect(await names()).toEqual([example.name]);
    expect(pageErrors).toEqual([]);
  });

  it('opens any bundled example from the Examples menu (recipes generated in the worker)', async () => {
    const options = await page.$$eval('#examples option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const { readdirSync } = await import('node:fs');
    expect(options.sort()).toEqual(readdirSync(join(REPO, 'topologies')).filter((f) => f.endsWith('.json')).sort());
    await page.selectOption('#examples', 'fat-tree-k16.recipe.json');
    await expect.poll(() => page.textContent('#design-name'), { timeout: 60_000 }).toBe('k=16 fat-tree (1,024 accelerators)');
    // k = 16: k^3/4 = 1,024 hosts, 5k^2/4 = 320 switches.
    expect(await countOf(page, 'tr[data-count="accelerator"] td.num')).toBe(1024);
    expect(await countOf(page, 'tr[data-count="switch"] td.num')).toBe(320);
    expect(await page.inputValue('#examples')).toBe('');
    await page.waitForSelector(EVALUATED, { timeout: 120_000 });
    await page.click(`#workspace .tab-wrap:has(.tab[aria-pressed="true"]) .tab-close`);
  });

  it('shows the same page from the dev server that `npm start` runs', async () => {
    const dev = await startDevServer();
    const devPage = await browser.context.newPage();
    try {
      const errors: string[] = [];
      devPage.on('pageerror', (e) => errors.push(String(e)));
      const t0 = performance.now();
      await devPage.goto(dev.url);
      await devPage.waitForSelector(EVALUATED, { timeout: 90_000 });
      console.info(`dev server: example evaluated ${(performance.now() - t0).toFixed(0)} ms after navigation`);
      expect(await devPage.textContent('#design-name')).toBe(example.name);
      expect(await readMetricTable(devPage)).toEqual(expectedTable(exampleReport));
      expect(errors).toEqual([]);
    } finally {
      await devPage.close();
      await dev.close();
    }
  });
});
