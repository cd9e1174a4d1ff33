// Collective time estimates (ring all-reduce, all-to-all) by the alpha-beta model.
export * from './collectives.js';
export * from './path-latency.js';
