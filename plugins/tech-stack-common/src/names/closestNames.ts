import { technologyNameKey } from './technologyNameKey';

/**
 * The edit distance (Levenshtein) of `a` and `b` if it is at most `max`,
 * otherwise `undefined`. Stops as soon as the answer exceeds `max`: at once
 * when the lengths differ by more, and after any row whose best cell does;
 * only the band of cells within `max` of the diagonal is computed, so a call
 * costs about `a.length × (2 × max + 1)` steps rather than `a.length × b.length`.
 */
export function boundedEditDistance(
  a: string,
  b: string,
  max: number,
): number | undefined {
  if (a === b) {
    return 0;
  }
  if (Math.abs(a.length - b.length) > max) {
    return undefined;
  }
  const outside = max + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) {
    previous[j] = j <= max ? j : outside;
  }
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    current.fill(outside);
    current[0] = i <= max ? i : outside;
    let best = current[0];
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + cost,
        outside,
      );
      current[j] = value;
      if (value < best) {
        best = value;
      }
    }
    if (best > max) {
      return undefined;
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] <= max ? previous[b.length] : undefined;
}

/**
 * The few candidates closest to `name` (their labels, each once): prefix or
 * substring matches first, then by edit distance, only those reasonably close
 * (at most a third of the name's length, at least 2). Candidate keys are
 * {@link technologyNameKey}s. Distances are computed with a cutoff, so a
 * candidate far from the name costs little; a name without a key (empty, or
 * over the length bound) has no suggestions.
 */
export function closestNames(
  name: string,
  candidates: Iterable<{ key: string; label: string }>,
  limit = 3,
): string[] {
  const key = technologyNameKey(name);
  if (!key) {
    return [];
  }
  const cutoff = Math.max(2, Math.floor(key.length / 3));
  const scored = new Map<string, number>();
  for (const candidate of candidates) {
    let score: number;
    if (candidate.key.startsWith(key) || key.startsWith(candidate.key)) {
      score = Math.abs(candidate.key.length - key.length) / 100;
    } else if (candidate.key.includes(key) || key.includes(candidate.key)) {
      score = 0.5;
    } else {
      const distance = boundedEditDistance(key, candidate.key, cutoff);
      if (distance === undefined) {
        continue;
      }
      score = distance;
    }
    if (candidate.key.length < 2 && score > 0) {
      continue;
    }
    const previous = scored.get(candidate.label);
    if (previous === undefined || score < previous) {
      scored.set(candidate.label, score);
    }
  }
  return [...scored.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([label]) => label);
}
