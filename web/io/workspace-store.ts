// The workspace kept across page reloads (localStorage): every open design as its file text (serializeTopology), or
// a large design unchanged since the generator form made it as its recipe, plus which one is on show, the compare
// baseline and the assumptions. Undo history is not kept. Reading never throws: anything unreadable is reported
// and the page starts from the built-in example instead.
import { serializeTopology } from '../../src/format/index.js';
import type { AppState, Assumptions, Design } from '../state/app-state.js';

export const WORKSPACE_KEY = 'lightfabric.workspace';
const FORMAT = 'lightfabric/workspace';
const VERSION = 1;
/** Designs whose file text is longer are kept only if a recipe makes them; else they are left out (and said so). */
export const MAX_SAVED_CHARS = 1_500_000;

export type SavedDesign =
  | { source: Design['source']; text: string }
  | { source: Design['source']; recipe: unknown };

export interface SavedWorkspace {
  format: typeof FORMAT;
  version: number;
  designs: SavedDesign[];
  /** Indices into designs (null: none). */
  active: number | null;
  baseline: number | null;
  assumptions: Assumptions;
  /** Names of open designs too large to keep. */
  leftOut: string[];
}

/** The minimum of Storage the store uses (localStorage, or a Map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function workspaceOf(state: AppState): SavedWorkspace {
  const designs: SavedDesign[] = [];
  const index = new Map<number, number>();
  const leftOut: string[] = [];
  for (const d of state.designs) {
    let saved: SavedDesign | null = null;
    if (d.origin && d.origin.doc === d.doc && 'recipe' in d.origin.from) saved = { source: d.source, recipe: d.origin.from.recipe };
    else if (d.doc.links.length + d.doc.nodes.length < MAX_SAVED_CHARS / 50) {
      const text = serializeTopology(d.doc);
      if (text.length <= MAX_SAVED_CHARS) saved = { source: d.source, text };
    }
    if (!saved) {
      leftOut.push(d.doc.name);
      continue;
    }
    index.set(d.revision, designs.length);
    designs.push(saved);
  }
  return {
    format: FORMAT, version: VERSION, designs,
    active: state.active === null ? null : (index.get(state.active) ?? null),
    baseline: state.baseline === null ? null : (index.get(state.baseline) ?? null),
    assumptions: { ...state.assumptions }, leftOut,
  };
}

/** Save; false (with the reason) when the store refuses (full, or disabled by the browser). */
export function saveWorkspace(store: KeyValueStore, state: AppState): { ok: true; leftOut: string[] } | { ok: false; reason: string } {
  const ws = workspaceOf(state);
  try {
    store.setItem(WORKSPACE_KEY, JSON.stringify(ws));
    return { ok: true, leftOut: ws.leftOut };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const SOURCE_KINDS = new Set(['example', 'file', 'generated']);
const ASSUMPTION_KEYS = ['krwPerUsd', 'pue', 'tariffKrwPerKwh', 'utilisation', 'tcoYears', 'operatingRate'] as const;

/** The saved workspace, null when there is none, or why it cannot be read (the caller starts afresh). */
export function loadWorkspace(store: KeyValueStore): SavedWorkspace | null | { error: string } {
  let text: string | null;
  try {
    text = store.getItem(WORKSPACE_KEY);
  } catch (e) {
    return { error: `the browser's storage cannot be read (${e instanceof Error ? e.message : String(e)})` };
  }
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: 'the saved workspace is not valid JSON' };
  }
  if (!isRecord(raw) || raw.format !== FORMAT || typeof raw.version !== 'number') return { error: 'the saved workspace is not a lightfabric workspace' };
  if (raw.version > VERSION) return { error: `the saved workspace was written by a newer lightfabric (version ${raw.version})` };
  if (!Array.isArray(raw.designs)) return { error: 'the saved workspace has no list of designs' };
  const designs: SavedDesign[] = [];
  for (const d of raw.designs) {
    if (!isRecord(d) || !isRecord(d.source) || !SOURCE_KINDS.has(d.source.kind as string) || typeof d.source.name !== 'string') continue;
    const source = { kind: d.source.kind as Design['source']['kind'], name: d.source.name };
    if (typeof d.text === 'string') designs.push({ source, text: d.text });
    else if (d.recipe !== undefined) designs.push({ source, recipe: d.recipe });
  }
  const index = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < designs.length ? v : null);
  const assumptions: Assumptions = {};
  if (isRecord(raw.assumptions)) {
    for (const k of ASSUMPTION_KEYS) {
      const v = raw.assumptions[k];
      if (typeof v === 'number' && Number.isFinite(v)) assumptions[k] = v;
    }
  }
  return {
    format: FORMAT, version: VERSION, designs, active: index(raw.active), baseline: index(raw.baseline), assumptions,
    leftOut: Array.isArray(raw.leftOut) ? raw.leftOut.filter((x): x is string => typeof x === 'string') : [],
  };
}
