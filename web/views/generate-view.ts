// The generator form: a family, its parameters (from the same registry as `lightfabric generate --help`, with
// defaults as placeholders) and a Generate button. Empty fields take the defaults. The form only collects text:
// the loading worker checks it as a recipe and runs the generator, so a bad value comes back as a problem with its
// path (params.k) like any file.
import { GENERATORS } from '../../src/generators/families.js';
import { PLACEMENT_PARAMS, type ParamSpec } from '../../src/generators/registry.js';
import { h } from './dom.js';

export interface GenerateRequest {
  family: string;
  /** Only the fields the user filled in, as typed. */
  params: Record<string, string>;
}

const PLACEMENT = new Set(PLACEMENT_PARAMS.map((p) => p.name));

/** A first family and values that make a useful fabric in a second (the form opens on it). */
export const DEFAULT_FAMILY = 'fat-tree';
const STARTER: Record<string, Record<string, string>> = {
  'fat-tree': { k: '8' },
  clos: { leaves: '8', spines: '4', hostsPerLeaf: '16', uplinks: '8' },
  torus: { dims: '4x4x4' },
  hypercube: { n: '6' },
  hyperx: { dims: '2', size: '4', endpoints: '4' },
  'rail-optimized': { sus: '1' },
  dragonfly: { a: '4', p: '2', h: '2' },
  jellyfish: { switches: '32', ports: '16', degree: '8' },
  slimfly: { q: '5' },
  'national-center': { accelerators: '2000' },
};

function defaultText(spec: ParamSpec): string {
  if (spec.default === undefined) return spec.required ? 'required' : '';
  return typeof spec.default === 'string' ? spec.default : JSON.stringify(spec.default);
}

function field(family: string, spec: ParamSpec): HTMLElement {
  const id = `gen-${family}-${spec.name}`;
  const starter = STARTER[family]?.[spec.name];
  const input = spec.type === 'boolean'
    ? h('select', { id, name: spec.name, 'data-param': spec.name },
      h('option', { value: '' }, `default (${defaultText(spec) || 'false'})`), h('option', { value: 'true' }, 'true'), h('option', { value: 'false' }, 'false'))
    : h('input', {
      id, name: spec.name, 'data-param': spec.name, type: 'text', autocomplete: 'off', spellcheck: 'false',
      inputmode: spec.type === 'int' || spec.type === 'number' ? 'decimal' : undefined,
      placeholder: defaultText(spec), value: starter, required: spec.required,
    });
  return h('div', { class: 'field' },
    h('label', { for: id }, spec.name, spec.required ? h('span', { class: 'req', title: 'required' }, ' *') : null),
    input,
    h('small', { class: 'muted' }, spec.description));
}

function paramFields(family: string): HTMLElement[] {
  const entry = GENERATORS[family];
  const main = entry.params.filter((p) => !PLACEMENT.has(p.name));
  const placement = entry.params.filter((p) => PLACEMENT.has(p.name));
  return [
    h('p', { class: 'muted family-summary' }, entry.summary),
    h('div', { class: 'fields' }, main.map((p) => field(family, p))),
    h('details', { class: 'placement' }, h('summary', {}, 'Floor and naming'),
      h('div', { class: 'fields' }, placement.map((p) => field(family, p)))),
  ];
}

/** Render the form into `el`; `onSubmit` gets the family and the filled-in fields. */
export function renderGenerateForm(el: HTMLElement, onSubmit: (request: GenerateRequest) => void, onCancel: () => void): void {
  const families = Object.keys(GENERATORS);
  const select = h('select', { id: 'gen-family', name: 'family' },
    families.map((f) => h('option', { value: f, selected: f === DEFAULT_FAMILY }, f)));
  const params = h('div', { id: 'gen-params' }, paramFields(DEFAULT_FAMILY));
  select.addEventListener('change', () => params.replaceChildren(...paramFields(select.value)));
  const cancel = h('button', { type: 'button', class: 'button secondary' }, 'Cancel');
  cancel.addEventListener('click', onCancel);
  const form = h('form', { id: 'generate-form', novalidate: true },
    h('div', { class: 'problems-head' }, h('h2', { id: 'generate-title' }, 'Generate a fabric'), cancel),
    h('div', { class: 'field family' }, h('label', { for: 'gen-family' }, 'Family'), select),
    params,
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button primary', id: 'gen-submit' }, 'Generate'),
      h('span', { class: 'muted' }, 'Empty fields take their defaults. The fabric opens as a new design next to the others.')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const filled: Record<string, string> = {};
    for (const input of params.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-param]')) {
      const v = input.value.trim();
      if (v !== '') filled[input.dataset.param!] = v;
    }
    onSubmit({ family: select.value, params: filled });
  });
  el.replaceChildren(form);
}

/** The recipe the worker checks and runs for a form submission. */
export function recipeOf(request: GenerateRequest): unknown {
  return { format: 'lightfabric/recipe', version: 1, name: request.params.name ?? request.family, family: request.family, params: request.params };
}
