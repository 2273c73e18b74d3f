import { safeHttpUrl } from './safeUrl';

describe('safeHttpUrl', () => {
  it('accepts http(s) URLs, with or without the url: prefix', () => {
    expect(safeHttpUrl('https://example.com/guide.md#L4')).toBe(
      'https://example.com/guide.md#L4',
    );
    expect(safeHttpUrl('url:http://example.com/a')).toBe(
      'http://example.com/a',
    );
  });

  it('refuses everything else', () => {
    // eslint-disable-next-line no-script-url
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl(' JavaScript:alert(1)')).toBeUndefined();
    expect(
      safeHttpUrl('data:text/html,<script>alert(1)</script>'),
    ).toBeUndefined();
    expect(safeHttpUrl('./examples/guide.md#L4')).toBeUndefined();
    expect(safeHttpUrl(undefined)).toBeUndefined();
  });
});
