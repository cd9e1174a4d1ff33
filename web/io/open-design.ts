// Opening a design from file text: a topology file or a recipe, through the engine's loader (never throws).
import type { LoadError } from '../../src/format/index.js';
import { loadTopologyOrRecipe } from '../../src/generators/index.js';
import type { Problem } from '../../src/model/problem.js';
import type { FabricDocument } from '../../src/model/types.js';

export type OpenResult =
  | { ok: true; doc: FabricDocument; warnings: Problem[] }
  | { ok: false; error: LoadError | 'unreadable'; problems: Problem[] };

export function openDesignText(text: string): OpenResult {
  const r = loadTopologyOrRecipe(text);
  return r.ok ? { ok: true, doc: r.doc, warnings: r.warnings } : { ok: false, error: r.error, problems: r.problems };
}

/** Read a chosen file; a file the browser cannot read becomes a problem, like any bad content. */
export async function openDesignFile(file: Blob & { name: string }): Promise<OpenResult> {
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      ok: false, error: 'unreadable',
      problems: [{ path: '', code: 'unreadable-file', severity: 'error', message: `the browser could not read ${file.name} (${why}): check the file and choose it again` }],
    };
  }
  return openDesignText(text);
}
