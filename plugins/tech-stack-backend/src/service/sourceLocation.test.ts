import { publicSourceLocation, sourceLine } from './sourceLocation';

describe('sourceLine', () => {
  it('reads the line of the location', () => {
    expect(sourceLine('https://example.com/guide.md#L42')).toBe(42);
    expect(sourceLine('./examples/guide.md#L7')).toBe(7);
    expect(sourceLine('guide.md#L7-L9')).toBe(7);
  });

  it('is undefined without a line', () => {
    expect(sourceLine(undefined)).toBeUndefined();
    expect(sourceLine('guide.md')).toBeUndefined();
    expect(sourceLine('guide.md#L0')).toBeUndefined();
  });
});

describe('publicSourceLocation', () => {
  it('keeps the URL of a remote guide', () => {
    expect(
      publicSourceLocation(
        'https://github.com/acme/docs/blob/main/stack.md#L4',
      ),
    ).toBe('https://github.com/acme/docs/blob/main/stack.md#L4');
    expect(publicSourceLocation('url:https://example.com/guide.md#L3')).toBe(
      'url:https://example.com/guide.md#L3',
    );
  });

  it('drops a user name and password written into the URL', () => {
    const shown = publicSourceLocation(
      'https://bot:s3cret@git.example.com/guide.md#L9',
    );
    expect(shown).toBe('https://git.example.com/guide.md#L9');
  });

  it('shows a local guide as its configured relative target', () => {
    expect(
      publicSourceLocation(
        '/home/backstage/app/examples/technology-stack-guide.md#L12',
        '../../examples/technology-stack-guide.md',
      ),
    ).toBe('../../examples/technology-stack-guide.md#L12');
    expect(
      publicSourceLocation(
        'file:/srv/guide.md#L2',
        'https://example.com/guide.md',
      ),
    ).toBe('https://example.com/guide.md#L2');
  });

  it.each([
    ['/srv/backstage/guides/stack.md#L5', undefined],
    ['/srv/backstage/guides/stack.md#L5', '/srv/backstage/guides/stack.md'],
    ['file:/srv/backstage/guides/stack.md#L5', 'file:///srv/x/stack.md'],
    ['file:///srv/backstage/guides/stack.md#L5', undefined],
    ['C:\\guides\\stack.md#L5', 'C:\\guides\\stack.md'],
  ])(
    'shows only the file name of %s (configured %s)',
    (location, configured) => {
      expect(publicSourceLocation(location, configured)).toBe('stack.md#L5');
    },
  );

  it('keeps the line for sourceLine, and is undefined without a location', () => {
    expect(sourceLine(publicSourceLocation('/a/b/guide.md#L7-L9'))).toBe(7);
    expect(publicSourceLocation('/a/b/guide.md')).toBe('guide.md');
    expect(publicSourceLocation(undefined)).toBeUndefined();
    expect(publicSourceLocation('   ')).toBeUndefined();
    expect(publicSourceLocation(`/${'a'.repeat(5000)}#L1`)).toBeUndefined();
  });
});
