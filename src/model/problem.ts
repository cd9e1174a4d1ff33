// A problem found in user data: where (JSON path), what (code), how bad, and how to fix it.
export type Severity = 'error' | 'warning';

export interface Problem {
  /** JSON path into the file, e.g. `links[12].b`; '' for the whole file. */
  path: string;
  code: string;
  severity: Severity;
  message: string;
}

export function formatPath(parts: readonly (string | number)[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}
