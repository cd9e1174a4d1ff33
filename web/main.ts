// Placeholder app shell: shows the built-in example fabric's counts until the web issue lands.
import { DEFAULT_CATALOG } from '../src/catalog/index.js';

const el = document.getElementById('summary');
if (el) {
  const kinds = new Map<string, number>();
  for (const e of DEFAULT_CATALOG.entries()) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
  el.textContent = `Catalog: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}.`;
}
