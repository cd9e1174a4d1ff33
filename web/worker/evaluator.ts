// The page's side of the evaluation worker: a typed promise per request. A new request supersedes the running
// one by replacing the worker: evaluateFabric's phases are synchronous, so a "cancel" message would only be
// read after the old evaluation had finished.
import type { FabricReport } from '../../src/metrics/evaluate.js';
import type { FabricDocument } from '../../src/model/types.js';
import { overallProgress, type EvaluationProgress } from './progress.js';
import type { DesignSource, EvaluateRequest, EvaluationAssumptions, WorkerReply } from './protocol.js';

export type EvaluationOutcome =
  | { ok: true; report: FabricReport; elapsedMs: number }
  | { ok: false; reason: 'superseded' | 'failed'; message: string };

export interface Evaluator {
  /** `source`: what `doc` was loaded from; sent instead of the document (large designs load again in the worker). */
  evaluate(doc: FabricDocument, onProgress?: (p: EvaluationProgress) => void, options?: EvaluationAssumptions, source?: DesignSource): Promise<EvaluationOutcome>;
  /** Stop the worker; a pending request resolves as superseded. */
  dispose(): void;
}

/** The smallest part of Worker the evaluator uses, so tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: EvaluateRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export function spawnEvaluationWorker(): WorkerLike {
  return new Worker(new URL('./evaluate.worker.ts', import.meta.url), { type: 'module', name: 'lightfabric-evaluate' });
}

interface Pending {
  id: number;
  resolve: (outcome: EvaluationOutcome) => void;
  onProgress?: (p: EvaluationProgress) => void;
}

export function createEvaluator(spawn: () => WorkerLike = spawnEvaluationWorker): Evaluator {
  let worker: WorkerLike | null = null;
  let pending: Pending | null = null;
  let nextId = 1;

  const settle = (outcome: EvaluationOutcome) => {
    const p = pending;
    pending = null;
    p?.resolve(outcome);
  };

  const stopWorker = () => {
    if (!worker) return;
    worker.onmessage = worker.onerror = worker.onmessageerror = null;
    worker.terminate();
    worker = null;
  };

  const start = (): WorkerLike => {
    const w = spawn();
    w.onmessage = (event) => {
      const reply = event.data;
      if (!pending || reply.id !== pending.id) return;
      if (reply.type === 'progress') pending.onProgress?.(overallProgress(reply.phase, reply.fraction));
      else if (reply.type === 'done') settle({ ok: true, report: reply.report, elapsedMs: reply.elapsedMs });
      else settle({ ok: false, reason: 'failed', message: reply.message });
    };
    w.onerror = (event) => {
      // A worker that failed to load or threw outside a request is unusable: drop it, the next request respawns.
      event.preventDefault?.();
      stopWorker();
      settle({ ok: false, reason: 'failed', message: `the evaluation worker stopped: ${event.message || 'it could not be loaded'}` });
    };
    w.onmessageerror = () => settle({ ok: false, reason: 'failed', message: 'the evaluation worker sent a message that could not be read' });
    return w;
  };

  return {
    evaluate(doc, onProgress, options, source) {
      if (pending) {
        stopWorker();
        settle({ ok: false, reason: 'superseded', message: 'a newer evaluation replaced this one' });
      }
      const id = nextId++;
      const promise = new Promise<EvaluationOutcome>((resolve) => {
        pending = { id, resolve, onProgress };
      });
      worker ??= start();
      worker.postMessage({ type: 'evaluate', id, ...(source ? { source } : { doc }), ...(options && Object.keys(options).length ? { options } : {}) });
      return promise;
    },
    dispose() {
      stopWorker();
      settle({ ok: false, reason: 'superseded', message: 'the evaluator was stopped' });
    },
  };
}
