// Latency along shortest-hop routes: the report, the path model and the distribution.
export { computeLatency, type LatencyOptions, type LatencyReport, type ResearchSiteLatency } from './latency.js';
export { latencyModel, serializationNs, PathLatencySolver, type LatencyModel } from './paths.js';
export { LatencyDistribution, type HistogramBucket } from './distribution.js';
