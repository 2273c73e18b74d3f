import { mockCredentials } from '@backstage/backend-test-utils';
import { MAX_USES_NAMES } from '@techstack/plugin-tech-stack-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createTestAdoptionService } from './__testUtils__/testAdoptionService';
import { AdoptionQuery } from './adoption/types';
import {
  component,
  exampleEntities,
  technology,
} from './__testUtils__/fixtures';

const query: AdoptionQuery = {
  limit: 100,
  offset: 0,
  sort: 'total',
  includeComponents: true,
};

async function service(
  sources?: { tags?: boolean; dependencies?: boolean },
  maxAgeMs = 0,
) {
  const catalog = catalogServiceMock({ entities: exampleEntities() });
  const { service: adoption } = await createTestAdoptionService({
    catalog,
    sources,
    maxAgeMs,
  });
  return { catalog, service: adoption };
}

const credentials = mockCredentials.user();

describe('AdoptionService', () => {
  it('finds usages from the annotation, tags and dependencies with evidence', async () => {
    const { service: s } = await service();
    const stack = await s.getStack({
      credentials,
      entityRef: 'component:default/orders',
    });
    expect(stack.components[0].usages).toEqual([
      {
        technologyRef: 'technology:default/postgresql',
        source: 'annotation',
        sources: ['annotation', 'dependency'],
        evidence: ['annotation:Postgres', 'resource:default/orders-db'],
      },
      {
        technologyRef: 'technology:default/redis',
        source: 'annotation',
        sources: ['annotation'],
        evidence: ['annotation:Redis'],
      },
    ]);
    expect(stack.offGuide).toEqual([
      { name: 'MySQL', components: ['component:default/orders'] },
    ]);
    const billing = await s.getStack({
      credentials,
      entityRef: 'component:default/billing',
    });
    // `java` matches nothing and is ignored: tags never make off-guide flags
    expect(billing.components[0].usages).toEqual([
      expect.objectContaining({
        technologyRef: 'technology:default/apache-kafka',
        source: 'tag',
        evidence: ['tag:kafka'],
      }),
    ]);
    expect(billing.offGuide).toEqual([]);
  });

  it('puts every spelling of a name on one technology, and products sharing a word on their own', async () => {
    const spellings = ['ApacheKafka', 'apache kafka', 'Kafka', 'apache-kafka'];
    const catalog = catalogServiceMock({
      entities: [
        ...exampleEntities(),
        technology('kafka-streams', 'Kafka Streams', 'trial'),
        ...spellings.map((uses, i) =>
          component(`spelling-${i}`, 'data', { uses }),
        ),
        component('streams', 'data', { uses: 'Kafka Streams' }),
      ],
    });
    const { service: s } = await createTestAdoptionService({ catalog });
    for (const [i, uses] of spellings.entries()) {
      const stack = await s.getStack({
        credentials,
        entityRef: `component:default/spelling-${i}`,
      });
      expect({ uses, usages: stack.components[0].usages }).toEqual({
        uses,
        usages: [
          {
            technologyRef: 'technology:default/apache-kafka',
            source: 'annotation',
            sources: ['annotation'],
            evidence: [`annotation:${uses}`],
          },
        ],
      });
      expect(stack.offGuide).toEqual([]);
    }
    const streams = await s.getStack({
      credentials,
      entityRef: 'component:default/streams',
    });
    expect(streams.components[0].usages.map(u => u.technologyRef)).toEqual([
      'technology:default/kafka-streams',
    ]);
  });

  it('reads an oversized uses annotation only up to the bound the catalog module reports', async () => {
    // about 5 MB of distinct names that match no technology
    const uses = Array.from({ length: 400_000 }, (_, i) => `tool-${i}`).join(
      ', ',
    );
    const catalog = catalogServiceMock({
      entities: [...exampleEntities(), component('huge', 'data', { uses })],
    });
    const { service: s } = await createTestAdoptionService({ catalog });
    const stack = await s.getStack({
      credentials,
      entityRef: 'component:default/huge',
    });
    expect(stack.offGuide).toHaveLength(MAX_USES_NAMES);
    expect(stack.offGuide[0].name).toBe('tool-0');
  });

  it('can turn tag and dependency sources off', async () => {
    const { service: s } = await service({ tags: false, dependencies: false });
    const adoption = await s.getAdoption({ credentials, query });
    expect(adoption.technologies.map(t => t.name).sort()).toEqual([
      'postgresql',
      'rancher',
      'redis',
    ]);
  });

  it('builds teams × technologies with totals and the owner hierarchy', async () => {
    const { service: s } = await service();
    const all = await s.getAdoption({ credentials, query });
    expect(all.teams.map(t => t.ref)).toEqual([
      'group:default/payments',
      'group:default/data',
      'group:default/engineering',
      'group:default/other',
    ]);
    expect(all.totals).toMatchObject({
      teams: 4,
      components: 5,
      usages: 6,
      offGuide: 1,
    });
    expect(all.teams[0].cells).toEqual(
      expect.arrayContaining([
        {
          technologyRef: 'technology:default/apache-kafka',
          count: 1,
          components: ['component:default/billing'],
        },
      ]),
    );
    expect(all.teams[0].offGuide).toEqual([
      { name: 'MySQL', count: 1, components: ['component:default/orders'] },
    ]);
    const redis = all.technologies.find(t => t.name === 'redis')!;
    expect(redis).toMatchObject({ componentCount: 2, teamCount: 2 });

    const department = await s.getAdoption({
      credentials,
      query: { ...query, team: 'engineering' },
    });
    expect(department.teams.map(t => t.ref).sort()).toEqual([
      'group:default/data',
      'group:default/engineering',
      'group:default/payments',
    ]);
    const team = await s.getStack({
      credentials,
      entityRef: 'group:default/engineering',
    });
    expect(team.totals.components).toBe(4);
    expect(team.totals.adoptShare).toBeCloseTo(3 / 6);
  });

  it('filters by section and ring, and pages teams', async () => {
    const { service: s } = await service();
    const streaming = await s.getAdoption({
      credentials,
      query: { ...query, section: 'Streaming' },
    });
    expect(streaming.technologies.map(t => t.name)).toEqual(['apache-kafka']);
    expect(streaming.totals.offGuide).toBe(0);
    const hold = await s.getAdoption({
      credentials,
      query: { ...query, ring: 'hold' },
    });
    expect(hold.teams.map(t => t.ref)).toEqual(['group:default/engineering']);
    const page = await s.getAdoption({
      credentials,
      query: { ...query, sort: 'team', limit: 2, offset: 1 },
    });
    expect(page.page).toEqual({ offset: 1, limit: 2, total: 4 });
    expect(page.teams.map(t => t.title)).toEqual([
      'Team engineering',
      'Team other',
    ]);
  });

  it('reports hold and off-guide usages with reasons', async () => {
    const { service: s } = await service();
    const report = await s.getCompliance({ credentials });
    expect(report.totals).toEqual({
      teams: 2,
      components: 2,
      hold: 1,
      offGuide: 1,
    });
    expect(report.teams[0]).toMatchObject({
      ref: 'group:default/engineering',
      components: [
        {
          ref: 'component:default/clusters',
          findings: [
            {
              kind: 'hold',
              name: 'Rancher',
              reason: 'Being phased out',
              evidence: ['annotation:technology:default/rancher'],
            },
          ],
        },
      ],
    });
    expect(report.teams[1].components[0].findings[0]).toMatchObject({
      kind: 'off-guide',
      name: 'MySQL',
    });
  });

  it('rejects unknown teams and unsupported kinds', async () => {
    const { service: s } = await service();
    await expect(
      s.getAdoption({ credentials, query: { ...query, team: 'nobody' } }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(
      s.getStack({ credentials, entityRef: 'system:default/x' }),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(
      s.getStack({ credentials, entityRef: 'component:default/none' }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('reads the catalog once for every caller allowed to read all of it, within the maximum age', async () => {
    const { catalog, service: s } = await service(undefined, 60_000);
    const spy = jest.spyOn(catalog, 'streamEntities');
    await s.getAdoption({ credentials, query });
    await s.getAdoption({ credentials, query });
    await s.getAdoption({
      credentials: mockCredentials.user('user:default/other'),
      query,
    });
    // one listing of the catalog, by the usage index
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('builds an answer once per snapshot and question, shared by callers who see the same', async () => {
    const { service: s } = await service(undefined, 60_000);
    const first = await s.getAdoption({ credentials, query });
    expect(await s.getAdoption({ credentials, query })).toBe(first);
    expect(
      await s.getAdoption({ credentials, query: { ...query, limit: 1 } }),
    ).not.toBe(first);
    const other = await s.getAdoption({
      credentials: mockCredentials.user('user:default/other'),
      query,
    });
    expect(other).toBe(first);
  });
});
