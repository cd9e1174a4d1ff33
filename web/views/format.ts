// Number formatting for the page: grouped thousands, a fixed number of decimals per figure, '—' for no value.
const formats = new Map<number, Intl.NumberFormat>();

function formatter(fractionDigits: number): Intl.NumberFormat {
  let f = formats.get(fractionDigits);
  if (!f) {
    // en-US whatever the browser's locale: tests and screenshots compare the same text everywhere.
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: fractionDigits });
    formats.set(fractionDigits, f);
  }
  return f;
}

export const NO_VALUE = '—';

/** `digits` decimals at most (trailing zeros dropped); null, NaN and ±Infinity show as NO_VALUE. */
export function formatNumber(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NO_VALUE;
  const s = formatter(digits).format(x);
  // Intl writes a tiny negative rounded to zero as "-0".
  return s === '-0' ? '0' : s;
}

/**
 * `significant` digits for values below 10^significant (0.3906, 42.11, 241.2), whole numbers above (204,800):
 * rates span six orders of magnitude across fabrics, and a fixed number of decimals would show 0.39 or 204,800.00.
 */
export function formatSignificant(x: number | null | undefined, significant = 4): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NO_VALUE;
  if (Math.abs(x) >= 10 ** significant || x === 0) return formatNumber(x, 0);
  let f = significantFormats.get(significant);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumSignificantDigits: significant });
    significantFormats.set(significant, f);
  }
  const s = f.format(x);
  return s === '-0' ? '0' : s;
}

const significantFormats = new Map<number, Intl.NumberFormat>();

export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}

export function formatDurationMs(ms: number): string {
  return ms < 1000 ? `${formatNumber(ms, 0)} ms` : `${formatNumber(ms / 1000, 2)} s`;
}
