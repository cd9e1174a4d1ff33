// Fabric generators: one pure function per family, each returning a placed FabricDocument, plus the registry.
export { generateFatTree, type FatTreeParams } from './fat-tree.js';
export { generateClos, type ClosParams } from './clos.js';
export { generateTorus, torusLinks, twistShape, type TorusParams } from './torus.js';
export { generateHypercube, type HypercubeParams } from './hypercube.js';
export { generateHyperX, type HyperXParams } from './hyperx.js';
export { generateRailOptimized, railOptimizedPlan, type RailOptimizedParams } from './rail-optimized.js';
export { generateOcsTorus, cubicShape, type OcsTorusParams } from './ocs-torus.js';
export { generateDragonfly, dragonflyGlobalLinks, type DragonflyParams } from './dragonfly.js';
export { generateJellyfish, randomRegularGraph, type JellyfishParams } from './jellyfish.js';
export { generateSlimFly, slimFlyEdges, slimFlyDelta, type SlimFlyParams } from './slimfly.js';
export { generateNationalCenter, resolveMix, nationalCenterMix, type NationalCenterParams } from './national-center.js';
export {
  generateResearchAccess, greatCircleM, DEFAULT_RESEARCH_SITES, DEFAULT_DATACENTER_LOCATION, type ResearchSite,
  type ResearchAccessParams,
} from './research-access.js';
export { GENERATORS, generate } from './families.js';
export { parseRecipe, loadTopologyOrRecipe, recipeToDocument, RECIPE_FORMAT, type Recipe, type RecipeResult } from './recipe.js';
export type { GeneratorEntry, ParamSpec, ParamType } from './registry.js';
export type { CommonParams, PlacementParams } from './common.js';
