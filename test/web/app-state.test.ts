// The reducer: a failed import never touches the open design, worker replies for a replaced design are dropped.
import { describe, expect, it } from 'vitest';
import type { FabricReport } from '../../src/metrics/evaluate.js';
import type { FabricDocument } from '../../src/model/types.js';
import { INITIAL_STATE, reduce, type Action, type AppState } from '../../web/state/app-state.js';
import { createStore } from '../../web/state/store.js';

const doc = (name: string): FabricDocument => ({ name, sites: [], racks: [], nodes: [], links: [] });
const report = (name: string) => ({ format: 'lightfabric/report', version: 1, name, timingsMs: {} }) as unknown as FabricReport;
const open = (name: string): Action => ({ type: 'design-opened', doc: doc(name), source: { kind: 'file', name: `${name}.json` }, warnings: [] });
const run = (state: AppState, ...actions: Action[]) => actions.reduce(reduce, state);

describe('reduce', () => {
  it('numbers designs 1, 2, 3 and starts each one unevaluated with no import failure', () => {
    const s1 = run(INITIAL_STATE, open('a'));
    expect(s1.design?.revision).toBe(1);
    const s2 = run(s1, { type: 'evaluation-started', revision: 1 }, { type: 'import-failed', failure: { fileName: 'x.json', error: 'not-json', problems: [] } }, open('b'));
    expect(s2.design?.revision).toBe(2);
    expect(s2.design?.doc.name).toBe('b');
    expect(s2.evaluation).toEqual({ status: 'idle' });
    expect(s2.importFailure).toBeNull();
    expect(run(s2, open('c')).design?.revision).toBe(3);
  });

  it('keeps the very same design and evaluation when an import fails', () => {
    const before = run(INITIAL_STATE, open('a'), { type: 'evaluation-started', revision: 1 },
      { type: 'evaluation-done', revision: 1, report: report('a'), elapsedMs: 5 });
    const failure = { fileName: 'bad.json', error: 'invalid' as const, problems: [{ path: 'links[2].b', code: 'dangling-link-end', severity: 'error' as const, message: 'm' }] };
    const after = reduce(before, { type: 'import-failed', failure });
    expect(after.design).toBe(before.design);
    expect(after.evaluation).toBe(before.evaluation);
    expect(after.importFailure).toBe(failure);
    const dismissed = reduce(after, { type: 'import-failure-dismissed' });
    expect(dismissed.importFailure).toBeNull();
    expect(dismissed.design).toBe(before.design);
    expect(reduce(dismissed, { type: 'import-failure-dismissed' })).toBe(dismissed);
  });

  it('follows one evaluation: started, progress, done', () => {
    const progress = { phase: 'hops', step: 1, steps: 10, overall: 0.05 };
    let s = run(INITIAL_STATE, open('a'), { type: 'evaluation-started', revision: 1 });
    expect(s.evaluation).toEqual({ status: 'running', revision: 1, progress: null });
    s = reduce(s, { type: 'evaluation-progress', revision: 1, progress });
    expect(s.evaluation).toEqual({ status: 'running', revision: 1, progress });
    s = reduce(s, { type: 'evaluation-done', revision: 1, report: report('a'), elapsedMs: 12 });
    expect(s.evaluation).toEqual({ status: 'done', revision: 1, report: report('a'), elapsedMs: 12 });
    // A progress tick after the result (a late message) does not turn it back into running.
    expect(reduce(s, { type: 'evaluation-progress', revision: 1, progress })).toBe(s);
    expect(reduce(s, { type: 'evaluation-failed', revision: 1, message: 'x' }).evaluation).toEqual({ status: 'failed', revision: 1, message: 'x' });
  });

  it('drops every evaluation message for a design that was replaced, or before any design', () => {
    const s = run(INITIAL_STATE, open('a'), { type: 'evaluation-started', revision: 1 }, open('b'), { type: 'evaluation-started', revision: 2 });
    for (const stale of [
      { type: 'evaluation-started', revision: 1 },
      { type: 'evaluation-progress', revision: 1, progress: { phase: 'hops', step: 1, steps: 10, overall: 0 } },
      { type: 'evaluation-done', revision: 1, report: report('a'), elapsedMs: 1 },
      { type: 'evaluation-failed', revision: 1, message: 'late' },
    ] as Action[]) {
      expect(reduce(s, stale)).toBe(s);
      expect(reduce(INITIAL_STATE, stale)).toBe(INITIAL_STATE);
    }
  });
});

describe('createStore', () => {
  it('tells subscribers about changes only, with the previous state, until they unsubscribe', () => {
    const store = createStore();
    const seen: [string | undefined, string | undefined][] = [];
    const stop = store.subscribe((s, prev) => seen.push([prev.design?.doc.name, s.design?.doc.name]));
    store.dispatch(open('a'));
    store.dispatch({ type: 'import-failure-dismissed' }); // no change: no call
    store.dispatch(open('b'));
    stop();
    store.dispatch(open('c'));
    expect(seen).toEqual([[undefined, 'a'], ['a', 'b']]);
    expect(store.getState().design?.doc.name).toBe('c');
  });
});
