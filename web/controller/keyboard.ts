// Keyboard on the design view: Ctrl+Z / Ctrl+Shift+Z (Cmd on a Mac; Ctrl+Y too) undo and redo edits of the design
// on show; Escape lets go of the drawing's selection; Delete (or Backspace) removes the selected device or single
// link. Nothing happens while a text field has the keyboard (it has its own undo and deletes text).
import type { Edit } from '../../src/edit/index.js';
import type { Store } from '../state/store.js';

export interface KeyboardActions {
  edit(edit: Edit, label: string): boolean;
  undo(): void;
  redo(): void;
}

export function installKeyboard(target: Document, store: Store, actions: KeyboardActions): void {
  target.addEventListener('keydown', (event) => {
    if (store.getState().view !== 'design') return;
    const t = event.target as HTMLElement | null;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
    const selection = store.getState().selection;
    if (event.key === 'Escape' && selection) {
      store.dispatch({ type: 'selection-changed', selection: null });
      return;
    }
    if ((event.key === 'Delete' || event.key === 'Backspace') && selection && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      if (selection.kind === 'node') actions.edit({ op: 'remove-node', id: selection.id }, `deleting ${selection.id}`);
      else if (selection.ids.length === 1) actions.edit({ op: 'remove-link', id: selection.ids[0] }, `deleting link ${selection.ids[0]}`);
      return;
    }
    if (!(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) actions.undo();
    else if ((key === 'z' && event.shiftKey) || key === 'y') actions.redo();
    else return;
    event.preventDefault();
  });
}
