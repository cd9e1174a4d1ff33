// Plain record types of a fabric: what a topology file holds and what the graph stores as attributes.
// Units live in field names (gbps, lengthM, powerW, costUsd ...). Every record is plain JSON.

export const NODE_KINDS = ['accelerator', 'switch', 'ocs', 'patch-panel', 'gateway'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** smf/mmf: optical fibre; copper: DAC/ACC; scale-up: NVLink, xGMI, Gaudi on-chip RoCE, TPU ICI (electrical). */
export const MEDIA = ['smf', 'mmf', 'copper', 'scale-up'] as const;
export type Medium = (typeof MEDIA)[number];

export const SITE_KINDS = ['datacenter', 'campus', 'institute'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

export const COOLING = ['air', 'liquid'] as const;
export type Cooling = (typeof COOLING)[number];

export interface Site {
  id: string;
  kind: SiteKind;
  name?: string;
  lat?: number;
  lon?: number;
}

export interface Rack {
  id: string;
  site: string;
  /** Floor position of the rack's centre, metres. */
  xM: number;
  yM: number;
  powerLimitKw: number;
  cooling: Cooling;
  name?: string;
  row?: number;
}

/** Role of a node in its fabric; generators set it, metrics use it for per-tier figures. */
export type Tier = string; // e.g. 'leaf' | 'spine' | 'core' | 'nvswitch' | 'border' | 'aggregation' | 'edge'

export interface FabricNode {
  id: string;
  kind: NodeKind;
  /** Catalog model id (see src/catalog). */
  model: string;
  name?: string;
  rack?: string;
  site?: string;
  /** Accelerators of one server share this id. */
  server?: string;
  tier?: Tier;
  /** Pod / group / plane label, free text, used for grouping in views and reports. */
  group?: string;
}

export interface FabricLink {
  id: string;
  a: string;
  b: string;
  /** Capacity per direction (links are full duplex). */
  gbps: number;
  /** Physical length of the cable or fibre run end to end (including runs through `via`). */
  lengthM: number;
  medium: Medium;
  /** Catalog transceiver or cable model used at both ends. */
  transceiver?: string;
  /** OCS / patch-panel ids the circuit passes through, in order from a to b. */
  via?: string[];
  tier?: Tier;
}

export interface GeneratorInfo {
  family: string;
  params: Record<string, unknown>;
  seed?: number;
}

/** Per-model overrides of catalog values, e.g. a negotiated price: { "nvidia-h100-sxm": { "priceUsd": 24000 } }. */
export type CatalogOverrides = Record<string, Record<string, number | string | boolean>>;

export interface FabricSettings {
  /** KRW per USD used to show costs in won. */
  krwPerUsd?: number;
  /** Electricity tariff, KRW per kWh. */
  tariffKrwPerKwh?: number;
  pue?: number;
}

/** The in-memory document (the editable graph lives in Fabric; this is its plain form, also the file body). */
export interface FabricDocument {
  name: string;
  description?: string;
  generator?: GeneratorInfo;
  settings?: FabricSettings;
  catalogOverrides?: CatalogOverrides;
  sites: Site[];
  racks: Rack[];
  nodes: FabricNode[];
  links: FabricLink[];
}
