// The topology file format, version 1, as one zod schema: the single source of truth for the published JSON
// Schema (schema/topology-v1.schema.json) and for shape validation (shape.ts compiles that JSON Schema).
import * as z from 'zod';
import { COOLING, MEDIA, NODE_KINDS, SITE_KINDS } from '../model/types.js';

export const FORMAT_ID = 'lightfabric/topology';
/** The version this build writes and the newest it reads. */
export const FORMAT_VERSION = 1;

/**
 * Unknown fields: every record (site, rack, node, link) and the envelope, generator and settings objects are
 * loose: fields this version does not know are KEPT on load and written back on save (sorted after the known
 * ones), so a file from a newer minor release survives a round trip through this one. They are reported as
 * `unknown-field` warnings (with a "did you mean" hint) because a typo in an optional field would otherwise
 * go unnoticed. Catalog overrides are the exception: an unknown model or field there is an error.
 */
const meta = z.registry<{ id?: string; title?: string; description?: string }>();

function doc<T extends z.ZodType>(schema: T, description: string): T {
  meta.add(schema, { description });
  return schema;
}

const id = (what: string) => doc(z.string().min(1), what);
const optText = (what: string) => doc(z.string(), what).optional();

export const SiteSchema = z.looseObject({
  id: id('Unique id among sites.'),
  kind: doc(z.enum(SITE_KINDS), 'datacenter, campus or institute.'),
  name: optText('Display name.'),
  lat: doc(z.number().min(-90).max(90), 'Latitude in degrees, -90 to 90.').optional(),
  lon: doc(z.number().min(-180).max(180), 'Longitude in degrees, -180 to 180.').optional(),
});
meta.add(SiteSchema, { id: 'Site', description: 'A data centre, campus or institute.' });

export const RackSchema = z.looseObject({
  id: id('Unique id among racks.'),
  site: id('Id of the site the rack stands in.'),
  xM: doc(z.number(), 'Floor position of the rack centre, metres.'),
  yM: doc(z.number(), 'Floor position of the rack centre, metres.'),
  powerLimitKw: doc(z.number().positive(), 'Power the rack can feed and cool, kW (> 0; air ~30, liquid ~130).'),
  cooling: doc(z.enum(COOLING), 'air or liquid.'),
  name: optText('Display name.'),
  row: doc(z.int().nonnegative(), 'Row number on the floor (whole number >= 0).').optional(),
});
meta.add(RackSchema, { id: 'Rack', description: 'A rack at a floor position with a power limit.' });

export const NodeSchema = z.looseObject({
  id: id('Unique id among nodes.'),
  kind: doc(z.enum(NODE_KINDS), 'accelerator, switch, ocs, patch-panel or gateway.'),
  model: id('Catalog model id, e.g. nvidia-h100-sxm (list them with `lightfabric catalog`).'),
  name: optText('Display name.'),
  rack: id('Id of the rack the device is in.').optional(),
  site: id('Id of the site the device is at.').optional(),
  server: id('Accelerators of one server share this id.').optional(),
  tier: optText('Role in the fabric, e.g. leaf, spine, core, nvswitch, border.'),
  group: optText('Pod / group / plane label.'),
});
meta.add(NodeSchema, { id: 'Node', description: 'A device: accelerator, switch, optical circuit switch, patch panel or gateway.' });

export const LinkSchema = z.looseObject({
  id: id('Unique id among links.'),
  a: id('Id of the node at one end.'),
  b: id('Id of the node at the other end.'),
  gbps: doc(z.number().positive(), 'Capacity per direction in Gbps (links are full duplex), > 0.'),
  lengthM: doc(z.number().nonnegative(), 'Cable or fibre length end to end in metres (>= 0), including runs through `via`.'),
  medium: doc(z.enum(MEDIA), 'smf, mmf, copper or scale-up.'),
  transceiver: id('Catalog transceiver or cable model used at both ends.').optional(),
  via: doc(z.array(id('Id of an OCS or patch panel.')),
    'OCS / patch-panel ids the circuit passes through, in order from a to b.').optional(),
  tier: optText('Role of the link, e.g. leaf-spine.'),
});
meta.add(LinkSchema, { id: 'Link', description: 'A full-duplex link between two nodes, optionally through OCS / patch panels.' });

export const GeneratorSchema = z.looseObject({
  family: id('Generator family, e.g. fat-tree.'),
  params: doc(z.record(z.string(), z.unknown()), 'Parameters the generator was called with.'),
  seed: doc(z.number(), 'Random seed, for seeded generators.').optional(),
});
meta.add(GeneratorSchema, { id: 'Generator', description: 'How the fabric was generated, to regenerate it.' });

export const SettingsSchema = z.looseObject({
  krwPerUsd: doc(z.number().positive(), 'KRW per USD used to show costs in won (> 0).').optional(),
  tariffKrwPerKwh: doc(z.number().nonnegative(), 'Electricity tariff, KRW per kWh (>= 0).').optional(),
  pue: doc(z.number().min(1), 'Power usage effectiveness (>= 1).').optional(),
});
meta.add(SettingsSchema, { id: 'Settings', description: 'Per-fabric settings.' });

export const CatalogOverridesSchema = doc(
  z.record(z.string(), z.record(z.string(), z.union([z.number(), z.string(), z.boolean()]))),
  'Per-model catalog overrides, e.g. { "nvidia-h100-sxm": { "priceUsd": 24000 } }; also "fibre" and "facility".',
);

export const TopologySchema = z.looseObject({
  format: doc(z.literal(FORMAT_ID), `Always "${FORMAT_ID}".`),
  version: doc(z.literal(FORMAT_VERSION), `Format version, ${FORMAT_VERSION}.`),
  name: doc(z.string(), 'Name of the fabric.'),
  description: optText('Free text.'),
  generator: GeneratorSchema.optional(),
  settings: SettingsSchema.optional(),
  catalogOverrides: CatalogOverridesSchema.optional(),
  sites: z.array(SiteSchema),
  racks: z.array(RackSchema),
  nodes: z.array(NodeSchema),
  links: z.array(LinkSchema),
});
meta.add(TopologySchema, {
  title: `lightfabric topology, format version ${FORMAT_VERSION}`,
  description: 'An optical interconnect fabric: sites, racks, devices (nodes) and links.',
});

/** Key order of each record type in written files: the order the schema declares. */
export const KEY_ORDER = {
  envelope: Object.keys(TopologySchema.shape),
  site: Object.keys(SiteSchema.shape),
  rack: Object.keys(RackSchema.shape),
  node: Object.keys(NodeSchema.shape),
  link: Object.keys(LinkSchema.shape),
  generator: Object.keys(GeneratorSchema.shape),
  settings: Object.keys(SettingsSchema.shape),
} as const;

export type JsonSchema = Record<string, unknown>;

let cached: JsonSchema | undefined;

/** The JSON Schema of format v1 (generated from TopologySchema; the same object every call, do not mutate). */
export function topologyJsonSchema(): JsonSchema {
  cached ??= z.toJSONSchema(TopologySchema, { metadata: meta, target: 'draft-2020-12' }) as JsonSchema;
  return cached;
}

/** The text of schema/topology-v1.schema.json. */
export function topologyJsonSchemaText(): string {
  return JSON.stringify(topologyJsonSchema(), null, 2) + '\n';
}
