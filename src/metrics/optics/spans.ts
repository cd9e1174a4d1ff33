// How a long run is cut into spans: coherent optics past FIBRE.amplifierSpacingKm get in-line amplifiers that split
// the run into equal spans (a line designer balances spans); every reel joint inside a span is a fusion splice.
import type { FibreConstants } from '../../catalog/index.js';

// Ratios like 160 km / 80 km must count as 2 spans, not 3, after floating-point division.
const CEIL_SLACK = 1e-9;

export interface SpanPlan {
  /** Amplified spans the run is cut into (1 when unamplified). */
  spans: number;
  /** Length of each span. */
  spanKm: number;
  /** In-line amplifiers on the run: spans - 1. */
  amplifiers: number;
  /** Fusion splices inside one span: one per reel joint. */
  splicesPerSpan: number;
}

export function spanPlan(lengthM: number, coherent: boolean, fibre: FibreConstants): SpanPlan {
  const lengthKm = Math.max(0, lengthM) / 1000;
  const spacing = fibre.amplifierSpacingKm;
  const spans = coherent && spacing > 0 && lengthKm > spacing ? Math.ceil(lengthKm / spacing - CEIL_SLACK) : 1;
  const spanKm = lengthKm / spans;
  const reel = fibre.reelLengthKm;
  const splicesPerSpan = reel > 0 ? Math.max(0, Math.ceil(spanKm / reel - CEIL_SLACK) - 1) : 0;
  return { spans, spanKm, amplifiers: spans - 1, splicesPerSpan };
}
