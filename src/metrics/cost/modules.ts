// How many transceiver modules a link uses at each end: its speed over the module's, rounded up to half a module —
// a twin-port (or 2x breakout) module serves two half-speed links, so a 400G link on an 800G twin-port module takes
// half a module per end, while a 375G ICI link on a 400G module still takes a whole one. Cable assemblies (priced and
// powered per end) count the same way, in half-cables.
import type { TransceiverModel } from '../../catalog/index.js';

// 2 x 400 / 800 must give exactly one half, not a hair more, after floating-point division.
const CEIL_SLACK = 1e-9;

/** Modules (or half-cables) at ONE end of a link of `gbps` using module `t`. */
export function modulesPerEnd(gbps: number, t: Pick<TransceiverModel, 'gbps'>): number {
  return Math.ceil((2 * gbps) / t.gbps - CEIL_SLACK) / 2;
}

/** Modules (or half-cables) of a whole link: both ends. */
export function modulesPerLink(gbps: number, t: Pick<TransceiverModel, 'gbps'>): number {
  return 2 * modulesPerEnd(gbps, t);
}
