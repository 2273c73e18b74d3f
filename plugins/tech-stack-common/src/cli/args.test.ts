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

  it('reads import and the quadrant options of parse', () => {
    expect(
      parseCliArgs([
        'import',
        'radar.json',
        '--from',
        'tech-radar-json',
        '--title=Our radar',
      ]),
    ).toEqual({
      kind: 'import',
      input: 'radar.json',
      from: 'tech-radar-json',
      title: 'Our radar',
    });
    expect(
      parseCliArgs([
        'parse',
        'g.md',
        '--format',
        'tech-radar-json',
        '--quadrant-map',
        'A=B',
      ]),
    ).toMatchObject({ quadrants: { count: 4, map: 'A=B' } });
    expect(
      parseCliArgs([
        'parse',
        'g.md',
        '--format',
        'tech-radar-json',
        '--quadrants',
        '3',
        '--config',
        'app-config.yaml',
      ]),
    ).toMatchObject({ quadrants: { count: 3, config: 'app-config.yaml' } });
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
    [['--format', 'json'], 'missing command "parse", "import" or "recipes"'],
    [
      ['import', 'radar.csv'],
      'import needs --from (tech-radar-json or byor-csv)',
    ],
    [
      ['import', 'radar.csv', '--from', 'xlsx'],
      'unknown --from format "xlsx" (expected tech-radar-json, byor-csv)',
    ],
    [
      ['parse', 'x', '--format', 'xml'],
      'unknown format "xml" (expected json, catalog-yaml, tech-radar-json)',
    ],
    [
      ['parse', 'x', '--from', 'byor-csv'],
      'option --from does not apply to parse',
    ],
    [
      ['import', 'x', '--from', 'byor-csv', '--owner', 'g'],
      'option --owner does not apply to import',
    ],
    [
      ['parse', 'x', '--quadrants', '4'],
      '--quadrants, --quadrant-map and --config apply to --format tech-radar-json only',
    ],
    [
      ['parse', 'x', '--format', 'tech-radar-json', '--quadrants', '0'],
      '--quadrants must be a whole number from 1 to 64, got "0"',
    ],
    [
      ['parse', 'x', '--format', 'tech-radar-json', '--quadrants', 'four'],
      'got "four"',
    ],
    [
      [
        'parse',
        'x',
        '--format',
        'tech-radar-json',
        '--quadrant-map',
        'A=B',
        '--config',
        'c.yaml',
      ],
      'use --quadrant-map or --config, not both',
    ],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
