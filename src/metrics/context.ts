// What every metric receives: the plain document, its compiled typed-array form, the catalog (with the
// fabric's overrides applied), options, and progress/cancellation hooks. Built once per evaluation.
import { createCatalog, type Catalog } from '../catalog/index.js';
import { compileDocument, type CompiledFabric } from '../compile/compile.js';
import { CancelledError } from '../model/errors.js';
import { fabricToDocument, type Fabric } from '../model/fabric.js';
import type { FabricDocument } from '../model/types.js';

export type ProgressFn = (phase: string, fraction: number) => void;

/** Cancellation: set `cancelled = true` (or pass an AbortSignal-like object) to stop between steps. */
export interface CancelToken {
  readonly aborted?: boolean;
  cancelled?: boolean;
}

export interface EvalContext {
  doc: FabricDocument;
  compiled: CompiledFabric;
  catalog: Catalog;
  progress: ProgressFn;
  cancel?: CancelToken;
}

export function isFabric(x: Fabric | FabricDocument): x is Fabric {
  return (x as Fabric).graph !== undefined;
}

export function createEvalContext(
  fabric: Fabric | FabricDocument,
  progress?: ProgressFn,
  cancel?: CancelToken,
): EvalContext {
  const doc = isFabric(fabric) ? fabricToDocument(fabric) : fabric;
  return {
    doc,
    compiled: compileDocument(doc),
    catalog: createCatalog(doc.catalogOverrides),
    progress: progress ?? (() => {}),
    cancel,
  };
}

/** Throws CancelledError when the caller asked to stop. Call between chunks of long loops. */
export function checkCancelled(ctx: { cancel?: CancelToken }): void {
  const c = ctx.cancel;
  if (c && (c.cancelled || c.aborted)) throw new CancelledError();
}
