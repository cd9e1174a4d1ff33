// Capital cost of a fabric: the bill of materials priced from the catalog (with the fabric's overrides), capex in
// USD and KRW, cost per accelerator, the network's share, and cost per Tb/s of bisection when that is known.
import type { SourceNote } from '../../catalog/index.js';
import { LightfabricError } from '../../model/errors.js';
import type { Problem } from '../../model/problem.js';
import type { EvalContext } from '../context.js';
import { BOM_KINDS, takeInventory, type BomKind, type BomUnit } from './inventory.js';
import { KRW_PER_USD, resolveSetting, type SettingSource } from './settings.js';

export interface BomLine {
  kind: BomKind;
  model: string;
  name: string;
  /** Exact quantity: transceivers may be fractional (half of a twin-port module serves a 400G link). */
  quantity: number;
  unit: BomUnit;
  unitPriceUsd: number;
  totalUsd: number;
  /** Where the price comes from, its flag, and whether it is an estimate ('U' = the fabric's override). */
  source?: SourceNote;
  estimate: boolean;
}

export interface CostReport {
  bom: BomLine[];
  /** Total per BOM kind (0 for kinds the fabric does not have). */
  byKindUsd: Record<BomKind, number>;
  capexUsd: number;
  capexKrw: number;
  krwPerUsd: number;
  krwPerUsdSource: SettingSource;
  accelerators: number;
  servers: number;
  costPerAcceleratorUsd: number | null;
  /** Everything but accelerators and servers: switches, gateways, OCS, patch panels, optics, fibre, amplifiers. */
  networkUsd: number;
  networkShare: number | null;
  /** Part of capex priced from estimated (or overridden) values. */
  estimatedUsd: number;
  estimatedShare: number | null;
  /** Present when the caller passed bisectionGbps. */
  bisectionGbps?: number;
  costPerTbpsUsd?: number | null;
  networkCostPerTbpsUsd?: number | null;
  problems: Problem[];
}

export interface CostOptions {
  krwPerUsd?: number;
  /** Bisection bandwidth of the fabric (e.g. the bisection metric's lower or upper bound), per direction. */
  bisectionGbps?: number;
}

const COMPUTE_KINDS: ReadonlySet<BomKind> = new Set(['accelerator', 'server']);

export function computeCost(ctx: EvalContext, options: CostOptions = {}): CostReport {
  if (options.bisectionGbps !== undefined && !(Number.isFinite(options.bisectionGbps) && options.bisectionGbps >= 0)) {
    throw new LightfabricError('bad-option', `bisectionGbps must be a finite number >= 0; got ${options.bisectionGbps}`);
  }
  ctx.progress('cost', 0);
  const inv = takeInventory(ctx);
  const problems: Problem[] = [...inv.problems];
  const krw = resolveSetting(KRW_PER_USD, options.krwPerUsd, ctx.doc.settings?.krwPerUsd, ctx.catalog.facility.krwPerUsd, problems);

  const byKindUsd = Object.fromEntries(BOM_KINDS.map((k) => [k, 0])) as Record<BomKind, number>;
  let capexUsd = 0;
  let networkUsd = 0;
  let estimatedUsd = 0;
  const bom: BomLine[] = inv.lines.map((l) => {
    const totalUsd = l.quantity * l.unitPriceUsd;
    const estimate = l.priceSource?.estimate ?? true;
    byKindUsd[l.kind] += totalUsd;
    capexUsd += totalUsd;
    if (!COMPUTE_KINDS.has(l.kind)) networkUsd += totalUsd;
    if (estimate) estimatedUsd += totalUsd;
    return {
      kind: l.kind, model: l.model, name: l.name, quantity: l.quantity, unit: l.unit, unitPriceUsd: l.unitPriceUsd,
      totalUsd, ...(l.priceSource ? { source: l.priceSource } : {}), estimate,
    };
  });

  const report: CostReport = {
    bom, byKindUsd, capexUsd, capexKrw: capexUsd * krw.value, krwPerUsd: krw.value, krwPerUsdSource: krw.source,
    accelerators: inv.accelerators, servers: inv.serverCount,
    costPerAcceleratorUsd: inv.accelerators > 0 ? capexUsd / inv.accelerators : null,
    networkUsd, networkShare: capexUsd > 0 ? networkUsd / capexUsd : null,
    estimatedUsd, estimatedShare: capexUsd > 0 ? estimatedUsd / capexUsd : null,
    problems,
  };
  if (options.bisectionGbps !== undefined) {
    const tbps = options.bisectionGbps / 1000;
    report.bisectionGbps = options.bisectionGbps;
    report.costPerTbpsUsd = tbps > 0 ? capexUsd / tbps : null;
    report.networkCostPerTbpsUsd = tbps > 0 ? networkUsd / tbps : null;
  }
  ctx.progress('cost', 1);
  return report;
}
