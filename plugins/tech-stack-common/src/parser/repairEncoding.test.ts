import { normalizeNewlines, repairEncoding } from './repairEncoding';

/** Simulates the damage: encode as UTF-8, decode as Windows-1252. */
function damage(text: string): string {
  return new TextDecoder('windows-1252').decode(new TextEncoder().encode(text));
}

describe('repairEncoding', () => {
  it('repairs the seed title (no-break space, dropped 0x8F)', () => {
    expect(repairEncoding('ðŸ›\u00a0ï¸ Technology Stack Guide')).toBe(
      '🛠️ Technology Stack Guide',
    );
  });

  it('repairs the title when the no-break space became a space', () => {
    expect(repairEncoding('ðŸ› ï¸ Technology Stack Guide')).toBe(
      '🛠️ Technology Stack Guide',
    );
  });

  it.each([
    'Café crème',
    'naïve — “quoted” €5',
    '日本語',
    '🚀 Launch',
    'Zürich',
  ])('round-trips damaged %s', text => {
    expect(repairEncoding(damage(text))).toBe(text);
  });

  it.each([
    'plain ascii',
    'Café, naïve, Zürich, Ångström',
    'ðe first letter alone',
    'Ã alone',
    '🛠️ already clean',
    'mixed: ü and Ã followed by space',
  ])('leaves clean text untouched: %s', text => {
    expect(repairEncoding(text)).toBe(text);
  });

  it('repairs only the damaged run in mixed text', () => {
    expect(repairEncoding('Zürich – CafÃ©')).toBe('Zürich – Café');
  });
});

describe('normalizeNewlines', () => {
  it('strips a BOM and converts CRLF and CR', () => {
    expect(normalizeNewlines('\ufeffa\r\nb\rc\n')).toBe('a\nb\nc\n');
    expect(normalizeNewlines('a\nb')).toBe('a\nb');
  });
});
