// A monotonic clock for phase timings, in both Node and the browser (src/ has no DOM lib to declare it).
declare const performance: { now(): number } | undefined;

export function nowMs(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
