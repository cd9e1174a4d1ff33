// Packet switches (scale-out and scale-up) and research-site gateways. Reference sheet section 2.
// No absolute switch prices were found (sheet: "Not found"): prices are flagged estimates to override.
import type { GatewayModel, SwitchModel } from './types.js';

const NO_PRICE = 'no absolute switch price found (reference sheet): estimate, override in the fabric file';

export const SWITCHES: SwitchModel[] = [
  {
    id: 'nvidia-qm9700', kind: 'switch', name: 'NVIDIA Quantum-2 QM9700 (NDR InfiniBand)', vendor: 'NVIDIA',
    ports: 64, portGbps: 400, maxBreakout: 2, switchingTbps: 51.2, latencyNs: 200, powerW: 940, priceUsd: 35000,
    rackUnits: 1, scaleUp: false, includedInServer: false,
    sources: {
      ports: ['S', 'yobitel.com; docs.nvidia.com QM97X0: 64x 400G NDR (32 twin-port OSFP)'], portGbps: ['S', 'docs.nvidia.com QM97X0'],
      maxBreakout: ['S', 'NDR 400G port splits into 2x 200G'], switchingTbps: ['S', 'docs.nvidia.com QM97X0: 51.2 Tb/s'],
      latencyNs: ['C', 'sources disagree: ~100-330 ns; midpoint taken'],
      powerW: ['E', 'QM9700 power not found: proxy SN5600 940 W (reference sheet)'], priceUsd: ['E', NO_PRICE],
      rackUnits: ['S', 'docs.nvidia.com QM97X0: 1U'],
    },
  },
  {
    id: 'nvidia-q3400', kind: 'switch', name: 'NVIDIA Quantum-X800 Q3400 (XDR InfiniBand)', vendor: 'NVIDIA',
    ports: 144, portGbps: 800, maxBreakout: 2, switchingTbps: 115.2, latencyNs: 200, powerW: 2900, priceUsd: 120000,
    rackUnits: 4, scaleUp: false, includedInServer: false,
    sources: {
      ports: ['S', 'fact sheet citing NVIDIA specs: 144x 800G XDR'], portGbps: ['S', 'fact sheet'], maxBreakout: ['E', 'assumed 2x 400G'],
      switchingTbps: ['S', 'fact sheet: 115.2 Tb/s'], latencyNs: ['E', 'assumed as Quantum-2 (IB ~100-330 ns)'],
      powerW: ['S', 'fact sheet: 2.9 kW typical'], priceUsd: ['E', NO_PRICE], rackUnits: ['E', 'assumed 4U'],
    },
  },
  {
    id: 'nvidia-sn5600', kind: 'switch', name: 'NVIDIA Spectrum-4 SN5600 (Ethernet)', vendor: 'NVIDIA',
    ports: 64, portGbps: 800, maxBreakout: 4, switchingTbps: 51.2, latencyNs: 600, powerW: 940, priceUsd: 60000,
    rackUnits: 2, scaleUp: false, includedInServer: false,
    sources: {
      ports: ['S', 'probsee.com; fact sheet: 64x 800GbE (128x400, 256x200)'], portGbps: ['S', 'probsee.com'],
      maxBreakout: ['S', '256x 200G = 4 per port'], switchingTbps: ['S', '51.2 Tb/s'],
      latencyNs: ['E', 'vendor latency not found: Tomahawk-5-class ~600 ns used'], powerW: ['S', 'fact sheet: 940 W typical'],
      priceUsd: ['E', NO_PRICE + '; Spectrum-X 2-3x Tomahawk whitebox per port (losslessnetwork.com)'], rackUnits: ['S', 'probsee.com: 2U'],
    },
  },
  {
    id: 'broadcom-th5', kind: 'switch', name: 'Tomahawk 5 class 51.2T Ethernet (64x800G)', vendor: 'Broadcom (whitebox)',
    ports: 64, portGbps: 800, maxBreakout: 4, switchingTbps: 51.2, latencyNs: 600, powerW: 800, priceUsd: 25000,
    rackUnits: 2, scaleUp: false, includedInServer: false,
    sources: {
      ports: ['S', 'techinsights.com: 64x800/128x400/256x200'], portGbps: ['S', 'techinsights.com'], maxBreakout: ['S', '256x200 = 4 per port'],
      switchingTbps: ['S', 'techinsights.com: 51.2 Tb/s'], latencyNs: ['S/E', 'chipcraft.tech: ~600 ns'],
      powerW: ['E', 'derived: ~450-500 W chip (chipcraft.tech) plus ~300 W box'], priceUsd: ['E', NO_PRICE], rackUnits: ['E', 'typical 2U'],
    },
  },
  {
    id: 'broadcom-th6', kind: 'switch', name: 'Tomahawk 6 class 102.4T Ethernet (128x800G)', vendor: 'Broadcom (whitebox)',
    ports: 128, portGbps: 800, maxBreakout: 4, switchingTbps: 102.4, latencyNs: 800, powerW: 1500, priceUsd: 50000,
    rackUnits: 2, scaleUp: false, includedInServer: false,
    sources: {
      ports: ['S', 'servethehome; gazettabyte.com: 64x1.6T or 128x800'], portGbps: ['S', 'servethehome'], maxBreakout: ['E', 'assumed as TH5'],
      switchingTbps: ['S', '102.4 Tb/s'], latencyNs: ['S/E', 'gazettabyte.com: ~800 ns'],
      powerW: ['E', 'not in the reference sheet: estimate'], priceUsd: ['E', NO_PRICE], rackUnits: ['E', 'typical 2U'],
    },
  },
  {
    id: 'nvidia-nvswitch-gen3', kind: 'switch', name: 'NVIDIA NVSwitch gen3 (NVLink4, DGX H100)', vendor: 'NVIDIA',
    ports: 64, portGbps: 200, maxBreakout: 1, switchingTbps: 12.8, latencyNs: 100, powerW: 0, priceUsd: 0,
    rackUnits: 0, scaleUp: true, includedInServer: true,
    notes: 'chip inside the server: its power and cost are in the server overhead',
    sources: {
      ports: ['E', 'not in the reference sheet: 64 NVLink4 ports per NVSwitch3 chip'], portGbps: ['S', 'NVLink4 link 200 Gbps per direction (derived above)'],
      maxBreakout: ['E', 'no breakout'], switchingTbps: ['E', 'derived: 64 x 200 Gbps'], latencyNs: ['E', 'not found: estimate'],
      powerW: ['E', 'counted in the server'], priceUsd: ['E', 'counted in the server'], rackUnits: ['E', 'inside the server'],
    },
  },
  {
    id: 'nvidia-nvswitch-gen4', kind: 'switch', name: 'NVIDIA NVSwitch gen4 (NVLink5, NVL72 switch tray chip)', vendor: 'NVIDIA',
    ports: 72, portGbps: 400, maxBreakout: 1, switchingTbps: 28.8, latencyNs: 100, powerW: 0, priceUsd: 0,
    rackUnits: 0, scaleUp: true, includedInServer: true,
    notes: 'NVL72 has 9 switch trays of 2 chips; 72 GPUs x 18 links = 1,296 links over 18 chips = 72 ports each',
    sources: {
      ports: ['S', 'derived: NVL72 72 GPUs x 18 NVLink5 links / (9 switch trays x 2 chips) = 72'],
      portGbps: ['S', 'NVLink5 400 Gbps per direction (derived from 1.8 TB/s)'], maxBreakout: ['E', 'no breakout'],
      switchingTbps: ['E', 'derived: 72 x 400 Gbps'], latencyNs: ['E', 'not found: estimate'],
      powerW: ['E', 'counted in the rack'], priceUsd: ['E', 'counted in the rack price'], rackUnits: ['E', 'counted in the rack'],
    },
  },
  {
    id: 'pcie-gen5-switch', kind: 'switch', name: 'PCIe Gen5 switch (144 lanes, 9 x16)', vendor: 'generic',
    ports: 9, portGbps: 512, maxBreakout: 1, switchingTbps: 4.6, latencyNs: 150, powerW: 0, priceUsd: 0,
    rackUnits: 0, scaleUp: true, includedInServer: true,
    notes: 'joins the cards of a PCIe accelerator server (RNGD, REBEL); inside the server',
    sources: {
      ports: ['E', 'not in the reference sheet: 144-lane PCIe Gen5 switch = 9 x16 ports'],
      portGbps: ['E', 'derived: x16 Gen5 = 512 Gbps per direction'], maxBreakout: ['E', 'no breakout'],
      switchingTbps: ['E', 'derived: 9 x 512 Gbps'], latencyNs: ['E', 'not found: estimate'],
      powerW: ['E', 'counted in the server'], priceUsd: ['E', 'counted in the server'], rackUnits: ['E', 'inside the server'],
    },
  },
];


// Aggregate NVLink domains (added for the generators): the NVSwitch chips of one HGX baseboard as one scale-up
// switch node. Every GPU reaches every chip of its baseboard, so one node with one bundle per GPU has the same hop
// counts and the same per-GPU bandwidth as the chips, with a quarter of the nodes and links at 50k GPUs.
SWITCHES.push(
  {
    id: 'nvidia-hgx-h100-nvlink', kind: 'switch', name: 'NVLink domain of an HGX H100/H200 8-GPU board (4 NVSwitch gen3 as one)',
    vendor: 'NVIDIA', ports: 256, portGbps: 200, maxBreakout: 1, switchingTbps: 51.2, latencyNs: 100, powerW: 0, priceUsd: 0,
    rackUnits: 0, scaleUp: true, includedInServer: true,
    notes: 'aggregate of the 4 NVSwitch3 chips of a DGX/HGX H100 board; each GPU bundles its 18 NVLink4 links (5+4+4+5 to the chips)',
    sources: {
      ports: ['E', 'derived: 4 NVSwitch3 chips x 64 NVLink4 ports (per-chip count not in the reference sheet)'],
      portGbps: ['S', 'NVLink4 link 200 Gbps per direction (derived from 900 GB/s per GPU / 18 links)'],
      maxBreakout: ['E', 'no breakout'], switchingTbps: ['E', 'derived: 256 x 200 Gbps'],
      latencyNs: ['E', 'not found: estimate, one NVSwitch hop'], powerW: ['E', 'counted in the server'],
      priceUsd: ['E', 'counted in the server'], rackUnits: ['E', 'inside the server'],
    },
  },
  {
    id: 'nvidia-hgx-b200-nvlink', kind: 'switch', name: 'NVLink domain of an HGX B200 8-GPU board (2 NVSwitch gen4 as one)',
    vendor: 'NVIDIA', ports: 144, portGbps: 400, maxBreakout: 1, switchingTbps: 57.6, latencyNs: 100, powerW: 0, priceUsd: 0,
    rackUnits: 0, scaleUp: true, includedInServer: true,
    notes: 'aggregate of the 2 NVLink5 switch chips of an HGX B200 board; each GPU bundles its 18 NVLink5 links (9+9)',
    sources: {
      ports: ['E', 'derived: 2 chips x 72 NVLink5 ports (as the NVL72 switch chip) = 8 GPUs x 18 links'],
      portGbps: ['S', 'NVLink5 400 Gbps per direction (derived from 1.8 TB/s per GPU / 18 links)'],
      maxBreakout: ['E', 'no breakout'], switchingTbps: ['E', 'derived: 144 x 400 Gbps'],
      latencyNs: ['E', 'not found: estimate, one NVSwitch hop'], powerW: ['E', 'counted in the server'],
      priceUsd: ['E', 'counted in the server'], rackUnits: ['E', 'inside the server'],
    },
  },
);

export const GATEWAYS: GatewayModel[] = [
  {
    id: 'research-router-400g', kind: 'gateway', name: 'Research-site router (32x400G, coherent-capable)', vendor: 'generic',
    ports: 32, portGbps: 400, maxBreakout: 4, latencyNs: 2000, powerW: 1200, priceUsd: 80000, rackUnits: 2,
    notes: 'a campus / institute border router that hosts 400ZR/800ZR optics toward the data center',
    sources: {
      ports: ['E', 'not in the reference sheet: typical 12.8T router'], portGbps: ['E', 'typical 400G QSFP-DD'],
      maxBreakout: ['E', '4x100G'], latencyNs: ['E', 'store-and-forward router estimate'],
      powerW: ['E', 'estimate'], priceUsd: ['E', 'estimate'], rackUnits: ['E', 'typical 2U'],
    },
  },
];
