// Power and facility metrics: IT and facility power, annual energy and its cost, rack power and cooling, build cost.
export * from './energy.js';
export * from './racks.js';
export * from './power.js';
