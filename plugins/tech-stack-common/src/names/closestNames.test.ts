import { boundedEditDistance, closestNames } from './closestNames';
import { technologyNameKey } from './technologyNameKey';

/** The textbook full-matrix distance, as the reference. */
function fullEditDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = 0; i <= a.length; i++) rows[i][0] = i;
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      rows[i][j] = Math.min(
        rows[i - 1][j] + 1,
        rows[i][j - 1] + 1,
        rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return rows[a.length][b.length];
}

describe('boundedEditDistance', () => {
  it('gives the edit distance when it is within the bound, and nothing beyond', () => {
    expect(boundedEditDistance('redis', 'rediss', 2)).toBe(1);
    expect(boundedEditDistance('kafka', 'kafak', 2)).toBe(2);
    expect(boundedEditDistance('postgresql', 'mysql', 2)).toBeUndefined();
    expect(boundedEditDistance('a', 'a'.repeat(200), 3)).toBeUndefined();
  });

  it('agrees with the full computation on every pair of short strings', () => {
    // every string of up to 5 letters over a, b, c: 364 strings, 132,496 pairs
    const strings = [''];
    for (let i = 0; strings[i].length < 5; i++) {
      for (const letter of 'abc') strings.push(strings[i] + letter);
    }
    let checked = 0;
    for (const a of strings) {
      for (const b of strings) {
        const full = fullEditDistance(a, b);
        for (const max of [0, 1, 2, 4]) {
          const bounded = boundedEditDistance(a, b, max);
          if (bounded !== (full <= max ? full : undefined)) {
            throw new Error(
              `'${a}' / '${b}' max ${max}: ${bounded} vs ${full}`,
            );
          }
          checked += 1;
        }
      }
    }
    expect(checked).toBe(364 * 364 * 4);
  });
});

describe('closestNames', () => {
  const candidates = ['PostgreSQL', 'Redis', 'Apache Kafka', 'MySQL'].map(
    label => ({ key: technologyNameKey(label), label }),
  );

  it('suggests close names, prefixes first', () => {
    expect(closestNames('Rediss', candidates)).toEqual(['Redis']);
    expect(closestNames('postgres', candidates)).toEqual(['PostgreSQL']);
    expect(closestNames('Apache Kafak', candidates)).toEqual(['Apache Kafka']);
    expect(closestNames('Cassandra', candidates)).toEqual([]);
  });
});
