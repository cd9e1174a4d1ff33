// npm run bench [-- --json [FILE]] [-- --accelerators N] [-- --baseline-sources S]
// Builds the national-centre fabric, times every phase, and compares lightfabric's exact all-pairs hop statistics
// with the same statistics computed by graphology-shortest-path (BFS per source over graphology's API, measured on
// a sample of sources and extrapolated to all of them). Ratios come from the same run on the same machine.
import { writeFileSync } from 'node:fs';
import { singleSourceLength } from 'graphology-shortest-path/unweighted.js';
import { validateDocument } from '../src/format/index.js';
import { generateNationalCenter } from '../src/generators/index.js';
import { nowMs } from '../src/model/clock.js';
import { fabricFromDocument } from '../src/model/fabric.js';
import { createRng } from '../src/model/random.js';
import { serializeTopology } from '../src/format/index.js';
import { evaluateFabric } from '../src/metrics/evaluate.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const accelerators = Number(arg('accelerators') ?? 50000);
const baselineSources = Number(arg('baseline-sources') ?? 40);
// --json prints the figures as JSON instead of text; --json FILE writes them to FILE as well as the text.
const jsonFlag = process.argv.includes('--json');
const jsonOut = arg('json')?.startsWith('--') ? undefined : arg('json');

let peakRssMb = 0;
const sampleMem = () => { peakRssMb = Math.max(peakRssMb, process.memoryUsage().rss / 2 ** 20); };
const memTimer = setInterval(sampleMem, 20);

function timed<T>(f: () => T): [T, number] {
  const t = nowMs();
  const out = f();
  sampleMem();
  return [out, nowMs() - t];
}

const figures: Record<string, unknown> = { accelerators, node: process.version, date: new Date().toISOString() };
const phaseMs: Record<string, number> = {};

const [doc, genMs] = timed(() => generateNationalCenter({ accelerators }));
phaseMs.generate = genMs;
const [problems, valMs] = timed(() => validateDocument(doc));
phaseMs.validate = valMs;
const [text, serMs] = timed(() => serializeTopology(doc));
phaseMs.serialize = serMs;
figures.fileMb = +(text.length / 2 ** 20).toFixed(1);
figures.validationErrors = problems.filter((p) => p.severity === 'error').length;

const tEval = nowMs();
const report = await evaluateFabric(doc, { lp: 'auto' });
const evalMs = nowMs() - tEval;
sampleMem();
for (const [k, v] of Object.entries(report.timingsMs)) phaseMs[`evaluate.${k}`] = v;
phaseMs['evaluate (total)'] = evalMs;

// Baseline: graphology-shortest-path BFS from sampled accelerator sources over the graphology graph, accumulating
// the same histogram over accelerator targets; extrapolated linearly to every source.
const fabric = fabricFromDocument(doc);
const accIds = doc.nodes.filter((n) => n.kind === 'accelerator').map((n) => n.id);
const isAcc = new Set(accIds);
const rng = createRng(42);
const sample = Array.from({ length: Math.min(baselineSources, accIds.length) }, () => accIds[rng.int(accIds.length)]);
const hist: number[] = [];
const [, baseMs] = timed(() => {
  for (const s of sample) {
    const d = singleSourceLength(fabric.graph, s);
    for (const t in d) if (t !== s && isAcc.has(t)) hist[d[t]] = (hist[d[t]] ?? 0) + 1;
  }
});
const baselinePerSourceMs = baseMs / sample.length;
const baselineAllMs = baselinePerSourceMs * accIds.length;
const oursMs = report.timingsMs.hops;
clearInterval(memTimer);
sampleMem();

figures.nodes = report.counts.nodes;
figures.links = report.counts.links;
figures.phaseMs = Object.fromEntries(Object.entries(phaseMs).map(([k, v]) => [k, +v.toFixed(1)]));
figures.hops = {
  exactMs: +oursMs.toFixed(1),
  diameter: report.hops?.diameter,
  mean: report.hops?.mean,
  method: report.hops?.method,
  graphologyPerSourceMs: +baselinePerSourceMs.toFixed(2),
  graphologySampleSources: sample.length,
  graphologyExtrapolatedAllSourcesMs: Math.round(baselineAllMs),
  speedup: +(baselineAllMs / oursMs).toFixed(1),
};
figures.evaluateTotalMs = +evalMs.toFixed(1);
figures.peakRssMb = Math.round(peakRssMb);
figures.results = {
  bisection: report.bisection && { lowerGbps: report.bisection.lowerGbps, upperGbps: report.bisection.upperGbps, exact: report.bisection.exact },
  ecmpLambdaGbps: report.throughput?.allToAll.ecmp.lambdaGbps,
  latencyP99Ns: report.latencyNs?.p99,
  capexUsd: report.cost?.capexUsd,
  itW: report.power?.itW,
};

if (jsonFlag && !jsonOut) {
  console.log(JSON.stringify(figures, null, 2));
  process.exit(0);
}
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(1, n - s.length));
console.log(`lightfabric bench — national centre, ${report.counts.accelerators} accelerators, ${report.counts.nodes} nodes, ${report.counts.links} links (${figures.fileMb} MB as JSON)`);
for (const [k, v] of Object.entries(phaseMs)) console.log(`  ${pad(k, 28)}${v.toFixed(1).padStart(9)} ms`);
const h = figures.hops as Record<string, number>;
console.log(`hop statistics (exact, all ${report.hops?.pairs.toLocaleString('en')} ordered pairs): ${oursMs.toFixed(0)} ms`);
console.log(`graphology-shortest-path BFS: ${h.graphologyPerSourceMs} ms per source (${sample.length} sampled) -> ${(baselineAllMs / 1000).toFixed(1)} s for all sources`);
console.log(`speedup: ${h.speedup}x   whole evaluation: ${(evalMs / 1000).toFixed(2)} s   peak RSS: ${figures.peakRssMb} MB`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(figures, null, 2) + '\n');
