import { AliasTable } from './aliases';
import { GuideCollector } from './collector';

const base = {
  section: 'Data',
  sectionLine: 1,
  layer: 'Streams',
  ring: 'trial' as const,
};

describe('GuideCollector', () => {
  it('merges aliases into one technology, keeping the first spelling as title', () => {
    const collector = new GuideCollector(new AliasTable());
    collector.add({ ...base, name: 'Kafka', line: 3 });
    collector.add({
      ...base,
      name: 'Apache Kafka',
      layer: 'Broker',
      ring: 'adopt',
      line: 5,
    });
    collector.add({ ...base, name: 'Kafka', line: 7 });
    const { technologies, sections } = collector.build();
    expect(technologies).toHaveLength(1);
    expect(technologies[0]).toMatchObject({
      slug: 'apache-kafka',
      title: 'Kafka',
      aliases: ['Apache Kafka'],
      ring: 'adopt',
      line: 3,
    });
    expect(
      technologies[0].placements.map(p => [p.layer, p.ring, p.line]),
    ).toEqual([
      ['Streams', 'trial', 3],
      ['Broker', 'adopt', 5],
    ]);
    expect(sections[0].layers.map(l => [l.title, l.entries])).toEqual([
      ['Streams', [{ slug: 'apache-kafka', ring: 'trial' }]],
      ['Broker', [{ slug: 'apache-kafka', ring: 'adopt' }]],
    ]);
  });

  it('deduplicates links and sorts warnings by line', () => {
    const collector = new GuideCollector(new AliasTable());
    const link = { url: 'https://redis.io', title: 'Redis' };
    collector.add({ ...base, name: 'Redis', line: 2, link });
    collector.add({ ...base, name: 'redis', line: 4, link });
    collector.warn(9, 'later');
    collector.warn(1, 'earlier');
    const built = collector.build();
    expect(built.technologies[0].links).toEqual([link]);
    expect(built.technologies[0].aliases).toEqual([]);
    expect(built.warnings.map(w => w.line)).toEqual([1, 9]);
  });

  it('gives colliding slugs deterministic suffixes', () => {
    const collector = new GuideCollector(new AliasTable());
    collector.add({ ...base, name: 'Node JS', line: 1 });
    collector.add({ ...base, name: 'Node-JS!', line: 2 });
    collector.add({ ...base, name: 'node.js', line: 3 });
    const slugs = collector.build().technologies.map(t => t.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });
});
