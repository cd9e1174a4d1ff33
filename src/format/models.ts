// Model checks: every node names a catalog model of its own kind.
import type { Catalog, CatalogKind } from '../catalog/index.js';
import { didYouMean } from './hints.js';
import { problem } from './problem-codes.js';
import { rec, str, type CheckContext } from './check-context.js';

export function examplesOf(catalog: Catalog, kind: CatalogKind, max = 3): string {
  const ids = catalog.entries(kind).map((e) => e.id);
  return ids.slice(0, max).join(', ') + (ids.length > max ? ', ...' : '');
}

const an = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

export function checkModels(ctx: CheckContext): void {
  const { catalog, out } = ctx;
  const hints = new Map<string, string>();
  for (let i = 0; i < ctx.nodes.length; i++) {
    const model = str(rec(ctx.nodes[i])?.model);
    if (model === undefined) continue;
    const entry = ctx.nodeEntry[i];
    const kind = ctx.nodeKind[i];
    if (!entry) {
      const key = `${kind ?? ''}\u0000${model}`;
      let hint = hints.get(key);
      if (hint === undefined) {
        const pool = catalog.entries(kind).filter((e) => e.kind !== 'transceiver').map((e) => e.id);
        hint = didYouMean(model, pool);
        hints.set(key, hint);
      }
      const list = kind ? `lightfabric catalog --kind ${kind}` : 'lightfabric catalog';
      out.push(problem('unknown-model', `nodes[${i}].model`,
        `model ${JSON.stringify(model)} is not in the catalog${hint ? ` (${hint})` : ''}: ` +
        `use a catalog id (list them with \`${list}\`)`));
    } else if (kind !== undefined && entry.kind !== kind) {
      const fix = entry.kind === 'transceiver'
        ? `name transceivers in a link's "transceiver" field; for ${an(kind)} use a model such as ${examplesOf(catalog, kind)}`
        : `use ${an(kind)} model such as ${examplesOf(catalog, kind)}, or set "kind" to "${entry.kind}"`;
      out.push(problem('model-kind-mismatch', `nodes[${i}].model`,
        `${JSON.stringify(model)} is ${an(entry.kind)} model, but the node's kind is "${kind}": ${fix}`));
    }
  }
}
