import { AliasTable, nameKey } from './aliases';

describe('nameKey', () => {
  it('ignores case, spaces and punctuation', () => {
    expect(nameKey('GPT-4o')).toBe(nameKey('gpt 4o'));
    expect(nameKey('Redpanda')).toBe(nameKey('RedPanda'));
  });

  it('keeps distinct products distinct', () => {
    expect(nameKey('Kafka')).not.toBe(nameKey('Kafka Streams'));
    expect(nameKey('C')).not.toBe(nameKey('C++'));
    expect(nameKey('C#')).not.toBe(nameKey('C++'));
  });

  it('falls back to the trimmed text for symbol-only names', () => {
    expect(nameKey(' 🛠️ ')).toBe('🛠️');
  });
});

describe('AliasTable', () => {
  const table = new AliasTable();

  it('resolves built-in aliases to their canonical name', () => {
    expect(table.lookup('Kafka')?.canonical).toBe('Apache Kafka');
    expect(table.lookup('apache kafka')?.canonical).toBe('Apache Kafka');
    expect(table.lookup('Postgres')?.canonical).toBe('PostgreSQL');
    expect(table.lookup('Flink')?.canonical).toBe('Apache Flink');
    expect(table.lookup('ELK')?.canonical).toBe('ELK');
  });

  it('does not match products that merely share a word', () => {
    expect(table.lookup('Kafka Streams')).toBeUndefined();
    expect(table.lookup('Cloudflare Workers')).toBeUndefined();
    expect(table.lookup('Lambda@Edge')).toBeUndefined();
  });

  it('merges configured aliases into the built-in groups', () => {
    const custom = new AliasTable({
      PostgreSQL: ['PG'],
      'Internal Bus': ['ibus'],
    });
    expect(custom.lookup('PG')?.canonical).toBe('PostgreSQL');
    expect(custom.lookup('Postgres')?.names).toContain('PG');
    expect(custom.lookup('IBUS')?.canonical).toBe('Internal Bus');
  });

  it('lets configuration rename the canonical name of a group', () => {
    const custom = new AliasTable({ Kafka: ['Apache Kafka'] });
    expect(custom.lookup('apache kafka')?.canonical).toBe('Kafka');
  });
});
