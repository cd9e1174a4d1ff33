// Choosing and checking catalog hardware for a generator: accelerator and switch models, how many links of a
// speed a switch or NIC takes (the port rules of src/model/ports.ts), and the automatic switch choice.
import type { AcceleratorModel, Catalog, GatewayModel, OcsModel, SwitchModel } from '../catalog/index.js';
import { GeneratorParamError } from '../model/errors.js';
import { PORT_EPSILON, portUnits } from '../model/ports.js';

export function acceleratorModel(catalog: Catalog, id: string, param = 'accelerator'): AcceleratorModel {
  const m = catalog.accelerator(id);
  if (!m) {
    const ids = catalog.entries('accelerator').map((e) => e.id);
    throw new GeneratorParamError(param, `unknown accelerator ${JSON.stringify(id)}; use one of ${ids.join(', ')}`);
  }
  return m;
}

export function switchModel(catalog: Catalog, id: string, param = 'switch'): SwitchModel {
  const m = catalog.switchModel(id);
  if (!m) {
    const ids = catalog.entries('switch').map((e) => e.id);
    throw new GeneratorParamError(param, `unknown switch ${JSON.stringify(id)}; use one of ${ids.join(', ')}`);
  }
  return m;
}

export function ocsModel(catalog: Catalog, id: string, param = 'ocs-model'): OcsModel {
  const m = catalog.ocs(id);
  if (!m) {
    const ids = catalog.entries('ocs').map((e) => e.id);
    throw new GeneratorParamError(param, `unknown OCS ${JSON.stringify(id)}; use one of ${ids.join(', ')}`);
  }
  return m;
}

export function gatewayModel(catalog: Catalog, id: string, param = 'gateway'): GatewayModel {
  const m = catalog.gateway(id);
  if (!m) {
    const ids = catalog.entries('gateway').map((e) => e.id);
    throw new GeneratorParamError(param, `unknown gateway ${JSON.stringify(id)}; use one of ${ids.join(', ')}`);
  }
  return m;
}

/** Links of `gbps` one device with this port pool can terminate. */
export function linksPerDevice(pool: { ports: number; portGbps: number; maxBreakout: number }, gbps: number): number {
  const units = portUnits({ pool: 'switch', ...pool }, gbps);
  return Math.floor(pool.ports / units + PORT_EPSILON);
}

/** Links of `gbps` a switch can terminate (an 800G port broken out 2x400G holds two 400G links). */
export function switchLinks(m: SwitchModel | GatewayModel, gbps: number): number {
  return linksPerDevice(m, gbps);
}

/** NIC links of `gbps` one accelerator can drive. */
export function nicLinks(m: AcceleratorModel, gbps: number): number {
  return linksPerDevice({ ports: m.nicPorts, portGbps: m.nicGbps, maxBreakout: 1 }, gbps);
}

/** Scale-up links of `gbps` one accelerator can drive. */
export function scaleUpLinks(m: AcceleratorModel, gbps: number): number {
  return linksPerDevice({ ports: m.scaleUpPorts, portGbps: m.scaleUpPortGbps, maxBreakout: 1 }, gbps);
}

export function checkNic(m: AcceleratorModel, gbps: number, links: number, param = 'gbps', catalog?: Catalog): void {
  if (nicLinks(m, gbps) < links) {
    const alt = catalog
      ?.entries('accelerator')
      .map((e) => e as AcceleratorModel)
      .filter((a) => nicLinks(a, gbps) >= links)
      .map((a) => a.id);
    // A NIC port carries one link (no breakout), so a slower link only helps when there are ports enough.
    const hints: string[] = [];
    if (links <= m.nicPorts) hints.push(`--gbps ${m.nicGbps}`);
    if (alt?.length) hints.push(`--accelerator ${alt.join(' or ')}`);
    else {
      const slower = catalog
        ?.entries('accelerator')
        .map((e) => e as AcceleratorModel)
        .filter((a) => a.nicPorts >= links)
        .map((a) => `--accelerator ${a.id} --gbps ${a.nicGbps}`);
      if (slower?.length) hints.push(...slower);
    }
    throw new GeneratorParamError(
      param,
      `${m.id} has ${m.nicPorts} NIC port(s) of ${m.nicGbps} Gbps, not enough for ${links} link(s) of ${gbps} Gbps` +
        (hints.length ? `; use ${hints.join(' or ')}` : ''),
    );
  }
}

export function checkScaleUp(m: AcceleratorModel, gbps: number, links: number, param = 'accelerator', catalog?: Catalog): void {
  if (scaleUpLinks(m, gbps) < links) {
    const alt = catalog
      ?.entries('accelerator')
      .map((e) => e as AcceleratorModel)
      .filter((a) => scaleUpLinks(a, Math.min(gbps, a.scaleUpPortGbps)) >= links)
      .map((a) => a.id);
    throw new GeneratorParamError(
      param,
      `${m.id} has ${m.scaleUpPorts} scale-up port(s) of ${m.scaleUpPortGbps} Gbps, not enough for ${links} direct ` +
        `link(s) of ${gbps} Gbps per accelerator` + (alt?.length ? `; use --accelerator ${alt.join(' or ')}` : ''),
    );
  }
}

/**
 * The switch for `need` links of `gbps`: `requested` if given (checked), else the cheapest packet switch of the
 * catalog that fits (ties by id), so generated fabrics do not depend on catalog order.
 */
export function pickSwitch(catalog: Catalog, need: number, gbps: number, requested: string | undefined, param = 'switch'): SwitchModel {
  if (requested !== undefined && requested !== 'auto') {
    const m = switchModel(catalog, requested, param);
    if (switchLinks(m, gbps) < need) {
      throw new GeneratorParamError(
        param,
        `${m.id} terminates ${switchLinks(m, gbps)} links of ${gbps} Gbps but ${need} are needed; ` +
          `use a larger switch${fitting(catalog, need, gbps)}`,
      );
    }
    return m;
  }
  const candidates = catalog
    .entries('switch')
    .map((e) => e as SwitchModel)
    .filter((m) => !m.scaleUp && switchLinks(m, gbps) >= need)
    .sort((x, y) => x.priceUsd - y.priceUsd || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  if (candidates.length === 0) {
    const max = Math.max(...catalog.entries('switch').map((e) => e as SwitchModel).filter((m) => !m.scaleUp).map((m) => switchLinks(m, gbps)));
    throw new GeneratorParamError(
      param,
      `no catalog switch terminates ${need} links of ${gbps} Gbps (the largest takes ${max}); reduce the radix this family needs`,
    );
  }
  return candidates[0];
}

function fitting(catalog: Catalog, need: number, gbps: number): string {
  const ids = catalog
    .entries('switch')
    .map((e) => e as SwitchModel)
    .filter((m) => !m.scaleUp && switchLinks(m, gbps) >= need)
    .map((m) => m.id);
  return ids.length ? ` (${ids.join(', ')})` : '';
}
