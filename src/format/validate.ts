// Full validation of a document: shape (from the schema), then every semantic check, reporting ALL problems
// (one per mistake, ordered errors first and then by place in the file). Never throws on malformed input.
import { createCatalog, type Catalog } from '../catalog/index.js';
import type { Problem } from '../model/problem.js';
import type { FabricDocument } from '../model/types.js';
import { checkLinkIds, createCheckContext, rec } from './check-context.js';
import { checkModels } from './models.js';
import { checkOptics } from './optics.js';
import { checkOverrides } from './overrides.js';
import { checkPorts } from './ports-check.js';
import { checkRacks } from './racks.js';
import { checkReferences } from './references.js';
import { checkScaleUp } from './scale-up.js';
import { FORMAT_ID, FORMAT_VERSION } from './schema.js';
import { checkShape } from './shape.js';

const SECTION_RANK: Record<string, number> = {
  format: 0, version: 1, name: 2, description: 3, generator: 4, settings: 5, catalogOverrides: 6,
  sites: 7, racks: 8, nodes: 9, links: 10,
};

/** Stable order: errors before warnings, then by section of the file and record index. */
export function sortProblems(problems: Problem[]): Problem[] {
  const key = (p: Problem) => {
    const m = /^([A-Za-z_$][\w$]*)(?:\[(\d+)\])?/.exec(p.path);
    const rank = m ? (SECTION_RANK[m[1]] ?? 11) : -1;
    return [p.severity === 'error' ? 0 : 1, rank, m?.[2] ? Number(m[2]) : -1];
  };
  const keyed = problems.map((p, i) => ({ p, k: key(p), i }));
  keyed.sort((x, y) => x.k[0] - y.k[0] || x.k[1] - y.k[1] || x.k[2] - y.k[2] || x.i - y.i);
  return keyed.map((x) => x.p);
}

/**
 * Semantic checks on an envelope or document whose shape may be broken (records that are malformed are
 * skipped field by field). `catalog` defaults to the built-in catalog with the file's valid overrides applied.
 */
export function checkSemantics(doc: unknown, catalog?: Catalog): Problem[] {
  const out: Problem[] = [];
  const overrides = checkOverrides(rec(doc)?.catalogOverrides);
  out.push(...overrides.problems);
  const ctx = createCheckContext(doc, catalog ?? createCatalog(overrides.valid), out);
  checkLinkIds(ctx);
  checkReferences(ctx);
  checkModels(ctx);
  checkOptics(ctx);
  checkPorts(ctx);
  checkScaleUp(ctx);
  checkRacks(ctx);
  return out;
}

/** Shape and semantic problems of an envelope (format + version + document) as read from a file. */
export function checkEnvelopeBody(raw: unknown, catalog?: Catalog): Problem[] {
  return sortProblems([...checkShape(raw), ...checkSemantics(raw, catalog)]);
}

/**
 * Every problem of an in-memory document (shape and semantics; generators use it in tests). An empty list
 * (or warnings only) means the document loads. Works on partial or malformed documents without throwing.
 */
export function validateDocument(doc: FabricDocument, catalog?: Catalog): Problem[] {
  const body = rec(doc);
  if (!body) return checkEnvelopeBody(doc, catalog);
  return checkEnvelopeBody({ ...body, format: FORMAT_ID, version: FORMAT_VERSION }, catalog);
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
