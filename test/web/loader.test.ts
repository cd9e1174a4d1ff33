// The loading worker's client against a fake worker (replies routed by id, in any order; a failing worker answers
// everything pending and is respawned), and the worker's own code path run in Node on real input.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRecipe, recipeToDocument } from '../../src/generators/recipe.js';
import { openDesignText, type OpenResult } from '../../web/io/open-design.js';
import type { LoadReply, LoadRequest } from '../../web/worker/load-protocol.js';
import { createLoader, type LoadWorkerLike } from '../../web/worker/loader.js';

class FakeWorker implements LoadWorkerLike {
  posted: LoadRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<LoadReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(m: LoadRequest) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  reply(id: number, result: OpenResult, views?: LoadReply['views']) {
    this.onmessage?.({ data: { type: 'loaded', id, result, ...(views ? { views } : {}) } } as MessageEvent<LoadReply>);
  }
}

const ok = (name: string): OpenResult => ({ ok: true, doc: { name, sites: [], racks: [], nodes: [], links: [] }, warnings: [] });

describe('createLoader', () => {
  it('answers each request by its id, in whatever order the replies come', async () => {
    const workers: FakeWorker[] = [];
    const loader = createLoader(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const a = loader.open('{"a":1}');
    const b = loader.generate({ family: 'fat-tree' });
    expect(workers).toHaveLength(1);
    expect(workers[0].posted.map((p) => [p.type, p.id])).toEqual([['open', 1], ['generate', 2]]);
    workers[0].reply(2, ok('b'));
    workers[0].reply(1, ok('a'));
    workers[0].reply(7, ok('stray')); // nobody waits for it
    expect(((await a) as { doc: { name: string } }).doc.name).toBe('a');
    expect(((await b) as { doc: { name: string } }).doc.name).toBe('b');
  });

  it('passes on the counts and layout the worker computed, and the drawing width it was asked for', async () => {
    const workers: FakeWorker[] = [];
    const loader = createLoader(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const a = loader.generate({ family: 'torus' }, 900);
    expect(workers[0].posted[0]).toEqual({ type: 'generate', id: 1, recipe: { family: 'torus' }, fitWidth: 900 });
    const views = { counts: { links: 0 }, layout: { mode: 'nodes' } } as unknown as LoadReply['views'];
    workers[0].reply(1, ok('t'), views);
    const r = await a;
    expect(r.ok && r.views).toBe(views);
  });

  it('a failing worker answers every pending request with a problem, and the next request gets a new worker', async () => {
    const workers: FakeWorker[] = [];
    const loader = createLoader(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const a = loader.open('x');
    workers[0].onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    const r = await a;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toContain('boom');
    expect(workers[0].terminated).toBe(true);
    const b = loader.open('y');
    expect(workers).toHaveLength(2);
    workers[1].reply(2, ok('y'));
    expect((await b).ok).toBe(true);
    loader.dispose();
  });
});

describe('what the worker runs for the generator form', () => {
  it('a form recipe generates a valid fat-tree; a bad parameter comes back with its path and a fix', () => {
    const good = checkRecipe({ format: 'lightfabric/recipe', version: 1, name: 'fat-tree', family: 'fat-tree', params: { k: '4' } });
    expect(good.ok).toBe(true);
    const r = good.ok ? recipeToDocument(good.recipe) : null;
    expect(r?.ok).toBe(true);
    if (r?.ok) expect(r.doc.nodes.filter((n) => n.kind === 'accelerator')).toHaveLength(16);
    const bad = checkRecipe({ format: 'lightfabric/recipe', version: 1, name: 'fat-tree', family: 'fat-tree', params: { k: '5' } });
    const rb = bad.ok ? recipeToDocument(bad.recipe) : null;
    expect(rb?.ok).toBe(false);
    if (rb && !rb.ok) {
      expect(rb.problems[0].path).toBe('params.k');
      expect(rb.problems[0].message).toMatch(/even/);
    }
  });

  it('a file opens through openDesignText: the example is valid, a dangling link end is refused with its path', () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'topologies', 'small-two-servers.json'), 'utf8');
    const r = openDesignText(text);
    expect(r.ok).toBe(true);
    const doc = JSON.parse(text);
    doc.links[0].b = 'no-such-node';
    const bad = openDesignText(JSON.stringify(doc));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.some((p) => p.path === 'links[0].b')).toBe(true);
  });
});
