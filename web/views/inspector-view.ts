// The inspector: what is selected on the drawing, as forms that turn into edits (src/edit). A device: its model,
// name, rack, server and group, its links, a form to link it to another device, and Delete. A bundle of links:
// each link's speed, length, medium and optic, with Apply and Delete. Undo and Redo sit on top with what the last
// edit did. The forms only build edits; the controller applies and checks them, and a refused edit is listed with
// its problems while the design stays as it was.
import { createCatalog, type CatalogKind } from '../../src/catalog/index.js';
import { freshId, type Edit } from '../../src/edit/index.js';
import { MEDIA, type FabricDocument, type FabricLink, type FabricNode, type Medium } from '../../src/model/types.js';
import type { Design, Selection } from '../state/app-state.js';
import { h } from './dom.js';
import { formatNumber } from './format.js';
import { MEDIUM_STYLE } from './palette.js';

export interface InspectorHandlers {
  /** Apply an edit to the design on show; false when it was refused (its problems are shown). */
  edit(edit: Edit, label: string): boolean;
  undo(): void;
  redo(): void;
  select(selection: Selection | null): void;
}

const MODEL_KIND: Record<FabricNode['kind'], CatalogKind> = {
  accelerator: 'accelerator', switch: 'switch', ocs: 'ocs', 'patch-panel': 'patch-panel', gateway: 'gateway',
};

function modelSelect(id: string, doc: FabricDocument, kind: CatalogKind, value: string | undefined, allowNone: boolean): HTMLSelectElement {
  const entries = createCatalog(doc.catalogOverrides).entries(kind);
  const known = entries.some((e) => e.id === value);
  return h('select', { id, name: id },
    allowNone ? h('option', { value: '', selected: !value }, '(none)') : null,
    !known && value ? h('option', { value, selected: true }, `${value} (not in the catalog)`) : null,
    entries.map((e) => h('option', { value: e.id, selected: e.id === value }, `${e.name} (${e.id})`)));
}

function mediumSelect(id: string, value: Medium): HTMLSelectElement {
  return h('select', { id, name: id }, MEDIA.map((m) => h('option', { value: m, selected: m === value }, MEDIUM_STYLE[m].label)));
}

function field(label: string, control: HTMLElement): HTMLElement {
  return h('label', { class: 'inspector-field' }, h('span', {}, label), control);
}

const text = (id: string, value: string | number | undefined, attrs: Record<string, string> = {}) =>
  h('input', { id, name: id, type: 'text', value: value === undefined ? '' : String(value), autocomplete: 'off', spellcheck: 'false', ...attrs });

/** A number field's value: a finite number, or NaN for anything else (the check then names the field). */
function numberOf(input: HTMLInputElement): number {
  const t = input.value.trim().replace(/_/g, '');
  return t === '' ? Number.NaN : Number(t);
}

const optional = (v: string) => (v.trim() === '' ? undefined : v.trim());

function historyBar(design: Design, on: InspectorHandlers): HTMLElement {
  const undo = h('button', { type: 'button', class: 'button secondary', id: 'undo', disabled: design.past.length === 0,
    title: design.past.length ? `Undo: ${design.past[design.past.length - 1].summary} (Ctrl+Z)` : 'Nothing to undo' }, 'Undo');
  const redo = h('button', { type: 'button', class: 'button secondary', id: 'redo', disabled: design.future.length === 0,
    title: design.future.length ? `Redo: ${design.future[design.future.length - 1].summary} (Ctrl+Shift+Z)` : 'Nothing to redo' }, 'Redo');
  undo.addEventListener('click', on.undo);
  redo.addEventListener('click', on.redo);
  return h('div', { class: 'history' }, undo, redo,
    h('span', { class: 'muted', id: 'last-edit' }, design.lastEdit ? `Last: ${design.lastEdit}` : 'No edits yet'));
}

function linkLine(doc: FabricDocument, l: FabricLink): string {
  const via = l.via?.length ? ` via ${l.via.join(', ')}` : '';
  return `${l.a} — ${l.b}${via}: ${formatNumber(l.gbps)} Gbps, ${formatNumber(l.lengthM, 2)} m ${MEDIUM_STYLE[l.medium].noun}${l.transceiver ? `, ${l.transceiver}` : ''}`;
}

function nodeInspector(doc: FabricDocument, node: FabricNode, on: InspectorHandlers): HTMLElement[] {
  const model = modelSelect('ins-model', doc, MODEL_KIND[node.kind], node.model, false);
  const name = text('ins-name', node.name);
  const rack = h('select', { id: 'ins-rack', name: 'ins-rack' }, h('option', { value: '', selected: !node.rack }, '(none)'),
    doc.racks.map((r) => h('option', { value: r.id, selected: r.id === node.rack }, r.id)));
  const server = text('ins-server', node.server);
  const group = text('ins-group', node.group);
  const apply = h('button', { type: 'submit', class: 'button primary', id: 'ins-apply' }, 'Apply changes');
  const del = h('button', { type: 'button', class: 'button danger', id: 'ins-delete' }, 'Delete device');
  const form = h('form', { class: 'inspector-form', id: 'node-form' },
    field('Model', model), field('Name', name), field('Rack', rack), field('Server', server), field('Group', group),
    h('div', { class: 'form-actions' }, apply, del));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    on.edit({ op: 'update-node', id: node.id, set: {
      model: model.value, name: optional(name.value), rack: optional(rack.value), server: optional(server.value), group: optional(group.value),
    } }, `the change to ${node.id}`);
  });
  del.addEventListener('click', () => on.edit({ op: 'remove-node', id: node.id }, `deleting ${node.id}`));

  const own = doc.links.filter((l) => l.a === node.id || l.b === node.id || l.via?.includes(node.id));
  const linkList = h('ul', { class: 'link-list' }, own.slice(0, 40).map((l) => {
    const b = h('button', { type: 'button', class: 'link', 'data-link': l.id }, l.id);
    b.addEventListener('click', () => on.select({ kind: 'links', ids: [l.id] }));
    return h('li', {}, b, ` ${linkLine(doc, l)}`);
  }), own.length > 40 ? h('li', { class: 'muted' }, `and ${own.length - 40} more`) : null);

  // Connect to another device: the new link's fields, prefilled like the device's first link.
  const proto = own.find((l) => l.medium !== 'scale-up') ?? own[0];
  const target = h('select', { id: 'ins-to', name: 'ins-to' },
    doc.nodes.filter((n) => n.id !== node.id).map((n) => h('option', { value: n.id }, `${n.id} (${n.kind})`)));
  const gbps = text('ins-new-gbps', proto?.gbps ?? 400, { inputmode: 'decimal' });
  const length = text('ins-new-length', proto?.lengthM ?? 3, { inputmode: 'decimal' });
  const medium = mediumSelect('ins-new-medium', proto?.medium ?? 'smf');
  const optic = modelSelect('ins-new-optic', doc, 'transceiver', proto?.transceiver, true);
  const via = text('ins-new-via', '', { placeholder: 'OCS or patch-panel ids, comma-separated' });
  const add = h('button', { type: 'submit', class: 'button primary', id: 'ins-add-link' }, 'Add link');
  const connect = h('form', { class: 'inspector-form', id: 'connect-form' },
    h('h4', {}, 'Link to another device'),
    field('To', target), field('Gbps', gbps), field('Length (m)', length), field('Medium', medium), field('Optic', optic), field('Via', via),
    h('div', { class: 'form-actions' }, add));
  connect.addEventListener('submit', (e) => {
    e.preventDefault();
    const id = freshId(doc, `${node.id}-l`);
    const viaIds = via.value.split(/[,\s]+/).filter(Boolean);
    on.edit({ op: 'add-link', link: {
      id, a: node.id, b: target.value, gbps: numberOf(gbps), lengthM: numberOf(length), medium: medium.value as Medium,
      ...(optic.value ? { transceiver: optic.value } : {}), ...(viaIds.length ? { via: viaIds } : {}),
    } }, `the new link ${node.id} — ${target.value}`);
  });

  return [
    h('h3', { id: 'inspector-title' }, `Device ${node.id}`),
    h('p', { class: 'muted' }, `${node.kind}${node.tier ? ` · tier ${node.tier}` : ''}${node.site ? ` · site ${node.site}` : ''}`),
    form,
    h('h4', {}, `Links (${formatNumber(own.length)})`),
    linkList,
    connect,
  ];
}

function linksInspector(doc: FabricDocument, ids: string[], on: InspectorHandlers): HTMLElement[] {
  const byId = new Map(doc.links.map((l) => [l.id, l]));
  const links = ids.map((id) => byId.get(id)).filter((l): l is FabricLink => l !== undefined);
  const rows = links.slice(0, 24).map((l, i) => {
    const gbps = text(`ins-l${i}-gbps`, l.gbps, { inputmode: 'decimal', size: '6' });
    const length = text(`ins-l${i}-length`, l.lengthM, { inputmode: 'decimal', size: '6' });
    const medium = mediumSelect(`ins-l${i}-medium`, l.medium);
    const optic = modelSelect(`ins-l${i}-optic`, doc, 'transceiver', l.transceiver, true);
    const apply = h('button', { type: 'submit', class: 'button primary' }, 'Apply');
    const del = h('button', { type: 'button', class: 'button danger' }, 'Delete');
    const form = h('form', { class: 'inspector-form link-form', 'data-link': l.id },
      h('h4', {}, `Link ${l.id}`), h('p', { class: 'muted' }, linkLine(doc, l)),
      field('Gbps', gbps), field('Length (m)', length), field('Medium', medium), field('Optic', optic),
      h('div', { class: 'form-actions' }, apply, del));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      on.edit({ op: 'update-link', id: l.id, set: {
        gbps: numberOf(gbps), lengthM: numberOf(length), medium: medium.value as Medium, transceiver: optional(optic.value),
      } }, `the change to link ${l.id}`);
    });
    del.addEventListener('click', () => on.edit({ op: 'remove-link', id: l.id }, `deleting link ${l.id}`));
    return form;
  });
  return [
    h('h3', { id: 'inspector-title' }, links.length === 1 ? `Link ${links[0].id}` : `${formatNumber(links.length)} parallel links`),
    ...rows,
    ...(links.length > 24 ? [h('p', { class: 'muted' }, `The first 24 of ${formatNumber(links.length)} are shown.`)] : []),
  ];
}

const KIND_PREFIX: Record<FabricNode['kind'], string> = {
  accelerator: 'gpu', switch: 'sw', ocs: 'ocs', 'patch-panel': 'pp', gateway: 'gw',
};

/** A new device: kind, model (for that kind), rack and server; it gets a fresh id and is selected. */
function addDeviceForm(doc: FabricDocument, on: InspectorHandlers): HTMLElement {
  const kinds = Object.keys(MODEL_KIND) as FabricNode['kind'][];
  const kind = h('select', { id: 'ins-add-kind', name: 'ins-add-kind' }, kinds.map((k) => h('option', { value: k, selected: k === 'switch' }, k)));
  let model = modelSelect('ins-add-model', doc, MODEL_KIND.switch, undefined, false);
  const modelField = field('Model', model);
  kind.addEventListener('change', () => {
    const next = modelSelect('ins-add-model', doc, MODEL_KIND[kind.value as FabricNode['kind']], undefined, false);
    model.replaceWith(next);
    model = next;
  });
  const rack = h('select', { id: 'ins-add-rack', name: 'ins-add-rack' }, h('option', { value: '' }, '(none)'),
    doc.racks.map((r) => h('option', { value: r.id }, r.id)));
  const server = text('ins-add-server', '', { placeholder: 'accelerators: their server id' });
  const add = h('button', { type: 'submit', class: 'button primary', id: 'ins-add-device' }, 'Add device');
  const form = h('form', { class: 'inspector-form', id: 'add-device-form' },
    h('h4', {}, 'Add a device'), field('Kind', kind), modelField, field('Rack', rack), field('Server', server),
    h('div', { class: 'form-actions' }, add));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const k = kind.value as FabricNode['kind'];
    const id = freshId(doc, `${KIND_PREFIX[k]}-`);
    const site = doc.racks.find((r) => r.id === rack.value)?.site;
    const node: FabricNode = { id, kind: k, model: model.value, ...(rack.value ? { rack: rack.value } : {}), ...(site ? { site } : {}),
      ...(optional(server.value) ? { server: optional(server.value) } : {}) };
    if (on.edit({ op: 'add-node', node }, `the new ${k} ${id}`)) on.select({ kind: 'node', id });
  });
  return form;
}

export function renderInspector(el: HTMLElement, design: Design | null, selection: Selection | null, drawnOneByOne: boolean, on: InspectorHandlers): void {
  if (!design) {
    el.replaceChildren();
    return;
  }
  const parts: (HTMLElement | string)[] = [historyBar(design, on)];
  if (!drawnOneByOne) {
    parts.push(h('p', { class: 'muted' }, 'This design is drawn as groups (more than 400 devices or 4,000 links), so it is not edited on the drawing: change its generator parameters, or edit its file.'));
  } else if (!selection) {
    parts.push(h('p', { class: 'muted', id: 'inspector-hint' }, 'Click a device or a line in the drawing to see it here and change it; drag from one device to another to draw a link.'),
      addDeviceForm(design.doc, on));
  } else if (selection.kind === 'node') {
    const node = design.doc.nodes.find((n) => n.id === selection.id);
    if (node) parts.push(...nodeInspector(design.doc, node, on));
  } else {
    parts.push(...linksInspector(design.doc, selection.ids, on));
  }
  el.replaceChildren(...parts);
}
