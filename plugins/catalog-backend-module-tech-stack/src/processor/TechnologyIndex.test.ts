import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TechnologyIndex } from './TechnologyIndex';

const technology = (name: string, title: string, aliases: string[] = []) => ({
  apiVersion: 'techstack.dev/v1alpha1',
  kind: 'Technology',
  metadata: { name, namespace: 'default', title },
  spec: { aliases },
});

describe('TechnologyIndex', () => {
  const auth = mockServices.auth();

  it('resolves names, aliases, slugs and refs from the catalog', async () => {
    const index = new TechnologyIndex({
      auth,
      catalog: catalogServiceMock({
        entities: [
          technology('postgresql', 'PostgreSQL', ['Postgres']),
          technology('redis', 'Redis'),
          technology('apache-kafka', 'Apache Kafka', ['Kafka']),
        ],
      }),
    });
    const { authoritative, results } = await index.resolve([
      'postgres',
      'Redis',
      'apache-kafka',
      'technology:default/redis',
      'KAFKA',
      'Rediss',
      'technology:default/nope',
    ]);
    expect(authoritative).toBe(true);
    expect(results.map(r => r.ref?.name)).toEqual([
      'postgresql',
      'redis',
      'apache-kafka',
      'redis',
      'apache-kafka',
      undefined,
      undefined,
    ]);
    expect(results[5]).toEqual({ name: 'Rediss', suggestions: ['Redis'] });
  });

  it('resolves by slug and reports nothing while the catalog has no technology', async () => {
    const index = new TechnologyIndex({
      auth,
      catalog: catalogServiceMock({ entities: [] }),
    });
    const { authoritative, results } = await index.resolve(['Apache Kafka']);
    expect(authoritative).toBe(false);
    expect(results[0].ref).toEqual({
      kind: 'Technology',
      namespace: 'default',
      name: 'apache-kafka',
    });
  });

  it('knows what local providers emitted before the catalog does', async () => {
    const index = new TechnologyIndex({
      auth,
      catalog: catalogServiceMock({ entities: [technology('redis', 'Redis')] }),
    });
    index.setLocalTechnologies('main', [
      technology('postgresql', 'PostgreSQL', ['Postgres']),
    ]);
    const { results } = await index.resolve(['Postgres', 'Redis']);
    expect(results.map(r => r.ref?.name)).toEqual(['postgresql', 'redis']);
  });
});
