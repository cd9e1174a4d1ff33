// "Did you mean" hints: the candidates closest to a mistyped id or field name.

/** Levenshtein edit distance, case-insensitive, in O(|a| x |b|) time and O(|b|) memory. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return 0;
  let prev = new Array<number>(t.length + 1);
  let cur = new Array<number>(t.length + 1);
  for (let j = 0; j <= t.length; j++) prev[j] = j;
  for (let i = 1; i <= s.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s.charCodeAt(i - 1) === t.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[t.length];
}

/**
 * Up to `max` candidates that look like `query`: those containing it (or contained in it) first, then the
 * smallest edit distances within about half the query's length. Empty when nothing is close.
 */
export function closestMatches(query: string, candidates: Iterable<string>, max = 3): string[] {
  // Long garbage would cost |query| x |candidate| per candidate for nothing: hints are for typos.
  if (query.length === 0 || query.length > 200) return [];
  const q = query.toLowerCase();
  const scored: { c: string; score: number }[] = [];
  for (const c of candidates) {
    const lc = c.toLowerCase();
    if (lc === q) continue;
    if (lc.includes(q) || (lc.length >= 3 && q.includes(lc))) {
      scored.push({ c, score: -1 / (1 + Math.abs(lc.length - q.length)) });
      continue;
    }
    const d = editDistance(q, lc);
    if (d <= Math.max(2, Math.floor(Math.max(q.length, lc.length) / 2))) scored.push({ c, score: d });
  }
  scored.sort((x, y) => x.score - y.score || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
  return scored.slice(0, max).map((s) => s.c);
}

/** `did you mean "a" or "b"?` or '' when there is nothing close. */
export function didYouMean(query: string, candidates: Iterable<string>, max = 3): string {
  const m = closestMatches(query, candidates, max);
  if (m.length === 0) return '';
  const quoted = m.map((x) => JSON.stringify(x));
  return `did you mean ${quoted.length === 1 ? quoted[0] : quoted.slice(0, -1).join(', ') + ' or ' + quoted[quoted.length - 1]}?`;
}
