// Sanity checks on generated fabrics: BOM counts follow the fat-tree closed forms (k^3/4 hosts, 5k^2/4 switches,
// 3k^3/4 links), and cost, power and optics agree with each other on the same fabric.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../../src/catalog/index.js';
import { generateFatTree } from '../../../src/generators/index.js';
import { createEvalContext } from '../../../src/metrics/context.js';
import { computeCost } from '../../../src/metrics/cost/index.js';
import { computeOptics } from '../../../src/metrics/optics/index.js';
import { computePower } from '../../../src/metrics/power/index.js';

describe.each([4, 8])('generated fat-tree k=%i', (k) => {
  const doc = generateFatTree({ k, gbps: 400 });
  const ctx = createEvalContext(doc);
  const cost = computeCost(ctx);
  const power = computePower(ctx, { pue: 1.2 });
  const optics = computeOptics(ctx);
  const qty = (kind: string) => cost.bom.filter((l) => l.kind === kind).reduce((s, l) => s + l.quantity, 0);

  it('BOM counts: k^3/4 accelerators, 5k^2/4 switches, one server per server id', () => {
    expect(qty('accelerator')).toBe(k ** 3 / 4);
    expect(qty('switch')).toBe((5 * k * k) / 4);
    const serverIds = new Set(doc.nodes.filter((n) => n.kind === 'accelerator').map((n) => n.server));
    expect(serverIds.has(undefined)).toBe(false);
    expect(qty('server')).toBe(serverIds.size);
    expect(cost.problems).toEqual([]);
  });

  it('transceivers: modules x module speed = 2 x 400 Gbps for each of the 3k^3/4 links', () => {
    const carried = cost.bom.filter((l) => l.kind === 'transceiver')
      .reduce((s, l) => s + l.quantity * DEFAULT_CATALOG.transceiver(l.model)!.gbps, 0);
    expect(doc.links.length).toBe((3 * k ** 3) / 4);
    expect(carried).toBeCloseTo(2 * 400 * doc.links.length, 6);
  });

  it('capex and IT power are the sums of their lines; every watt lands in a rack or outside one', () => {
    expect(cost.capexUsd).toBeCloseTo(cost.bom.reduce((s, l) => s + l.totalUsd, 0), 6);
    const acc = DEFAULT_CATALOG.accelerator('nvidia-h100-sxm')!;
    expect(power.byKindW.accelerator).toBe((k ** 3 / 4) * acc.powerW);
    expect(power.byKindW.server).toBe(qty('server') * acc.serverOverheadPowerW);
    expect(power.racks.rackedW + power.racks.unrackedW).toBeCloseTo(power.itW, 6);
    expect(power.facilityW).toBeCloseTo(power.itW * 1.2, 6);
  });

  it('optics: every link with a module is reach-checked and the generator picked optics that fit', () => {
    expect(optics.counts.reachChecked).toBe(doc.links.filter((l) => l.transceiver !== undefined).length);
    expect(optics.violations).toEqual([]);
    expect(optics.problems).toEqual([]);
  });
});
