// Problems of a file that could not be opened (each with its JSON path, code and how to fix it), and the
// warnings of the design that is open.
import type { Problem } from '../../src/model/problem.js';
import type { Design, ImportFailure } from '../state/app-state.js';
import { h } from './dom.js';
import { formatCount } from './format.js';

const WHY: Record<ImportFailure['error'], string> = {
  'not-json': 'it is not valid JSON',
  'not-a-topology': 'it is not a lightfabric topology or recipe file',
  'version-too-new': 'it was written by a newer version of lightfabric',
  'migration-failed': 'it could not be upgraded from its older format version',
  invalid: 'it has errors',
  unreadable: 'the browser could not read it',
  'edit-refused': 'it would make the design invalid',
};

function problemTable(problems: Problem[], caption: string): HTMLTableElement {
  return h('table', { class: 'problems' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Path'), h('th', { scope: 'col' }, 'Code'), h('th', { scope: 'col' }, 'Problem'))),
    h('tbody', {}, problems.map((p) => h('tr', { class: `severity-${p.severity}`, 'data-path': p.path, 'data-code': p.code },
      h('td', { class: 'path' }, h('code', {}, p.path || '(whole file)')),
      h('td', { class: 'code' }, p.code),
      h('td', {}, p.severity === 'warning' ? h('span', { class: 'tag' }, 'warning') : null, p.message)))));
}

export function renderImportFailure(el: HTMLElement, failure: ImportFailure | null, openName: string | null, onDismiss: () => void): void {
  el.hidden = failure === null;
  if (!failure) {
    el.replaceChildren();
    return;
  }
  const errors = failure.problems.filter((p) => p.severity === 'error').length;
  const dismiss = h('button', { type: 'button', class: 'dismiss' }, 'Dismiss');
  dismiss.addEventListener('click', onDismiss);
  el.replaceChildren(
    h('div', { class: 'problems-head' },
      h('h2', { id: 'import-problems-title' }, failure.error === 'edit-refused'
        ? `Not applied — ${failure.fileName}: ${WHY[failure.error]}`
        : `Could not open ${failure.fileName}: ${WHY[failure.error]}`),
      dismiss),
    h('p', {}, `${formatCount(errors, 'error')}${failure.problems.length > errors ? ` and ${formatCount(failure.problems.length - errors, 'warning')}` : ''}. `,
      openName ? `“${openName}” is still open, unchanged.` : 'No design is open.'),
    problemTable(failure.problems, `Problems in ${failure.fileName}`),
  );
}

export function renderWarnings(el: HTMLElement, design: Design | null): void {
  const warnings = design?.warnings ?? [];
  el.hidden = warnings.length === 0;
  if (warnings.length === 0) {
    el.replaceChildren();
    return;
  }
  el.replaceChildren(
    h('details', {},
      h('summary', {}, `${formatCount(warnings.length, 'warning')} while loading this design`),
      problemTable(warnings, 'Warnings of the open design')));
}
