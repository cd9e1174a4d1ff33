// Not a test (no timing in tests): measures the format at national-centre scale. Run it alone:
//   npx tsx bench/validate-large.ts
// 50,000 H100 in 6,250 servers (one NVSwitch node each), 1,563 QM9700 leaves, 782 spines, 695 patch panels:
// 59,290 nodes; 200,032 links (NVLink bundles, NIC links, leaf-spine links through the panels).
import {
  checkSemantics, checkShape, checkShapeWithZod, parseTopology, serializeTopology, validateDocument,
} from '../src/format/index.js';
import type { FabricDocument, FabricLink, FabricNode, Rack } from '../src/model/types.js';

function build(): FabricDocument {
  const nodes: FabricNode[] = [];
  const links: FabricLink[] = [];
  const racks: Rack[] = [];
  const SERVERS = 6250, LEAVES = 1563, SPINES = 782, PANELS = 695;
  for (let r = 0; r < 1640; r++) {
    racks.push({ id: `r${r}`, site: 'dc', xM: (r % 40) * 0.6, yM: Math.floor(r / 40) * 2.4, powerLimitKw: 130, cooling: 'liquid', row: Math.floor(r / 40) });
  }
  for (let s = 0; s < SERVERS; s++) {
    nodes.push({ id: `nvs${s}`, kind: 'switch', model: 'nvidia-nvswitch-gen3', rack: `r${s >> 2}`, server: `srv${s}`, tier: 'nvswitch' });
    for (let g = 0; g < 8; g++) nodes.push({ id: `gpu${s * 8 + g}`, kind: 'accelerator', model: 'nvidia-h100-sxm', rack: `r${s >> 2}`, server: `srv${s}` });
  }
  for (let l = 0; l < LEAVES; l++) nodes.push({ id: `leaf${l}`, kind: 'switch', model: 'nvidia-qm9700', rack: `r${1600 + (l % 40)}`, tier: 'leaf' });
  for (let l = 0; l < SPINES; l++) nodes.push({ id: `spine${l}`, kind: 'switch', model: 'nvidia-qm9700', tier: 'spine' });
  for (let l = 0; l < PANELS; l++) nodes.push({ id: `pp${l}`, kind: 'patch-panel', model: 'patch-panel-mpo-144' });
  for (let g = 0; g < 50000; g++) {
    links.push({ id: `nv${g}`, a: `gpu${g}`, b: `nvs${g >> 3}`, gbps: 1600, lengthM: 0.5, medium: 'scale-up', tier: 'nvlink' });
    links.push({ id: `nic${g}`, a: `gpu${g}`, b: `leaf${g >> 5}`, gbps: 400, lengthM: 30, medium: 'smf', transceiver: 'osfp-400g-dr4', tier: 'leaf' });
  }
  let up = 0;
  for (let l = 0; l < LEAVES; l++) {
    for (let k = 0; k < 64; k++) {
      const i = up++;
      links.push({ id: `up${i}`, a: `leaf${l}`, b: `spine${Math.floor(i / 128)}`, gbps: 200, lengthM: 80, medium: 'smf',
        transceiver: 'osfp-800g-2xdr4', via: [`pp${Math.floor(i / 144)}`], tier: 'leaf-spine' });
    }
  }
  return { name: 'measure', sites: [{ id: 'dc', kind: 'datacenter' }], racks, nodes, links };
}

/** Wall and CPU time: on a machine shared with other jobs the CPU time is the steadier figure. */
function time<T>(label: string, f: () => T): T {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = f();
  const c = process.cpuUsage(c0);
  console.log(`${label.padEnd(26)} ${(performance.now() - t0).toFixed(0).padStart(6)} ms wall ` +
    `${((c.user + c.system) / 1000).toFixed(0).padStart(6)} ms cpu`);
  return out;
}

const doc = build();
console.log(`${doc.nodes.length} nodes, ${doc.links.length} links`);
for (let round = 1; round <= 3; round++) {
  console.log(`-- round ${round}`);
  const text = time('serializeTopology', () => serializeTopology(doc));
  const raw = time('JSON.parse', () => JSON.parse(text) as unknown);
  time('checkShape (fast path)', () => checkShape(raw));
  time('checkShapeWithZod', () => checkShapeWithZod(raw));
  time('checkSemantics', () => checkSemantics(raw));
  const problems = time('validateDocument', () => validateDocument(doc));
  const r = time('parseTopology (all steps)', () => parseTopology(text));
  const pretty = JSON.stringify({ format: 'lightfabric/topology', version: 1, ...doc }, null, 2);
  console.log(`problems ${problems.length}, loads ${r.ok}; file ${(text.length / 1e6).toFixed(1)} MB, ` +
    `fully pretty-printed ${(pretty.length / 1e6).toFixed(1)} MB (${(pretty.length / text.length).toFixed(2)}x)`);
}
