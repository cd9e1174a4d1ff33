// Research-site rows: spans read off the design (by hand from the generator's great-circle x 1.3 rule) and the
// latency figures exactly the report's, in µs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTopologyOrRecipe } from '../../src/generators/index.js';
import { evaluateFabric, type FabricReport } from '../../src/metrics/evaluate.js';
import type { FabricDocument } from '../../src/model/types.js';
import { researchRows } from '../../web/views/research-rows.js';

const REPO = join(import.meta.dirname, '..', '..');

describe('researchRows', () => {
  let doc: FabricDocument;
  let report: FabricReport;
  beforeAll(async () => {
    const r = loadTopologyOrRecipe(readFileSync(join(REPO, 'topologies', 'research-access.recipe.json'), 'utf8'));
    if (!r.ok) throw new Error('recipe');
    doc = r.doc;
    report = await evaluateFabric(doc, { phases: ['latency'] });
  });

  it('one row per campus or institute, spans from the design, latency from the report', () => {
    const rows = researchRows(doc, report);
    expect(rows.map((r) => r.site)).toEqual(doc.sites.filter((s) => s.kind !== 'datacenter').map((s) => s.id));
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      const gw = new Set(doc.nodes.filter((n) => n.site === row.site).map((n) => n.id));
      const spans = doc.links.filter((l) => gw.has(l.a) !== gw.has(l.b));
      expect(row.spans).toBe(spans.length);
      expect(row.spanKm).toBe(Math.max(...spans.map((l) => l.lengthM)) / 1000);
      expect(row.gbps).toBe(spans.reduce((s, l) => s + l.gbps, 0));
      const lat = report.latencyNs!.researchSites.find((s) => s.site === row.site)!;
      expect(row.minUs).toBe(lat.minNs! / 1000);
      expect(row.meanUs).toBe(lat.meanNs! / 1000);
      expect(row.maxUs).toBe(lat.maxNs! / 1000);
      expect(row.reachable).toBe(64);
      // Light in fibre: at least 4.9 µs per km of the span.
      expect(row.minUs!).toBeGreaterThan(row.spanKm! * 4.9);
    }
    // The default data centre is in Gwangju (35.219 N, 126.847 E), 1.1 km from GIST: its span is the shortest
    // (great circle x 1.3 route factor, whole metres), the Seoul one about 260 km x 1.3.
    const gist = rows.find((r) => r.site === 'site-gist')!;
    expect(Math.min(...rows.map((r) => r.spanKm!))).toBe(gist.spanKm);
    expect(gist.spanKm!).toBeLessThan(2);
  });

  it('before evaluation: spans only; a design without research sites has no rows', () => {
    const rows = researchRows(doc, null);
    expect(rows.every((r) => r.minUs === null && r.reachable === null && r.spans > 0)).toBe(true);
    expect(researchRows({ ...doc, sites: doc.sites.filter((s) => s.kind === 'datacenter') }, report)).toEqual([]);
  });
});
