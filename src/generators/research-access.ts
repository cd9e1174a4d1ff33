// Research access: university and institute sites (KAIST, SNU, POSTECH, GIST, UNIST, KISTI by default) whose
// gateway routers reach the data centre's border switches over metro / long-haul fibre; each span's length is the
// great-circle distance times the route factor (FIBRE.routeFactor), and its optic is chosen from that length.
import type { Catalog } from '../catalog/index.js';
import { GeneratorParamError } from '../model/errors.js';
import type { FabricDocument, Site, SiteKind } from '../model/types.js';
import type { TransceiverClass } from '../placement/transceiver.js';
import { DATACENTER_SITE, FabricBuilder } from './builder.js';
import { catalogOf, floorFrom, generatorInfo, type CommonParams } from './common.js';
import { acceleratorModel, gatewayModel, pickSwitch, switchLinks } from './hardware.js';
import { intParam, positiveParam, rangeParam } from './params.js';
import { addServer } from './server.js';

export interface ResearchSite {
  id: string;
  name: string;
  kind: Exclude<SiteKind, 'datacenter'>;
  lat: number;
  lon: number;
}

/** Campus coordinates, approximate (campus centre, ~0.01 degree). */
export const DEFAULT_RESEARCH_SITES: readonly ResearchSite[] = [
  { id: 'kaist', name: 'KAIST (Daejeon)', kind: 'campus', lat: 36.3721, lon: 127.3604 },
  { id: 'snu', name: 'Seoul National University (Seoul)', kind: 'campus', lat: 37.4601, lon: 126.9520 },
  { id: 'postech', name: 'POSTECH (Pohang)', kind: 'campus', lat: 36.0107, lon: 129.3220 },
  { id: 'gist', name: 'GIST (Gwangju)', kind: 'campus', lat: 35.2286, lon: 126.8433 },
  { id: 'unist', name: 'UNIST (Ulsan)', kind: 'campus', lat: 35.5732, lon: 129.1902 },
  { id: 'kisti', name: 'KISTI (Daejeon)', kind: 'institute', lat: 36.3919, lon: 127.3630 },
];

/** Default data-centre location: Gwangju, home of the National AI Data Center (approximate). */
export const DEFAULT_DATACENTER_LOCATION = { lat: 35.2190, lon: 126.8470 } as const;

/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance by the haversine formula, metres. */
export function greatCircleM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface AccessOptions {
  sites: readonly ResearchSite[];
  /** Links from each gateway, spread over the border switches (2: one to each of two borders, for redundancy). */
  linksPerSite: number;
  gbps: number;
  gateway: string;
  dcLat: number;
  dcLon: number;
  /** Optic classes for the spans: coherent DWDM (400ZR/ZR+/800ZR) by default. */
  wanClasses: readonly TransceiverClass[];
}

export function checkSites(sites: unknown): ResearchSite[] {
  if (!Array.isArray(sites)) throw new GeneratorParamError('sites', 'use a JSON list of { id, name, kind, lat, lon }');
  return sites.map((s, i) => {
    const r = s as Partial<ResearchSite>;
    if (typeof r.id !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(r.id)) {
      throw new GeneratorParamError(`sites[${i}].id`, 'use a short id of letters, digits, - _ .');
    }
    if (typeof r.lat !== 'number' || !(r.lat >= -90 && r.lat <= 90)) throw new GeneratorParamError(`sites[${i}].lat`, 'use a latitude from -90 to 90');
    if (typeof r.lon !== 'number' || !(r.lon >= -180 && r.lon <= 180)) throw new GeneratorParamError(`sites[${i}].lon`, 'use a longitude from -180 to 180');
    const kind = r.kind === 'institute' ? 'institute' : 'campus';
    return { id: r.id, name: typeof r.name === 'string' ? r.name : r.id, kind, lat: r.lat, lon: r.lon };
  });
}

/** Add the sites, their gateways and spans to `b`; returns the site records (the data centre's not included). */
export function addResearchAccess(b: FabricBuilder, borders: readonly number[], o: AccessOptions, catalog: Catalog): Site[] {
  const gw = gatewayModel(catalog, o.gateway);
  if (borders.length === 0) throw new GeneratorParamError('border-switches', 'research access needs at least one border switch');
  const route = catalog.fibre.routeFactor;
  const out: Site[] = [];
  o.sites.forEach((s, i) => {
    const siteId = `site-${s.id}`;
    out.push({ id: siteId, kind: s.kind, name: s.name, lat: s.lat, lon: s.lon });
    const g = b.node({ id: `gw-${s.id}`, kind: 'gateway', model: gw.id, site: siteId, tier: 'gateway', group: 'research' });
    const lengthM = Math.max(1, Math.round(greatCircleM(s.lat, s.lon, o.dcLat, o.dcLon) * route));
    for (let j = 0; j < o.linksPerSite; j++) {
      b.link(g, borders[(i + j) % borders.length], o.gbps, { tier: 'wan', lengthM, prefs: { classes: o.wanClasses } });
    }
  });
  return out;
}

export interface ResearchAccessParams extends CommonParams {
  /** Sites (JSON list of { id, name, kind, lat, lon }); default the six of DEFAULT_RESEARCH_SITES. */
  sites?: ResearchSite[];
  linksPerSite?: number;
  gbps?: number;
  borderSwitches?: number;
  dcLat?: number;
  dcLon?: number;
  /** Accelerators of the small data-centre cluster behind the borders (multiple of the server size). */
  dcAccelerators?: number;
  accelerator?: string;
  switch?: string;
  gateway?: string;
}

export const RESEARCH_ACCESS_DEFAULTS = {
  linksPerSite: 2, gbps: 400, borderSwitches: 2, dcLat: DEFAULT_DATACENTER_LOCATION.lat, dcLon: DEFAULT_DATACENTER_LOCATION.lon,
  dcAccelerators: 64, accelerator: 'nvidia-h100-sxm', switch: 'auto', gateway: 'research-router-400g',
} as const;

export function generateResearchAccess(params: ResearchAccessParams = {}): FabricDocument {
  const p = { ...RESEARCH_ACCESS_DEFAULTS, ...params };
  const sites = p.sites === undefined ? [...DEFAULT_RESEARCH_SITES] : checkSites(p.sites);
  const linksPerSite = intParam('links-per-site', p.linksPerSite, 1, 16);
  const gbps = positiveParam('gbps', p.gbps);
  const nb = intParam('border-switches', p.borderSwitches, 1, 64);
  const dcLat = rangeParam('dc-lat', p.dcLat, -90, 90);
  const dcLon = rangeParam('dc-lon', p.dcLon, -180, 180);
  const catalog = catalogOf(p);
  const acc = acceleratorModel(catalog, p.accelerator);
  const nAcc = intParam('dc-accelerators', p.dcAccelerators, acc.perServer, 100_000, `a multiple of ${acc.perServer}`);
  if (nAcc % acc.perServer) throw new GeneratorParamError('dc-accelerators', `use a multiple of ${acc.perServer} (whole ${acc.id} servers)`);
  const servers = nAcc / acc.perServer;
  // One leaf per rail (accelerator slot), each leaf uplinked to every border switch as a small leaf-spine.
  const rails = acc.perServer;
  const upPerLeaf = servers;
  const borderNeed = Math.ceil((rails * upPerLeaf) / nb) + Math.ceil((sites.length * linksPerSite) / nb);
  const leafSw = pickSwitch(catalog, servers + upPerLeaf, acc.nicGbps, p.switch, 'switch');
  const borderSw = pickSwitch(catalog, borderNeed, Math.max(gbps, acc.nicGbps), p.switch, 'switch');
  if (switchLinks(borderSw, gbps) < borderNeed) throw new GeneratorParamError('border-switches', `use more border switches (each would need ${borderNeed} links)`);

  const b = new FabricBuilder(catalog);
  const zone = b.zone('dc');
  const leaves: number[] = [];
  const gpus: number[][] = [];
  for (let s = 0; s < servers; s++) gpus.push(addServer(b, zone, `srv-${s}`, acc, acc.perServer, 'dc').accelerators);
  for (let r = 0; r < rails; r++) {
    const l = b.node({ id: `leaf-${r}`, kind: 'switch', model: leafSw.id, tier: 'leaf', group: 'dc' });
    b.device(zone, l);
    leaves.push(l);
  }
  const borderZone = b.zone('border');
  const borders: number[] = [];
  for (let i = 0; i < nb; i++) {
    const x = b.node({ id: `border-${i}`, kind: 'switch', model: borderSw.id, tier: 'border', group: 'border' });
    b.device(borderZone, x);
    borders.push(x);
  }
  for (const g of gpus) g.forEach((a, r) => b.link(a, leaves[r], acc.nicGbps, { tier: 'rail' }));
  for (const l of leaves) for (let u = 0; u < upPerLeaf; u++) b.link(l, borders[u % nb], acc.nicGbps, { tier: 'leaf-border' });
  const extra = addResearchAccess(b, borders, {
    sites, linksPerSite, gbps, gateway: p.gateway, dcLat, dcLon, wanClasses: ['coherent'],
  }, catalog);
  return b.build({
    name: p.name ?? 'research access network',
    description: `${sites.length} research sites reaching the data centre (${nAcc} ${acc.id}) over ${gbps} Gbps coherent spans`,
    generator: generatorInfo('research-access', { ...p, sites, linksPerSite, gbps, borderSwitches: nb, dcAccelerators: nAcc, accelerator: acc.id }),
    floor: floorFrom(p),
    prefs: p.optics,
    site: { ...DATACENTER_SITE, lat: dcLat, lon: dcLon },
    extraSites: extra,
  });
}
