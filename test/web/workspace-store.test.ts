// The workspace kept across reloads: what is kept of each design, the round trip, and stored data that is broken,
// too new or partly wrong (never a throw; the page starts afresh or keeps what it can).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../src/format/index.js';
import { generateNationalCenter } from '../../src/generators/index.js';
import type { FabricDocument } from '../../src/model/types.js';
import { loadWorkspace, saveWorkspace, WORKSPACE_KEY, workspaceOf, type KeyValueStore } from '../../web/io/workspace-store.js';
import { INITIAL_STATE, reduce, type Action, type AppState } from '../../web/state/app-state.js';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const example = (): FabricDocument => {
  const r = parseTopology(readFileSync(join(import.meta.dirname, '..', '..', 'topologies', 'small-two-servers.json'), 'utf8'));
  if (!r.ok) throw new Error('example');
  return r.doc;
};
const run = (state: AppState, ...actions: Action[]) => actions.reduce(reduce, state);

describe('workspace store', () => {
  it('keeps small designs as their file text, a large generated one as its recipe, and names the ones left out', () => {
    const small = example();
    const big = generateNationalCenter({ accelerators: 6000 });
    const recipe = { format: 'lightfabric/recipe', version: 1, name: 'national-center', family: 'national-center', params: { accelerators: '6000' } };
    const state = run(INITIAL_STATE,
      { type: 'design-opened', doc: small, source: { kind: 'example', name: 'small-two-servers.json' }, warnings: [] },
      { type: 'design-opened', doc: big, source: { kind: 'generated', name: 'national-center' }, warnings: [], from: { recipe } },
      { type: 'design-opened', doc: { ...big, name: 'big from a file' }, source: { kind: 'file', name: 'big.json' }, warnings: [], from: { text: '…' } },
      { type: 'design-selected', revision: 2 }, { type: 'baseline-selected', revision: 1 }, { type: 'assumptions-changed', assumptions: { pue: 1.2 } });
    const ws = workspaceOf(state);
    expect(ws.designs).toHaveLength(2);
    expect('text' in ws.designs[0] && parseTopology(ws.designs[0].text)).toMatchObject({ ok: true, doc: small });
    expect(ws.designs[1]).toEqual({ source: { kind: 'generated', name: 'national-center' }, recipe });
    expect(ws.leftOut).toEqual(['big from a file']);
    expect([ws.active, ws.baseline]).toEqual([1, 0]);
    expect(ws.assumptions).toEqual({ pue: 1.2 });

    const store = memoryStore();
    expect(saveWorkspace(store, state)).toEqual({ ok: true, leftOut: ['big from a file'] });
    expect(loadWorkspace(store)).toEqual(ws);
  });

  it('an edited large design is no longer its recipe: left out, not kept wrong', () => {
    const big = generateNationalCenter({ accelerators: 6000 });
    const state = run(INITIAL_STATE,
      { type: 'design-opened', doc: big, source: { kind: 'generated', name: 'nc' }, warnings: [], from: { recipe: { x: 1 } } },
      { type: 'design-edited', revision: 1, doc: { ...big, catalogOverrides: { 'nvidia-h100-sxm': { priceUsd: 1 } } }, warnings: [], summary: 's' });
    expect(workspaceOf(state).designs).toEqual([]);
    expect(workspaceOf(state).leftOut).toEqual([big.name]);
  });

  it('nothing saved, broken JSON, another format, a newer version, a full store: reported, never thrown', () => {
    const store = memoryStore();
    expect(loadWorkspace(store)).toBeNull();
    store.data.set(WORKSPACE_KEY, '{"format": "lightfab');
    expect(loadWorkspace(store)).toEqual({ error: 'the saved workspace is not valid JSON' });
    store.data.set(WORKSPACE_KEY, '{"format": "something else", "version": 1}');
    expect(loadWorkspace(store)).toMatchObject({ error: expect.stringContaining('not a lightfabric workspace') });
    store.data.set(WORKSPACE_KEY, '{"format": "lightfabric/workspace", "version": 9, "designs": []}');
    expect(loadWorkspace(store)).toMatchObject({ error: expect.stringContaining('newer') });
    const full: KeyValueStore = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => {} };
    expect(saveWorkspace(full, INITIAL_STATE)).toEqual({ ok: false, reason: 'QuotaExceededError' });
    const locked: KeyValueStore = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => {}, removeItem: () => {} };
    expect(loadWorkspace(locked)).toMatchObject({ error: expect.stringContaining('SecurityError') });
  });

  it('keeps the readable entries of a partly wrong workspace', () => {
    const store = memoryStore();
    store.data.set(WORKSPACE_KEY, JSON.stringify({
      format: 'lightfabric/workspace', version: 1, active: 7, baseline: 0,
      assumptions: { pue: 1.3, tcoYears: 'x', bogus: 1 },
      designs: [{ source: { kind: 'file', name: 'a.json' }, text: '{}' }, { source: { kind: 'nope', name: 'b' }, text: '{}' }, 42, { source: { kind: 'generated', name: 'c' }, recipe: {} }],
    }));
    const ws = loadWorkspace(store);
    expect(ws && !('error' in ws) && ws.designs.map((d) => d.source.name)).toEqual(['a.json', 'c']);
    expect(ws && !('error' in ws) && [ws.active, ws.baseline, ws.assumptions]).toEqual([null, 0, { pue: 1.3 }]);
  });
});
