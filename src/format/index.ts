// The topology file format: parse (never throws), validate, serialize, JSON Schema, migrations, problem codes.
export { parseTopology, loadFabric } from './parse.js';
export type { LoadResult, LoadSuccess, LoadFailure, LoadError, FabricLoadResult, ParseOptions } from './parse.js';
export { serializeTopology } from './serialize.js';
export { validateDocument, checkSemantics, sortProblems, hasErrors } from './validate.js';
export { checkShape } from './shape.js';
export { checkShapeWithZod } from './shape-zod.js';
export { checkEnvelope } from './envelope.js';
export { migrate, MIGRATIONS, migrateV0ToV1, V0_SITE_ID } from './migrations.js';
export type { Migration, RawEnvelope, MigrateResult } from './migrations.js';
export {
  FORMAT_ID, FORMAT_VERSION, TopologySchema, SiteSchema, RackSchema, NodeSchema, LinkSchema, GeneratorSchema,
  SettingsSchema, CatalogOverridesSchema, KEY_ORDER, topologyJsonSchema, topologyJsonSchemaText,
} from './schema.js';
export type { JsonSchema } from './schema.js';
export { PROBLEM_CODES, problem } from './problem-codes.js';
export type { ProblemCode } from './problem-codes.js';
export { countPorts } from './port-usage.js';
export type { PortLedger } from './port-usage.js';
export { suggestTransceivers } from './optics.js';
export { devicePowerW, deviceRackUnits } from './racks.js';
export { closestMatches, didYouMean } from './hints.js';
export { jsonPath } from './json-path.js';
export { summarizeFabric, BUSY_UTILISATION } from './summary.js';
export type { FabricSummary, PortSummary, BusyDevice, ModelCount, TransceiverCount } from './summary.js';
