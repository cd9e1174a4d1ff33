// The assumptions every evaluation makes (evaluateFabric's options, the CLI's --krw-per-usd, --pue, --tariff,
// --utilisation, --years, --operating-rate): a form with the defaults and their sources as placeholders. Empty
// fields keep the default (a design file's settings, else the catalog). A value out of range is named and nothing
// changes; applied values make every open design be evaluated again.
import { FACILITY } from '../../src/catalog/index.js';
import { DEFAULT_TCO_YEARS } from '../../src/metrics/tco/tco.js';
import type { Assumptions } from '../state/app-state.js';
import { h } from './dom.js';

interface Field {
  key: keyof Assumptions;
  label: string;
  unit: string;
  placeholder: string;
  source: string;
  /** null when the value is fine, else what is wrong and what would do. */
  check(v: number): string | null;
}

export const ASSUMPTION_FIELDS: readonly Field[] = [
  { key: 'krwPerUsd', label: 'Exchange rate', unit: 'KRW per USD', placeholder: String(FACILITY.krwPerUsd),
    source: 'design file settings, else the catalog (an estimate)', check: (v) => (v > 0 ? null : 'must be above 0') },
  { key: 'pue', label: 'PUE', unit: 'facility / IT power', placeholder: String(FACILITY.pueAverage),
    source: 'file settings, else the industry average (Uptime); liquid-cooled AI halls reach 1.05-1.15', check: (v) => (v >= 1 ? null : 'must be at least 1') },
  { key: 'tariffKrwPerKwh', label: 'Electricity', unit: 'KRW per kWh', placeholder: String(FACILITY.tariffKrwPerKwh),
    source: 'file settings, else KEPCO industrial (eul) from 2024-10-24', check: (v) => (v >= 0 ? null : 'must be 0 or more') },
  { key: 'utilisation', label: 'Power drawn', unit: 'fraction of nameplate', placeholder: '1',
    source: 'average share of nameplate power the energy cost assumes', check: (v) => (v > 0 && v <= 1 ? null : 'is a fraction above 0 and at most 1') },
  { key: 'tcoYears', label: 'Ownership period', unit: 'years', placeholder: String(DEFAULT_TCO_YEARS),
    source: 'an estimate: accelerators are depreciated over 4-6 years', check: (v) => (v > 0 ? null : 'must be above 0') },
  { key: 'operatingRate', label: 'Operating rate', unit: 'fraction of time busy', placeholder: '1',
    source: 'the Gwangju national AI data centre ran at about half in 2024', check: (v) => (v > 0 && v <= 1 ? null : 'is a fraction above 0 and at most 1 (0.5 = half)') },
];

/** The assumptions a form's texts give, or the problems (field key -> message). Empty text = default. */
export function readAssumptions(texts: Partial<Record<keyof Assumptions, string>>): { ok: true; assumptions: Assumptions } | { ok: false; problems: [keyof Assumptions, string][] } {
  const out: Assumptions = {};
  const problems: [keyof Assumptions, string][] = [];
  for (const f of ASSUMPTION_FIELDS) {
    const t = (texts[f.key] ?? '').trim().replace(/[,_]/g, '');
    if (t === '') continue;
    const v = Number(t);
    const why = Number.isFinite(v) ? f.check(v) : 'is not a number';
    if (why) problems.push([f.key, `${f.label} ${why}, got ${JSON.stringify(texts[f.key])}`]);
    else out[f.key] = v;
  }
  return problems.length ? { ok: false, problems } : { ok: true, assumptions: out };
}

export function renderAssumptions(el: HTMLElement, current: Assumptions, onApply: (a: Assumptions) => void, onClose: () => void): void {
  const inputs = new Map<keyof Assumptions, HTMLInputElement>();
  const errors = h('ul', { class: 'form-errors', id: 'assumptions-errors', role: 'alert' });
  const close = h('button', { type: 'button', class: 'button secondary' }, 'Close');
  close.addEventListener('click', onClose);
  const reset = h('button', { type: 'button', class: 'button secondary', id: 'assumptions-reset' }, 'Back to defaults');
  const form = h('form', { id: 'assumptions-form', novalidate: true },
    h('div', { class: 'problems-head' }, h('h2', { id: 'assumptions-title' }, 'Assumptions'), close),
    h('p', { class: 'muted' }, 'What every evaluation assumes. Empty fields keep the default shown (a design file\'s own settings come first). Applying evaluates every open design again.'),
    h('div', { class: 'fields' }, ASSUMPTION_FIELDS.map((f) => {
      const id = `as-${f.key}`;
      const input = h('input', { id, name: f.key, type: 'text', inputmode: 'decimal', autocomplete: 'off',
        placeholder: f.placeholder, value: current[f.key] === undefined ? '' : String(current[f.key]) });
      inputs.set(f.key, input);
      return h('div', { class: 'field' }, h('label', { for: id }, f.label, h('span', { class: 'muted' }, ` (${f.unit})`)), input,
        h('small', { class: 'muted' }, f.source));
    })),
    errors,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button primary', id: 'assumptions-apply' }, 'Apply to every design'), reset));
  const apply = () => {
    const texts: Partial<Record<keyof Assumptions, string>> = {};
    for (const [k, input] of inputs) texts[k] = input.value;
    const r = readAssumptions(texts);
    for (const input of inputs.values()) input.removeAttribute('aria-invalid');
    if (!r.ok) {
      errors.replaceChildren(...r.problems.map(([k, msg]) => h('li', { 'data-field': k }, msg)));
      for (const [k] of r.problems) inputs.get(k)!.setAttribute('aria-invalid', 'true');
      inputs.get(r.problems[0][0])!.focus();
      return;
    }
    errors.replaceChildren();
    onApply(r.assumptions);
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
  reset.addEventListener('click', () => {
    for (const input of inputs.values()) input.value = '';
    apply();
  });
  el.replaceChildren(form);
}
