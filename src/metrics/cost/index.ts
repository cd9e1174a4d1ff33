// Cost metrics: inventory (shared with power), bill of materials, capex.
export * from './settings.js';
export * from './modules.js';
export * from './servers.js';
export * from './inventory.js';
export * from './cost.js';
