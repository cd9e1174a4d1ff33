// The reducer: designs accumulate in the workspace, a failed import never touches them, worker replies reach the
// design they were started for (or nothing, once it is closed), and evaluations run one at a time.
import { describe, expect, it } from 'vitest';
import type { FabricReport } from '../../src/metrics/evaluate.js';
import type { FabricDocument } from '../../src/model/types.js';
import {
  activeDesign, baselineDesign, INITIAL_STATE, nextToEvaluate, reduce, type Action, type AppState,
} from '../../web/state/app-state.js';
import { createStore } from '../../web/state/store.js';

const doc = (name: string): FabricDocument => ({ name, sites: [], racks: [], nodes: [], links: [] });
const report = (name: string) => ({ format: 'lightfabric/report', version: 1, name, timingsMs: {} }) as unknown as FabricReport;
const open = (name: string): Action => ({ type: 'design-opened', doc: doc(name), source: { kind: 'file', name: `${name}.json` }, warnings: [] });
const run = (state: AppState, ...actions: Action[]) => actions.reduce(reduce, state);
const names = (s: AppState) => s.designs.map((d) => d.doc.name);

describe('reduce: the workspace', () => {
  it('numbers designs 1, 2, 3, keeps them all, shows the newest, and starts each unevaluated', () => {
    const s1 = run(INITIAL_STATE, open('a'));
    expect(activeDesign(s1)?.revision).toBe(1);
    const s2 = run(s1, { type: 'evaluation-started', revision: 1, version: 1 }, { type: 'import-failed', failure: { fileName: 'x.json', error: 'not-json', problems: [] } }, open('b'));
    expect(names(s2)).toEqual(['a', 'b']);
    expect(activeDesign(s2)?.doc.name).toBe('b');
    expect(activeDesign(s2)?.evaluation).toEqual({ status: 'idle' });
    expect(s2.designs[0].evaluation.status).toBe('running');
    expect(s2.importFailure).toBeNull();
    expect(run(s2, open('c')).active).toBe(3);
  });

  it('selects, closes (the neighbour takes its place) and never reuses a revision', () => {
    let s = run(INITIAL_STATE, open('a'), open('b'), open('c'), { type: 'design-selected', revision: 2 });
    expect(activeDesign(s)?.doc.name).toBe('b');
    s = reduce(s, { type: 'design-closed', revision: 2 });
    expect(names(s)).toEqual(['a', 'c']);
    expect(activeDesign(s)?.doc.name).toBe('c');
    s = reduce(s, { type: 'design-closed', revision: 3 });
    expect(activeDesign(s)?.doc.name).toBe('a');
    s = reduce(s, open('d'));
    expect(activeDesign(s)?.revision).toBe(4);
    s = run(s, { type: 'design-closed', revision: 1 }, { type: 'design-closed', revision: 4 });
    expect(s.designs).toEqual([]);
    expect(s.active).toBeNull();
    expect(reduce(s, { type: 'design-selected', revision: 1 })).toBe(s);
    expect(reduce(s, { type: 'design-closed', revision: 1 })).toBe(s);
  });

  it('baseline: the first design unless one is chosen; closing the chosen one falls back to the first', () => {
    let s = run(INITIAL_STATE, open('a'), open('b'), open('c'));
    expect(baselineDesign(s)?.doc.name).toBe('a');
    s = reduce(s, { type: 'baseline-selected', revision: 3 });
    expect(baselineDesign(s)?.doc.name).toBe('c');
    expect(reduce(s, { type: 'baseline-selected', revision: 9 })).toBe(s);
    s = reduce(s, { type: 'design-closed', revision: 3 });
    expect(baselineDesign(s)?.doc.name).toBe('a');
    expect(baselineDesign(INITIAL_STATE)).toBeNull();
  });

  it('switches views; opening or selecting a design shows it; closing the last one leaves the design view', () => {
    let s = run(INITIAL_STATE, open('a'), open('b'), { type: 'view-changed', view: 'compare' });
    expect(s.view).toBe('compare');
    expect(reduce(s, { type: 'view-changed', view: 'compare' })).toBe(s);
    expect(reduce(s, { type: 'design-selected', revision: 1 }).view).toBe('design');
    expect(reduce(s, open('c')).view).toBe('design');
    s = run(s, { type: 'design-closed', revision: 1 }, { type: 'design-closed', revision: 2 });
    expect(s.view).toBe('design');
  });

  it('keeps the very same designs when an import fails', () => {
    const before = run(INITIAL_STATE, open('a'), { type: 'evaluation-started', revision: 1, version: 1 },
      { type: 'evaluation-done', revision: 1, version: 1, report: report('a'), elapsedMs: 5 });
    const failure = { fileName: 'bad.json', error: 'invalid' as const, problems: [{ path: 'links[2].b', code: 'dangling-link-end', severity: 'error' as const, message: 'm' }] };
    const after = reduce(before, { type: 'import-failed', failure });
    expect(after.designs).toBe(before.designs);
    expect(after.active).toBe(before.active);
    expect(after.importFailure).toBe(failure);
    const dismissed = reduce(after, { type: 'import-failure-dismissed' });
    expect(dismissed.importFailure).toBeNull();
    expect(dismissed.designs).toBe(before.designs);
    expect(reduce(dismissed, { type: 'import-failure-dismissed' })).toBe(dismissed);
  });

  it('tracks one load at a time by id; a stale finish is ignored', () => {
    let s = reduce(INITIAL_STATE, { type: 'loading-started', id: 1, label: 'x.json' });
    s = reduce(s, { type: 'loading-started', id: 2, label: 'fat-tree' });
    expect(reduce(s, { type: 'loading-finished', id: 1 })).toBe(s);
    expect(reduce(s, { type: 'loading-finished', id: 2 }).loading).toBeNull();
  });
});

describe('reduce: evaluations', () => {
  it('follows one evaluation: started, progress, done', () => {
    const progress = { phase: 'hops', step: 1, steps: 10, overall: 0.05 };
    let s = run(INITIAL_STATE, open('a'), { type: 'evaluation-started', revision: 1, version: 1 });
    expect(s.designs[0].evaluation).toEqual({ status: 'running', revision: 1, version: 1, progress: null });
    s = reduce(s, { type: 'evaluation-progress', revision: 1, version: 1, progress });
    expect(s.designs[0].evaluation).toEqual({ status: 'running', revision: 1, version: 1, progress });
    s = reduce(s, { type: 'evaluation-done', revision: 1, version: 1, report: report('a'), elapsedMs: 12 });
    expect(s.designs[0].evaluation).toEqual({ status: 'done', revision: 1, version: 1, report: report('a'), elapsedMs: 12 });
    // A progress tick after the result (a late message) does not turn it back into running.
    expect(reduce(s, { type: 'evaluation-progress', revision: 1, version: 1, progress })).toBe(s);
    expect(reduce(s, { type: 'evaluation-failed', revision: 1, version: 1, message: 'x' }).designs[0].evaluation).toEqual({ status: 'failed', revision: 1, version: 1, message: 'x' });
  });

  it('each design keeps its own evaluation; messages for a closed design, or before any, change nothing', () => {
    let s = run(INITIAL_STATE, open('a'), { type: 'evaluation-started', revision: 1, version: 1 }, { type: 'evaluation-done', revision: 1, version: 1, report: report('a'), elapsedMs: 1 },
      open('b'), { type: 'evaluation-started', revision: 2, version: 1 });
    expect(s.designs.map((d) => d.evaluation.status)).toEqual(['done', 'running']);
    s = reduce(s, { type: 'design-closed', revision: 2 });
    for (const stale of [
      { type: 'evaluation-started', revision: 2, version: 1 },
      { type: 'evaluation-progress', revision: 2, version: 1, progress: { phase: 'hops', step: 1, steps: 10, overall: 0 } },
      { type: 'evaluation-done', revision: 2, version: 1, report: report('b'), elapsedMs: 1 },
      { type: 'evaluation-failed', revision: 2, version: 1, message: 'late' },
    ] as Action[]) {
      expect(reduce(s, stale)).toBe(s);
      expect(reduce(INITIAL_STATE, stale)).toBe(INITIAL_STATE);
    }
  });

  it('evaluates one design at a time: the one on show first, then the rest in order', () => {
    let s = run(INITIAL_STATE, open('a'), open('b'), open('c'));
    expect(nextToEvaluate(s)?.doc.name).toBe('c');
    s = reduce(s, { type: 'evaluation-started', revision: 3, version: 1 });
    expect(nextToEvaluate(s)).toBeNull();
    s = run(s, { type: 'evaluation-failed', revision: 3, version: 1, message: 'x' }, { type: 'design-selected', revision: 2 });
    expect(nextToEvaluate(s)?.doc.name).toBe('b');
    s = run(s, { type: 'evaluation-started', revision: 2, version: 1 }, { type: 'evaluation-done', revision: 2, version: 1, report: report('b'), elapsedMs: 1 });
    expect(nextToEvaluate(s)?.doc.name).toBe('a');
    s = run(s, { type: 'evaluation-started', revision: 1, version: 1 }, { type: 'evaluation-done', revision: 1, version: 1, report: report('a'), elapsedMs: 1 });
    expect(nextToEvaluate(s)).toBeNull();
  });
});

describe('reduce: editing', () => {
  const edited = (revision: number, name: string, summary: string): Action =>
    ({ type: 'design-edited', revision, doc: doc(name), warnings: [], summary });

  it('an edit replaces the document, keeps the old one for undo, and asks for a new evaluation', () => {
    let s = run(INITIAL_STATE, open('a'), { type: 'evaluation-started', revision: 1, version: 1 },
      { type: 'evaluation-done', revision: 1, version: 1, report: report('a'), elapsedMs: 1 });
    s = reduce(s, edited(1, 'a2', 'changed x'));
    const d = activeDesign(s)!;
    expect(d.doc.name).toBe('a2');
    expect(d.version).toBe(2);
    expect(d.evaluation).toEqual({ status: 'idle' });
    expect(d.past.map((h) => [h.doc.name, h.summary])).toEqual([['a', 'changed x']]);
    expect(d.lastEdit).toBe('changed x');
    expect(nextToEvaluate(s)?.revision).toBe(1);
  });

  it('undo and redo walk the history; a new edit drops what was undone', () => {
    let s = run(INITIAL_STATE, open('a'), edited(1, 'b', 'e1'), edited(1, 'c', 'e2'));
    s = reduce(s, { type: 'design-undo', revision: 1 });
    expect(activeDesign(s)!.doc.name).toBe('b');
    expect(activeDesign(s)!.lastEdit).toBe('undid: e2');
    s = reduce(s, { type: 'design-undo', revision: 1 });
    expect(activeDesign(s)!.doc.name).toBe('a');
    expect(reduce(s, { type: 'design-undo', revision: 1 })).toBe(s);
    s = reduce(s, { type: 'design-redo', revision: 1 });
    expect(activeDesign(s)!.doc.name).toBe('b');
    expect(activeDesign(s)!.lastEdit).toBe('redid: e1');
    s = reduce(s, edited(1, 'z', 'e3'));
    expect(activeDesign(s)!.future).toEqual([]);
    expect(reduce(s, { type: 'design-redo', revision: 1 })).toBe(s);
    expect(activeDesign(s)!.version).toBe(7); // open, e1, e2, undo, undo, redo, e3
  });

  it('drops the result of an evaluation of a version an edit has replaced', () => {
    let s = run(INITIAL_STATE, open('a'), { type: 'evaluation-started', revision: 1, version: 1 }, edited(1, 'b', 'e'));
    const late = reduce(s, { type: 'evaluation-done', revision: 1, version: 1, report: report('a'), elapsedMs: 1 });
    expect(late).toBe(s);
    s = run(s, { type: 'evaluation-started', revision: 1, version: 2 }, { type: 'evaluation-done', revision: 1, version: 2, report: report('b'), elapsedMs: 1 });
    expect(activeDesign(s)!.evaluation.status).toBe('done');
  });

  it('keeps the selection while what it names exists, and clears it when another design is shown', () => {
    const withNodes = (ids: string[], links: string[]): FabricDocument => ({
      name: 'x', sites: [], racks: [], nodes: ids.map((id) => ({ id, kind: 'switch', model: 'm' })),
      links: links.map((id) => ({ id, a: ids[0], b: ids[1], gbps: 1, lengthM: 1, medium: 'smf' })),
    });
    let s = run(INITIAL_STATE, open('a'), { type: 'design-edited', revision: 1, doc: withNodes(['p', 'q'], ['l1', 'l2']), warnings: [], summary: 's' },
      { type: 'selection-changed', selection: { kind: 'links', ids: ['l1', 'l2'] } });
    s = reduce(s, { type: 'design-edited', revision: 1, doc: withNodes(['p', 'q'], ['l2']), warnings: [], summary: 'removed l1' });
    expect(s.selection).toEqual({ kind: 'links', ids: ['l2'] });
    s = run(s, { type: 'selection-changed', selection: { kind: 'node', id: 'q' } },
      { type: 'design-edited', revision: 1, doc: withNodes(['p'], []), warnings: [], summary: 'removed q' });
    expect(s.selection).toBeNull();
    s = run(s, { type: 'selection-changed', selection: { kind: 'node', id: 'p' } }, open('b'));
    expect(s.selection).toBeNull();
  });
});

describe('reduce: assumptions', () => {
  it('new assumptions ask for every design to be evaluated again and drop results under the old ones', () => {
    let s = run(INITIAL_STATE, open('a'), open('b'), { type: 'evaluation-started', revision: 1, version: 1 },
      { type: 'evaluation-done', revision: 1, version: 1, report: report('a'), elapsedMs: 1 }, { type: 'evaluation-started', revision: 2, version: 1 });
    s = reduce(s, { type: 'assumptions-changed', assumptions: { pue: 1.2 } });
    expect(s.assumptions).toEqual({ pue: 1.2 });
    expect(s.designs.map((d) => [d.version, d.evaluation.status, d.doc.name, d.past.length])).toEqual([[2, 'idle', 'a', 0], [2, 'idle', 'b', 0]]);
    expect(reduce(s, { type: 'evaluation-done', revision: 2, version: 1, report: report('b'), elapsedMs: 1 })).toBe(s);
  });
});

describe('createStore', () => {
  it('tells subscribers about changes only, with the previous state, until they unsubscribe', () => {
    const store = createStore();
    const seen: [string | undefined, string | undefined][] = [];
    const stop = store.subscribe((s, prev) => seen.push([activeDesign(prev)?.doc.name, activeDesign(s)?.doc.name]));
    store.dispatch(open('a'));
    store.dispatch({ type: 'import-failure-dismissed' }); // no change: no call
    store.dispatch(open('b'));
    stop();
    store.dispatch(open('c'));
    expect(seen).toEqual([[undefined, 'a'], ['a', 'b']]);
    expect(activeDesign(store.getState())?.doc.name).toBe('c');
  });
});
