import { truncateText } from './truncate';

describe('truncateText', () => {
  it('keeps text that fits', () => {
    expect(truncateText('PostgreSQL', 10)).toBe('PostgreSQL');
    expect(truncateText('', 3)).toBe('');
  });

  it('cuts longer text to the maximum, ellipsis included', () => {
    const cut = truncateText('x'.repeat(10_000), 80);
    expect(cut).toHaveLength(80);
    expect(cut.endsWith('…')).toBe(true);
    expect(truncateText('Apache Kafka', 6)).toBe('Apach…');
  });

  it('never splits a character made of two code units', () => {
    // "a" then an emoji (two code units) then more: a cut after "a" + half
    const cut = truncateText('a😀bcdef', 3);
    expect(cut).toBe('a…');
    expect(truncateText('😀😀😀', 4)).toBe('😀…');
  });

  it('returns nothing for a maximum below one', () => {
    expect(truncateText('abc', 0)).toBe('');
  });
});
