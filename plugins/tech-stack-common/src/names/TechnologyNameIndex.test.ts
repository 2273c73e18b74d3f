import { parseTechnologyRef } from './parseTechnologyRef';
import {
  TechnologyNames,
  technologyEntityNames,
} from './technologyEntityNames';
import { TechnologyNameIndex } from './TechnologyNameIndex';
import { MAX_TECHNOLOGY_NAME_LENGTH } from './technologyNameKey';

const technologies: TechnologyNames[] = [
  { name: 'apache-kafka', title: 'Apache Kafka', aliases: ['Kafka'] },
  { name: 'kafka-streams', title: 'Kafka Streams' },
  { name: 'cloudflare', title: 'Cloudflare' },
  { name: 'cloudflare-workers', title: 'Cloudflare Workers' },
  { name: 'ci-cd', title: 'CI/CD' },
  { name: 'redis', namespace: 'data', title: 'Redis' },
  { name: 'cpp', title: 'C++' },
  { name: 'csharp', title: 'C#' },
];
const index = new TechnologyNameIndex(technologies, t => t);
const find = (name: string) => index.find(name)?.name;

describe('TechnologyNameIndex', () => {
  it('finds Apache Kafka by every spelling of its name, alias, slug and ref', () => {
    for (const name of [
      'Apache Kafka',
      'ApacheKafka',
      'apache kafka',
      'Kafka',
      'kafka',
      'apache-kafka',
      'APACHE_KAFKA',
      'technology:default/apache-kafka',
      'Technology:Default/Apache-Kafka',
      'default/apache-kafka',
    ]) {
      expect({ name, found: find(name) }).toEqual({
        name,
        found: 'apache-kafka',
      });
    }
  });

  it('keeps distinct products that share a word distinct', () => {
    expect(find('Kafka Streams')).toBe('kafka-streams');
    expect(find('kafka-streams')).toBe('kafka-streams');
    expect(find('Cloudflare Workers')).toBe('cloudflare-workers');
    expect(find('Cloudflare')).toBe('cloudflare');
    expect(find('C++')).toBe('cpp');
    expect(find('C#')).toBe('csharp');
    expect(find('C')).toBeUndefined();
    expect(find('Streams')).toBeUndefined();
  });

  it('reads refs by kind and namespace', () => {
    expect(find('technology:data/redis')).toBe('redis');
    expect(find('technology:default/redis')).toBeUndefined();
    expect(find('component:default/apache-kafka')).toBeUndefined();
    expect(find('technology:default/nope')).toBeUndefined();
    // a slash that is no known ref is a name
    expect(find('CI/CD')).toBe('ci-cd');
    expect(find('ci/cd')).toBe('ci-cd');
  });

  it('lets names and titles win over aliases, and the first item over later ones', () => {
    const shadowed = new TechnologyNameIndex(
      [
        { name: 'apache-kafka', title: 'Apache Kafka', aliases: ['Redis'] },
        { name: 'redis', title: 'Redis' },
        { name: 'redis-2', title: 'Redis' },
      ],
      (t: TechnologyNames) => t,
    );
    expect(shadowed.find('Redis')?.name).toBe('redis');
  });

  it('finds nothing for empty, punctuation-only and over-long names', () => {
    expect(find('')).toBeUndefined();
    expect(find(' -- ')).toBeUndefined();
    expect(find(`Kafka${' '.repeat(MAX_TECHNOLOGY_NAME_LENGTH)}`)).toBe(
      undefined,
    );
    const longName = 'k'.repeat(MAX_TECHNOLOGY_NAME_LENGTH + 1);
    const withLong = new TechnologyNameIndex(
      [{ name: 'long', title: longName }],
      (t: TechnologyNames) => t,
    );
    expect(withLong.find(longName)).toBeUndefined();
    expect(withLong.find('long')?.name).toBe('long');
  });

  it('suggests close titles for a name it does not know', () => {
    expect(index.suggest('Apache Kafak')).toEqual(['Apache Kafka']);
    expect(index.suggest('Cloudflare Worker')).toContain('Cloudflare Workers');
    expect(index.suggest('Cassandra')).toEqual([]);
  });
});

describe('technologyEntityNames', () => {
  it('reads slug, namespace, title and the string aliases of an entity', () => {
    expect(
      technologyEntityNames({
        apiVersion: 'techstack.dev/v1alpha1',
        kind: 'Technology',
        metadata: { name: 'apache-kafka', title: 'Apache Kafka' },
        spec: { aliases: ['Kafka', 3, null] },
      }),
    ).toEqual({
      name: 'apache-kafka',
      title: 'Apache Kafka',
      aliases: ['Kafka'],
    });
  });
});

describe('parseTechnologyRef', () => {
  it('reads technology refs with defaults, and nothing else', () => {
    expect(parseTechnologyRef('redis')).toEqual({
      kind: 'Technology',
      namespace: 'default',
      name: 'redis',
    });
    expect(parseTechnologyRef('TECHNOLOGY:data/redis')).toEqual({
      kind: 'Technology',
      namespace: 'data',
      name: 'redis',
    });
    expect(parseTechnologyRef('group:default/redis')).toBeUndefined();
    expect(parseTechnologyRef('technology:default/')).toBeUndefined();
    expect(parseTechnologyRef('')).toBeUndefined();
    expect(
      parseTechnologyRef(`technology:default/${'x'.repeat(200)}`),
    ).toBeUndefined();
  });
});
