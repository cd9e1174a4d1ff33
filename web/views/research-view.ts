// The research-sites panel: each campus or institute, its optical spans to the data centre, and (once evaluated)
// its latency to the centre's accelerators. Hidden for designs without such sites.
import type { FabricReport } from '../../src/metrics/evaluate.js';
import type { FabricDocument } from '../../src/model/types.js';
import { h } from './dom.js';
import { formatNumber } from './format.js';
import { researchRows } from './research-rows.js';

export function renderResearch(panel: HTMLElement, el: HTMLElement, doc: FabricDocument | null, report: FabricReport | null): void {
  const rows = doc ? researchRows(doc, report) : [];
  panel.hidden = rows.length === 0;
  if (rows.length === 0) {
    el.replaceChildren();
    return;
  }
  const num = (v: number | null, d: number, attr = true) =>
    h('td', { class: 'num', 'data-value': attr ? (v === null ? 'null' : String(v)) : undefined }, formatNumber(v, d));
  el.replaceChildren(
    h('p', { class: 'muted' }, 'Latency from the site\'s gateway to the data centre\'s accelerators along the fastest shortest-hop route: fibre propagation, optics (coherent DSP) and every router and switch on the way.'),
    h('div', { class: 'table-scroll' }, h('table', { class: 'metrics research', id: 'research-table' },
      h('caption', { class: 'visually-hidden' }, 'Research sites'),
      h('thead', {}, h('tr', {},
        ['Site', 'Kind', 'Spans', 'Longest span (km)', 'Capacity (Gbps)', 'Optics', 'Min (µs)', 'Mean (µs)', 'Max (µs)', 'Hops', 'Reaches']
          .map((t, i) => h('th', { scope: 'col', class: i >= 2 && i !== 5 ? 'num' : undefined }, t)))),
      h('tbody', {}, rows.map((r) => h('tr', { 'data-site': r.site },
        h('th', { scope: 'row' }, r.name), h('td', {}, r.kind),
        num(r.spans, 0), num(r.spanKm, 1), num(r.gbps, 0),
        h('td', { class: 'note' }, r.optics.join(', ') || '—'),
        num(r.minUs, 1), num(r.meanUs, 1), num(r.maxUs, 1), num(r.minHops, 0),
        h('td', { class: 'num' }, r.reachable === null ? '—' : r.unreachable ? `${formatNumber(r.reachable)} (${formatNumber(r.unreachable)} not)` : `all ${formatNumber(r.reachable)}`))))),
  ));
}
