// Edits of a design as data (update, add or remove a device or a link), applied without touching the document
// they start from: the result is a new document that shares every record it did not change, so the editor can keep
// the old one for undo. An edit that would leave the design invalid is refused with the problems it would cause
// (JSON paths into the edited document, messages that say how to fix them), and nothing changes.
import { createCatalog } from '../catalog/index.js';
import { validateDocument } from '../format/validate.js';
import type { Problem } from '../model/problem.js';
import type { FabricDocument, FabricLink, FabricNode } from '../model/types.js';

/** Fields of a device the editor may set (`undefined` removes an optional field). */
export type NodeChanges = Partial<Pick<FabricNode, 'model' | 'name' | 'rack' | 'site' | 'server' | 'tier' | 'group'>>;
/** Fields of a link the editor may set. */
export type LinkChanges = Partial<Pick<FabricLink, 'gbps' | 'lengthM' | 'medium' | 'transceiver' | 'via' | 'tier'>>;

export type Edit =
  | { op: 'update-node'; id: string; set: NodeChanges }
  | { op: 'update-link'; id: string; set: LinkChanges }
  | { op: 'add-node'; node: FabricNode }
  | { op: 'add-link'; link: FabricLink }
  /** Removes the device and every link that ends on it or passes through it (via). */
  | { op: 'remove-node'; id: string }
  | { op: 'remove-link'; id: string }
  /** A per-fabric catalog value (a negotiated price, a measured loss) in catalogOverrides; undefined removes it. */
  | { op: 'set-override'; model: string; field: string; value: number | undefined };

export type EditResult =
  | { ok: true; doc: FabricDocument; warnings: Problem[]; summary: string }
  | { ok: false; problems: Problem[] };

const refuse = (path: string, code: string, message: string): EditResult =>
  ({ ok: false, problems: [{ path, code, severity: 'error', message }] });

/** The record with `set` applied; keys set to undefined are removed (a record never holds an undefined field). */
function patched<T extends object>(record: T, set: object): T {
  const out = { ...record } as Record<string, unknown>;
  for (const [k, v] of Object.entries(set)) {
    if (v === undefined) delete out[k];
    else out[k] = Array.isArray(v) ? [...v] : v;
  }
  return out as T;
}

/** An id not used by any node or link yet: `${prefix}${n}` with the smallest n >= 1. */
export function freshId(doc: FabricDocument, prefix: string): string {
  const used = new Set<string>();
  for (const n of doc.nodes) used.add(n.id);
  for (const l of doc.links) used.add(l.id);
  let i = 1;
  while (used.has(`${prefix}${i}`)) i++;
  return `${prefix}${i}`;
}

/** Keys of `set` whose value differs from the record's (undefined = absent). */
function changedKeys(record: object, set: object): string[] {
  const r = record as Record<string, unknown>;
  return Object.entries(set).filter(([k, v]) => JSON.stringify(r[k]) !== JSON.stringify(v)).map(([k]) => k);
}

function structural(doc: FabricDocument, edit: Edit): { doc: FabricDocument; summary: string } | EditResult {
  switch (edit.op) {
    case 'update-node': {
      const i = doc.nodes.findIndex((n) => n.id === edit.id);
      if (i < 0) return refuse('id', 'unknown-node', `there is no device ${JSON.stringify(edit.id)}: pick one of the design's devices`);
      const changed = changedKeys(doc.nodes[i], edit.set);
      if (changed.length === 0) return { doc, summary: `no change to ${edit.id}` };
      const nodes = doc.nodes.slice();
      nodes[i] = patched(nodes[i], edit.set);
      return { doc: { ...doc, nodes }, summary: `changed ${changed.join(', ')} of ${edit.id}` };
    }
    case 'update-link': {
      const i = doc.links.findIndex((l) => l.id === edit.id);
      if (i < 0) return refuse('id', 'unknown-link', `there is no link ${JSON.stringify(edit.id)}: pick one of the design's links`);
      const changed = changedKeys(doc.links[i], edit.set);
      if (changed.length === 0) return { doc, summary: `no change to link ${edit.id}` };
      const links = doc.links.slice();
      links[i] = patched(links[i], edit.set);
      return { doc: { ...doc, links }, summary: `changed ${changed.join(', ')} of link ${edit.id}` };
    }
    case 'add-node':
      return { doc: { ...doc, nodes: [...doc.nodes, { ...edit.node }] }, summary: `added ${edit.node.kind} ${edit.node.id}` };
    case 'add-link': {
      const link = { ...edit.link, ...(edit.link.via ? { via: [...edit.link.via] } : {}) };
      return { doc: { ...doc, links: [...doc.links, link] }, summary: `linked ${link.a} and ${link.b} (${link.id})` };
    }
    case 'remove-node': {
      if (!doc.nodes.some((n) => n.id === edit.id)) return refuse('id', 'unknown-node', `there is no device ${JSON.stringify(edit.id)}`);
      const links = doc.links.filter((l) => l.a !== edit.id && l.b !== edit.id && !(l.via?.includes(edit.id)));
      const gone = doc.links.length - links.length;
      return {
        doc: { ...doc, nodes: doc.nodes.filter((n) => n.id !== edit.id), links },
        summary: `removed ${edit.id}${gone ? ` and its ${gone} link${gone === 1 ? '' : 's'}` : ''}`,
      };
    }
    case 'set-override': {
      const current = doc.catalogOverrides?.[edit.model]?.[edit.field];
      if (current === edit.value) return { doc, summary: `no change to ${edit.field} of ${edit.model}` };
      const overrides = { ...(doc.catalogOverrides ?? {}) };
      const fields = { ...(overrides[edit.model] ?? {}) };
      if (edit.value === undefined) delete fields[edit.field];
      else fields[edit.field] = edit.value;
      if (Object.keys(fields).length) overrides[edit.model] = fields;
      else delete overrides[edit.model];
      const next: FabricDocument = { ...doc };
      if (Object.keys(overrides).length) next.catalogOverrides = overrides;
      else delete next.catalogOverrides;
      return {
        doc: next,
        summary: edit.value === undefined ? `back to the catalog's ${edit.field} of ${edit.model}` : `set ${edit.field} of ${edit.model} to ${edit.value}`,
      };
    }
    case 'remove-link':
      if (!doc.links.some((l) => l.id === edit.id)) return refuse('id', 'unknown-link', `there is no link ${JSON.stringify(edit.id)}`);
      return { doc: { ...doc, links: doc.links.filter((l) => l.id !== edit.id) }, summary: `removed link ${edit.id}` };
  }
}

/**
 * Apply one edit. The document must be valid (the editor only holds valid designs); the result is valid too, or
 * the edit is refused with the errors it would cause. An update that sets every field to what it already is
 * returns the very same document (nothing to undo). Never throws on any edit.
 */
export function applyEdit(doc: FabricDocument, edit: Edit): EditResult {
  const step = structural(doc, edit);
  if ('ok' in step) return step;
  if (step.doc === doc) return { ok: true, doc, warnings: [], summary: step.summary };
  let problems: Problem[];
  try {
    problems = validateDocument(step.doc, createCatalog(step.doc.catalogOverrides));
  } catch (e) {
    return refuse('', 'edit-failed', `the edit could not be checked (${e instanceof Error ? e.message : String(e)})`);
  }
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) return { ok: false, problems: errors };
  return { ok: true, doc: step.doc, warnings: problems, summary: step.summary };
}
