// Injection bandwidth per accelerator and oversubscription per switch level.
export { computeBandwidth, type BandwidthReport, type GbpsStats, type LevelOversubscription, type ModelInjection } from './bandwidth.js';
