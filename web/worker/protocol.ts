// Messages between the page and the evaluation worker. Everything crossing is plain JSON (structured clone).
import type { EvaluateOptions, FabricReport } from '../../src/metrics/evaluate.js';
import type { FabricDocument } from '../../src/model/types.js';

export interface EvaluateRequest {
  type: 'evaluate';
  /** Echoed in every reply so a late reply of an older request is recognised and dropped. */
  id: number;
  /** The document, or (`source`) what it was loaded from, so a large design is not copied through the page. */
  doc?: FabricDocument;
  source?: DesignSource;
  /** Plain-number options of evaluateFabric (exchange rate, PUE, tariff, utilisation, ownership period, rate). */
  options?: EvaluationAssumptions;
}

/** File text (loaded like a file) or a generator-form recipe (run like the form): the same document again. */
export type DesignSource = { text: string } | { recipe: unknown };

/** The plain-number options of evaluateFabric the app lets users set (its Assumptions form). */
export type EvaluationAssumptions = Pick<EvaluateOptions, 'krwPerUsd' | 'pue' | 'tariffKrwPerKwh' | 'utilisation' | 'tcoYears' | 'operatingRate'>;

export type WorkerReply =
  | { type: 'progress'; id: number; phase: string; fraction: number }
  | { type: 'done'; id: number; report: FabricReport; elapsedMs: number }
  | { type: 'failed'; id: number; message: string };
