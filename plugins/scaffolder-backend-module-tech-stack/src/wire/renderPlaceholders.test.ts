import { renderPlaceholders } from './renderPlaceholders';

describe('renderPlaceholders', () => {
  const values = {
    name: 'orders',
    owner: 'group:default/team-a',
    system: undefined,
  };

  it.each([
    ['{{ name }}', 'orders'],
    ['{{name}}-db', 'orders-db'],
    [
      'pg_isready -d {{ name }} -U {{\towner }}',
      'pg_isready -d orders -U group:default/team-a',
    ],
    ['{{ system }}', ''],
    ['{{ unknown }}', ''],
    ['{{{ name }}}', '{orders}'],
    ['{{ 1name }} {{ name }}', '{{ 1name }} orders'],
    ['{{ na me }}', '{{ na me }}'],
    ['{{}}', '{{}}'],
    ['{{ name', '{{ name'],
    ['${POSTGRES_PASSWORD:-app}', '${POSTGRES_PASSWORD:-app}'],
  ])('renders %j as %j', (input, expected) => {
    expect(renderPlaceholders(input, values)).toBe(expected);
  });

  it('renders keys, lists and nested maps, and does not render inserted values again', () => {
    expect(
      renderPlaceholders(
        { '{{ name }}-data': [{ db: '{{ name }}' }, 5, true] },
        { name: '{{ owner }}', owner: 'x' },
      ),
    ).toEqual({ '{{ owner }}-data': [{ db: '{{ owner }}' }, 5, true] });
  });

  it.each([
    ['unclosed openings', '{{'.repeat(100_000)],
    ['openings before one far close', `${'{{ '.repeat(100_000)}}}`],
    ['a long key without a close', `{{ ${'a'.repeat(200_000)}`],
  ])('handles 200,000 characters of %s in one pass', (_, input) => {
    expect(renderPlaceholders(input, values)).toBe(input);
  });
});
