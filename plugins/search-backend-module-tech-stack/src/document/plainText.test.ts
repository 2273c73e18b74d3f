import { plainText } from './plainText';

describe('plainText', () => {
  it('keeps plain text, with one space between words and none at the ends', () => {
    expect(plainText('  Weights &   Biases \n', 100)).toBe('Weights & Biases');
    expect(plainText('AI/ML › MLOps', 100)).toBe('AI/ML › MLOps');
  });

  it('is empty for anything but a string', () => {
    expect(plainText(undefined, 100)).toBe('');
    expect(plainText(42, 100)).toBe('');
    expect(plainText({ toString: () => '<b>x</b>' }, 100)).toBe('');
    expect(plainText('text', 0)).toBe('');
  });

  it('removes tags and stray brackets, leaving the text between them', () => {
    expect(plainText('<script>alert(1)</script>Kafka', 100)).toBe(
      'alert(1) Kafka',
    );
    expect(plainText('Red<br/>panda', 100)).toBe('Red panda');
    expect(plainText('<!-- hidden -->Redis', 100)).toBe('Redis');
    expect(plainText('<img src=x onerror=alert(1)', 100)).toBe(
      'img src=x onerror=alert(1)',
    );
    expect(plainText('a < b > c <> d', 100)).toBe('a b c d');
    expect(plainText('<<<>>>', 100)).toBe('');
  });

  it('turns control characters into spaces and drops invisible ones', () => {
    expect(plainText('Ka\u0000fka\u0085x', 100)).toBe('Ka fka x');
    expect(plainText('Ka\u200bfka \u202eevil\u202c\ufeff', 100)).toBe(
      'Kafka evil',
    );
  });

  it('caps the length, marking a cut text with …', () => {
    expect(plainText('abcdefghij', 10)).toBe('abcdefghij');
    expect(plainText('abcdefghijk', 10)).toBe('abcdefghi…');
    expect(plainText('abcd efghijk', 6)).toBe('abcd…');
    // only the first 6 characters are read, tags included
    expect(plainText(`<b>${'x'.repeat(10)}`, 6)).toBe('xxx…');
    expect(plainText(`<b><i>${'x'.repeat(10)}`, 6)).toBe('');
  });

  it('never ends a cut text in half of a surrogate pair', () => {
    const cut = plainText('😀'.repeat(10), 6);
    expect(cut).toBe('😀😀…');
    expect(cut.length).toBeLessThanOrEqual(6);
  });

  const hostile = (size: number) => [
    'a'.repeat(size),
    '<a'.repeat(size / 2),
    `<${' '.repeat(size)}`,
    '<!'.repeat(size / 2),
    '<b>x'.repeat(size / 4),
  ];

  it('reads only the first characters of a 5 MB value', () => {
    for (const value of hostile(5_000_000)) {
      const start = Date.now();
      const text = plainText(value, 8_000);
      expect(Date.now() - start).toBeLessThan(500);
      expect(text.length).toBeLessThanOrEqual(8_000);
      expect(text).not.toMatch(/[<>]/);
    }
  });

  it('takes linear time over a whole 1 MB value (a quadratic scan would take minutes)', () => {
    for (const value of hostile(1_000_000)) {
      const start = Date.now();
      const text = plainText(value, value.length);
      expect(Date.now() - start).toBeLessThan(5_000);
      expect(text).not.toMatch(/[<>]/);
    }
  });
});
