// The evaluation worker: evaluateFabric (the engine the CLI and tests run) off the page's thread, with progress.
// HiGHS is told where Vite put highs.wasm, since its own guess (next to the bundled script) is wrong after bundling.
import highsWasmUrl from 'highs/runtime?url';
import { evaluateFabric } from '../../src/metrics/evaluate.js';
import type { EvaluateRequest, WorkerReply } from './protocol.js';
import { progressThrottle } from './progress.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: WorkerReply) => scope.postMessage(reply);

scope.onmessage = async (event: MessageEvent<EvaluateRequest>) => {
  const request = event.data;
  if (request?.type !== 'evaluate') return;
  const { id, doc, options } = request;
  const started = performance.now();
  const onProgress = progressThrottle(
    (phase, fraction) => post({ type: 'progress', id, phase, fraction }),
    50,
    () => performance.now(),
  );
  try {
    const report = await evaluateFabric(doc, { ...options, highsInit: { locateFile: () => highsWasmUrl } }, onProgress);
    post({ type: 'done', id, report, elapsedMs: performance.now() - started });
  } catch (e) {
    // The document was validated before it was sent, so this is an engine bug or an exhausted resource.
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    post({ type: 'failed', id, message });
  }
};
