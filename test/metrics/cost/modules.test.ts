import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modulesPerEnd, modulesPerLink } from '../../../src/metrics/cost/index.js';

describe('modules per link end', () => {
  it.each([
    [400, 800, 0.5], [800, 800, 1], [400, 400, 1], [1600, 800, 2], [375, 400, 1], [200, 800, 0.5], [1200, 800, 1.5],
  ])('%i G on a %i G module: %d per end', (gbps, moduleGbps, perEnd) => {
    expect(modulesPerEnd(gbps, { gbps: moduleGbps })).toBe(perEnd);
    expect(modulesPerLink(gbps, { gbps: moduleGbps })).toBe(2 * perEnd);
  });

  it('property: half-module steps, never less capacity than the link, less than half a module to spare', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3200 }), fc.constantFrom(100, 200, 400, 800, 1600), (gbps, moduleGbps) => {
      const q = modulesPerEnd(gbps, { gbps: moduleGbps });
      expect(Number.isInteger(2 * q)).toBe(true);
      expect(q * moduleGbps).toBeGreaterThanOrEqual(gbps);
      expect((q - 0.5) * moduleGbps).toBeLessThan(gbps);
    }));
  });
});
