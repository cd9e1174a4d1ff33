// Physical placement: floor layout, rack packing, cable lengths and transceiver choice.
export * from './floor.js';
export * from './racks.js';
export * from './cabling.js';
export * from './transceiver.js';
