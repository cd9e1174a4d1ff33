// Path diversity, edge connectivity, single points of failure and Monte Carlo failures.
export * from './resilience.js';
export * from './cut-points.js';
export * from './edge-connectivity.js';
export * from './failure-impact.js';
export * from './monte-carlo.js';
export * from './path-diversity.js';
