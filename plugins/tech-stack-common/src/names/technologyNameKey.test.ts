import {
  MAX_TECHNOLOGY_NAME_LENGTH,
  technologyNameKey,
} from './technologyNameKey';

describe('technologyNameKey', () => {
  it('gives every spelling of a name one key', () => {
    const spellings = [
      'Apache Kafka',
      'ApacheKafka',
      'apache kafka',
      'apache-kafka',
      'APACHE_KAFKA',
      ' Apache  Kafka ',
      'Ａｐａｃｈｅ Ｋａｆｋａ',
    ];
    expect(new Set(spellings.map(technologyNameKey))).toEqual(
      new Set(['apachekafka']),
    );
  });

  it('keeps distinct products distinct', () => {
    const names = [
      'Kafka',
      'Kafka Streams',
      'Apache Kafka',
      'Cloudflare',
      'Cloudflare Workers',
      'C',
      'C++',
      'C#',
    ];
    expect(new Set(names.map(technologyNameKey)).size).toBe(names.length);
  });

  it('has no key for a name without letters or digits, or over the bound', () => {
    expect(technologyNameKey('')).toBe('');
    expect(technologyNameKey(' - / _ ')).toBe('');
    expect(technologyNameKey('a'.repeat(MAX_TECHNOLOGY_NAME_LENGTH))).toBe(
      'a'.repeat(MAX_TECHNOLOGY_NAME_LENGTH),
    );
    expect(technologyNameKey('a'.repeat(MAX_TECHNOLOGY_NAME_LENGTH + 1))).toBe(
      '',
    );
  });

  it('reads a long run of punctuation in one pass', () => {
    // A backtracking pattern would take quadratic time here; the key is the same either way.
    const name = `x${'-. _'.repeat(49)}y`;
    expect(name.length).toBeLessThanOrEqual(MAX_TECHNOLOGY_NAME_LENGTH);
    expect(technologyNameKey(name)).toBe('xy');
  });
});
