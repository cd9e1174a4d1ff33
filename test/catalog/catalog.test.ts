import { describe, expect, it } from 'vitest';
import { BUILTIN_ENTRIES, createCatalog, DEFAULT_CATALOG, FACILITY, FIBRE, sourceOf } from '../../src/catalog/index.js';

const FLAGS = new Set(['P', 'S', 'E', 'C', 'P/S', 'S/E', 'S/P']);

describe('catalog provenance', () => {
  it('ids are unique and kebab-case', () => {
    const ids = BUILTIN_ENTRIES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('every numeric value has a source and a valid flag', () => {
    for (const table of [...BUILTIN_ENTRIES, FIBRE, FACILITY]) {
      for (const [field, value] of Object.entries(table)) {
        if (typeof value !== 'number') continue;
        const note = sourceOf(table.sources, field);
        expect(note, `${(table as { id?: string }).id ?? 'constants'}.${field} has no source`).toBeDefined();
        expect(FLAGS.has(note!.flag)).toBe(true);
        expect(note!.source.length).toBeGreaterThan(3);
        expect(Number.isFinite(value) && value >= 0).toBe(true);
      }
    }
  });

  it('every price is flagged as an estimate', () => {
    for (const e of BUILTIN_ENTRIES) {
      if ('priceUsd' in e) expect(sourceOf(e.sources, 'priceUsd')!.estimate, e.id).toBe(true);
    }
  });

  it('has the models the foundation issue names', () => {
    const need = [
      'nvidia-h100-sxm', 'nvidia-h200-sxm', 'nvidia-b200', 'nvidia-gb200', 'intel-gaudi3', 'amd-mi300x', 'amd-mi355x',
      'furiosa-rngd', 'rebellions-rebel-quad', 'nvidia-qm9700', 'nvidia-q3400', 'nvidia-sn5600', 'broadcom-th5',
      'broadcom-th6', 'nvidia-nvswitch-gen3', 'nvidia-nvswitch-gen4', 'osfp-400g-sr4', 'osfp-800g-2xsr4',
      'osfp-400g-dr4', 'osfp-800g-2xdr4', 'osfp-800g-dr8', 'osfp-800g-2xfr4', 'qsfp-400g-lr4', 'qsfpdd-400zr',
      'qsfpdd-400zr-plus', 'osfp-800zr', 'dac-400g', 'dac-800g', 'aoc-400g', 'aoc-800g', 'lpo-800g', 'cpo-800g',
      'ocs-mems-136', 'ocs-mems-300',
    ];
    for (const id of need) expect(DEFAULT_CATALOG.get(id), id).toBeDefined();
  });
});

describe('catalog values match ../shared/reference/hardware-catalog.md', () => {
  const c = DEFAULT_CATALOG;
  it.each([
    // [id, field, value] — copied from the reference sheet
    ['nvidia-h100-sxm', 'bf16Tflops', 989.4], ['nvidia-h100-sxm', 'fp8Tflops', 1978.9], ['nvidia-h100-sxm', 'memoryGb', 80],
    ['nvidia-h100-sxm', 'memoryTbps', 3.35], ['nvidia-h100-sxm', 'powerW', 700],
    ['nvidia-h200-sxm', 'memoryGb', 141], ['nvidia-h200-sxm', 'memoryTbps', 4.8], ['nvidia-h200-sxm', 'priceUsd', 32000],
    ['nvidia-b200', 'bf16Tflops', 2250], ['nvidia-b200', 'fp8Tflops', 4500], ['nvidia-b200', 'memoryGb', 192],
    ['nvidia-b200', 'powerW', 1000], ['nvidia-b200', 'priceUsd', 70000],
    ['amd-mi300x', 'bf16Tflops', 1307], ['amd-mi300x', 'fp8Tflops', 2615], ['amd-mi300x', 'memoryGb', 192],
    ['amd-mi300x', 'memoryTbps', 5.3], ['amd-mi300x', 'powerW', 750], ['amd-mi300x', 'scaleUpPorts', 7],
    ['amd-mi355x', 'memoryGb', 288], ['amd-mi355x', 'powerW', 1400], ['amd-mi355x', 'bf16Tflops', 2500],
    ['intel-gaudi3', 'bf16Tflops', 1835], ['intel-gaudi3', 'memoryGb', 128], ['intel-gaudi3', 'memoryTbps', 3.7],
    ['intel-gaudi3', 'powerW', 900], ['intel-gaudi3', 'priceUsd', 15625], ['intel-gaudi3', 'nicPorts', 3],
    ['intel-gaudi3', 'scaleUpPorts', 21], ['intel-gaudi3', 'nicGbps', 200],
    ['furiosa-rngd', 'bf16Tflops', 256], ['furiosa-rngd', 'fp8Tflops', 512], ['furiosa-rngd', 'memoryGb', 48],
    ['furiosa-rngd', 'memoryTbps', 1.5], ['furiosa-rngd', 'powerW', 180],
    ['rebellions-rebel-quad', 'fp8Tflops', 2000], ['rebellions-rebel-quad', 'bf16Tflops', 1000],
    ['rebellions-rebel-quad', 'memoryGb', 144], ['rebellions-rebel-quad', 'powerW', 600],
    ['google-tpu-v4', 'bf16Tflops', 275], ['google-tpu-v4', 'powerW', 170],
    ['nvidia-qm9700', 'ports', 64], ['nvidia-qm9700', 'portGbps', 400], ['nvidia-qm9700', 'switchingTbps', 51.2],
    ['nvidia-q3400', 'ports', 144], ['nvidia-q3400', 'portGbps', 800], ['nvidia-q3400', 'powerW', 2900],
    ['nvidia-sn5600', 'ports', 64], ['nvidia-sn5600', 'portGbps', 800], ['nvidia-sn5600', 'powerW', 940],
    ['broadcom-th5', 'switchingTbps', 51.2], ['broadcom-th5', 'latencyNs', 600],
    ['broadcom-th6', 'switchingTbps', 102.4], ['broadcom-th6', 'ports', 128], ['broadcom-th6', 'latencyNs', 800],
    ['osfp-800g-2xsr4', 'reachM', 50], ['osfp-800g-2xsr4', 'powerW', 15], ['osfp-400g-dr4', 'reachM', 100],
    ['osfp-400g-dr4', 'powerW', 9], ['osfp-800g-2xdr4', 'reachM', 100], ['osfp-800g-2xdr4', 'powerW', 17],
    ['osfp-800g-dr8', 'reachM', 500], ['osfp-800g-2xfr4', 'reachM', 2000], ['osfp-800g-sr8', 'reachM', 50],
    ['qsfpdd-400zr', 'reachM', 120000], ['qsfpdd-400zr-plus', 'reachM', 1000000], ['osfp-800zr', 'reachM', 120000],
    ['dac-400g', 'reachM', 2], ['acc-800g', 'reachM', 5], ['aoc-800g', 'reachM', 30], ['lpo-800g', 'reachM', 500],
    ['ocs-mems-136', 'ports', 136], ['ocs-mems-136', 'insertionLossDb', 2], ['ocs-mems-136', 'powerW', 108],
    ['ocs-mems-300', 'ports', 300], ['ocs-mems-300', 'reconfigMs', 200],
  ] as const)('%s.%s = %d', (id, field, value) => {
    expect((c.get(id) as unknown as Record<string, number>)[field]).toBe(value);
  });

  it('fibre and facility constants', () => {
    expect(FIBRE.fibreNsPerM).toBe(4.9);
    expect(FIBRE.smfDbPerKm1310).toBe(0.4);
    expect(FIBRE.smfDbPerKm1550).toBe(0.2);
    expect(FIBRE.mmfDbPerKm850).toBe(3);
    expect(FIBRE.spliceDb).toBe(0.15);
    expect(FIBRE.mpoConnectorDb).toBe(0.75);
    expect(FACILITY.tariffKrwPerKwh).toBe(182.7);
    expect(FACILITY.airCoolingLimitKw).toBe(30);
  });

  it('derived scale-up speeds follow from the per-GPU totals', () => {
    // NVLink4: 900 GB/s both directions over 18 links -> 200 Gbps per link per direction.
    const h100 = c.accelerator('nvidia-h100-sxm')!;
    expect((h100.scaleUpPorts * h100.scaleUpPortGbps * 2) / 8).toBe(900);
    const b200 = c.accelerator('nvidia-b200')!;
    expect((b200.scaleUpPorts * b200.scaleUpPortGbps * 2) / 8).toBe(1800);
    const mi = c.accelerator('amd-mi300x')!;
    expect((mi.scaleUpPorts * mi.scaleUpPortGbps * 2) / 8).toBe(896);
    // DGX H100 ~10.2 kW
    expect(h100.perServer * h100.powerW + h100.serverOverheadPowerW).toBe(10200);
  });
});

describe('catalog overrides', () => {
  it('replaces a value and marks it as a user override', () => {
    const c = createCatalog({ 'nvidia-h100-sxm': { priceUsd: 24000 }, facility: { krwPerUsd: 1350 } });
    expect(c.accelerator('nvidia-h100-sxm')!.priceUsd).toBe(24000);
    expect(sourceOf(c.accelerator('nvidia-h100-sxm')!.sources, 'priceUsd')!.source).toMatch(/user override/);
    expect(c.facility.krwPerUsd).toBe(1350);
    // the default catalog is untouched
    expect(DEFAULT_CATALOG.accelerator('nvidia-h100-sxm')!.priceUsd).toBe(27500);
  });

  it('ignores fields of the wrong type and protected fields', () => {
    const c = createCatalog({ 'nvidia-h100-sxm': { priceUsd: 'cheap', id: 'x', kind: 'switch' } });
    const e = c.accelerator('nvidia-h100-sxm')!;
    expect(e.priceUsd).toBe(27500);
    expect(e.id).toBe('nvidia-h100-sxm');
  });
});
