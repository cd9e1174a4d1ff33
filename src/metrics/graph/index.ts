// Graph kernels over CompiledFabric shared by the metrics: BFS, bit-parallel BFS, max-flow, twins, spectra, and the
// nested zones (cells, zone shells, cell types) of exact all-to-all routing.
export * from './bfs.js';
export * from './bitbfs.js';
export * from './maxflow.js';
export * from './simple.js';
export * from './twins.js';
export * from './lanczos.js';
export * from './dense.js';
export * from './zones.js';
export * from './shell-graph.js';
export * from './cell-types.js';
export * from './scratch.js';
