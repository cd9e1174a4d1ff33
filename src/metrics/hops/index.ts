// Hop statistics over all ordered accelerator pairs.
export { computeHops, hopHistogram, type HopsOptions, type HopsReport } from './hops.js';
