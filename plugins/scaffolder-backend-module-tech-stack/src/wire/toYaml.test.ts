import { parse } from 'yaml';
import { toYaml } from './toYaml';

describe('toYaml', () => {
  it.each([
    'plain',
    'with space',
    'postgres://app:app@postgres:5432/orders',
    'true',
    'no',
    'null',
    '~',
    '',
    '0',
    '1.5',
    '0x1f',
    '1e3',
    '-',
    '- item',
    'key: value',
    'ends:',
    'a # comment',
    '#hash',
    '*alias',
    '&anchor',
    '!tag',
    '@at',
    '`tick`',
    '"quoted"',
    "'single'",
    'multi\nline',
    'tab\there',
    '{flow}',
    '[list]',
    '%percent',
    '5432:5432',
    '8080',
    'ünïcödé',
    'CMD-SHELL',
    'pg_isready -U app -d orders',
    '--config=/etc/otelcol/config.yaml',
    '${VAR}',
    '{{ name }}',
    ' lead',
    'trail ',
    'a,b',
    'a, b',
    '? q',
    '|',
    '>',
    'yes please',
    'On',
  ])('writes %j so that it reads back the same', text => {
    expect(parse(toYaml({ [text]: text, list: [text] }))).toEqual({
      [text]: text,
      list: [text],
    });
  });

  it('writes nested maps and lists, empty collections and other scalars', () => {
    const value = {
      services: {
        app: {
          ports: ['8080:8080'],
          depends_on: { db: { condition: 'service_healthy' } },
          environment: { PORT: '8080', N: 1, B: true, X: null },
        },
      },
      empty: {},
      none: [],
      list: [
        { name: 'a', valueFrom: { configMapKeyRef: { name: 'x', key: 'a' } } },
        ['nested', 1],
        {},
        [],
      ],
    };
    expect(parse(toYaml(value))).toEqual(value);
  });

  it.each([
    ['dashes between words', `a${'-'.repeat(50_000)}b`],
    ['separators and words alternating', `${'a-'.repeat(50_000)}:`],
    ['spaces before a colon', `a${' '.repeat(50_000)}: b`],
  ])(
    'writes a 50,000-character string of %s (no backtracking pattern)',
    (_, text) => {
      expect(parse(toYaml({ text }))).toEqual({ text });
    },
  );

  it('writes an object that appears twice in full, without anchors', () => {
    const shared = { condition: 'service_healthy' };
    const text = toYaml({ a: shared, b: shared });
    expect(text).not.toContain('&');
    expect(parse(text)).toEqual({ a: shared, b: shared });
  });

  it('writes a comment at the top of the file', () => {
    const text = toYaml({ a: 1 }, ' first line\n second line');
    expect(text.startsWith('# first line\n# second line\n')).toBe(true);
    expect(parse(text)).toEqual({ a: 1 });
  });
});
