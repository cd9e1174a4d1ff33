// Graph kernels over CompiledFabric shared by the metrics: BFS, bit-parallel BFS, max-flow, twins, spectra.
export * from './bfs.js';
export * from './bitbfs.js';
export * from './maxflow.js';
export * from './simple.js';
export * from './twins.js';
export * from './lanczos.js';
export * from './dense.js';
