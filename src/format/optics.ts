// Transceiver checks per link: the module exists, suits the link's medium, carries its speed and reaches its length.
// Speed rule: a link may use part of a module (a 400G link on one half of an 800G twin-port OSFP is fine);
// a link faster than the whole module is an error. Medium rule: smf / mmf / copper links need a module of that
// medium; scale-up links (NVLink, xGMI ...) may run over copper or optics, so any medium is accepted there.
import type { Catalog, TransceiverModel } from '../catalog/index.js';
import { didYouMean } from './hints.js';
import { problem } from './problem-codes.js';
import { finite, rec, str, type CheckContext } from './check-context.js';

/**
 * Catalog transceivers that carry `gbps` over `lengthM`: the link's medium first, ordinary pluggables before
 * coherent DWDM and co-packaged optics (which need a matching host), then shortest reach, slowest, cheapest.
 */
export function suggestTransceivers(
  catalog: Catalog, want: { gbps: number; lengthM: number; medium?: string }, max = 2,
): TransceiverModel[] {
  const fits = (catalog.entries('transceiver') as TransceiverModel[])
    .filter((t) => t.gbps >= want.gbps && t.reachM >= want.lengthM);
  fits.sort((x, y) =>
    Number(y.medium === want.medium) - Number(x.medium === want.medium) ||
    Number(x.coherent) - Number(y.coherent) || Number(x.formFactor === 'CPO') - Number(y.formFactor === 'CPO') ||
    x.reachM - y.reachM || x.gbps - y.gbps || x.priceUsd - y.priceUsd || (x.id < y.id ? -1 : 1));
  return fits.slice(0, max);
}

function suggestionText(list: TransceiverModel[]): string {
  return list.map((t) => `${t.id} (${t.medium}, ${t.gbps}G, ${t.reachM} m)`).join(' or ');
}

export function checkOptics(ctx: CheckContext): void {
  const { catalog, out } = ctx;
  const cache = new Map<string, string>();
  const suggest = (gbps: number, lengthM: number, medium?: string) => {
    const key = `${gbps}|${lengthM}|${medium ?? ''}`;
    let s = cache.get(key);
    if (s === undefined) cache.set(key, (s = suggestionText(suggestTransceivers(catalog, { gbps, lengthM, medium }))));
    return s;
  };
  const transceiverIds = catalog.entries('transceiver').map((e) => e.id);

  for (let i = 0; i < ctx.links.length; i++) {
    const l = rec(ctx.links[i]);
    const id = str(l?.transceiver);
    if (!l || id === undefined) continue;
    const entry = catalog.get(id);
    if (!entry || entry.kind !== 'transceiver') {
      const what = entry ? `${JSON.stringify(id)} is a ${entry.kind} model, not a transceiver`
        : `transceiver ${JSON.stringify(id)} is not in the catalog`;
      const hint = didYouMean(id, transceiverIds);
      out.push(problem('unknown-transceiver', `links[${i}].transceiver`,
        `${what}${hint ? ` (${hint})` : ''}: use a transceiver id (\`lightfabric catalog --kind transceiver\`) or remove "transceiver"`));
      continue;
    }
    const gbps = finite(l.gbps);
    const lengthM = finite(l.lengthM);
    const medium = l.medium;
    const okGbps = gbps !== undefined && gbps > 0 ? gbps : undefined;
    const okLength = lengthM !== undefined && lengthM >= 0 ? lengthM : undefined;

    if ((medium === 'smf' || medium === 'mmf' || medium === 'copper') && entry.medium !== medium) {
      const alt = suggest(okGbps ?? 0, okLength ?? 0, medium);
      const kindWord = entry.cable ? 'cable' : 'optic';
      out.push(problem('transceiver-medium-mismatch', `links[${i}].transceiver`,
        `${id} is ${entry.medium === 'copper' ? 'a' : 'an'} ${entry.medium} ${kindWord}, but the link's medium is ` +
        `"${medium}": set "medium" to "${entry.medium}"` +
        (alt ? `, or use ${medium === 'copper' ? 'a' : 'an'} ${medium} transceiver such as ${alt}` : '')));
    }
    if (okGbps !== undefined && okGbps > entry.gbps) {
      const alt = suggest(okGbps, okLength ?? 0, typeof medium === 'string' ? medium : undefined);
      const parts = Math.ceil(okGbps / entry.gbps);
      out.push(problem('transceiver-speed', `links[${i}].gbps`,
        `the link carries ${okGbps} Gbps per direction but ${id} carries ${entry.gbps} Gbps: ` +
        (alt ? `use a faster transceiver such as ${alt}, ` : '') +
        `split it into ${parts} links of at most ${entry.gbps} Gbps, or lower gbps`));
    }
    if (okLength !== undefined && okLength > entry.reachM) {
      const alt = suggest(Math.min(okGbps ?? 0, entry.gbps), okLength, typeof medium === 'string' ? medium : undefined);
      out.push(problem('reach-exceeded', `links[${i}].lengthM`,
        `the link is ${okLength} m long but ${id} reaches ${entry.reachM} m: ` +
        (alt ? `use a longer-reach transceiver such as ${alt}, or shorten the run`
          : 'no catalog transceiver reaches that far: shorten the run or add a regeneration point (split the link at a switch)')));
    }
  }
}
