// Overall progress from evaluateFabric's phase callbacks, and the throttle in front of postMessage.
import { describe, expect, it } from 'vitest';
import { PHASES } from '../../src/metrics/evaluate.js';
import { overallProgress, progressThrottle } from '../../web/worker/progress.js';

describe('overallProgress', () => {
  it('gives each of the ten phases a tenth', () => {
    expect(PHASES.length).toBe(10);
    expect(overallProgress('hops', 0)).toEqual({ phase: 'hops', step: 1, steps: 10, overall: 0 });
    expect(overallProgress('hops', 1)).toEqual({ phase: 'hops', step: 1, steps: 10, overall: 0.1 });
    expect(overallProgress('bisection', 0.5)).toEqual({ phase: 'bisection', step: 5, steps: 10, overall: 0.45 });
    expect(overallProgress('collectives', 1)).toEqual({ phase: 'collectives', step: 10, steps: 10, overall: 1 });
  });
  it('counts a sub-phase as its phase started, since its fraction is its own', () => {
    expect(overallProgress('throughput.lp', 0.7)).toEqual({ phase: 'throughput', step: 4, steps: 10, overall: 0.3 });
    expect(overallProgress('collectives.ring', 1)).toEqual({ phase: 'collectives', step: 10, steps: 10, overall: 0.9 });
  });
  it('clamps fractions and tolerates phases it does not know', () => {
    expect(overallProgress('latency', 7).overall).toBe(0.2);
    expect(overallProgress('latency', -1).overall).toBe(0.1);
    expect(overallProgress('latency', NaN).overall).toBe(0.1);
    expect(overallProgress('compile', 0.5)).toEqual({ phase: 'compile', step: 0, steps: 10, overall: 0 });
  });
});

describe('progressThrottle', () => {
  it('passes phase changes and completions at once, other reports at most once per interval', () => {
    let t = 0;
    const seen: [string, number][] = [];
    const report = progressThrottle((p, f) => seen.push([p, f]), 50, () => t);
    report('hops', 0); // new phase
    t = 10;
    report('hops', 0.2); // too soon
    t = 49;
    report('hops', 0.4); // too soon
    t = 60;
    report('hops', 0.6); // 60 ms after the last one passed
    t = 61;
    report('hops', 1); // completion
    report('latency', 0); // new phase
    report('latency.research', 0.5); // same top-level phase, too soon
    t = 200;
    report('latency.research', 0.9);
    expect(seen).toEqual([['hops', 0], ['hops', 0.6], ['hops', 1], ['latency', 0], ['latency.research', 0.9]]);
  });
});
