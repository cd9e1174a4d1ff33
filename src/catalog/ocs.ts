// Optical circuit switches and passive patch panels. Reference sheet section 4 (and 5 for connectors).
import type { OcsModel, PatchPanelModel } from './types.js';

export const OCS_MODELS: OcsModel[] = [
  {
    id: 'ocs-mems-136', kind: 'ocs', name: 'MEMS OCS 136x136 (Palomar class)', vendor: 'Google-class',
    ports: 136, insertionLossDb: 2, powerW: 108, priceUsd: 60000, reconfigMs: 10, rackUnits: 8,
    notes: 'circulators make each port bidirectional; ms-scale switching',
    sources: {
      ports: ['S', 'arXiv 2208.10041 summaries: 3D MEMS 136x136'], insertionLossDb: ['S', 'arXiv 2208.10041 summaries: IL < 2 dB'],
      powerW: ['S', 'SemiAnalysis: ~108 W vs ~3 kW electrical'],
      priceUsd: ['E', 'not in the sheet (TPU v4: OCS < 5% of system cost, hpcwire): estimate'],
      reconfigMs: ['S/E', 'opelink.com: generic MEMS settle 2-3 ms, ~10 ms reconfiguration'], rackUnits: ['E', 'estimate'],
    },
  },
  {
    id: 'ocs-mems-300', kind: 'ocs', name: 'MEMS OCS 300x300 (Lumentum R300 / Calient S320 class)', vendor: 'Lumentum-class',
    ports: 300, insertionLossDb: 3, powerW: 150, priceUsd: 120000, reconfigMs: 200, rackUnits: 12,
    sources: {
      ports: ['S', 'gazettabyte.com: Lumentum R300 300x300 MEMS'],
      insertionLossDb: ['E', 'opelink.com: generic MEMS 64x64 <= 4 dB, 1xN <= 2 dB; between taken'],
      powerW: ['E', 'not in the sheet: scaled from Palomar ~108 W'], priceUsd: ['E', 'not in the sheet: estimate'],
      reconfigMs: ['P', 'Calient S320 user guide: bulk reconfiguration <= 200 ms (500 ms worst)'], rackUnits: ['E', 'estimate'],
    },
  },
];

export const PATCH_PANELS: PatchPanelModel[] = [
  {
    id: 'patch-panel-mpo-144', kind: 'patch-panel', name: 'MPO patch panel, 144 ports', vendor: 'generic',
    ports: 144, insertionLossDb: 0.75, priceUsd: 2000, powerW: 0, rackUnits: 4,
    sources: {
      ports: ['E', 'typical 4U high-density panel'], insertionLossDb: ['P/S', 'thefoa.org: MPO connector pair 0.75 dB (TIA max)'],
      priceUsd: ['E', 'estimate'], powerW: ['P', 'passive'], rackUnits: ['E', 'typical'],
    },
  },
  {
    id: 'patch-panel-lc-96', kind: 'patch-panel', name: 'LC duplex patch panel, 96 ports', vendor: 'generic',
    ports: 96, insertionLossDb: 0.5, priceUsd: 800, powerW: 0, rackUnits: 2,
    sources: {
      ports: ['E', 'typical 2U panel'], insertionLossDb: ['P/S', 'thefoa.org: SMF connector pair 0.5 dB typical'],
      priceUsd: ['E', 'estimate'], powerW: ['P', 'passive'], rackUnits: ['E', 'typical'],
    },
  },
];
