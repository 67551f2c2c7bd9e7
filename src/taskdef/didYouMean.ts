/** Levenshtein distance, bounded: returns `max + 1` as soon as the distance exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      // transposition
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev[j - 2] ?? v) + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Above this many candidates only a name differing in case is suggested: edit distances to every
 * name of every unknown reference are quadratic, and a task has at most 10 containers (a list this
 * long is generated, or fuzzed).
 */
export const MAX_SUGGESTION_CANDIDATES = 1000;

const MAX_NAME_LENGTH = 255;

const lowerCaseIndex = new WeakMap<object, Map<string, string>>();

/** The closest candidate: same name in another case first, then the smallest edit distance. */
export function didYouMean(word: string, candidates: readonly string[] | ReadonlySet<string>): string | undefined {
  const lower = word.toLowerCase();
  if ((Array.isArray(candidates) ? candidates.length : (candidates as ReadonlySet<string>).size) > MAX_SUGGESTION_CANDIDATES) {
    // Built once per list: each of thousands of unknown references is then one lookup.
    let index = lowerCaseIndex.get(candidates);
    if (!index) {
      index = new Map();
      for (const c of candidates) if (!index.has(c.toLowerCase())) index.set(c.toLowerCase(), c);
      lowerCaseIndex.set(candidates, index);
    }
    return index.get(lower);
  }
  const list = [...candidates];
  const sameCase = list.find((c) => c.toLowerCase() === lower);
  if (sameCase) return sameCase;
  // Names are at most 255 characters: a longer word is no misspelling, and its distances cost length².
  if (word.length > MAX_NAME_LENGTH) return undefined;
  const max = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestD = max + 1;
  for (const c of list) {
    if (c.length > MAX_NAME_LENGTH) continue;
    const d = editDistance(lower, c.toLowerCase(), bestD - 1);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best) return best;
  // `containerPort` for `port`, `logConfiguration` for `logging`: one contains the other.
  if (lower.length >= 4) return list.find((c) => c.toLowerCase().includes(lower) || lower.includes(c.toLowerCase()));
  return undefined;
}
