// The app's state and the actions that change it. `reduce` is the only writer: views read the state, and the
// controller turns events (file chosen, form submitted, worker replies) into actions. The workspace holds several
// designs (the options being weighed); one is shown, and the compare view lays the evaluated ones side by side.
import type { LoadError } from '../../src/format/index.js';
import type { FabricReport } from '../../src/metrics/evaluate.js';
import type { Problem } from '../../src/model/problem.js';
import type { FabricDocument } from '../../src/model/types.js';
import type { EvaluationProgress } from '../worker/progress.js';

export type Evaluation =
  | { status: 'idle' }
  | { status: 'running'; revision: number; progress: EvaluationProgress | null }
  | { status: 'done'; revision: number; report: FabricReport; elapsedMs: number }
  | { status: 'failed'; revision: number; message: string };

export interface Design {
  doc: FabricDocument;
  /** Where it came from: the built-in example, a file name, or the generator form (family name). */
  source: { kind: 'example' | 'file' | 'generated'; name: string };
  /** Non-blocking problems from loading (unknown fields, migrated from an older version ...). */
  warnings: Problem[];
  /** Unique in the session and never reused, so a worker reply is tied to the design it was started for. */
  revision: number;
  evaluation: Evaluation;
}

/** A file (or generator form) that could not be opened; the designs that were open stay. */
export interface ImportFailure {
  fileName: string;
  error: LoadError | 'unreadable';
  problems: Problem[];
}

export type View = 'design' | 'compare';

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
}

export type Action =
  | { type: 'design-opened'; doc: FabricDocument; source: Design['source']; warnings: Problem[] }
  | { type: 'design-selected'; revision: number }
  | { type: 'design-closed'; revision: number }
  | { type: 'baseline-selected'; revision: number }
  | { type: 'view-changed'; view: View }
  | { type: 'import-failed'; failure: ImportFailure }
  | { type: 'import-failure-dismissed' }
  | { type: 'loading-started'; id: number; label: string }
  | { type: 'loading-finished'; id: number }
  | { type: 'evaluation-started'; revision: number }
  | { type: 'evaluation-progress'; revision: number; progress: EvaluationProgress }
  | { type: 'evaluation-done'; revision: number; report: FabricReport; elapsedMs: number }
  | { type: 'evaluation-failed'; revision: number; message: string };

export const INITIAL_STATE: AppState = {
  designs: [], active: null, baseline: null, view: 'design', importFailure: null, loading: null, lastRevision: 0,
};

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

function withEvaluation(state: AppState, revision: number, update: (e: Evaluation) => Evaluation | null): AppState {
  const i = state.designs.findIndex((d) => d.revision === revision);
  if (i < 0) return state;
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
      const design: Design = { doc: action.doc, source: action.source, warnings: action.warnings, revision, evaluation: { status: 'idle' } };
      return { ...state, designs: [...state.designs, design], active: revision, view: 'design', importFailure: null, lastRevision: revision };
    }
    case 'design-selected':
      if (state.active === action.revision && state.view === 'design') return state;
      if (!state.designs.some((d) => d.revision === action.revision)) return state;
      return { ...state, active: action.revision, view: 'design' };
    case 'design-closed': {
      const i = state.designs.findIndex((d) => d.revision === action.revision);
      if (i < 0) return state;
      const designs = state.designs.filter((d) => d.revision !== action.revision);
      // The neighbour takes the closed design's place on show (the one after it, else the one before).
      const active = state.active !== action.revision ? state.active : (designs[Math.min(i, designs.length - 1)]?.revision ?? null);
      const baseline = state.baseline === action.revision ? null : state.baseline;
      const view = designs.length === 0 ? 'design' : state.view;
      return { ...state, designs, active, baseline, view };
    }
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
      return withEvaluation(state, action.revision, () => ({ status: 'running', revision: action.revision, progress: null }));
    case 'evaluation-progress':
      return withEvaluation(state, action.revision, (e) =>
        (e.status === 'running' ? { status: 'running', revision: action.revision, progress: action.progress } : null));
    case 'evaluation-done':
      return withEvaluation(state, action.revision, () =>
        ({ status: 'done', revision: action.revision, report: action.report, elapsedMs: action.elapsedMs }));
    case 'evaluation-failed':
      return withEvaluation(state, action.revision, () => ({ status: 'failed', revision: action.revision, message: action.message }));
  }
}
