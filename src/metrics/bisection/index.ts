// Bisection bandwidth as a proven interval with the binding split.
export {
  computeBisection, type BisectionOptions, type BisectionReport, type BisectionSplit, type LowerBound, type LowerMethod,
} from './bisection.js';
export { upDownLowerBound, type UpDownCertificate } from './updown.js';
export { domainPenalty, type DomainPenalty } from './domains.js';
export { fillShares } from './rates.js';
export { schurSpectralBound, type SpectralBound } from './schur.js';
export { SplitEvaluator, type EvaluatedSplit, type Split } from './split.js';
export { podLowerBound, type PodBound } from './pods.js';
export { blockLowerBound, type BlockBound, type BlockVertex } from './blocks.js';
export { hubNetwork, type HubNetwork, type HubBlock } from './hubs.js';
