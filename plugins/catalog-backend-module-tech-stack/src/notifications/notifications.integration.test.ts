import catalogPlugin from '@backstage/plugin-catalog-backend';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { catalogModuleTechStack } from '../module';
import { waitFor } from '@internal/tech-stack-test-utils';

jest.setTimeout(180_000);

/*
 * The real catalog, this module and the real notifications backend, with
 * each plugin's database kept across restarts: SQLite files always, and
 * PostgreSQL (two replicas on one database) when scripts/postgres.sh has
 * started a server (TS_POSTGRES_HOST, TS_POSTGRES_PORT, TS_POSTGRES_USER).
 */

const GUIDE = `# Test Guide

## Core Infrastructure

| Layer | Recommended | Alternatives |
|-------|-------------|--------------|
| **Kubernetes** | EKS, GKE | k3s, Rancher |
| **Cloud** | AWS | Cloudflare |

## Data Layer

| Type | Primary | Alternatives |
|------|---------|--------------|
| **Key-Value** | Redis | Valkey |
`;

const GUIDE_WITHOUT_RANCHER = GUIDE.replace('k3s, Rancher', 'k3s');

const HOLD_RANCHER = `- technology: Rancher
  ring: hold
  reason: New clusters run on the managed Kubernetes services
`;

const group = (name: string) => `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: ${name} }
spec: { type: team, children: [] }
`;
const user = (name: string, team: string) => `apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: ${name} }
spec: { memberOf: [${team}] }
`;
const component = (
  name: string,
  owner: string,
  uses: string,
) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations: { techstack.dev/uses: "${uses}" }
spec: { type: service, lifecycle: production, owner: ${owner} }
`;

const ORG = [
  group('payments'),
  group('data'),
  group('platform'),
  user('grace', 'payments'),
  user('edsger', 'data'),
  user('ada', 'platform'),
  component('edge-clusters', 'payments', 'Rancher, k3s'),
  component('billing', 'payments', 'rancher'),
  component('fleet', 'data', 'Rancher'),
  component('website', 'platform', 'EKS'),
].join('---\n');

async function api(
  backend: TestBackend,
  pathname: string,
  options: { method?: string; user?: string } = {},
): Promise<{ status: number; body: any }> {
  const response = await fetch(
    `http://localhost:${backend.server.port()}${pathname}`,
    {
      method: options.method ?? 'GET',
      headers: {
        Authorization: mockCredentials.user.header(
          options.user ?? 'user:default/ada',
        ),
      },
    },
  );
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** The tech-stack notifications a user sees, oldest first. */
async function notificationsOf(backend: TestBackend, name: string) {
  const { status, body } = await api(
    backend,
    '/api/notifications?topic=tech-stack&orderField=created,asc',
    { user: `user:default/${name}` },
  );
  expect(status).toBe(200);
  return body.notifications as Array<{
    id: string;
    origin: string;
    payload: {
      title: string;
      description: string;
      link: string;
      severity: string;
      topic: string;
      metadata: JsonObject;
    };
  }>;
}

async function refresh(backend: TestBackend) {
  const { status, body } = await api(
    backend,
    '/api/catalog/tech-stack/refresh?guide=main',
    { method: 'POST' },
  );
  expect({ status, guide: body?.guides?.[0]?.status }).toEqual({
    status: 200,
    guide: 'applied',
  });
}

/** Waits until the org, the guide and the usage relations are stitched. */
async function waitForPortal(backend: TestBackend, rancherRing: string) {
  await waitFor('the catalog to stitch the org, guide and usage', async () => {
    const rancher = await api(
      backend,
      '/api/catalog/entities/by-name/technology/default/rancher',
    );
    const users = await api(
      backend,
      '/api/catalog/entities/by-query?filter=relations.usestechnology=technology:default/rancher',
    );
    const groups = await api(
      backend,
      '/api/catalog/entities/by-query?filter=kind=group',
    );
    const members = (groups.body?.items ?? []).filter((g: any) =>
      g.relations?.some((r: any) => r.type === 'hasMember'),
    );
    const state = {
      rancher: rancher.body?.spec?.ring ?? rancher.status,
      users: users.body?.items?.length,
      groupsWithMembers: members.length,
    };
    if (
      state.rancher === rancherRing &&
      state.users === 3 &&
      state.groupsWithMembers === 3
    ) {
      return true;
    }
    throw new Error(`catalog holds ${JSON.stringify(state)}`);
  });
}

function portalConfig(
  dir: ReturnType<typeof createMockDirectory>,
  database: JsonObject,
  notifications?: JsonObject,
) {
  return mockServices.rootConfig.factory({
    data: {
      app: { baseUrl: 'http://localhost:3000' },
      backend: { database },
      catalog: {
        processingInterval: { seconds: 1 },
        rules: [{ allow: ['Component', 'Group', 'User', 'Location'] }],
        locations: [{ type: 'file', target: dir.resolve('org.yaml') }],
      },
      techStack: {
        guides: [
          {
            id: 'main',
            target: dir.resolve('guide.md'),
            schedule: { frequency: { minutes: 30 }, timeout: { minutes: 1 } },
          },
        ],
        overrides: { target: dir.resolve('overrides.yaml') },
        ...(notifications ? { notifications } : {}),
      },
    },
  });
}

function startPortal(
  dir: ReturnType<typeof createMockDirectory>,
  database: JsonObject,
  notifications?: JsonObject,
) {
  return startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleTechStack,
      notificationsPlugin,
      portalConfig(dir, database, notifications),
      // a scheduler of its own: the default one is shared by every test
      // backend of this file, so two replicas would run one task between them
      mockServices.scheduler.factory(),
    ],
  });
}

function expectHoldNotification(
  notification: Awaited<ReturnType<typeof notificationsOf>>[number],
  components: string,
) {
  expect(notification.origin).toBe('plugin:catalog');
  expect(notification.payload).toMatchObject({
    title: 'Rancher is now on hold',
    link: '/catalog/default/technology/rancher',
    topic: 'tech-stack',
  });
  expect(notification.payload.description.split('\n')).toEqual([
    "Rancher moved from trial to hold in the tech stack guide 'main'.",
    'Reason: New clusters run on the managed Kubernetes services.',
    'Adopt instead: EKS, GKE.',
    components,
  ]);
}

describe('notifications about technologies on hold or removed (real catalog and notifications backend, SQLite files)', () => {
  const dir = createMockDirectory();
  let backend: TestBackend | undefined;

  afterAll(async () => {
    await backend?.stop();
  });

  it('tells each owning team once: on hold, not again on later runs or a restart, then removed', async () => {
    dir.setContent({
      'guide.md': GUIDE,
      'org.yaml': ORG,
      'overrides.yaml': '[]\n',
      db: {},
    });
    const database = {
      client: 'better-sqlite3',
      connection: { directory: dir.resolve('db') },
    };

    // run 1: the guide, Rancher at trial, used by payments (2) and data (1)
    backend = await startPortal(dir, database, { severity: 'high' });
    await waitForPortal(backend, 'trial');
    await refresh(backend);
    for (const name of ['grace', 'edsger', 'ada']) {
      expect(await notificationsOf(backend, name)).toEqual([]);
    }

    // run 2: an override moves Rancher to hold
    dir.addContent({ 'overrides.yaml': HOLD_RANCHER });
    await refresh(backend);
    const [grace, ...graceMore] = await notificationsOf(backend, 'grace');
    expect(graceMore).toEqual([]);
    expectHoldNotification(
      grace,
      'Components of payments using Rancher (2): billing, edge-clusters.',
    );
    expect(grace.payload.severity).toBe('high');
    expect(grace.payload.metadata).toMatchObject({
      technology: 'technology:default/rancher',
      transition: 'hold',
      previousRing: 'trial',
      alternatives: ['technology:default/eks', 'technology:default/gke'],
      owner: 'group:default/payments',
      entities: [
        'component:default/billing',
        'component:default/edge-clusters',
      ],
      entityCount: 2,
    });
    const [edsger, ...edsgerMore] = await notificationsOf(backend, 'edsger');
    expect(edsgerMore).toEqual([]);
    expectHoldNotification(
      edsger,
      'Components of data using Rancher (1): fleet.',
    );
    // platform uses EKS only
    expect(await notificationsOf(backend, 'ada')).toEqual([]);

    // run 3, unchanged: at once (the catalog may still show trial) and once it shows hold
    await refresh(backend);
    await waitForPortal(backend, 'hold');
    await refresh(backend);
    expect(await notificationsOf(backend, 'grace')).toHaveLength(1);
    expect(await notificationsOf(backend, 'edsger')).toHaveLength(1);

    // a restart on the same databases: nothing again
    await backend.stop();
    backend = await startPortal(dir, database, { severity: 'high' });
    await waitForPortal(backend, 'hold');
    await refresh(backend);
    expect(await notificationsOf(backend, 'grace')).toHaveLength(1);
    expect(await notificationsOf(backend, 'edsger')).toHaveLength(1);

    // Rancher leaves the guide: one more notification per team
    dir.addContent({ 'guide.md': GUIDE_WITHOUT_RANCHER });
    await refresh(backend);
    const graceAll = await notificationsOf(backend, 'grace');
    expect(graceAll.map(n => n.payload.title)).toEqual([
      'Rancher is now on hold',
      'Rancher was removed from the tech stack guide',
    ]);
    expect(graceAll[1].payload.description.split('\n')).toEqual([
      "Rancher was removed from the tech stack guide 'main' (it was at hold).",
      'Adopt instead: EKS, GKE.',
      'Components of payments using Rancher (2): billing, edge-clusters.',
    ]);
    expect(graceAll[1].payload.metadata).toMatchObject({
      transition: 'removed',
      reason: 'removed from the guide',
    });
    expect(
      (await notificationsOf(backend, 'edsger')).map(n => n.payload.title),
    ).toEqual([
      'Rancher is now on hold',
      'Rancher was removed from the tech stack guide',
    ]);
    expect(await notificationsOf(backend, 'ada')).toEqual([]);
    await backend.stop();
    backend = undefined;
  });

  it('sends nothing when turned off', async () => {
    const off = createMockDirectory();
    off.setContent({
      'guide.md': GUIDE,
      'org.yaml': ORG,
      'overrides.yaml': '[]\n',
    });
    const quiet = await startPortal(
      off,
      { client: 'better-sqlite3', connection: ':memory:' },
      { enabled: false },
    );
    try {
      await waitForPortal(quiet, 'trial');
      await refresh(quiet);
      off.addContent({ 'overrides.yaml': HOLD_RANCHER });
      await refresh(quiet);
      await waitForPortal(quiet, 'hold');
      expect(await notificationsOf(quiet, 'grace')).toEqual([]);
    } finally {
      await quiet.stop();
    }
  });
});

const postgres = process.env.TS_POSTGRES_HOST
  ? {
      host: process.env.TS_POSTGRES_HOST,
      port: Number(process.env.TS_POSTGRES_PORT ?? 5432),
      user: process.env.TS_POSTGRES_USER ?? 'postgres',
      ...(process.env.TS_POSTGRES_PASSWORD
        ? { password: process.env.TS_POSTGRES_PASSWORD }
        : {}),
    }
  : undefined;
if (!postgres) {
  // eslint-disable-next-line no-console
  console.warn(
    'TS_POSTGRES_HOST is not set: skipping the two-replica notifications test on PostgreSQL',
  );
}
const describePostgres = postgres ? describe : describe.skip;

describePostgres(
  'notifications from two replicas on one PostgreSQL database',
  () => {
    const dir = createMockDirectory();
    const prefix = `tsnotify_${Date.now().toString(36)}_`;
    const replicas: TestBackend[] = [];
    // to drop the plugins' databases of this run (scripts/postgres.sh sets both)
    const postgresId = process.env.TS_TEST_POSTGRES_ID as
      | TestDatabaseId
      | undefined;
    const databases = TestDatabases.create({
      ids: postgresId ? [postgresId] : [],
      disableDocker: true,
    });

    afterAll(async () => {
      await Promise.all(replicas.map(r => r.stop()));
      if (postgresId) {
        const knex = await databases.init(postgresId);
        const { rows } = await knex.raw(
          'select datname from pg_database where datname like ?',
          [`${prefix}%`],
        );
        for (const { datname } of rows) {
          await knex.raw('drop database if exists ?? with (force)', [datname]);
        }
      }
    });

    it('tells each owning team once when both replicas run the guide at the same time', async () => {
      dir.setContent({
        'guide.md': GUIDE,
        'org.yaml': ORG,
        'overrides.yaml': '[]\n',
      });
      const database = { client: 'pg', connection: postgres!, prefix };
      replicas.push(await startPortal(dir, database));
      replicas.push(await startPortal(dir, database));
      const [a, b] = replicas;
      await waitForPortal(a, 'trial');
      await Promise.all([refresh(a), refresh(b)]);

      // both replicas run the moved guide at once, from the same catalog state
      dir.addContent({ 'overrides.yaml': HOLD_RANCHER });
      await Promise.all([refresh(a), refresh(b)]);
      await Promise.all([refresh(b), refresh(a)]);
      for (const backend of [a, b]) {
        const [grace, ...more] = await notificationsOf(backend, 'grace');
        expect(more).toEqual([]);
        expectHoldNotification(
          grace,
          'Components of payments using Rancher (2): billing, edge-clusters.',
        );
        expect(await notificationsOf(backend, 'edsger')).toHaveLength(1);
      }

      // and both see Rancher leave the guide
      await waitForPortal(a, 'hold');
      dir.addContent({ 'guide.md': GUIDE_WITHOUT_RANCHER });
      await Promise.all([refresh(a), refresh(b)]);
      for (const name of ['grace', 'edsger']) {
        expect(
          (await notificationsOf(b, name)).map(n => n.payload.title),
        ).toEqual([
          'Rancher is now on hold',
          'Rancher was removed from the tech stack guide',
        ]);
      }
    });
  },
);
