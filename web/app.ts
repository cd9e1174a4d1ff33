// The app controller: opens the built-in example, turns page events and worker replies into store actions, and
// re-renders the views whose part of the state changed. Files and the generator form are loaded in one worker,
// evaluations run in another, one design at a time.
import { activeDesign, nextToEvaluate, type AppState, type Design, type ImportFailure } from './state/app-state.js';
import { createStore, type Store } from './state/store.js';
import { EXAMPLE_FILE_NAME, EXAMPLE_TEXT } from './io/example.js';
import { EXAMPLES } from './io/examples.js';
import { downloadDesign } from './io/export-design.js';
import { openDesignText, type OpenResult } from './io/open-design.js';
import { renderCompare } from './views/compare-view.js';
import { designCounts, type DesignCounts } from './views/design-counts.js';
import { byId } from './views/dom.js';
import { drawFabric, LABEL_GUTTER, type DrawingSelection } from './views/fabric-drawing.js';
import { layoutFabric, type FabricLayout } from './views/fabric-layout.js';
import { renderInspector } from './views/inspector-view.js';
import { renderResearch } from './views/research-view.js';
import { renderPrices } from './views/prices-view.js';
import { renderAssumptions } from './views/assumptions-view.js';
import type { KeyValueStore } from './io/workspace-store.js';
import { installFileDrop } from './controller/file-drop.js';
import { installKeyboard } from './controller/keyboard.js';
import { installPersistence } from './controller/persistence.js';
import { applyEdit, proposeLink, type Edit } from '../src/edit/index.js';
import { createCatalog } from '../src/catalog/index.js';
import { recipeOf, renderGenerateForm } from './views/generate-view.js';
import { renderLegend } from './views/legend-view.js';
import { renderEvaluationStatus, renderMetrics } from './views/metrics-view.js';
import { renderImportFailure, renderWarnings } from './views/problems-view.js';
import { renderCounts, renderTitle } from './views/summary-view.js';
import { renderWorkspace } from './views/workspace-view.js';
import { createEvaluator, type Evaluator } from './worker/evaluator.js';
import { createLoader, type Loaded, type Loader } from './worker/loader.js';
import type { DesignSource } from './worker/protocol.js';
import { MEDIA, NODE_KINDS } from '../src/model/types.js';

/** Designs with more links than this are sent to the evaluation worker as what they were loaded from. */
const LARGE_LINKS = 20_000;

export interface App {
  store: Store;
  evaluator: Evaluator;
  loader: Loader;
}

/** Layouts and counts by document: selecting on the drawing redraws it without laying it out again, and a design
 * from the loading worker arrives with both computed there. */
const layouts = new WeakMap<object, FabricLayout>();
const counts = new WeakMap<object, DesignCounts>();

function countsOf(doc: Design['doc']): DesignCounts {
  let c = counts.get(doc);
  if (!c) {
    c = designCounts(doc);
    counts.set(doc, c);
  }
  return c;
}

/** The width the drawing lays a design out for. */
const drawingWidth = () => Math.max(480, byId('drawing').clientWidth - LABEL_GUTTER - 60);

function layoutOf(doc: Design['doc'], width: number): FabricLayout {
  let layout = layouts.get(doc);
  if (!layout) {
    layout = layoutFabric(doc, { fitWidth: width });
    layouts.set(doc, layout);
  }
  return layout;
}

function renderDesign(design: Design | null): void {
  renderTitle(byId('design'), design);
  renderWarnings(byId('design-warnings'), design);
  renderCounts(byId('counts'), design ? countsOf(design.doc) : null);
  (byId<HTMLButtonElement>('export-json')).disabled = design === null;
  if (design) byId('app').dataset.revision = String(design.revision);
}

function renderDrawing(design: Design | null, selection: DrawingSelection): void {
  const drawing = byId('drawing');
  const legend = byId('legend');
  if (!design) {
    drawing.replaceChildren();
    legend.replaceChildren();
    return;
  }
  const layout = layoutOf(design.doc, drawingWidth());
  drawFabric(drawing, layout, design.doc.name, selection);
  const kinds = NODE_KINDS.filter((k) => layout.items.some((it) => it.kind === k));
  const media = MEDIA.filter((m) => layout.edges.some((e) => e.medium === m));
  renderLegend(legend, kinds, media, layout.mode);
}

/** The browser's localStorage, or null where it is disabled (private modes, sandboxed frames). */
function browserStorage(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function startApp(evaluator: Evaluator = createEvaluator(), loader: Loader = createLoader(), storage: KeyValueStore | null = browserStorage()): App {
  const store = createStore();
  const dispatch = store.dispatch;

  const workspaceHandlers = {
    select: (revision: number) => dispatch({ type: 'design-selected', revision }),
    close: (revision: number) => {
      // Closing the design being evaluated stops its worker; the next design in line starts on a fresh one.
      const d = store.getState().designs.find((x) => x.revision === revision);
      if (d?.evaluation.status === 'running') evaluator.dispose();
      dispatch({ type: 'design-closed', revision });
    },
    compare: () => dispatch({ type: 'view-changed', view: 'compare' }),
  };
  const compareHandlers = {
    select: workspaceHandlers.select,
    baseline: (revision: number) => dispatch({ type: 'baseline-selected', revision }),
  };

  const editActive = (edit: Edit, label: string): boolean => {
    const design = activeDesign(store.getState());
    if (!design) return false;
    const r = applyEdit(design.doc, edit);
    if (!r.ok) {
      dispatch({ type: 'import-failed', failure: { fileName: label, error: 'edit-refused', problems: r.problems } });
      byId('import-problems').focus();
      return false;
    }
    if (r.doc !== design.doc) dispatch({ type: 'design-edited', revision: design.revision, doc: r.doc, warnings: r.warnings, summary: r.summary });
    return true;
  };
  const undo = () => {
    const d = activeDesign(store.getState());
    if (d) dispatch({ type: 'design-undo', revision: d.revision });
  };
  const redo = () => {
    const d = activeDesign(store.getState());
    if (d) dispatch({ type: 'design-redo', revision: d.revision });
  };
  const inspectorHandlers = {
    edit: editActive, undo, redo,
    select: (selection: AppState['selection']) => dispatch({ type: 'selection-changed', selection }),
  };
  const drawingSelection = (state: AppState): DrawingSelection => ({
    nodes: new Set(state.selection?.kind === 'node' ? [state.selection.id] : []),
    links: new Set(state.selection?.kind === 'links' ? state.selection.ids : []),
    onNode: (id) => dispatch({ type: 'selection-changed', selection: { kind: 'node', id } }),
    onLinks: (ids) => dispatch({ type: 'selection-changed', selection: { kind: 'links', ids } }),
    onNothing: () => dispatch({ type: 'selection-changed', selection: null }),
    onConnect: (from, to) => {
      const design = activeDesign(store.getState());
      if (!design) return;
      const link = proposeLink(design.doc, from, to, createCatalog(design.doc.catalogOverrides));
      if (editActive({ op: 'add-link', link }, `the new link ${from} — ${to}`)) dispatch({ type: 'selection-changed', selection: { kind: 'links', ids: [link.id] } });
    },
  });

  const render = (state: AppState, previous: AppState | null) => {
    const design = activeDesign(state);
    const before = previous ? activeDesign(previous) : null;
    if (!previous || state.designs !== previous.designs || state.active !== previous.active || state.view !== previous.view || state.loading !== previous.loading) {
      renderWorkspace(byId('workspace'), state, workspaceHandlers);
    }
    if (!previous || state.view !== previous.view) {
      byId('design-view').hidden = state.view !== 'design';
      byId('compare-view').hidden = state.view !== 'compare';
    }
    const docChanged = !previous || design?.doc !== before?.doc || design?.revision !== before?.revision;
    if (docChanged) renderDesign(design);
    if (docChanged || state.selection !== previous?.selection) renderDrawing(design, drawingSelection(state));
    if (docChanged || state.selection !== previous?.selection || design?.past !== before?.past || design?.future !== before?.future) {
      const drawn = design ? layouts.get(design.doc)?.mode === 'nodes' : false;
      renderInspector(byId('inspector'), design, state.selection, drawn, inspectorHandlers);
    }
    const evaluation = design?.evaluation ?? { status: 'idle' as const };
    const prevEvaluation = before?.evaluation ?? { status: 'idle' as const };
    if (docChanged || evaluation.status !== prevEvaluation.status) {
      renderPrices(byId('prices'), design?.doc ?? null, evaluation.status === 'done' ? evaluation.report.cost : undefined, editActive);
      renderResearch(byId('research-panel'), byId('research'), design?.doc ?? null, evaluation.status === 'done' ? evaluation.report : null);
    }
    if (!previous || evaluation !== prevEvaluation) {
      renderEvaluationStatus(byId('evaluation-status'), evaluation);
      // Progress ticks change only the status line; the table is redrawn when the result changes.
      if (!previous || evaluation.status !== 'running' || prevEvaluation.status !== 'running' || design?.revision !== before?.revision) {
        renderMetrics(byId('metrics'), evaluation);
      }
    }
    if (state.view === 'compare' && (!previous || previous.view !== 'compare' || state.designs !== previous.designs || state.baseline !== previous.baseline)) {
      // Progress ticks replace a design object too; redraw only when an evaluation finished or the set changed.
      const key = (s: AppState) => s.designs.map((d) => `${d.revision}:${d.evaluation.status}`).join(',') + `|${s.baseline}`;
      if (!previous || previous.view !== 'compare' || key(state) !== key(previous)) {
        renderCompare(byId('compare'), byId('compare-chart'), state, compareHandlers);
      }
    }
    if (!previous || state.importFailure !== previous.importFailure || design !== before) {
      renderImportFailure(byId('import-problems'), state.importFailure, design?.doc.name ?? null,
        () => dispatch({ type: 'import-failure-dismissed' }));
    }
  };

  const evaluateNext = async () => {
    const next = nextToEvaluate(store.getState());
    if (!next) return;
    const { revision, version } = next;
    dispatch({ type: 'evaluation-started', revision, version });
    // A large design unchanged since it was loaded goes to the worker as its file text or recipe: copying 277,000
    // links through the page's thread would hold the page for most of a second.
    const from = next.origin && next.origin.doc === next.doc && next.doc.links.length > LARGE_LINKS ? next.origin.from : undefined;
    const outcome = await evaluator.evaluate(next.doc,
      (progress) => dispatch({ type: 'evaluation-progress', revision, version, progress }), store.getState().assumptions, from);
    if (outcome.ok) dispatch({ type: 'evaluation-done', revision, version, report: outcome.report, elapsedMs: outcome.elapsedMs });
    else if (outcome.reason === 'failed') dispatch({ type: 'evaluation-failed', revision, version, message: outcome.message });
    // 'superseded': the design was closed while it was evaluated; nothing to record.
  };

  store.subscribe((state, previous) => {
    render(state, previous);
    if (state.designs !== previous.designs || state.active !== previous.active) void evaluateNext();
  });
  render(store.getState(), null);

  const showFailure = (failure: ImportFailure) => {
    dispatch({ type: 'import-failed', failure });
    byId('import-problems').focus();
  };
  /** `failures`: collect a failure instead of showing it (several files dropped at once are listed together). */
  const opened = (result: OpenResult, source: Design['source'], label: string, from?: DesignSource, failures?: ImportFailure[]) => {
    if (result.ok) {
      dispatch({ type: 'design-opened', doc: result.doc, source, warnings: result.warnings, ...(from ? { from } : {}) });
      return true;
    }
    const failure: ImportFailure = { fileName: label, error: result.error, problems: result.problems };
    if (failures) failures.push(failure);
    else showFailure(failure);
    return false;
  };

  let loads = 0;
  const load = async (label: string, work: () => Promise<Loaded>, source: Design['source'], from: DesignSource, failures?: ImportFailure[]) => {
    const id = ++loads;
    dispatch({ type: 'loading-started', id, label });
    try {
      const result = await work();
      if (result.ok && result.views) {
        layouts.set(result.doc, result.views.layout);
        counts.set(result.doc, result.views.counts);
      }
      return opened(result, source, label, from, failures);
    } finally {
      dispatch({ type: 'loading-finished', id });
    }
  };

  const openExample = () => opened(openDesignText(EXAMPLE_TEXT), { kind: 'example', name: EXAMPLE_FILE_NAME }, EXAMPLE_FILE_NAME);

  /** Several failures at once (dropped files, a restored workspace) in one listing, each path led by its file. */
  const showFailures = (failures: ImportFailure[], what: string) => {
    if (failures.length === 1) showFailure(failures[0]);
    else if (failures.length > 1) {
      showFailure({
        fileName: `${failures.length} ${what}`, error: failures[0].error,
        problems: failures.flatMap((f) => f.problems.map((p) => ({ ...p, path: `${f.fileName}: ${p.path}` }))),
      });
    }
  };

  // The workspace of the last visit comes back (designs, the one on show, baseline, assumptions); without one, the
  // built-in example (a few kilobytes, opened right away so the first paint has a design).
  installPersistence({
    store, storage, openExample, showFailures,
    reopen: (d, failures) => {
      const label = `${d.source.name} (kept from your last visit)`;
      return 'text' in d
        ? load(label, () => loader.open(d.text, drawingWidth()), d.source, { text: d.text }, failures)
        : load(label, () => loader.generate(d.recipe, drawingWidth()), d.source, { recipe: d.recipe }, failures);
    },
    status: (text) => {
      byId('save-status').textContent = text;
    },
  });

  const input = byId<HTMLInputElement>('import-file');
  const openFile = async (file: File, failures?: ImportFailure[]) => {
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      opened({ ok: false, error: 'unreadable', problems: [{ path: '', code: 'unreadable-file', severity: 'error', message: `the browser could not read ${file.name} (${why}): check the file and choose it again` }] },
        { kind: 'file', name: file.name }, file.name, undefined, failures);
      return;
    }
    await load(file.name, () => loader.open(text, drawingWidth()), { kind: 'file', name: file.name }, { text }, failures);
  };
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    // Cleared so that choosing the same file again (after fixing it) fires another change.
    input.value = '';
    await openFile(file);
  });
  installFileDrop(document, async (files) => {
    const failures: ImportFailure[] = [];
    for (const file of files) await openFile(file, failures);
    showFailures(failures, `of the ${files.length} files`);
  });

  const examples = byId<HTMLSelectElement>('examples');
  examples.append(...EXAMPLES.map((e) => {
    const option = document.createElement('option');
    option.value = e.file;
    option.textContent = e.name;
    return option;
  }));
  examples.addEventListener('change', async () => {
    const example = EXAMPLES.find((e) => e.file === examples.value);
    examples.value = '';
    if (example) await load(example.file, () => loader.open(example.text, drawingWidth()), { kind: 'file', name: example.file }, { text: example.text });
  });

  const panel = byId('generate-panel');
  const openButton = byId<HTMLButtonElement>('generate-open');
  const showPanel = (show: boolean) => {
    panel.hidden = !show;
    openButton.setAttribute('aria-expanded', String(show));
    if (show) panel.querySelector<HTMLElement>('#gen-family')?.focus();
  };
  renderGenerateForm(panel, async (request) => {
    const label = `${request.family} (generator)`;
    const recipe = recipeOf(request);
    const ok = await load(label, () => loader.generate(recipe, drawingWidth()), { kind: 'generated', name: request.family }, { recipe });
    if (ok) showPanel(false);
  }, () => showPanel(false));
  openButton.addEventListener('click', () => showPanel(Boolean(panel.hidden)));

  const assumptionsPanel = byId('assumptions-panel');
  const assumptionsButton = byId<HTMLButtonElement>('assumptions-open');
  const showAssumptions = (show: boolean) => {
    assumptionsPanel.hidden = !show;
    assumptionsButton.setAttribute('aria-expanded', String(show));
    if (show) {
      renderAssumptions(assumptionsPanel, store.getState().assumptions, (assumptions) => {
        dispatch({ type: 'assumptions-changed', assumptions });
        showAssumptions(false);
      }, () => showAssumptions(false));
      assumptionsPanel.querySelector<HTMLElement>('input')?.focus();
    }
  };
  assumptionsButton.addEventListener('click', () => showAssumptions(Boolean(assumptionsPanel.hidden)));

  installKeyboard(document, store, { edit: editActive, undo, redo });

  // A wide drawing scrolls at its actual size; Fit to width scales it into the panel (the SVG keeps its viewBox).
  const fit = byId<HTMLButtonElement>('drawing-fit');
  fit.addEventListener('click', () => {
    const on = fit.getAttribute('aria-pressed') !== 'true';
    fit.setAttribute('aria-pressed', String(on));
    fit.textContent = on ? 'Actual size' : 'Fit to width';
    byId('drawing').classList.toggle('fit', on);
  });

  byId('export-json').addEventListener('click', () => {
    const design = activeDesign(store.getState());
    if (design) downloadDesign(design.doc);
  });

  return { store, evaluator, loader };
}
