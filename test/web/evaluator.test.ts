// The typed promise API around the worker, against a fake worker: replies routed by id, progress converted,
// a newer request replacing the worker, and a worker that fails to load.
import { describe, expect, it } from 'vitest';
import type { FabricReport } from '../../src/metrics/evaluate.js';
import type { FabricDocument } from '../../src/model/types.js';
import { createEvaluator, type EvaluationOutcome, type WorkerLike } from '../../web/worker/evaluator.js';
import type { EvaluateRequest, WorkerReply } from '../../web/worker/protocol.js';

class FakeWorker implements WorkerLike {
  posted: EvaluateRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  postMessage(message: EvaluateRequest) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(r: WorkerReply) {
    this.onmessage?.({ data: r } as MessageEvent<WorkerReply>);
  }
  fail(message: string) {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

const doc = (name: string): FabricDocument => ({ name, sites: [], racks: [], nodes: [], links: [] });
const report = { format: 'lightfabric/report', version: 1, name: 'a', timingsMs: {} } as unknown as FabricReport;

function setup() {
  const workers: FakeWorker[] = [];
  const evaluator = createEvaluator(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  return { workers, evaluator };
}

describe('createEvaluator', () => {
  it('posts the document with an id, converts progress, and resolves with the report', async () => {
    const { workers, evaluator } = setup();
    const progress: number[] = [];
    const done = evaluator.evaluate(doc('a'), (p) => progress.push(p.overall));
    expect(workers).toHaveLength(1);
    const [request] = workers[0].posted;
    expect(request).toEqual({ type: 'evaluate', id: 1, doc: doc('a') });
    workers[0].reply({ type: 'progress', id: 1, phase: 'bisection', fraction: 0.5 });
    workers[0].reply({ type: 'done', id: 1, report, elapsedMs: 42 });
    expect(await done).toEqual({ ok: true, report, elapsedMs: 42 });
    expect(progress).toEqual([0.45]);
    // The worker is kept for the next request (HiGHS stays loaded in it).
    void evaluator.evaluate(doc('b'));
    expect(workers).toHaveLength(1);
    expect(workers[0].posted[1].id).toBe(2);
  });

  it('sends what a large design was loaded from instead of the document, when given', () => {
    const { workers, evaluator } = setup();
    void evaluator.evaluate(doc('a'), undefined, undefined, { recipe: { family: 'fat-tree' } });
    expect(workers[0].posted[0]).toEqual({ type: 'evaluate', id: 1, source: { recipe: { family: 'fat-tree' } } });
  });

  it('sends the assumptions with the document when there are any', () => {
    const { workers, evaluator } = setup();
    void evaluator.evaluate(doc('a'), undefined, { pue: 1.2, operatingRate: 0.5 });
    expect(workers[0].posted[0]).toEqual({ type: 'evaluate', id: 1, doc: doc('a'), options: { pue: 1.2, operatingRate: 0.5 } });
    void evaluator.evaluate(doc('b'), undefined, {});
    expect(workers[1].posted[0]).toEqual({ type: 'evaluate', id: 2, doc: doc('b') });
  });

  it('reports a failure the worker sends', async () => {
    const { workers, evaluator } = setup();
    const done = evaluator.evaluate(doc('a'));
    workers[0].reply({ type: 'failed', id: 1, message: 'RangeError: out of memory' });
    expect(await done).toEqual({ ok: false, reason: 'failed', message: 'RangeError: out of memory' });
  });

  it('replaces a busy worker for a newer request, and ignores what the old one says', async () => {
    const { workers, evaluator } = setup();
    const first = evaluator.evaluate(doc('a'));
    const second = evaluator.evaluate(doc('b'));
    expect(await first).toMatchObject({ ok: false, reason: 'superseded' });
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(workers[0].onmessage).toBeNull();
    expect(workers[1].posted).toEqual([{ type: 'evaluate', id: 2, doc: doc('b') }]);
    // A stale id on the live worker is ignored as well.
    workers[1].reply({ type: 'done', id: 1, report, elapsedMs: 1 });
    let settled: EvaluationOutcome | undefined;
    void second.then((o) => (settled = o));
    await Promise.resolve();
    expect(settled).toBeUndefined();
    workers[1].reply({ type: 'done', id: 2, report, elapsedMs: 3 });
    expect(await second).toEqual({ ok: true, report, elapsedMs: 3 });
  });

  it('turns a worker that cannot load into a failure, and starts a fresh worker next time', async () => {
    const { workers, evaluator } = setup();
    const done = evaluator.evaluate(doc('a'));
    workers[0].fail('SyntaxError: bad chunk');
    const outcome = await done;
    expect(outcome).toMatchObject({ ok: false, reason: 'failed' });
    expect(outcome.ok ? '' : outcome.message).toContain('SyntaxError: bad chunk');
    expect(workers[0].terminated).toBe(true);
    void evaluator.evaluate(doc('b'));
    expect(workers).toHaveLength(2);
    expect(workers[1].posted[0].id).toBe(2);
  });

  it('settles a pending request when disposed', async () => {
    const { workers, evaluator } = setup();
    const done = evaluator.evaluate(doc('a'));
    evaluator.dispose();
    expect(await done).toMatchObject({ ok: false, reason: 'superseded' });
    expect(workers[0].terminated).toBe(true);
  });
});
