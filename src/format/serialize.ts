// Writing a topology file: deterministic bytes (same fabric -> same file), known keys in schema order, unknown
// keys sorted after them, undefined fields omitted, one record per line inside the big arrays, final newline.
// One record per line keeps 200,000-link files diff-friendly and 1.5x smaller than JSON.stringify(doc, null, 2).
// -0 is written as 0 (as JSON.stringify does).
import type { Fabric } from '../model/fabric.js';
import { fabricToDocument } from '../model/fabric.js';
import type { FabricDocument } from '../model/types.js';
import { FORMAT_ID, FORMAT_VERSION, KEY_ORDER } from './schema.js';

type Obj = Record<string, unknown>;

/** Compact JSON with object keys sorted (so nested values such as generator params are canonical too). */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) {
    let s = '[';
    for (let i = 0; i < v.length; i++) s += (i ? ',' : '') + (v[i] === undefined ? 'null' : canonical(v[i]));
    return s + ']';
  }
  const keys = Object.keys(v).sort();
  let s = '{';
  let first = true;
  for (const k of keys) {
    const x = (v as Obj)[k];
    if (x === undefined) continue;
    s += (first ? '' : ',') + JSON.stringify(k) + ':' + canonical(x);
    first = false;
  }
  return s + '}';
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Known keys of `o` in `order`, then the other keys sorted; undefined values are left out. */
function writeObject(o: Obj, order: readonly string[], known: ReadonlySet<string>): string {
  let s = '{';
  let first = true;
  for (const k of order) {
    const v = o[k];
    if (v === undefined || !hasOwn(o, k)) continue;
    s += (first ? '"' : ',"') + k + '":' + canonical(v);
    first = false;
  }
  let extra: string[] | undefined;
  for (const k in o) if (!known.has(k) && hasOwn(o, k) && o[k] !== undefined) (extra ??= []).push(k);
  if (extra) {
    extra.sort();
    for (const k of extra) {
      s += (first ? '' : ',') + JSON.stringify(k) + ':' + canonical(o[k]);
      first = false;
    }
  }
  return s + '}';
}

const setOf = (keys: readonly string[]) => new Set(keys);
const KNOWN = {
  site: setOf(KEY_ORDER.site), rack: setOf(KEY_ORDER.rack), node: setOf(KEY_ORDER.node), link: setOf(KEY_ORDER.link),
  generator: setOf(KEY_ORDER.generator), settings: setOf(KEY_ORDER.settings), envelope: setOf(KEY_ORDER.envelope),
};

function isStringArray(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
}

interface RecordWriter {
  /** The record as one line of JSON. */
  write(r: unknown): string;
  /**
   * True when JSON.stringify(r) already gives that line: known keys only, in schema order, starting with a string
   * `id`, flat values (`via` is a list of ids). Records we parsed or that were built in field order pass.
   */
  native(r: unknown): boolean;
}

function recordWriter(kind: 'site' | 'rack' | 'node' | 'link'): RecordWriter {
  const order = KEY_ORDER[kind];
  const known = KNOWN[kind];
  const native = (r: unknown): boolean => {
    if (r === null || typeof r !== 'object' || Array.isArray(r) || typeof (r as Obj).id !== 'string') return false;
    const o = r as Obj;
    let j = 0;
    for (const k in o) {
      const v = o[k];
      if (!known.has(k) || (typeof v === 'object' && v !== null && !(k === 'via' && isStringArray(v)))) return false;
      while (j < order.length && order[j] !== k) j++;
      if (j === order.length) return false;
      j++;
    }
    return true;
  };
  const write = (r: unknown): string => {
    if (native(r)) return JSON.stringify(r);
    if (r === null || typeof r !== 'object' || Array.isArray(r)) return canonical(r);
    return writeObject(r as Obj, order, known);
  };
  return { write, native };
}

const WRITERS = {
  sites: recordWriter('site'), racks: recordWriter('rack'), nodes: recordWriter('node'), links: recordWriter('link'),
};

function block(items: readonly string[]): string {
  return items.length === 0 ? '{}' : '{\n    ' + items.join(',\n    ') + '\n  }';
}

function list(items: unknown, writer: RecordWriter): string {
  if (!Array.isArray(items)) return canonical(items);
  if (items.length === 0) return '[]';
  let allNative = true;
  for (let i = 0; i < items.length && allNative; i++) allNative = writer.native(items[i]);
  if (allNative) {
    // One JSON.stringify of the whole array (~1.6x faster than one call per record at 200,000 links), then a
    // line break before each record. Every record starts with {"id": and inside a JSON string a quote is always
    // escaped (\"), so the text },{"id": occurs only between two records.
    return '[\n    ' + JSON.stringify(items).slice(1, -1).replaceAll('},{"id":', '},\n    {"id":') + '\n  ]';
  }
  const lines = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) lines[i] = writer.write(items[i]);
  return '[\n    ' + lines.join(',\n    ') + '\n  ]';
}

function envelopeValue(key: string, v: unknown): string {
  switch (key) {
    case 'sites':
    case 'racks':
    case 'nodes':
    case 'links':
      return list(v, WRITERS[key]);
    case 'generator':
    case 'settings':
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return canonical(v);
      return writeObject(v as Obj, KEY_ORDER[key], KNOWN[key]);
    case 'catalogOverrides':
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return canonical(v);
      // One model per line, models and fields sorted.
      return block(Object.keys(v).sort().filter((m) => (v as Obj)[m] !== undefined)
        .map((m) => JSON.stringify(m) + ': ' + canonical((v as Obj)[m])));
    default:
      return canonical(v);
  }
}

function isFabric(x: FabricDocument | Fabric): x is Fabric {
  return typeof (x as Fabric).graph === 'object' && (x as Fabric).graph !== null;
}

/**
 * The file text of a document or fabric (format version FORMAT_VERSION). Deterministic: record order is kept
 * (it is the fabric's order), every key order is fixed. Expects a valid document; numbers that JSON cannot
 * hold (NaN, Infinity) are written as null, as JSON.stringify does.
 */
export function serializeTopology(input: FabricDocument | Fabric): string {
  const doc = (isFabric(input) ? fabricToDocument(input) : input) as unknown as Obj;
  const env: Obj = { ...doc, format: FORMAT_ID, version: FORMAT_VERSION };
  const lines: string[] = [];
  const extra = Object.keys(env).filter((k) => !KNOWN.envelope.has(k)).sort();
  for (const k of [...KEY_ORDER.envelope, ...extra]) {
    if (env[k] !== undefined && hasOwn(env, k)) lines.push('  ' + JSON.stringify(k) + ': ' + envelopeValue(k, env[k]));
  }
  return '{\n' + lines.join(',\n') + '\n}\n';
}
