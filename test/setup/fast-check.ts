// Property tests run with one fixed seed, so `npm test` (and CI) is reproducible: a run that passes passes again.
// To explore new cases, set FC_SEED to a number or to "random" (`npm run test:explore` does). A failure prints
// its seed and path; pass the seed back through FC_SEED to replay it.
import fc from 'fast-check';

const DEFAULT_SEED = 20261129;
const env = process.env.FC_SEED;
const seed = env === 'random' ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : env !== undefined ? Number(env) | 0 : DEFAULT_SEED;
fc.configureGlobal({ seed });
