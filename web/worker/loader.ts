// The page's side of the loading worker: one promise per request, answered in any order by id. A worker that
// fails (it could not be loaded, or it crashed) answers every pending request with a problem and is respawned on
// the next request, so a bad moment never leaves the page waiting.
import type { OpenResult } from '../io/open-design.js';
import type { LoadedViews, LoadReply, LoadRequest } from './load-protocol.js';

/** A loaded design, with its counts and layout when the worker computed them. */
export type Loaded = OpenResult & { views?: LoadedViews };

export interface Loader {
  open(text: string, fitWidth?: number): Promise<Loaded>;
  generate(recipe: unknown, fitWidth?: number): Promise<Loaded>;
  dispose(): void;
}

export interface LoadWorkerLike {
  postMessage(message: LoadRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<LoadReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export function spawnLoadWorker(): LoadWorkerLike {
  return new Worker(new URL('./load.worker.ts', import.meta.url), { type: 'module', name: 'lightfabric-load' });
}

const failure = (message: string): OpenResult =>
  ({ ok: false, error: 'invalid', problems: [{ path: '', code: 'load-failed', severity: 'error', message }] });

export function createLoader(spawn: () => LoadWorkerLike = spawnLoadWorker): Loader {
  let worker: LoadWorkerLike | null = null;
  const pending = new Map<number, (r: Loaded) => void>();
  let nextId = 1;

  const stop = (message: string) => {
    if (worker) {
      worker.onmessage = worker.onerror = null;
      worker.terminate();
      worker = null;
    }
    const waiting = [...pending.values()];
    pending.clear();
    for (const resolve of waiting) resolve(failure(message));
  };

  const start = (): LoadWorkerLike => {
    const w = spawn();
    w.onmessage = (event) => {
      const reply = event.data;
      const resolve = pending.get(reply.id);
      if (!resolve) return;
      pending.delete(reply.id);
      resolve(reply.views ? { ...reply.result, views: reply.views } : reply.result);
    };
    w.onerror = (event) => {
      event.preventDefault?.();
      stop(`the loading worker stopped (${event.message || 'it could not be loaded'}): try again`);
    };
    return w;
  };

  type Unsent<T> = T extends unknown ? Omit<T, 'id'> : never;
  const send = (request: Unsent<LoadRequest>): Promise<Loaded> => {
    const id = nextId++;
    const promise = new Promise<Loaded>((resolve) => pending.set(id, resolve));
    worker ??= start();
    worker.postMessage({ ...request, id } as LoadRequest);
    return promise;
  };

  return {
    open: (text, fitWidth) => send({ type: 'open', text, ...(fitWidth ? { fitWidth } : {}) }),
    generate: (recipe, fitWidth) => send({ type: 'generate', recipe, ...(fitWidth ? { fitWidth } : {}) }),
    dispose: () => stop('the loader was stopped'),
  };
}
