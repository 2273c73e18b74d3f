import {
  isAbsoluteDiskPath,
  MAX_SOURCE_LOCATION_LENGTH,
  pathFileName,
  splitSourceLocation,
} from './sourceLocation';

describe('splitSourceLocation', () => {
  it('splits the guide from its line', () => {
    expect(splitSourceLocation('https://example.com/guide.md#L12')).toEqual({
      base: 'https://example.com/guide.md',
      fragment: '#L12',
      line: 12,
    });
    expect(splitSourceLocation('../../guide.md#L3-L9')).toEqual({
      base: '../../guide.md',
      fragment: '#L3-L9',
      line: 3,
    });
  });

  it('keeps a # that is not a line fragment in the guide', () => {
    expect(splitSourceLocation('https://x.test/a#section')).toEqual({
      base: 'https://x.test/a#section',
      fragment: '',
    });
    expect(splitSourceLocation('guide.md#L')).toEqual({
      base: 'guide.md',
      fragment: '#L',
      line: undefined,
    });
  });

  it('reads nothing from an empty or oversized value', () => {
    expect(splitSourceLocation(undefined)).toBeUndefined();
    expect(splitSourceLocation('  ')).toBeUndefined();
    expect(
      splitSourceLocation(`${'a'.repeat(MAX_SOURCE_LOCATION_LENGTH)}#L1`),
    ).toBeUndefined();
  });
});

describe('isAbsoluteDiskPath', () => {
  it.each([
    '/srv/guide.md',
    '\\\\share\\g.md',
    '~/g.md',
    'C:\\g.md',
    'd:/g.md',
  ])('treats %s as absolute', path =>
    expect(isAbsoluteDiskPath(path)).toBe(true),
  );
  it.each(['../../guide.md', 'guide.md', 'https://x.test/g.md', 'c:g.md'])(
    'treats %s as not absolute',
    path => expect(isAbsoluteDiskPath(path)).toBe(false),
  );
});

describe('pathFileName', () => {
  it('keeps only the last segment', () => {
    expect(pathFileName('/srv/guides/guide.md')).toBe('guide.md');
    expect(pathFileName('C:\\guides\\guide.md')).toBe('guide.md');
    expect(pathFileName('guide.md')).toBe('guide.md');
  });
});
