// Optical transceivers and copper/active cables. Reference sheet section 3.
// lossBudgetDb: IEEE loss budgets per optic were not found (sheet), so the usual channel insertion-loss
// allowances of each class are used and flagged E. latencyNs is what the link adds: DSP retiming + FEC, both ends.
import type { TransceiverModel } from './types.js';

const PRICE_E = 'no per-module price in the reference sheet: order-of-magnitude estimate, override in the fabric file';
const DSP = ['S/E', 'chipcraft.tech: DSP retiming ~100 ns (removing it saves ~100 ns)'] as const;
const LINEAR = ['S/E', 'linear (no DSP): the ~100 ns DSP delay is removed (chipcraft.tech)'] as const;
const MM_BUDGET = ['E', 'IEEE 802.3 SR-class channel allowance ~1.9 dB (OM4); per-optic budgets not in the sheet'] as const;
const DR_BUDGET = ['E', 'IEEE 802.3 DR-class channel allowance ~3 dB; per-optic budgets not in the sheet'] as const;
const NA = ['E', 'cable assembly: no separate fibre, no loss budget to check'] as const;

export const TRANSCEIVERS: TransceiverModel[] = [
  {
    id: 'osfp-400g-sr4', kind: 'transceiver', name: '400G OSFP SR4 (multimode)', vendor: 'NVIDIA',
    formFactor: 'OSFP', gbps: 400, reachM: 50, medium: 'mmf', wavelengthNm: 850, powerW: 8.5, priceUsd: 500,
    latencyNs: 100, lossBudgetDb: 1.9, cable: false, coherent: false,
    sources: {
      gbps: ['P', 'docs.nvidia.com'], reachM: ['E', 'assumed as the 800G 2xSR4 (50 m)'], wavelengthNm: ['P', '850 nm multimode'],
      powerW: ['P', 'docs.nvidia.com: 8-9 W'], priceUsd: ['E', PRICE_E], latencyNs: DSP, lossBudgetDb: MM_BUDGET,
    },
  },
  {
    id: 'osfp-800g-2xsr4', kind: 'transceiver', name: '800G twin-port OSFP 2xSR4 (multimode)', vendor: 'NVIDIA',
    formFactor: 'OSFP twin-port', gbps: 800, reachM: 50, medium: 'mmf', wavelengthNm: 850, powerW: 15, priceUsd: 900,
    latencyNs: 100, lossBudgetDb: 1.9, cable: false, coherent: false,
    sources: {
      gbps: ['P', 'docs.nvidia.com MMA4Z00-NS'], reachM: ['P', 'docs.nvidia.com MMA4Z00-NS: 50 m'], wavelengthNm: ['P', '850 nm'],
      powerW: ['P', 'docs.nvidia.com MMA4Z00-NS: 15 W'], priceUsd: ['E', PRICE_E], latencyNs: DSP, lossBudgetDb: MM_BUDGET,
    },
  },
  {
    id: 'osfp-800g-sr8', kind: 'transceiver', name: '800GBASE-SR8 (multimode, OM4)', vendor: 'various',
    formFactor: 'OSFP/QSFP-DD', gbps: 800, reachM: 50, medium: 'mmf', wavelengthNm: 850, powerW: 10, priceUsd: 899,
    latencyNs: 100, lossBudgetDb: 1.9, cable: false, coherent: false,
    notes: '100 m on OM5',
    sources: {
      gbps: ['S', 'transceiver-db blog'], reachM: ['S', 'transceiver-db blog: 50 m OM4 / 100 m OM5'], wavelengthNm: ['S', '850 nm'],
      powerW: ['S', 'transceiver-db blog: 9-11 W'], priceUsd: ['S/E', 'transceiver-db blog: 799-999 USD (midpoint)'],
      latencyNs: DSP, lossBudgetDb: MM_BUDGET,
    },
  },
  {
    id: 'osfp-400g-dr4', kind: 'transceiver', name: '400G OSFP DR4 (single-mode)', vendor: 'NVIDIA',
    formFactor: 'OSFP', gbps: 400, reachM: 100, medium: 'smf', wavelengthNm: 1310, powerW: 9, priceUsd: 700,
    latencyNs: 100, lossBudgetDb: 3, cable: false, coherent: false,
    sources: {
      gbps: ['P', 'docs.nvidia.com'], reachM: ['P', 'docs.nvidia.com: 100 m'], wavelengthNm: ['P', '1310 nm'],
      powerW: ['P', 'docs.nvidia.com: 9 W'], priceUsd: ['E', PRICE_E], latencyNs: DSP, lossBudgetDb: DR_BUDGET,
    },
  },
  {
    id: 'osfp-800g-2xdr4', kind: 'transceiver', name: '800G twin-port OSFP 2xDR4 (single-mode)', vendor: 'NVIDIA',
    formFactor: 'OSFP twin-port', gbps: 800, reachM: 100, medium: 'smf', wavelengthNm: 1310, powerW: 17, priceUsd: 1100,
    latencyNs: 100, lossBudgetDb: 3, cable: false, coherent: false,
    sources: {
      gbps: ['P', 'docs.nvidia.com MMS4X00-NS'], reachM: ['P', 'docs.nvidia.com MMS4X00-NS: 100 m'], wavelengthNm: ['P', '1310 nm'],
      powerW: ['P', 'docs.nvidia.com MMS4X00-NS: 17 W'], priceUsd: ['E', PRICE_E], latencyNs: DSP, lossBudgetDb: DR_BUDGET,
    },
  },
  {
    id: 'osfp-800g-dr8', kind: 'transceiver', name: '800G DR8 (single-mode, 500 m)', vendor: 'NVIDIA',
    formFactor: 'OSFP', gbps: 800, reachM: 500, medium: 'smf', wavelengthNm: 1310, powerW: 17, priceUsd: 1100,
    latencyNs: 100, lossBudgetDb: 3, cable: false, coherent: false,
    sources: {
      gbps: ['S', 'NVIDIA datasheet via fact sheet'], reachM: ['S', 'NVIDIA datasheet via fact sheet: 500 m'], wavelengthNm: ['S', '1310 nm'],
      powerW: ['S', 'fact sheet: 17 W'], priceUsd: ['E', PRICE_E], latencyNs: DSP, lossBudgetDb: DR_BUDGET,
    },
  },
  {
    id: 'osfp-800g-2xfr4', kind: 'transceiver', name: '800G twin-port OSFP 2xFR4 (single-mode, 2 km)', vendor: 'NVIDIA',
    formFactor: 'OSFP twin-port', gbps: 800, reachM: 2000, medium: 'smf', wavelengthNm: 1310, powerW: 14, priceUsd: 1500,
    latencyNs: 100, lossBudgetDb: 4, cable: false, coherent: false,
    sources: {
      gbps: ['P/S', 'docs.nvidia.com MMS4X50-NM'], reachM: ['P/S', 'docs.nvidia.com MMS4X50-NM: 2 km'], wavelengthNm: ['P/S', '1310 nm CWDM'],
      powerW: ['P/S', 'docs.nvidia.com: 12-16 W (midpoint)'], priceUsd: ['E', PRICE_E], latencyNs: DSP,
      lossBudgetDb: ['E', 'IEEE FR4-class allowance ~4 dB; not in the sheet'],
    },
  },
  {
    id: 'qsfp-400g-fr4', kind: 'transceiver', name: '400G FR4 (duplex single-mode, 2 km)', vendor: 'various',
    formFactor: 'QSFP-DD/OSFP', gbps: 400, reachM: 2000, medium: 'smf', wavelengthNm: 1310, powerW: 10, priceUsd: 1000,
    latencyNs: 100, lossBudgetDb: 4, cable: false, coherent: false,
    notes: 'duplex LC: the 400G optic that fits an OCS circuit (parallel MPO optics lose too much through one)',
    sources: {
      gbps: ['E', 'IEEE 400GBASE-FR4 class; not in the reference sheet'], reachM: ['E', 'IEEE FR4 class: 2 km'],
      wavelengthNm: ['E', '1310 nm CWDM'], powerW: ['E', 'estimate between DR4 (9 W) and LR4 (12 W)'], priceUsd: ['E', PRICE_E],
      latencyNs: DSP, lossBudgetDb: ['E', 'IEEE FR4-class allowance ~4 dB; not in the sheet'],
    },
  },
  {
    id: 'qsfp-400g-lr4', kind: 'transceiver', name: '400G LR4 (single-mode, 10 km)', vendor: 'various',
    formFactor: 'QSFP-DD', gbps: 400, reachM: 10000, medium: 'smf', wavelengthNm: 1310, powerW: 12, priceUsd: 1500,
    latencyNs: 100, lossBudgetDb: 6.3, cable: false, coherent: false,
    sources: {
      gbps: ['E', 'IEEE 400GBASE-LR4-6 class; LR values are not in the reference sheet'], reachM: ['E', 'IEEE LR class: 10 km'],
      wavelengthNm: ['E', '1310 nm'], powerW: ['E', 'estimate between FR4 (14 W) and DR4 (9 W)'], priceUsd: ['E', PRICE_E],
      latencyNs: DSP, lossBudgetDb: ['E', 'IEEE LR-class allowance ~6.3 dB'],
    },
  },
  {
    id: 'qsfpdd-400zr', kind: 'transceiver', name: '400ZR coherent DWDM (QSFP-DD)', vendor: 'various',
    formFactor: 'QSFP-DD', gbps: 400, reachM: 120000, medium: 'smf', wavelengthNm: 1550, powerW: 14.5, priceUsd: 4000,
    latencyNs: 1000, lossBudgetDb: 25, cable: false, coherent: true,
    notes: '120 km unamplified; ~1,000 km over amplified multi-span lines',
    sources: {
      gbps: ['S', 'several'], reachM: ['S', 'several: 120 km unamplified'], wavelengthNm: ['S', 'C-band (ITU G.694.1)'],
      powerW: ['S', 'several: 14-15 W'], priceUsd: ['E', PRICE_E],
      latencyNs: ['E', 'coherent DSP + oFEC latency not found: estimate'],
      lossBudgetDb: ['E', 'derived: 120 km x 0.2 dB/km + connectors, so the stated unamplified reach fits'],
    },
  },
  {
    id: 'qsfpdd-400zr-plus', kind: 'transceiver', name: '400ZR+ coherent DWDM (QSFP-DD)', vendor: 'various',
    formFactor: 'QSFP-DD', gbps: 400, reachM: 1000000, medium: 'smf', wavelengthNm: 1550, powerW: 20, priceUsd: 6000,
    latencyNs: 1000, lossBudgetDb: 25, cable: false, coherent: true,
    notes: 'long reach needs amplified spans (loss checked per span)',
    sources: {
      gbps: ['S', 'f-tone.com; lanode.co.uk'], reachM: ['S', 'f-tone.com: up to 1,000 km'], wavelengthNm: ['S', 'C-band'],
      powerW: ['C', 'f-tone.com; lanode.co.uk: 15-22.5 W'], priceUsd: ['E', PRICE_E],
      latencyNs: ['E', 'coherent DSP + oFEC latency not found: estimate'], lossBudgetDb: ['E', 'per amplified span, as 400ZR'],
    },
  },
  {
    id: 'osfp-800zr', kind: 'transceiver', name: '800ZR coherent DWDM', vendor: 'various',
    formFactor: 'OSFP/QSFP-DD', gbps: 800, reachM: 120000, medium: 'smf', wavelengthNm: 1550, powerW: 24, priceUsd: 10000,
    latencyNs: 1000, lossBudgetDb: 25, cable: false, coherent: true,
    sources: {
      gbps: ['S', 'fact sheet'], reachM: ['S', 'fact sheet: 80-120 km'], wavelengthNm: ['S', 'C-band'],
      powerW: ['S', 'fact sheet: 23-25 W'], priceUsd: ['E', PRICE_E],
      latencyNs: ['E', 'coherent DSP + oFEC latency not found: estimate'], lossBudgetDb: ['E', 'as 400ZR'],
    },
  },
  {
    id: 'lpo-800g', kind: 'transceiver', name: '800G linear pluggable optic (LPO, single-mode)', vendor: 'LPO MSA',
    formFactor: 'OSFP', gbps: 800, reachM: 500, medium: 'smf', wavelengthNm: 1310, powerW: 8.5, priceUsd: 800,
    latencyNs: 0, lossBudgetDb: 3, cable: false, coherent: false,
    sources: {
      gbps: ['S', 'LPO MSA'], reachM: ['S', 'LPO MSA: up to 500 m SMF'], wavelengthNm: ['S', '1310 nm'],
      powerW: ['S', 'LPO MSA: ~8-9 W vs 14-16 W DSP'], priceUsd: ['E', PRICE_E], latencyNs: LINEAR, lossBudgetDb: DR_BUDGET,
    },
  },
  {
    id: 'cpo-800g', kind: 'transceiver', name: '800G co-packaged optics port (CPO, single-mode)', vendor: 'various',
    formFactor: 'CPO', gbps: 800, reachM: 500, medium: 'smf', wavelengthNm: 1310, powerW: 9, priceUsd: 600,
    latencyNs: 0, lossBudgetDb: 3, cable: false, coherent: false,
    notes: 'Tomahawk 6 CPO option quoted at 3.5 W per 800G port (gazettabyte.com)',
    sources: {
      gbps: ['S', 'notebookcheck.net'], reachM: ['E', 'assumed DR-class 500 m'], wavelengthNm: ['E', '1310 nm'],
      powerW: ['C', 'notebookcheck.net: ~9 W vs ~30 W pluggable; gazettabyte.com: 3.5 W per 800G port on TH6'],
      priceUsd: ['E', PRICE_E], latencyNs: LINEAR, lossBudgetDb: DR_BUDGET,
    },
  },
  {
    id: 'osfp-1600g-dr8', kind: 'transceiver', name: '1.6T OSFP DR8 (single-mode)', vendor: 'various',
    formFactor: 'OSFP', gbps: 1600, reachM: 500, medium: 'smf', wavelengthNm: 1310, powerW: 26, priceUsd: 2000,
    latencyNs: 100, lossBudgetDb: 3, cable: false, coherent: false,
    sources: {
      gbps: ['E', 'vendors'], reachM: ['E', 'DR8 class 500 m'], wavelengthNm: ['E', '1310 nm'], powerW: ['E', 'vendors: ~25-27 W'],
      priceUsd: ['E', PRICE_E], latencyNs: DSP, lossBudgetDb: DR_BUDGET,
    },
  },
  {
    id: 'dac-400g', kind: 'transceiver', name: '400G passive copper DAC (100G-PAM4 lanes)', vendor: 'NVIDIA',
    formFactor: 'OSFP/QSFP112', gbps: 400, reachM: 2, medium: 'copper', wavelengthNm: 0, powerW: 0.1, priceUsd: 75,
    latencyNs: 0, lossBudgetDb: 0, cable: true, coherent: false,
    notes: '3 m for splitter cables',
    sources: {
      gbps: ['P', 'docs.nvidia.com'], reachM: ['P', 'docs.nvidia.com: 0.5-2 m (3 m splitters)'], wavelengthNm: ['P', 'copper'],
      powerW: ['P', 'docs.nvidia.com: ~0.1 W per end'], priceUsd: ['E', PRICE_E + ' (half a cable per end)'], latencyNs: LINEAR, lossBudgetDb: NA,
    },
  },
  {
    id: 'dac-800g', kind: 'transceiver', name: '800G passive copper DAC (100G-PAM4 lanes)', vendor: 'NVIDIA',
    formFactor: 'OSFP', gbps: 800, reachM: 2, medium: 'copper', wavelengthNm: 0, powerW: 0.1, priceUsd: 125,
    latencyNs: 0, lossBudgetDb: 0, cable: true, coherent: false,
    notes: 'with 200G lanes there is no passive DAC past ~1 m',
    sources: {
      gbps: ['P', 'docs.nvidia.com'], reachM: ['P', 'docs.nvidia.com: 0.5-2 m'], wavelengthNm: ['P', 'copper'],
      powerW: ['P', 'docs.nvidia.com: ~0.1 W per end'], priceUsd: ['E', PRICE_E + ' (half a cable per end)'], latencyNs: LINEAR, lossBudgetDb: NA,
    },
  },
  {
    id: 'acc-800g', kind: 'transceiver', name: '800G linear active copper cable (ACC)', vendor: 'NVIDIA',
    formFactor: 'OSFP', gbps: 800, reachM: 5, medium: 'copper', wavelengthNm: 0, powerW: 1.5, priceUsd: 250,
    latencyNs: 0, lossBudgetDb: 0, cable: true, coherent: false,
    sources: {
      gbps: ['P', 'docs.nvidia.com'], reachM: ['P', 'docs.nvidia.com: 3-5 m'], wavelengthNm: ['P', 'copper'],
      powerW: ['E', 'not in the sheet: redriver estimate per end'], priceUsd: ['E', PRICE_E + ' (half a cable per end)'], latencyNs: LINEAR, lossBudgetDb: NA,
    },
  },
  {
    id: 'aoc-400g', kind: 'transceiver', name: '400G active optical cable (AOC)', vendor: 'various',
    formFactor: 'OSFP/QSFP-DD', gbps: 400, reachM: 100, medium: 'mmf', wavelengthNm: 850, powerW: 3, priceUsd: 300,
    latencyNs: 100, lossBudgetDb: 0, cable: true, coherent: false,
    sources: {
      gbps: ['S', 'vendors'], reachM: ['S', 'vendors: up to 100 m'], wavelengthNm: ['S', '850 nm VCSEL'],
      powerW: ['S', 'vendors: 2-4 W per end'], priceUsd: ['E', PRICE_E + ' (half a cable per end)'], latencyNs: DSP, lossBudgetDb: NA,
    },
  },
  {
    id: 'aoc-800g', kind: 'transceiver', name: '800G active optical cable (AOC)', vendor: 'various',
    formFactor: 'OSFP', gbps: 800, reachM: 30, medium: 'mmf', wavelengthNm: 850, powerW: 3, priceUsd: 600,
    latencyNs: 100, lossBudgetDb: 0, cable: true, coherent: false,
    sources: {
      gbps: ['S', 'vendors'], reachM: ['S', 'vendors: 800G AOC 2-30 m'], wavelengthNm: ['S', '850 nm VCSEL'],
      powerW: ['S', 'vendors: 2-4 W per end'], priceUsd: ['E', PRICE_E + ' (half a cable per end)'], latencyNs: DSP, lossBudgetDb: NA,
    },
  },
];
