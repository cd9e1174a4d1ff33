// The app's state and the actions that change it. `reduce` is the only writer: views read the state, and the
// controller turns events (file chosen, form submitted, worker replies) into actions. The workspace holds several
// designs (the options being weighed); one is shown, and the compare view lays the evaluated ones side by side.
import type { LoadError } from '../../src/format/index.js';
import type { FabricReport } from '../../src/metrics/evaluate.js';
import type { Problem } from '../../src/model/problem.js';
import type { FabricDocument } from '../../src/model/types.js';
import type { EvaluationProgress } from '../worker/progress.js';
import type { DesignSource, EvaluationAssumptions } from '../worker/protocol.js';

export type Evaluation =
  | { status: 'idle' }
  | { status: 'running'; revision: number; version: number; progress: EvaluationProgress | null }
  | { status: 'done'; revision: number; version: number; report: FabricReport; elapsedMs: number }
  | { status: 'failed'; revision: number; version: number; message: string };

export interface Design {
  doc: FabricDocument;
  /** Where it came from: the built-in example, a file name, or the generator form (family name). */
  source: { kind: 'example' | 'file' | 'generated'; name: string };
  /** Non-blocking problems from loading (unknown fields, migrated from an older version ...). */
  warnings: Problem[];
  /** Unique in the session and never reused, so a worker reply is tied to the design it was started for. */
  revision: number;
  /** Bumped by every edit, undo and redo: an evaluation is of one version of the design. */
  version: number;
  evaluation: Evaluation;
  /** Earlier documents (undo) and undone ones (redo), nearest last; each with what the edit did. */
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** What the last edit, undo or redo did, for the status line. */
  lastEdit: string | null;
  /** The file text or recipe `doc` was loaded from (while `doc` is that very document, the worker can load it again). */
  origin?: { doc: FabricDocument; from: DesignSource };
}

export interface HistoryEntry {
  doc: FabricDocument;
  summary: string;
}

/** What is selected on the drawing of the design on show. */
export type Selection =
  | { kind: 'node'; id: string }
  | { kind: 'links'; ids: string[] };

/** A file (or generator form) that could not be opened, or an edit that was refused; the designs stay as they were. */
export interface ImportFailure {
  fileName: string;
  error: LoadError | 'unreadable' | 'edit-refused';
  problems: Problem[];
}

export type View = 'design' | 'compare';

/** What every evaluation assumes (evaluateFabric's options; absent = the file's settings, else the catalog). */
export type Assumptions = EvaluationAssumptions;

/** What is being loaded off the page's thread (a file parsed, a recipe or the generator form run), if anything. */
export interface Loading {
  id: number;
  label: string;
}

export interface AppState {
  designs: Design[];
  /** Revision of the design on show; null when none is open. */
  active: number | null;
  /** Revision of the design the others are compared with (the first one when null or closed). */
  baseline: number | null;
  view: View;
  importFailure: ImportFailure | null;
  loading: Loading | null;
  /** Revisions handed out so far. */
  lastRevision: number;
  /** Selection on the design on show (cleared when another design is shown or the selected thing goes away). */
  selection: Selection | null;
  assumptions: Assumptions;
}

export type Action =
  | { type: 'design-opened'; doc: FabricDocument; source: Design['source']; warnings: Problem[]; from?: DesignSource }
  | { type: 'design-selected'; revision: number }
  | { type: 'design-closed'; revision: number }
  | { type: 'baseline-selected'; revision: number }
  | { type: 'view-changed'; view: View }
  | { type: 'import-failed'; failure: ImportFailure }
  | { type: 'import-failure-dismissed' }
  | { type: 'loading-started'; id: number; label: string }
  | { type: 'loading-finished'; id: number }
  | { type: 'design-edited'; revision: number; doc: FabricDocument; warnings: Problem[]; summary: string }
  | { type: 'design-undo'; revision: number }
  | { type: 'design-redo'; revision: number }
  | { type: 'selection-changed'; selection: Selection | null }
  /** New assumptions: every design is evaluated again (its document and history stay). */
  | { type: 'assumptions-changed'; assumptions: Assumptions }
  | { type: 'evaluation-started'; revision: number; version: number }
  | { type: 'evaluation-progress'; revision: number; version: number; progress: EvaluationProgress }
  | { type: 'evaluation-done'; revision: number; version: number; report: FabricReport; elapsedMs: number }
  | { type: 'evaluation-failed'; revision: number; version: number; message: string };

export const INITIAL_STATE: AppState = {
  designs: [], active: null, baseline: null, view: 'design', importFailure: null, loading: null, lastRevision: 0, selection: null,
  assumptions: {},
};

/** Undo history kept per design (older steps are dropped). */
export const HISTORY_LIMIT = 50;

/** The design on show, or null. */
export function activeDesign(state: AppState): Design | null {
  return state.designs.find((d) => d.revision === state.active) ?? null;
}

/** The design the compare view measures the others against: the chosen baseline, else the first design. */
export function baselineDesign(state: AppState): Design | null {
  return state.designs.find((d) => d.revision === state.baseline) ?? state.designs[0] ?? null;
}

/** The next design to evaluate: the one on show first, then the others in the order they were opened. */
export function nextToEvaluate(state: AppState): Design | null {
  if (state.designs.some((d) => d.evaluation.status === 'running')) return null;
  const active = activeDesign(state);
  if (active && active.evaluation.status === 'idle') return active;
  return state.designs.find((d) => d.evaluation.status === 'idle') ?? null;
}

function withDesign(state: AppState, revision: number, update: (d: Design) => Design | null): AppState {
  const i = state.designs.findIndex((d) => d.revision === revision);
  if (i < 0) return state;
  const next = update(state.designs[i]);
  if (next === null) return state;
  const designs = state.designs.slice();
  designs[i] = next;
  return { ...state, designs };
}

/** The selection, or null when what it names is no longer in the document. */
function keptSelection(selection: Selection | null, doc: FabricDocument): Selection | null {
  if (!selection) return null;
  if (selection.kind === 'node') return doc.nodes.some((n) => n.id === selection.id) ? selection : null;
  const ids = new Set(doc.links.map((l) => l.id));
  const kept = selection.ids.filter((id) => ids.has(id));
  return kept.length === 0 ? null : kept.length === selection.ids.length ? selection : { kind: 'links', ids: kept };
}

/** A new version of a design: the document replaced, the evaluation to be redone. */
function newVersion(d: Design, doc: FabricDocument, past: HistoryEntry[], future: HistoryEntry[], lastEdit: string): Design {
  return { ...d, doc, version: d.version + 1, evaluation: { status: 'idle' }, past, future, lastEdit };
}

function withEvaluation(state: AppState, revision: number, version: number, update: (e: Evaluation) => Evaluation | null): AppState {
  const i = state.designs.findIndex((d) => d.revision === revision);
  // A reply for a design that was closed, or for a version an edit has since replaced, is dropped.
  if (i < 0 || state.designs[i].version !== version) return state;
  const next = update(state.designs[i].evaluation);
  if (next === null) return state;
  const designs = state.designs.slice();
  designs[i] = { ...designs[i], evaluation: next };
  return { ...state, designs };
}

export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'design-opened': {
      const revision = state.lastRevision + 1;
      const design: Design = {
        doc: action.doc, source: action.source, warnings: action.warnings, revision, version: 1, evaluation: { status: 'idle' },
        past: [], future: [], lastEdit: null, ...(action.from ? { origin: { doc: action.doc, from: action.from } } : {}),
      };
      return { ...state, designs: [...state.designs, design], active: revision, view: 'design', importFailure: null, lastRevision: revision, selection: null };
    }
    case 'design-selected':
      if (state.active === action.revision && state.view === 'design') return state;
      if (!state.designs.some((d) => d.revision === action.revision)) return state;
      return { ...state, active: action.revision, view: 'design', selection: state.active === action.revision ? state.selection : null };
    case 'design-closed': {
      const i = state.designs.findIndex((d) => d.revision === action.revision);
      if (i < 0) return state;
      const designs = state.designs.filter((d) => d.revision !== action.revision);
      // The neighbour takes the closed design's place on show (the one after it, else the one before).
      const active = state.active !== action.revision ? state.active : (designs[Math.min(i, designs.length - 1)]?.revision ?? null);
      const baseline = state.baseline === action.revision ? null : state.baseline;
      const view = designs.length === 0 ? 'design' : state.view;
      return { ...state, designs, active, baseline, view, selection: state.active === action.revision ? null : state.selection };
    }
    case 'design-edited': {
      const next = withDesign(state, action.revision, (d) => newVersion(
        { ...d, warnings: action.warnings }, action.doc,
        [...d.past, { doc: d.doc, summary: action.summary }].slice(-HISTORY_LIMIT), [], action.summary));
      if (next === state) return state;
      return { ...next, importFailure: null, selection: action.revision === state.active ? keptSelection(state.selection, action.doc) : state.selection };
    }
    case 'design-undo':
    case 'design-redo': {
      const undo = action.type === 'design-undo';
      const next = withDesign(state, action.revision, (d) => {
        const from = undo ? d.past : d.future;
        const step = from[from.length - 1];
        if (!step) return null;
        const rest = from.slice(0, -1);
        const back = { doc: d.doc, summary: step.summary };
        return undo
          ? newVersion(d, step.doc, rest, [...d.future, back], `undid: ${step.summary}`)
          : newVersion(d, step.doc, [...d.past, back], rest, `redid: ${step.summary}`);
      });
      if (next === state) return state;
      const doc = next.designs.find((d) => d.revision === action.revision)!.doc;
      return { ...next, selection: action.revision === state.active ? keptSelection(state.selection, doc) : state.selection };
    }
    case 'assumptions-changed':
      return {
        ...state, assumptions: { ...action.assumptions },
        // A new version of each design, so a result under the old assumptions is dropped when it arrives.
        designs: state.designs.map((d) => ({ ...d, version: d.version + 1, evaluation: { status: 'idle' } })),
      };
    case 'selection-changed':
      if (state.selection === action.selection || (state.selection === null && action.selection === null)) return state;
      return { ...state, selection: action.selection };
    case 'baseline-selected':
      if (state.baseline === action.revision || !state.designs.some((d) => d.revision === action.revision)) return state;
      return { ...state, baseline: action.revision };
    case 'view-changed':
      return state.view === action.view ? state : { ...state, view: action.view };
    case 'import-failed':
      return { ...state, importFailure: action.failure };
    case 'import-failure-dismissed':
      return state.importFailure ? { ...state, importFailure: null } : state;
    case 'loading-started':
      return { ...state, loading: { id: action.id, label: action.label } };
    case 'loading-finished':
      return state.loading?.id === action.id ? { ...state, loading: null } : state;
    case 'evaluation-started':
      return withEvaluation(state, action.revision, action.version, () =>
        ({ status: 'running', revision: action.revision, version: action.version, progress: null }));
    case 'evaluation-progress':
      return withEvaluation(state, action.revision, action.version, (e) =>
        (e.status === 'running' ? { status: 'running', revision: action.revision, version: action.version, progress: action.progress } : null));
    case 'evaluation-done':
      return withEvaluation(state, action.revision, action.version, () =>
        ({ status: 'done', revision: action.revision, version: action.version, report: action.report, elapsedMs: action.elapsedMs }));
    case 'evaluation-failed':
      return withEvaluation(state, action.revision, action.version, () =>
        ({ status: 'failed', revision: action.revision, version: action.version, message: action.message }));
  }
}
