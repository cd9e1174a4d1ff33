// Optics metrics: per-link reach and loss budget, margins, fibre totals, OCS passes, amplifiers.
export * from './attenuation.js';
export * from './connectors.js';
export * from './fibre.js';
export * from './spans.js';
export * from './loss.js';
export * from './suggest.js';
export * from './amplifiers.js';
export * from './optics.js';
