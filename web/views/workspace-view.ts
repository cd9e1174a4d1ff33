// The workspace bar: one tab per open design (name, evaluation state, close button) and the Compare tab. Tabs are
// buttons with aria-pressed, so a keyboard and a screen reader reach each one.
import type { AppState, Design } from '../state/app-state.js';
import { h } from './dom.js';

export interface WorkspaceHandlers {
  select(revision: number): void;
  close(revision: number): void;
  compare(): void;
}

const STATUS: Record<Design['evaluation']['status'], string> = {
  idle: 'waiting to be evaluated', running: 'evaluating', done: 'evaluated', failed: 'evaluation failed',
};

export function renderWorkspace(el: HTMLElement, state: AppState, on: WorkspaceHandlers): void {
  const tabs = state.designs.map((d) => {
    const shown = state.view === 'design' && d.revision === state.active;
    const tab = h('button', {
      type: 'button', class: 'tab', 'data-revision': d.revision, 'aria-pressed': shown ? 'true' : 'false',
      title: `${d.doc.name}: ${STATUS[d.evaluation.status]}`,
    }, h('span', { class: `dot status-${d.evaluation.status}`, 'aria-hidden': 'true' }), h('span', { class: 'tab-name' }, d.doc.name));
    tab.addEventListener('click', () => on.select(d.revision));
    const close = h('button', { type: 'button', class: 'tab-close', 'aria-label': `Close ${d.doc.name}`, title: 'Close this design' }, '×');
    close.addEventListener('click', () => on.close(d.revision));
    return h('span', { class: 'tab-wrap' }, tab, close);
  });
  const evaluated = state.designs.filter((d) => d.evaluation.status === 'done').length;
  const compare = h('button', {
    type: 'button', class: 'tab compare-tab', id: 'compare-tab', 'aria-pressed': state.view === 'compare' ? 'true' : 'false',
    disabled: state.designs.length < 2,
    title: state.designs.length < 2 ? 'Open or generate a second design to compare' : 'Compare the designs side by side',
  }, `Compare (${evaluated} of ${state.designs.length} evaluated)`);
  compare.addEventListener('click', on.compare);
  const loading = state.loading ? h('span', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), `Loading ${state.loading.label}…`) : null;
  el.replaceChildren(h('div', { class: 'tabs' }, tabs), compare, ...(loading ? [loading] : []));
}
