/**
 * Name matching shared by overrides and usage resolution: case, spacing and
 * punctuation do not matter (`Apache Kafka` = `apache-kafka` = `APACHE_KAFKA`),
 * while `+` and `#` do (`C++` is not `C#`).
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .toLocaleLowerCase('en-US')
    .replace(/[^\p{L}\p{N}+#]+/gu, '');
}

function editDistance(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The few candidates closest to `name`: prefix or substring matches first,
 * then by edit distance, only those reasonably close.
 */
export function closestNames(
  name: string,
  candidates: Iterable<{ key: string; label: string }>,
  limit = 3,
): string[] {
  const key = normalizeName(name);
  if (!key) {
    return [];
  }
  const scored = new Map<string, number>();
  for (const candidate of candidates) {
    let score: number;
    if (candidate.key.startsWith(key) || key.startsWith(candidate.key)) {
      score = Math.abs(candidate.key.length - key.length) / 100;
    } else if (candidate.key.includes(key) || key.includes(candidate.key)) {
      score = 0.5;
    } else {
      const distance = editDistance(key, candidate.key);
      if (distance > Math.max(2, Math.floor(key.length / 3))) {
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
