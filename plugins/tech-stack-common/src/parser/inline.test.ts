import MarkdownIt from 'markdown-it';
import { inlineText } from './inline';

const md = new MarkdownIt();
const inline = (text: string) => inlineText(md.parseInline(text, {})[0]);

describe('inlineText', () => {
  it('drops emphasis, keeps code text and decodes entities', () => {
    expect(inline('**Kong** and *Envoy* `x` &amp; y')).toEqual({
      text: 'Kong and Envoy x & y',
      links: [],
      literals: [{ start: 15, end: 16 }],
      lead: { start: 0, end: 4 },
    });
  });

  it('records links as ranges of the plain text', () => {
    const result = inline(
      '[Redis](https://redis.io), [Valkey](https://valkey.io)',
    );
    expect(result.text).toBe('Redis, Valkey');
    expect(result.links).toEqual([
      { start: 0, end: 5, url: 'https://redis.io' },
      { start: 7, end: 13, url: 'https://valkey.io' },
    ]);
    expect(result.lead).toEqual({ start: 0, end: 5 });
  });

  it('has no lead when the text does not start with bold or a link', () => {
    expect(inline('Pulumi - **fast**').lead).toBeUndefined();
  });

  it('records code spans as literal ranges', () => {
    expect(inline('`Pub/Sub`, Redis, `Force push to master`').literals).toEqual(
      [
        { start: 0, end: 7 },
        { start: 16, end: 36 },
      ],
    );
  });

  it('handles a missing token', () => {
    expect(inlineText(undefined)).toEqual({ text: '', links: [] });
  });
});
