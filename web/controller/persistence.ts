// The workspace across reloads (web/io/workspace-store.ts): brought back at start (designs loaded again in the
// loading worker, then the one on show, the baseline and the assumptions), else the built-in example; saved a moment
// after each change of what is kept (evaluation progress does not count).
import { loadWorkspace, saveWorkspace, type KeyValueStore, type SavedWorkspace } from '../io/workspace-store.js';
import type { AppState, ImportFailure } from '../state/app-state.js';
import type { Store } from '../state/store.js';
import { readAssumptions } from '../views/assumptions-view.js';

export interface PersistenceDeps {
  store: Store;
  storage: KeyValueStore | null;
  /** Open one saved design (file text or recipe); false when it no longer loads (its failure is collected). */
  reopen(design: SavedWorkspace['designs'][number], failures: ImportFailure[]): Promise<boolean>;
  openExample(): void;
  showFailures(failures: ImportFailure[], label: string): void;
  status(text: string): void;
}

const SAVE_DELAY_MS = 400;

export function installPersistence(deps: PersistenceDeps): void {
  const { store, storage, status } = deps;
  const dispatch = store.dispatch;
  let restoring = true;

  const restore = async (saved: SavedWorkspace) => {
    const checked = readAssumptions(Object.fromEntries(Object.entries(saved.assumptions).map(([k, v]) => [k, String(v)])));
    if (checked.ok && Object.keys(checked.assumptions).length) dispatch({ type: 'assumptions-changed', assumptions: checked.assumptions });
    const failures: ImportFailure[] = [];
    const revisions: (number | null)[] = [];
    for (const d of saved.designs) revisions.push((await deps.reopen(d, failures)) ? store.getState().active : null);
    if (store.getState().designs.length === 0) deps.openExample();
    const active = saved.active === null ? null : revisions[saved.active];
    if (active !== null && active !== undefined) dispatch({ type: 'design-selected', revision: active });
    const baseline = saved.baseline === null ? null : revisions[saved.baseline];
    if (baseline !== null && baseline !== undefined) dispatch({ type: 'baseline-selected', revision: baseline });
    deps.showFailures(failures, 'designs kept from your last visit');
    if (saved.leftOut.length) status(`Not kept from your last visit (too large to keep in the browser; export them): ${saved.leftOut.join(', ')}`);
  };

  const saved = storage ? loadWorkspace(storage) : null;
  if (saved && !('error' in saved) && saved.designs.length > 0) {
    void restore(saved).finally(() => (restoring = false));
  } else {
    if (saved && 'error' in saved) status(`Your last workspace could not be restored: ${saved.error}. Starting from the example.`);
    deps.openExample();
    restoring = false;
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  const keptOf = (state: AppState) => [state.active, state.baseline, state.assumptions, ...state.designs.map((d) => d.doc)];
  let lastKept: unknown[] = [];
  store.subscribe((state) => {
    if (!storage || restoring) return;
    const kept = keptOf(state);
    if (kept.length === lastKept.length && kept.every((x, i) => x === lastKept[i])) return;
    lastKept = kept;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const r = saveWorkspace(storage, store.getState());
      if (!r.ok) status(`The workspace could not be kept in the browser (${r.reason}): export your designs.`);
      else status(r.leftOut.length ? `Kept in this browser, except (too large; export them): ${r.leftOut.join(', ')}` : '');
    }, SAVE_DELAY_MS);
  });
}
