import {
  coreServices,
  createBackendPlugin,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
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
import { oboActorMockHttpAuthFactory } from './__testUtils__/oboActorMockHttpAuth';
import { techStackPlugin } from './plugin';
import { hideEntitiesPolicyModule } from './__testUtils__/hideEntitiesPolicy';
import { SNAPSHOT_TASK_ID } from './service/history/AdoptionHistory';
import { waitFor } from '@internal/tech-stack-test-utils';

jest.setTimeout(120_000);

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
kind: Component
metadata:
  name: orders
  annotations: { techstack.dev/uses: "Redis, Rancher, Frobnicator" }
spec: { type: service, lifecycle: production, owner: payments }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: sessions
  annotations: { techstack.dev/uses: "Redis" }
spec: { type: service, lifecycle: production, owner: payments }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: pipeline
  annotations: { techstack.dev/uses: "Redis, Rancher" }
spec: { type: service, lifecycle: production, owner: data }
`;

/** The scheduler the plugins share (the mock scheduler is one instance). */
let scheduler: SchedulerService | undefined;
const schedulerProbe = createBackendPlugin({
  pluginId: 'scheduler-probe',
  register(env) {
    env.registerInit({
      deps: { scheduler: coreServices.scheduler },
      async init(deps) {
        scheduler = deps.scheduler;
      },
    });
  },
});

describe('adoption history (real catalog)', () => {
  const dir = createMockDirectory();
  let backend: TestBackend;

  const api = async (pathname: string) => {
    const response = await fetch(
      `http://localhost:${backend.server.port()}${pathname}`,
      { headers: { Authorization: mockCredentials.user.header() } },
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
        schedulerProbe,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [{ allow: ['Component', 'Group', 'Location'] }],
              locations: [{ type: 'file', target: dir.resolve('org.yaml') }],
            },
            techStack: {
              adoption: { cacheTtlSeconds: 0 },
              guides: [{ id: 'main', target: dir.resolve('guide.md') }],
              overrides: [
                { technology: 'Rancher', ring: 'hold', reason: 'Phased out' },
              ],
            },
          },
        }),
      ],
    });
    await waitFor('the catalog to stitch', async () => {
      const { body } = await api(
        '/api/catalog/entities/by-query?filter=kind=component&limit=100',
      );
      const items: any[] = body?.items ?? [];
      const technologies = await api(
        '/api/catalog/entities/by-query?filter=kind=technology,metadata.name=rancher',
      );
      return items.length === 3 &&
        items.every(e => e.relations?.some((r: any) => r.type === 'ownedBy')) &&
        technologies.body?.items?.[0]?.spec?.ring === 'hold'
        ? true
        : undefined;
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('has no points before the first snapshot', async () => {
    const { status, body } = await api(
      '/api/tech-stack/adoption/history?technology=redis',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      kind: 'technology',
      technology: { ref: 'technology:default/redis', title: 'Redis' },
      points: [],
    });
  });

  it('answers the counts of a snapshot for a technology and a team', async () => {
    // twice: the second run of the day replaces the first
    await scheduler!.triggerTask(SNAPSHOT_TASK_ID);
    await scheduler!.triggerTask(SNAPSHOT_TASK_ID);
    const today = new Date().toISOString().slice(0, 10);

    const redis = await api(
      '/api/tech-stack/adoption/history?technology=Redis',
    );
    expect(redis.status).toBe(200);
    expect(redis.body.points).toEqual([
      { day: today, components: 3, teams: 2 },
    ]);
    expect(redis.body.to).toBe(today);

    const withinPayments = await api(
      '/api/tech-stack/adoption/history?technology=technology:default/redis&team=payments',
    );
    expect(withinPayments.body).toMatchObject({
      team: { ref: 'group:default/payments', title: 'Payments' },
      points: [{ day: today, components: 2, teams: 1 }],
    });

    const payments = await api(
      '/api/tech-stack/adoption/history?team=payments',
    );
    expect(payments.status).toBe(200);
    expect(payments.body).toMatchObject({
      kind: 'team',
      team: { ref: 'group:default/payments' },
      points: [{ day: today, hold: 1, offGuide: 1 }],
    });

    // a parent group counts the groups below it
    const engineering = await api(
      `/api/tech-stack/adoption/history?team=engineering&from=${today}&to=${today}`,
    );
    expect(engineering.body.points).toEqual([
      { day: today, hold: 2, offGuide: 1 },
    ]);
  });

  it('answers 404 for unknown technologies (with suggestions) and teams', async () => {
    const technology = await api(
      '/api/tech-stack/adoption/history?technology=Rediss',
    );
    expect(technology.status).toBe(404);
    expect(technology.body.error.message).toContain('Redis');
    const team = await api('/api/tech-stack/adoption/history?team=nobody');
    expect(team.status).toBe(404);
  });

  it.each([
    ['technology=redis&from=2026-13-01', 'from'],
    ['technology=redis&to=yesterday', 'to'],
    ['technology=redis&from=2025-02-02&to=2025-02-01', 'from'],
    ['technology=redis&from=2020-01-01&to=2025-01-01', 'from'],
    ['', 'technology'],
  ])('answers 400 naming the parameter for %s', async (query, name) => {
    const { status, body } = await api(
      `/api/tech-stack/adoption/history?${query}`,
    );
    expect(status).toBe(400);
    expect(body.error.message).toContain(`'${name}'`);
  });
});

const ADMIN = 'user:default/admin';

/**
 * Every user but `admin` may read every catalog entity except the technology
 * `rancher` and the group `engineering` (which owns no component: a team is
 * also known as the owner of a component one can see).
 */
const hideRancherAndEngineeringPolicy = hideEntitiesPolicyModule({
  hidden: [
    { kind: 'Technology', name: 'rancher' },
    { kind: 'Group', name: 'engineering' },
  ],
  users: { except: ADMIN },
});

describe('adoption history under a catalog permission policy', () => {
  const dir = createMockDirectory();
  let backend: TestBackend;

  const api = async (pathname: string, user: string) => {
    const response = await fetch(
      `http://localhost:${backend.server.port()}${pathname}`,
      { headers: { Authorization: mockCredentials.user.header(user) } },
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
        permissionPlugin,
        oboActorMockHttpAuthFactory,
        hideRancherAndEngineeringPolicy,
        schedulerProbe,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [{ allow: ['Component', 'Group', 'Location'] }],
              locations: [{ type: 'file', target: dir.resolve('org.yaml') }],
            },
            techStack: {
              adoption: { cacheTtlSeconds: 0 },
              guides: [{ id: 'main', target: dir.resolve('guide.md') }],
              overrides: [
                { technology: 'Rancher', ring: 'hold', reason: 'Phased out' },
              ],
            },
          },
        }),
      ],
    });
    await waitFor('the catalog to stitch', async () => {
      const { body } = await api(
        '/api/catalog/entities/by-query?filter=kind=component&limit=100',
        ADMIN,
      );
      const items: any[] = body?.items ?? [];
      const technologies = await api(
        '/api/catalog/entities/by-query?filter=kind=technology,metadata.name=rancher',
        ADMIN,
      );
      return items.length === 3 &&
        items.every(e => e.relations?.some((r: any) => r.type === 'ownedBy')) &&
        technologies.body?.items?.[0]?.spec?.ring === 'hold'
        ? true
        : undefined;
    });
    await scheduler!.triggerTask(SNAPSHOT_TASK_ID);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('answers a technology or team the caller cannot see with 404', async () => {
    const user = 'user:default/alice';
    expect(
      (await api('/api/tech-stack/adoption/history?technology=rancher', ADMIN))
        .body.points,
    ).toEqual([expect.objectContaining({ components: 2, teams: 2 })]);
    expect(
      (await api('/api/tech-stack/adoption/history?technology=rancher', user))
        .status,
    ).toBe(404);
    expect(
      (await api('/api/tech-stack/adoption/history?team=engineering', user))
        .status,
    ).toBe(404);
    expect(
      (await api('/api/tech-stack/adoption/history?team=engineering', ADMIN))
        .body.points,
    ).toEqual([expect.objectContaining({ hold: 2, offGuide: 1 })]);
    // what the caller can see: counts over the whole catalog (the snapshot's)
    expect(
      (await api('/api/tech-stack/adoption/history?technology=redis', user))
        .body.points,
    ).toEqual([expect.objectContaining({ components: 3, teams: 2 })]);
  });
});
