// The app's state and the actions that change it. `reduce` is the only writer: views read the state, and the
// controller turns events (file chosen, worker replies) into actions.
import type { LoadError } from '../../src/format/index.js';
import type { FabricReport } from '../../src/metrics/evaluate.js';
import type { Problem } from '../../src/model/problem.js';
import type { FabricDocument } from '../../src/model/types.js';
import type { EvaluationProgress } from '../worker/progress.js';

export interface Design {
  doc: FabricDocument;
  /** Where it came from: the built-in example or a file name. */
  source: { kind: 'example' | 'file'; name: string };
  /** Non-blocking problems from loading (unknown fields, migrated from an older version ...). */
  warnings: Problem[];
  /** Bumped on every replacement, so an evaluation is tied to the design it was started for. */
  revision: number;
}

export type Evaluation =
  | { status: 'idle' }
  | { status: 'running'; revision: number; progress: EvaluationProgress | null }
  | { status: 'done'; revision: number; report: FabricReport; elapsedMs: number }
  | { status: 'failed'; revision: number; message: string };

/** A file that could not be opened; the design that was open stays. */
export interface ImportFailure {
  fileName: string;
  error: LoadError | 'unreadable';
  problems: Problem[];
}

export interface AppState {
  design: Design | null;
  evaluation: Evaluation;
  importFailure: ImportFailure | null;
}

export type Action =
  | { type: 'design-opened'; doc: FabricDocument; source: Design['source']; warnings: Problem[] }
  | { type: 'import-failed'; failure: ImportFailure }
  | { type: 'import-failure-dismissed' }
  | { type: 'evaluation-started'; revision: number }
  | { type: 'evaluation-progress'; revision: number; progress: EvaluationProgress }
  | { type: 'evaluation-done'; revision: number; report: FabricReport; elapsedMs: number }
  | { type: 'evaluation-failed'; revision: number; message: string };

export const INITIAL_STATE: AppState = { design: null, evaluation: { status: 'idle' }, importFailure: null };

/** Worker replies for a design that has since been replaced are ignored. */
function isCurrent(state: AppState, revision: number): boolean {
  return state.design !== null && state.design.revision === revision;
}

export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'design-opened': {
      const revision = (state.design?.revision ?? 0) + 1;
      return {
        design: { doc: action.doc, source: action.source, warnings: action.warnings, revision },
        evaluation: { status: 'idle' },
        importFailure: null,
      };
    }
    case 'import-failed':
      return { ...state, importFailure: action.failure };
    case 'import-failure-dismissed':
      return state.importFailure ? { ...state, importFailure: null } : state;
    case 'evaluation-started':
      if (!isCurrent(state, action.revision)) return state;
      return { ...state, evaluation: { status: 'running', revision: action.revision, progress: null } };
    case 'evaluation-progress':
      if (!isCurrent(state, action.revision) || state.evaluation.status !== 'running') return state;
      return { ...state, evaluation: { status: 'running', revision: action.revision, progress: action.progress } };
    case 'evaluation-done':
      if (!isCurrent(state, action.revision)) return state;
      return {
        ...state,
        evaluation: { status: 'done', revision: action.revision, report: action.report, elapsedMs: action.elapsedMs },
      };
    case 'evaluation-failed':
      if (!isCurrent(state, action.revision)) return state;
      return { ...state, evaluation: { status: 'failed', revision: action.revision, message: action.message } };
  }
}
