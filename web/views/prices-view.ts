// The bill of materials of the design on show, with its prices: every line's quantity, unit price, where the price
// comes from (flag: P vendor, S secondary, E estimate, U this design's override) and total, and a field to set this
// design's own price (a quote) or go back to the catalog's. A price set here is an edit (catalogOverrides in the
// file): checked, undoable, and the design is evaluated again.
import type { BomLine, CostReport } from '../../src/metrics/cost/cost.js';
import type { Edit } from '../../src/edit/index.js';
import type { FabricDocument } from '../../src/model/types.js';
import { h } from './dom.js';
import { formatNumber } from './format.js';

/** Where a BOM line's unit price lives in catalogOverrides, or null when it cannot be set per design. */
export function priceField(line: BomLine): { model: string; field: string } | null {
  switch (line.kind) {
    case 'server':
      return { model: line.model, field: 'serverOverheadCostUsd' };
    case 'fibre':
      return line.model === 'smf' || line.model === 'mmf' ? { model: 'fibre', field: `${line.model}CostUsdPerM` } : null;
    case 'amplifier':
      return null;
    default:
      return { model: line.model, field: 'priceUsd' };
  }
}

export function renderPrices(el: HTMLElement, doc: FabricDocument | null, cost: CostReport | undefined, edit: (e: Edit, label: string) => boolean): void {
  if (!doc || !cost) {
    el.replaceChildren(h('p', { class: 'muted placeholder' }, 'The bill of materials appears when the design has been evaluated.'));
    return;
  }
  const rows = cost.bom.map((line) => {
    const where = priceField(line);
    const overridden = where ? doc.catalogOverrides?.[where.model]?.[where.field] : undefined;
    let control: HTMLElement | string = '';
    if (where) {
      const input = h('input', { type: 'text', inputmode: 'decimal', name: `price-${line.kind}-${line.model}`, autocomplete: 'off',
        // A cable is priced whole though the BOM counts half a cable per link end.
        'aria-label': `Price of ${line.name} (USD per ${line.unit === 'half-cable' ? 'cable' : line.unit})`,
        placeholder: line.unit === 'half-cable' ? 'USD per cable' : 'your price', value: overridden === undefined ? '' : String(overridden), size: 9 });
      const set = h('button', { type: 'submit', class: 'button secondary' }, 'Set');
      const form = h('form', { class: 'price-form' }, input, set);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const t = input.value.trim().replace(/[,_]/g, '');
        const value = t === '' ? undefined : Number(t);
        edit({ op: 'set-override', model: where.model, field: where.field, value }, `the price of ${line.name}`);
      });
      control = form;
    }
    const flag = line.source?.flag ?? '';
    return h('tr', { 'data-bom': `${line.kind}:${line.model}` },
      h('td', {}, line.kind), h('th', { scope: 'row', title: line.model }, line.name),
      h('td', { class: 'num', 'data-value': line.quantity }, formatNumber(line.quantity, 2), h('span', { class: 'muted' }, ` ${line.unit}`)),
      h('td', { class: 'num unit-price', 'data-value': line.unitPriceUsd }, formatNumber(line.unitPriceUsd, 2)),
      h('td', { class: 'flag' }, h('span', { class: `tag flag-${flag.replace(/\W/g, '')}`, title: line.source?.source ?? '' }, flag || '—')),
      h('td', { class: 'num', 'data-value': line.totalUsd }, formatNumber(line.totalUsd, 0)),
      h('td', {}, control));
  });
  el.replaceChildren(
    h('p', { class: 'muted' }, `Capex ${formatNumber(cost.capexUsd, 0)} USD; ${formatNumber((cost.estimatedShare ?? 0) * 100, 0)} % of it from estimated prices. Hover a flag for its source. A price you set is saved in the design (catalogOverrides); empty the field and Set to go back to the catalog.`),
    h('div', { class: 'table-scroll' }, h('table', { class: 'metrics bom', id: 'bom-table' },
      h('caption', { class: 'visually-hidden' }, 'Bill of materials'),
      h('thead', {}, h('tr', {}, ['Kind', 'Item', 'Quantity', 'Unit price (USD)', 'Flag', 'Total (USD)', 'This design\'s price']
        .map((t, i) => h('th', { scope: 'col', class: i === 2 || i === 3 || i === 5 ? 'num' : undefined }, t)))),
      h('tbody', {}, rows))));
}
