// The loading worker: a file's text or a generator recipe in, a checked document (or its problems) out. The same
// loaders as the CLI: loadTopologyOrRecipe for files, checkRecipe + recipeToDocument for the generator form (which
// keeps the generator's own fabric name).
import { checkRecipe, recipeToDocument } from '../../src/generators/recipe.js';
import { openDesignText, type OpenResult } from '../io/open-design.js';
import { designCounts } from '../views/design-counts.js';
import { layoutFabric } from '../views/fabric-layout.js';
import type { LoadedViews, LoadReply, LoadRequest } from './load-protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function generate(recipe: unknown): OpenResult {
  const checked = checkRecipe(recipe);
  if (!checked.ok) return { ok: false, error: checked.error, problems: checked.problems };
  const r = recipeToDocument(checked.recipe, { keepGeneratedName: true });
  return r.ok ? { ok: true, doc: r.doc, warnings: r.warnings } : { ok: false, error: r.error, problems: r.problems };
}

scope.onmessage = (event: MessageEvent<LoadRequest>) => {
  const request = event.data;
  let result: OpenResult;
  try {
    if (request?.type === 'open') result = openDesignText(request.text);
    else if (request?.type === 'generate') result = generate(request.recipe);
    else return;
  } catch (e) {
    // The loaders never throw on input; this is an engine bug or an exhausted resource, reported, not swallowed.
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    result = { ok: false, error: 'invalid', problems: [{ path: '', code: 'load-failed', severity: 'error', message: `loading stopped: ${message}` }] };
  }
  let views: LoadedViews | undefined;
  if (result.ok) {
    try {
      views = { counts: designCounts(result.doc), layout: layoutFabric(result.doc, { fitWidth: request.fitWidth }) };
    } catch {
      // The page computes them itself then.
    }
  }
  const reply: LoadReply = { type: 'loaded', id: request.id, result, ...(views ? { views } : {}) };
  scope.postMessage(reply);
};
