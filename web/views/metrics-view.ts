// The metrics summary table and the evaluation's progress. Values carry their raw figure in data-value.
import type { Evaluation } from '../state/app-state.js';
import { h } from './dom.js';
import { formatDurationMs, formatNumber } from './format.js';
import { metricRows } from './metric-rows.js';

export function renderEvaluationStatus(el: HTMLElement, evaluation: Evaluation): void {
  el.dataset.status = evaluation.status;
  switch (evaluation.status) {
    case 'idle':
      el.replaceChildren();
      return;
    case 'running': {
      const p = evaluation.progress;
      const text = p && p.step > 0 ? `Evaluating in a worker: ${p.phase} (${p.step} of ${p.steps})` : 'Evaluating in a worker: starting';
      el.replaceChildren(
        h('label', { for: 'evaluation-progress' }, text),
        h('progress', { id: 'evaluation-progress', max: 1, value: p ? p.overall : 0 }, `${formatNumber((p?.overall ?? 0) * 100)} %`),
      );
      return;
    }
    case 'done':
      el.replaceChildren(h('span', {}, `Evaluated in ${formatDurationMs(evaluation.elapsedMs)} in a Web Worker.`));
      return;
    case 'failed':
      el.replaceChildren(h('span', { class: 'error' }, `The evaluation failed: ${evaluation.message}`));
      return;
  }
}

export function renderMetrics(el: HTMLElement, evaluation: Evaluation): void {
  if (evaluation.status !== 'done') {
    el.replaceChildren(h('p', { class: 'muted placeholder' },
      evaluation.status === 'failed' ? 'No metrics: the evaluation failed.' : 'Metrics appear here when the evaluation finishes.'));
    return;
  }
  const rows = metricRows(evaluation.report);
  const body: HTMLElement[] = [];
  let section = '';
  for (const r of rows) {
    const first = r.section !== section;
    section = r.section;
    body.push(h('tr', { 'data-metric': r.key, class: first ? 'section-start' : undefined },
      h('th', { scope: 'row', class: 'section' }, first ? r.section : ''),
      h('th', { scope: 'row' }, r.label),
      h('td', { class: 'num value', 'data-value': r.value === null ? 'null' : String(r.value) }, r.text),
      h('td', { class: 'unit' }, r.unit),
      h('td', { class: 'note' }, r.note)));
  }
  el.replaceChildren(h('table', { class: 'metrics', id: 'metrics-table' },
    h('caption', {}, 'Metrics (evaluateFabric)'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Metric'), h('th', { scope: 'col' }, ''), h('th', { scope: 'col', class: 'num' }, 'Value'),
      h('th', { scope: 'col' }, 'Unit'), h('th', { scope: 'col' }, 'Note'))),
    h('tbody', {}, body)));
}
