// Catalog record types. Every numeric value carries a source and a flag in `sources` (see sourceOf).
// Flags follow ../shared/reference/hardware-catalog.md: P vendor/standard, S secondary, E estimate, C sources disagree.

export type SourceFlag = 'P' | 'S' | 'E' | 'C' | 'P/S' | 'S/E' | 'S/P' | 'U';

export interface SourceNote {
  /** Where the value comes from (a site, a document, or "derived: ..."). */
  source: string;
  flag: SourceFlag;
  /** True when the value is an estimate, a street price, derived, or contested: the user should check it. */
  estimate: boolean;
}

/** Field name -> [flag, source]. Written compactly in the data files, expanded by sourceOf(). */
export type SourceTable = Record<string, readonly [SourceFlag, string]>;

interface EntryBase {
  id: string;
  name: string;
  vendor: string;
  sources: SourceTable;
  /** Free-text caveats shown in the catalog listing. */
  notes?: string;
}

export type ScaleUpKind = 'nvlink' | 'xgmi' | 'roce' | 'ici' | 'pcie' | 'none';

export interface AcceleratorModel extends EntryBase {
  kind: 'accelerator';
  bf16Tflops: number;
  fp8Tflops: number;
  memoryGb: number;
  memoryTbps: number;
  powerW: number;
  priceUsd: number;
  /** Scale-out NIC ports per accelerator and the speed of each (per direction). */
  nicPorts: number;
  nicGbps: number;
  /** Scale-up ports per accelerator and the speed of each, per direction (NVLink4: 18 x 200 Gbps = 450 GB/s). */
  scaleUpKind: ScaleUpKind;
  scaleUpPorts: number;
  scaleUpPortGbps: number;
  /** Largest scale-up domain in accelerators (8 in a DGX H100, 72 in a GB200 NVL72). */
  scaleUpDomain: number;
  /** Accelerators per server (tray) and the server's power and cost beyond its accelerators. */
  perServer: number;
  serverOverheadPowerW: number;
  serverOverheadCostUsd: number;
  /** Rack units of one server. */
  serverRackUnits: number;
  cooling: 'air' | 'liquid';
}

export interface SwitchModel extends EntryBase {
  kind: 'switch';
  ports: number;
  portGbps: number;
  /** Largest breakout of one port (an 800G port split into 2x400G: 2; into 8x100G: 8). */
  maxBreakout: number;
  switchingTbps: number;
  /** Port-to-port (cut-through) latency. */
  latencyNs: number;
  powerW: number;
  priceUsd: number;
  rackUnits: number;
  /** Scale-up switch chip (NVSwitch, PCIe switch): its ports carry the scale-up medium. */
  scaleUp: boolean;
  /** Power and cost already counted in the server (NVSwitch chips inside a DGX): cost/power skip it. */
  includedInServer: boolean;
}

export interface GatewayModel extends EntryBase {
  kind: 'gateway';
  ports: number;
  portGbps: number;
  maxBreakout: number;
  latencyNs: number;
  powerW: number;
  priceUsd: number;
  rackUnits: number;
}

export type TransceiverMedium = 'mmf' | 'smf' | 'copper';

export interface TransceiverModel extends EntryBase {
  kind: 'transceiver';
  formFactor: string;
  gbps: number;
  reachM: number;
  medium: TransceiverMedium;
  /** Centre wavelength (850 MMF, 1310 SMF O-band, 1550 coherent C-band); 0 for copper. */
  wavelengthNm: number;
  /** Power of one module (one end). A cable assembly (DAC/AOC) lists its power per end. */
  powerW: number;
  /** Price of one module (one end); for a cable assembly, half the cable's price (so a link costs 2x). */
  priceUsd: number;
  /** Delay the link adds beyond propagation: DSP retiming and FEC, both ends together. */
  latencyNs: number;
  /** Optical power budget between the transmitter and the receiver (channel insertion loss allowed). */
  lossBudgetDb: number;
  /** Cable assembly (DAC, ACC, AOC): the medium is part of the product, no separate fibre. */
  cable: boolean;
  /** Coherent DWDM optic (400ZR, 800ZR): long spans may be amplified every amplifierSpacingKm. */
  coherent: boolean;
}

export interface OcsModel extends EntryBase {
  kind: 'ocs';
  /** Duplex ports (with circulators a port carries both directions). */
  ports: number;
  insertionLossDb: number;
  powerW: number;
  priceUsd: number;
  reconfigMs: number;
  rackUnits: number;
}

export interface PatchPanelModel extends EntryBase {
  kind: 'patch-panel';
  ports: number;
  insertionLossDb: number;
  priceUsd: number;
  powerW: number;
  rackUnits: number;
}

export type CatalogEntry =
  | AcceleratorModel
  | SwitchModel
  | GatewayModel
  | TransceiverModel
  | OcsModel
  | PatchPanelModel;

export type CatalogKind = CatalogEntry['kind'];

export interface FibreConstants {
  sources: SourceTable;
  smfDbPerKm1310: number;
  smfDbPerKm1550: number;
  mmfDbPerKm850: number;
  spliceDb: number;
  connectorPairDb: number;
  mpoConnectorDb: number;
  fibreNsPerM: number;
  copperNsPerM: number;
  smfCostUsdPerM: number;
  mmfCostUsdPerM: number;
  amplifierSpacingKm: number;
  amplifierPowerW: number;
  amplifierCostUsd: number;
  /** Route length over great-circle distance for metro/long-haul fibre. */
  routeFactor: number;
  /** Length of one cable reel: a long run has a fusion splice (spliceDb) every reel. */
  reelLengthKm: number;
}

export interface FacilityConstants {
  sources: SourceTable;
  krwPerUsd: number;
  tariffKrwPerKwh: number;
  pueAverage: number;
  pueHyperscale: number;
  pueLiquidAi: number;
  airCoolingLimitKw: number;
  rearDoorLimitKw: number;
  liquidCoolingLimitKw: number;
  buildCostUsdPerMw: number;
  rackUnitsPerRack: number;
}
