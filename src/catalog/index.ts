// The hardware catalog: lookup by model id, listing by kind, per-fabric overrides (a negotiated price...).
import type { CatalogOverrides } from '../model/types.js';
import { ACCELERATORS } from './accelerators.js';
import { FACILITY, FIBRE } from './constants.js';
import { OCS_MODELS, PATCH_PANELS } from './ocs.js';
import { GATEWAYS, SWITCHES } from './switches.js';
import { TRANSCEIVERS } from './transceivers.js';
import type {
  AcceleratorModel, CatalogEntry, CatalogKind, FacilityConstants, FibreConstants, GatewayModel, OcsModel,
  PatchPanelModel, SourceNote, SourceTable, SwitchModel, TransceiverModel,
} from './types.js';

export * from './types.js';
export { ACCELERATORS, SWITCHES, GATEWAYS, TRANSCEIVERS, OCS_MODELS, PATCH_PANELS, FIBRE, FACILITY };

export const BUILTIN_ENTRIES: readonly CatalogEntry[] = [
  ...ACCELERATORS, ...SWITCHES, ...GATEWAYS, ...TRANSCEIVERS, ...OCS_MODELS, ...PATCH_PANELS,
];

/** Keys of the constant tables usable in overrides: { "fibre": { "fibreNsPerM": 5 }, "facility": { "krwPerUsd": 1350 } }. */
export const CONSTANT_TABLES = ['fibre', 'facility'] as const;

export function sourceOf(sources: SourceTable, field: string): SourceNote | undefined {
  const s = sources[field];
  if (!s) return undefined;
  return { flag: s[0], source: s[1], estimate: s[0] !== 'P' && s[0] !== 'P/S' && s[0] !== 'S' && s[0] !== 'S/P' };
}

export interface Catalog {
  get(id: string): CatalogEntry | undefined;
  entries(kind?: CatalogKind): CatalogEntry[];
  accelerator(id: string): AcceleratorModel | undefined;
  switchModel(id: string): SwitchModel | undefined;
  gateway(id: string): GatewayModel | undefined;
  transceiver(id: string): TransceiverModel | undefined;
  ocs(id: string): OcsModel | undefined;
  patchPanel(id: string): PatchPanelModel | undefined;
  fibre: FibreConstants;
  facility: FacilityConstants;
}

/** Fields an override may change: the numeric (and boolean/string) values of an entry, never id/kind/sources. */
export function isOverridableField(entry: object, field: string): boolean {
  if (field === 'id' || field === 'kind' || field === 'sources') return false;
  return Object.prototype.hasOwnProperty.call(entry, field);
}

function applyOverride<T extends { sources: SourceTable }>(base: T, over: Record<string, unknown> | undefined): T {
  if (!over) return base;
  const out: Record<string, unknown> = { ...base, sources: { ...base.sources } };
  for (const [field, value] of Object.entries(over)) {
    if (!isOverridableField(base, field)) continue;
    if (typeof value !== typeof (base as Record<string, unknown>)[field]) continue;
    out[field] = value;
    (out.sources as Record<string, readonly [string, string]>)[field] = ['U', 'user override in the fabric file'];
  }
  return out as T;
}

/**
 * Build a catalog. Overrides are validated by the format layer (unknown model, unknown field, wrong type);
 * here anything that does not fit is ignored.
 */
export function createCatalog(overrides?: CatalogOverrides): Catalog {
  const byId = new Map<string, CatalogEntry>();
  for (const e of BUILTIN_ENTRIES) byId.set(e.id, applyOverride(e, overrides?.[e.id]));
  const fibre = applyOverride(FIBRE, overrides?.fibre);
  const facility = applyOverride(FACILITY, overrides?.facility);
  const typed = <K extends CatalogKind>(kind: K) => (id: string) => {
    const e = byId.get(id);
    return e && e.kind === kind ? (e as Extract<CatalogEntry, { kind: K }>) : undefined;
  };
  return {
    get: (id) => byId.get(id),
    entries: (kind) => [...byId.values()].filter((e) => !kind || e.kind === kind),
    accelerator: typed('accelerator'),
    switchModel: typed('switch'),
    gateway: typed('gateway'),
    transceiver: typed('transceiver'),
    ocs: typed('ocs'),
    patchPanel: typed('patch-panel'),
    fibre,
    facility,
  };
}

export const DEFAULT_CATALOG: Catalog = createCatalog();
