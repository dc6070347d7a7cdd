/** Column-name helpers: the automatic matching key and "did you mean" suggestions. */

/** Case, spaces, underscores and hyphens are ignored when pairing columns automatically. */
export function matchKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** The candidate closest to `name` (ignoring case and separators), or null when there are none. */
export function nearestName(name: string, candidates: readonly string[]): string | null {
  const key = matchKey(name);
  let best: string | null = null;
  let bestScore = Infinity;
  for (const c of candidates) {
    const ck = matchKey(c);
    // A containment ("amt" in "amount_usd") is a strong hint even when the edit distance is large.
    const score = editDistance(key, ck) - (ck.includes(key) || key.includes(ck) ? 0.5 : 0);
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

/** "Column "amout" does not exist on the legacy side; the nearest is "amount"." */
export function unknownColumnMessage(name: string, sideLabel: string, candidates: readonly string[]): string {
  const nearest = nearestName(name, candidates);
  const hint = nearest === null ? 'it has no columns' : `the nearest is "${nearest}"`;
  return `Column "${name}" does not exist on the ${sideLabel} side; ${hint}.`;
}
