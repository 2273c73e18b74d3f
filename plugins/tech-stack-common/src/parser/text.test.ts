import {
  collapseSpace,
  cutText,
  isSpaceCode,
  shorten,
  skipSpace,
  trimChars,
  trimWhere,
} from './text';

describe('text helpers', () => {
  it('collapses whitespace runs to one space and trims', () => {
    expect(collapseSpace('  Apache \t\n Kafka\u00a0\u2028 ')).toBe(
      'Apache Kafka',
    );
    expect(collapseSpace(`a${' '.repeat(50_000)}b`)).toBe('a b');
    expect(collapseSpace(' \t ')).toBe('');
    expect(collapseSpace('x')).toBe('x');
  });

  it('agrees with /\\s/ on every BMP code unit', () => {
    for (let code = 0; code < 0x10000; code++) {
      expect([code, isSpaceCode(code)]).toEqual([
        code,
        /\s/.test(String.fromCharCode(code)),
      ]);
    }
  });

  it('trims characters at both ends only', () => {
    expect(trimChars('--a-b--', '-')).toBe('a-b');
    expect(trimChars(`${'-'.repeat(30_000)}x${'-'.repeat(30_000)}`, '-')).toBe(
      'x',
    );
    expect(trimWhere('**x**', (c, atEnd) => c === '*' && atEnd)).toBe('**x');
    expect(skipSpace('a   b', 1)).toBe(4);
  });

  it('cuts text without splitting a surrogate pair', () => {
    expect(cutText('abc', 5)).toBe('abc');
    expect(cutText('ab🟢', 3)).toBe('ab');
    expect(cutText('ab🟢c', 4)).toBe('ab🟢');
    expect(shorten('x'.repeat(100))).toBe(`${'x'.repeat(57)}...`);
  });
});
