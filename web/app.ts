// The app controller: opens the built-in example, turns page events and worker replies into store actions,
// and re-renders the views whose part of the state changed.
import type { AppState, Design } from './state/app-state.js';
import { createStore, type Store } from './state/store.js';
import { EXAMPLE_FILE_NAME, EXAMPLE_TEXT } from './io/example.js';
import { downloadDesign } from './io/export-design.js';
import { openDesignFile, openDesignText } from './io/open-design.js';
import { designCounts } from './views/design-counts.js';
import { byId } from './views/dom.js';
import { drawFabric, LABEL_GUTTER } from './views/fabric-drawing.js';
import { layoutFabric } from './views/fabric-layout.js';
import { renderLegend } from './views/legend-view.js';
import { renderEvaluationStatus, renderMetrics } from './views/metrics-view.js';
import { renderImportFailure, renderWarnings } from './views/problems-view.js';
import { renderCounts, renderTitle } from './views/summary-view.js';
import { createEvaluator, type Evaluator } from './worker/evaluator.js';
import { MEDIA, NODE_KINDS } from '../src/model/types.js';

export interface App {
  store: Store;
  evaluator: Evaluator;
}

function renderDesign(design: Design | null): void {
  renderTitle(byId('design'), design);
  renderWarnings(byId('design-warnings'), design);
  renderCounts(byId('counts'), design ? designCounts(design.doc) : null);
  (byId<HTMLButtonElement>('export-json')).disabled = design === null;
  const drawing = byId('drawing');
  const legend = byId('legend');
  if (!design) {
    drawing.replaceChildren();
    legend.replaceChildren();
    return;
  }
  const layout = layoutFabric(design.doc, { fitWidth: Math.max(480, drawing.clientWidth - LABEL_GUTTER - 60) });
  drawFabric(drawing, layout, design.doc.name);
  const kinds = NODE_KINDS.filter((k) => layout.items.some((it) => it.kind === k));
  const media = MEDIA.filter((m) => layout.edges.some((e) => e.medium === m));
  renderLegend(legend, kinds, media, layout.mode);
  byId('app').dataset.revision = String(design.revision);
}

export function startApp(evaluator: Evaluator = createEvaluator()): App {
  const store = createStore();

  const render = (state: AppState, previous: AppState | null) => {
    if (!previous || state.design !== previous.design) renderDesign(state.design);
    if (!previous || state.evaluation !== previous.evaluation) {
      renderEvaluationStatus(byId('evaluation-status'), state.evaluation);
      // Progress ticks change only the status line; the table is redrawn when the result changes.
      if (!previous || state.evaluation.status !== 'running' || previous.evaluation.status !== 'running') {
        renderMetrics(byId('metrics'), state.evaluation);
      }
    }
    if (!previous || state.importFailure !== previous.importFailure || state.design !== previous.design) {
      renderImportFailure(byId('import-problems'), state.importFailure, state.design?.doc.name ?? null,
        () => store.dispatch({ type: 'import-failure-dismissed' }));
    }
  };

  const evaluate = async (design: Design) => {
    const revision = design.revision;
    store.dispatch({ type: 'evaluation-started', revision });
    const outcome = await evaluator.evaluate(design.doc,
      (progress) => store.dispatch({ type: 'evaluation-progress', revision, progress }));
    if (outcome.ok) store.dispatch({ type: 'evaluation-done', revision, report: outcome.report, elapsedMs: outcome.elapsedMs });
    else if (outcome.reason === 'failed') store.dispatch({ type: 'evaluation-failed', revision, message: outcome.message });
    // 'superseded': a newer design is being evaluated and owns the status line.
  };

  store.subscribe((state, previous) => {
    render(state, previous);
    if (state.design && state.design !== previous.design) void evaluate(state.design);
  });
  render(store.getState(), null);

  const example = openDesignText(EXAMPLE_TEXT);
  if (example.ok) {
    store.dispatch({ type: 'design-opened', doc: example.doc, source: { kind: 'example', name: EXAMPLE_FILE_NAME }, warnings: example.warnings });
  } else {
    store.dispatch({ type: 'import-failed', failure: { fileName: EXAMPLE_FILE_NAME, error: example.error, problems: example.problems } });
  }

  const input = byId<HTMLInputElement>('import-file');
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    // Cleared so that choosing the same file again (after fixing it) fires another change.
    input.value = '';
    const opened = await openDesignFile(file);
    if (opened.ok) {
      store.dispatch({ type: 'design-opened', doc: opened.doc, source: { kind: 'file', name: file.name }, warnings: opened.warnings });
    } else {
      store.dispatch({ type: 'import-failed', failure: { fileName: file.name, error: opened.error, problems: opened.problems } });
      byId('import-problems').focus();
    }
  });

  byId('export-json').addEventListener('click', () => {
    const design = store.getState().design;
    if (design) downloadDesign(design.doc);
  });

  return { store, evaluator };
}
