import { parseCliArgs, UsageError } from './args';

describe('parseCliArgs', () => {
  it('reads parse with defaults', () => {
    expect(parseCliArgs(['parse', 'guide.md'])).toEqual({
      kind: 'parse',
      input: 'guide.md',
      format: 'json',
      owner: 'group:default/platform',
    });
  });

  it('reads all options in both spellings', () => {
    expect(
      parseCliArgs([
        'parse',
        'https://example.com/g.md',
        '--format=catalog-yaml',
        '--owner',
        'group:default/arch',
        '--guide-id',
        'main',
        '--namespace=tech',
        '--default-ring',
        'assess',
        '--date',
        '2024-01-31',
      ]),
    ).toEqual({
      kind: 'parse',
      input: 'https://example.com/g.md',
      format: 'catalog-yaml',
      owner: 'group:default/arch',
      guideId: 'main',
      namespace: 'tech',
      defaultRing: 'assess',
      date: '2024-01-31',
    });
  });

  it('returns help for --help or no arguments', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['parse', 'x', '-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['parse'], 'parse needs a file path or URL'],
    [['render', 'x'], 'unknown command "render"'],
    [['parse', 'x', '--format', 'xml'], 'unknown format "xml"'],
    [['parse', 'x', '--owner'], 'option --owner needs a value'],
    [['parse', 'x', '--colour'], 'unknown option --colour'],
    [['parse', 'x', 'y'], 'unexpected argument "y"'],
    [['parse', 'x', '--default-ring', 'maybe'], 'unknown ring "maybe"'],
    [['parse', 'x', '--date', 'today'], '--date must be yyyy-mm-dd'],
    [['--format', 'json'], 'missing command "parse"'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
