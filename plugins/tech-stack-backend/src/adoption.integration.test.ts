import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleTechStack from '@techstack/plugin-catalog-backend-module-tech-stack';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { techStackPlugin } from './plugin';
import { waitFor } from '@internal/tech-stack-test-utils';

jest.setTimeout(90_000);

const SEED_GUIDE = path.resolve(
  __dirname,
  '../../../examples/technology-stack-guide.md',
);

const ORG = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: engineering, title: Engineering }
spec: { type: department, children: [payments, data] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: payments, title: Payments }
spec: { type: team, parent: engineering, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: data, title: Data }
spec: { type: team, parent: engineering, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: outsiders, title: Outsiders }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: { name: orders-db, tags: [postgresql] }
spec: { type: database, owner: payments }
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: { name: events-kafka, tags: [kafka] }
spec: { type: kafka-cluster, owner: data }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders
  annotations: { techstack.dev/uses: "Redis, Rancher" }
spec: { type: service, lifecycle: production, owner: payments }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: billing, tags: [kafka, java] }
spec: { type: service, lifecycle: production, owner: payments }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: pipeline }
spec:
  type: service
  lifecycle: production
  owner: data
  dependsOn: [resource:orders-db, resource:events-kafka]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: portal
  annotations: { techstack.dev/uses: Redis }
spec: { type: website, lifecycle: production, owner: outsiders }
`;

describe('adoption endpoints (real catalog)', () => {
  const dir = createMockDirectory();
  let backend: TestBackend;

  const api = async (
    pathname: string,
    header = mockCredentials.user.header(),
  ) => {
    const response = await fetch(
      `http://localhost:${backend.server.port()}${pathname}`,
      { headers: { Authorization: header } },
    );
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
    };
  };

  beforeAll(async () => {
    dir.setContent({
      'guide.md': await fs.readFile(SEED_GUIDE, 'utf8'),
      'org.yaml': ORG,
    });
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleTechStack,
        techStackPlugin,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [
                { allow: ['Component', 'Group', 'Resource', 'Location'] },
              ],
              locations: [{ type: 'file', target: dir.resolve('org.yaml') }],
            },
            techStack: {
              radar: { cacheTtlSeconds: 0 },
              guides: [{ id: 'main', target: dir.resolve('guide.md') }],
              overrides: [
                { technology: 'Rancher', ring: 'hold', reason: 'Phased out' },
              ],
            },
          },
        }),
      ],
    });
    // stitched: every component, its owner and dependency relations, the annotation relations
    await waitFor('the catalog to stitch', async () => {
      const { body } = await api(
        '/api/catalog/entities/by-query?filter=kind=component&limit=100',
      );
      const items: any[] = body?.items ?? [];
      const ready =
        items.length === 4 &&
        items.every(e => e.relations?.some((r: any) => r.type === 'ownedBy')) &&
        items
          .find(e => e.metadata.name === 'pipeline')
          ?.relations?.filter((r: any) => r.type === 'dependsOn').length ===
          2 &&
        items
          .find(e => e.metadata.name === 'orders')
          ?.relations?.filter((r: any) => r.type === 'usesTechnology')
          .length === 2;
      const groups = await api(
        '/api/catalog/entities/by-query?filter=kind=group',
      );
      const technologies = await api(
        '/api/catalog/entities/by-query?filter=kind=technology,metadata.name=rancher',
      );
      return ready &&
        groups.body?.items?.length === 4 &&
        technologies.body?.items?.[0]?.spec?.ring === 'hold'
        ? true
        : undefined;
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  const cell = (body: any, team: string, technology: string) =>
    body.teams
      .find((t: any) => t.ref === `group:default/${team}`)
      ?.cells.find(
        (c: any) => c.technologyRef === `technology:default/${technology}`,
      );

  it('counts every usage source: annotation, tag and dependency', async () => {
    const { status, body } = await api(
      '/api/tech-stack/adoption?include=components',
    );
    expect(status).toBe(200);
    expect(cell(body, 'payments', 'redis')).toEqual({
      technologyRef: 'technology:default/redis',
      count: 1,
      components: ['component:default/orders'],
    });
    expect(cell(body, 'payments', 'apache-kafka')).toMatchObject({
      count: 1,
      components: ['component:default/billing'],
    });
    expect(cell(body, 'data', 'postgresql')).toMatchObject({
      count: 1,
      components: ['component:default/pipeline'],
    });
    expect(cell(body, 'data', 'apache-kafka')).toMatchObject({ count: 1 });
    expect(body.totals).toMatchObject({ teams: 3, components: 4, usages: 6 });
    const redis = body.technologies.find((t: any) => t.name === 'redis');
    expect(redis).toMatchObject({
      componentCount: 2,
      teamCount: 2,
      ring: 'adopt',
    });

    const stack = await api(
      '/api/tech-stack/stack?entityRef=component:default/pipeline',
    );
    expect(stack.body.components[0].usages).toEqual([
      {
        technologyRef: 'technology:default/apache-kafka',
        source: 'dependency',
        sources: ['dependency'],
        evidence: ['resource:default/events-kafka'],
      },
      {
        technologyRef: 'technology:default/postgresql',
        source: 'dependency',
        sources: ['dependency'],
        evidence: ['resource:default/orders-db'],
      },
    ]);
    const billing = await api(
      '/api/tech-stack/stack?entityRef=component:default/billing',
    );
    expect(billing.body.components[0].usages).toEqual([
      expect.objectContaining({ source: 'tag', evidence: ['tag:kafka'] }),
    ]);
  });

  it('includes the components of child groups under a parent', async () => {
    const { body } = await api('/api/tech-stack/adoption?team=engineering');
    expect(body.teams.map((t: any) => t.ref).sort()).toEqual([
      'group:default/data',
      'group:default/payments',
    ]);
    expect(body.totals).toMatchObject({ teams: 2, components: 3, usages: 5 });
    const stack = await api(
      '/api/tech-stack/stack?entityRef=group:default/engineering',
    );
    expect(stack.body.totals.components).toBe(3);
    const rancher = stack.body.technologies.find(
      (t: any) => t.name === 'rancher',
    );
    expect(rancher).toMatchObject({ ring: 'hold', ringReason: 'Phased out' });
  });

  it('filters by ring and section, and pages teams', async () => {
    const hold = await api('/api/tech-stack/adoption?ring=hold');
    expect(hold.body.technologies.map((t: any) => t.name)).toEqual(['rancher']);
    expect(hold.body.teams.map((t: any) => t.ref)).toEqual([
      'group:default/payments',
    ]);
    const section = (await api('/api/tech-stack/radar')).body.entries.find(
      (e: any) => e.name === 'postgresql',
    ).sectors[0];
    const bySection = await api(
      `/api/tech-stack/adoption?section=${encodeURIComponent(section)}`,
    );
    expect(bySection.body.technologies.map((t: any) => t.name)).toContain(
      'postgresql',
    );
    expect(bySection.body.technologies.map((t: any) => t.name)).not.toContain(
      'rancher',
    );
    const page = await api(
      '/api/tech-stack/adoption?sort=team&limit=1&offset=1',
    );
    expect(page.body.page).toEqual({ offset: 1, limit: 1, total: 3 });
    expect(page.body.teams.map((t: any) => t.title)).toEqual(['Outsiders']);
  });

  it('reports the hold usage with its reason', async () => {
    const { body } = await api('/api/tech-stack/compliance');
    expect(body.teams).toEqual([
      expect.objectContaining({
        ref: 'group:default/payments',
        hold: 1,
        components: [
          {
            ref: 'component:default/orders',
            findings: [
              expect.objectContaining({
                kind: 'hold',
                name: 'Rancher',
                reason: 'Phased out',
                sources: ['annotation'],
              }),
            ],
          },
        ],
      }),
    ]);
  });

  it('adds team counts to the radar', async () => {
    const { body } = await api('/api/tech-stack/radar');
    expect(body.entries.find((e: any) => e.name === 'redis')).toMatchObject({
      usageCount: 2,
      componentCount: 2,
      teamCount: 2,
    });
    expect(
      body.entries.find((e: any) => e.name === 'postgresql'),
    ).toMatchObject({
      componentCount: 1,
      teamCount: 1,
    });
  });

  it.each([
    ['/api/tech-stack/adoption?ring=sometimes', 'ring', 'adopt'],
    ['/api/tech-stack/adoption?limit=0', 'limit', ''],
    ['/api/tech-stack/adoption?sort=size', 'sort', 'team'],
    ['/api/tech-stack/stack', 'entityRef', ''],
    [
      '/api/tech-stack/stack?entityRef=system:default/x',
      'entityRef',
      'component',
    ],
  ])('rejects %s naming the parameter', async (url, name, allowed) => {
    const { status, body } = await api(url);
    expect(status).toBe(400);
    expect(body.error.name).toBe('InputError');
    expect(body.error.message).toContain(name);
    expect(body.error.message).toContain(allowed);
  });

  it('answers 404 for unknown teams', async () => {
    const { status } = await api('/api/tech-stack/adoption?team=nobody');
    expect(status).toBe(404);
  });

  it('follows the catalog as it changes: a new component counts, a removed one no longer does', async () => {
    const kafkaCount = async () => {
      const { body } = await api('/api/tech-stack/adoption?team=data');
      return cell(body, 'data', 'apache-kafka')?.count ?? 0;
    };
    const before = await kafkaCount();
    dir.setContent({
      'guide.md': await fs.readFile(SEED_GUIDE, 'utf8'),
      'org.yaml': `${ORG}---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: search
  annotations: { techstack.dev/uses: Kafka }
spec: { type: service, lifecycle: production, owner: data }
`,
    });
    await waitFor('the new component in /adoption', async () =>
      (await kafkaCount()) === before + 1 ? true : undefined,
    );
    const stack = await api(
      '/api/tech-stack/stack?entityRef=component:default/search',
    );
    expect(stack.body.components[0].usages).toEqual([
      expect.objectContaining({
        technologyRef: 'technology:default/apache-kafka',
        evidence: ['annotation:Kafka'],
      }),
    ]);

    // out of the file it is an orphan, which the catalog keeps: unregister it
    dir.setContent({
      'guide.md': await fs.readFile(SEED_GUIDE, 'utf8'),
      'org.yaml': ORG,
    });
    const { body: entity } = await api(
      '/api/catalog/entities/by-name/component/default/search',
    );
    const deleted = await fetch(
      `http://localhost:${backend.server.port()}/api/catalog/entities/by-uid/${
        entity.metadata.uid
      }`,
      {
        method: 'DELETE',
        headers: { Authorization: mockCredentials.user.header() },
      },
    );
    expect(deleted.status).toBe(204);
    await waitFor('the removed component gone from /adoption', async () =>
      (await kafkaCount()) === before ? true : undefined,
    );
    const gone = await api(
      '/api/tech-stack/stack?entityRef=component:default/search',
    );
    expect(gone.status).toBe(404);
  });

  it.each([
    '/api/tech-stack/adoption',
    '/api/tech-stack/compliance',
    '/api/tech-stack/stack?entityRef=component:default/orders',
  ])('refuses anonymous calls to %s', async url => {
    const { status } = await api(url, mockCredentials.none.header());
    expect(status).toBe(401);
  });
});
