// All-to-all, permutation and ring throughput (ECMP, LP optimum, distance bound) and their routing kernels.
export * from './throughput.js';
export * from './arc-report.js';
export * from './colour-refinement.js';
export * from './ecmp-loads.js';
export * from './lp.js';
export * from './pair-dag.js';
export * from './pattern-rate.js';
export * from './twin-classes.js';
export * from './zone-plan.js';
export * from './zone-potential.js';
export * from './zone-loads.js';
export * from './zone-flows.js';
