// Comparing design options: the compared metrics and the side-by-side comparison of evaluated reports.
export * from './metrics.js';
export * from './compare.js';
export * from './csv.js';
