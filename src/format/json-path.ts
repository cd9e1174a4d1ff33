// JSON paths in problems: `links[12].gbps`, and bracketed keys where a key is not a plain identifier,
// e.g. `catalogOverrides["nvidia-h100-sxm"].priceUsd` (model ids contain dashes).
export function jsonPath(parts: readonly (string | number)[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}
