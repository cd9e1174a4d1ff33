// Overall progress of an evaluation from evaluateFabric's per-phase callbacks ('bisection', 0.4), and a throttle
// so a phase that reports thousands of fractions does not flood postMessage.
import { PHASES } from '../../src/metrics/evaluate.js';

export interface EvaluationProgress {
  /** Top-level phase being run, e.g. 'throughput' for 'throughput.lp'. */
  phase: string;
  /** 1-based position of the phase among PHASES (0 when the phase is not one of them). */
  step: number;
  steps: number;
  /** Whole evaluation, 0..1. */
  overall: number;
}

/**
 * Each phase is an equal share: phase times differ by fabric, so no weighting is right for all of them.
 * A sub-phase ('throughput.lp') reports its own fraction, not the phase's, so it only marks the phase as started.
 */
export function overallProgress(phase: string, fraction: number): EvaluationProgress {
  const dot = phase.indexOf('.');
  const top = dot < 0 ? phase : phase.slice(0, dot);
  const index = (PHASES as readonly string[]).indexOf(top);
  const steps = PHASES.length;
  if (index < 0) return { phase: top, step: 0, steps, overall: 0 };
  const within = dot < 0 && Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  return { phase: top, step: index + 1, steps, overall: (index + within) / steps };
}

/**
 * Passes a report on when the top-level phase changes, when a phase completes, or when `minIntervalMs` has
 * passed since the last one; `now` is injected so tests need no timers.
 */
export function progressThrottle(
  emit: (phase: string, fraction: number) => void,
  minIntervalMs: number,
  now: () => number,
): (phase: string, fraction: number) => void {
  let lastTop = '';
  let lastAt = -Infinity;
  return (phase, fraction) => {
    const dot = phase.indexOf('.');
    const top = dot < 0 ? phase : phase.slice(0, dot);
    const t = now();
    if (top !== lastTop || fraction >= 1 || t - lastAt >= minIntervalMs) {
      lastTop = top;
      lastAt = t;
      emit(phase, fraction);
    }
  };
}
