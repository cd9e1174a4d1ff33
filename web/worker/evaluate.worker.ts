// The evaluation worker: evaluateFabric (the engine the CLI and tests run) off the page's thread, with progress.
// HiGHS is told where Vite put highs.wasm, since its own guess (next to the bundled script) is wrong after bundling.
import highsWasmUrl from 'highs/runtime?url';
import { evaluateFabric } from '../../src/metrics/evaluate.js';
import { checkRecipe, recipeToDocument } from '../../src/generators/recipe.js';
import type { FabricDocument } from '../../src/model/types.js';
import { openDesignText } from '../io/open-design.js';
import type { DesignSource, EvaluateRequest, WorkerReply } from './protocol.js';

/** The document a source gives (the loaders are deterministic: the page holds the same one), or why not. */
function documentOf(source: DesignSource): FabricDocument | string {
  if ('text' in source) {
    const r = openDesignText(source.text);
    return r.ok ? r.doc : `the design no longer loads: ${r.problems[0]?.message ?? r.error}`;
  }
  const checked = checkRecipe(source.recipe);
  if (!checked.ok) return `the recipe no longer loads: ${checked.problems[0]?.message}`;
  const r = recipeToDocument(checked.recipe, { keepGeneratedName: true });
  return r.ok ? r.doc : `the recipe no longer generates: ${r.problems[0]?.message}`;
}
import { progressThrottle } from './progress.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: WorkerReply) => scope.postMessage(reply);

scope.onmessage = async (event: MessageEvent<EvaluateRequest>) => {
  const request = event.data;
  if (request?.type !== 'evaluate') return;
  const { id, options } = request;
  const started = performance.now();
  const onProgress = progressThrottle(
    (phase, fraction) => post({ type: 'progress', id, phase, fraction }),
    50,
    () => performance.now(),
  );
  try {
    const doc = request.doc ?? (request.source ? documentOf(request.source) : 'the request carries no design');
    if (typeof doc === 'string') {
      post({ type: 'failed', id, message: doc });
      return;
    }
    const report = await evaluateFabric(doc, { ...options, highsInit: { locateFile: () => highsWasmUrl } }, onProgress);
    post({ type: 'done', id, report, elapsedMs: performance.now() - started });
  } catch (e) {
    // The document was validated before it was sent, so this is an engine bug or an exhausted resource.
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    post({ type: 'failed', id, message });
  }
};
