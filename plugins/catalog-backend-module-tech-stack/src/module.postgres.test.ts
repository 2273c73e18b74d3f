import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { catalogModuleTechStack } from './module';
import { readRingHistory } from './provider/ringHistory';

jest.setTimeout(120_000);

const SEED_GUIDE = path.resolve(
  __dirname,
  '../../../examples/technology-stack-guide.md',
);

/*
 * The example portal's production config runs the catalog on PostgreSQL.
 * scripts/test.sh starts a throwaway server and sets TS_TEST_POSTGRES_ID (e.g.
 * POSTGRES_15) plus the connection string TestDatabases reads; without it this
 * suite is skipped (and says so).
 */
const postgresId = process.env.TS_TEST_POSTGRES_ID as
  | TestDatabaseId
  | undefined;
const describePostgres = postgresId ? describe : describe.skip;
if (!postgresId) {
  // eslint-disable-next-line no-console
  console.warn('TS_TEST_POSTGRES_ID is not set: skipping the PostgreSQL suite');
}

describePostgres('catalog module tech-stack on PostgreSQL', () => {
  const databases = TestDatabases.create({
    ids: postgresId ? [postgresId] : [],
    disableDocker: true,
  });
  const dir = createMockDirectory();

  async function start(knex: unknown): Promise<TestBackend> {
    return startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleTechStack,
        mockServices.database.factory({ knex: knex as any }),
        mockServices.rootConfig.factory({
          data: {
            catalog: { processingInterval: { seconds: 1 } },
            techStack: {
              guides: [
                {
                  id: 'main',
                  target: dir.resolve('guide.md'),
                  schedule: {
                    frequency: { minutes: 30 },
                    timeout: { minutes: 1 },
                  },
                },
              ],
            },
          },
        }),
      ],
    });
  }

  async function technologies(backend: TestBackend): Promise<Entity[]> {
    const res = await fetch(
      `http://localhost:${backend.server.port()}/api/catalog/entities/by-query?filter=kind=technology&limit=1000`,
      { headers: { Authorization: mockCredentials.user.header() } },
    );
    if (!res.ok) throw new Error(`catalog answered ${res.status}`);
    return ((await res.json()) as { items: Entity[] }).items;
  }

  async function waitForTechnologies(
    backend: TestBackend,
    predicate: (items: Entity[]) => boolean,
  ): Promise<Entity[]> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const items = await technologies(backend).catch(() => []);
      if (predicate(items)) return items;
      if (Date.now() > deadline) {
        throw new Error(
          `timed out; catalog holds ${items.length} technologies`,
        );
      }
      await new Promise(r => setTimeout(r, 500));
    }
  }

  it('keeps the guide across a restart with a broken guide, and the ring history with it', async () => {
    const knex = await databases.init(postgresId!);
    const seed = await fs.readFile(SEED_GUIDE, 'utf8');
    dir.setContent({ 'guide.md': seed });

    // First portal run: the seed guide lands in PostgreSQL.
    let backend = await start(knex);
    const first = await waitForTechnologies(
      backend,
      items => items.length > 50,
    );
    const names = first.map(e => e.metadata.name).sort();
    expect(names).toEqual(
      expect.arrayContaining(['postgresql', 'apache-kafka', 'redis']),
    );
    await backend.stop();

    // Second run: PostgreSQL now only an alternative.
    dir.setContent({
      'guide.md': seed.replace(
        '| **Relational** | PostgreSQL | CockroachDB, TiDB |',
        '| **Relational** | CockroachDB | PostgreSQL, TiDB |',
      ),
    });
    backend = await start(knex);
    const second = await waitForTechnologies(
      backend,
      items =>
        items.find(e => e.metadata.name === 'postgresql')?.spec?.ring ===
        'trial',
    );
    const postgres = second.find(e => e.metadata.name === 'postgresql')!;
    expect(readRingHistory(postgres)).toEqual([
      expect.objectContaining({ from: 'adopt', to: 'trial' }),
    ]);
    await backend.stop();

    // Third run: the guide is gone. Nothing is lost, history included.
    dir.setContent({});
    backend = await start(knex);
    await new Promise(r => setTimeout(r, 5_000));
    const third = await technologies(backend);
    expect(third.map(e => e.metadata.name).sort()).toEqual(
      second.map(e => e.metadata.name).sort(),
    );
    expect(
      readRingHistory(third.find(e => e.metadata.name === 'postgresql')!),
    ).toHaveLength(1);
    await backend.stop();
  });

  it('runs as two replicas on one database: a ring change recorded once, force reaching the replica that runs', async () => {
    const knex = await databases.init(postgresId!);
    const seed = await fs.readFile(SEED_GUIDE, 'utf8');
    dir.setContent({ 'guide.md': seed });
    const replicaA = await start(knex);
    const replicaB = await start(knex);
    try {
      const refresh = async (backend: TestBackend, query: string) => {
        const res = await fetch(
          `http://localhost:${backend.server.port()}/api/catalog/tech-stack/refresh${query}`,
          {
            method: 'POST',
            headers: { Authorization: mockCredentials.user.header() },
          },
        );
        return { status: res.status, body: (await res.json()) as any };
      };

      await waitForTechnologies(replicaA, items => items.length > 50);
      const seeded = await refresh(replicaB, '?guide=main');
      expect(seeded.status).toBe(200);
      const count: number = seeded.body.guides[0].technologies;
      await waitForTechnologies(replicaA, items => items.length === count);

      dir.setContent({
        'guide.md': seed.replace(
          '| **Relational** | PostgreSQL | CockroachDB, TiDB |',
          '| **Relational** | CockroachDB | PostgreSQL, TiDB |',
        ),
      });
      // both replicas asked, one after the other: one lock, one change
      expect((await refresh(replicaA, '?guide=main')).status).toBe(200);
      await waitForTechnologies(
        replicaB,
        items =>
          items.find(e => e.metadata.name === 'postgresql')?.spec?.ring ===
          'trial',
      );
      expect((await refresh(replicaB, '?guide=main')).status).toBe(200);
      const both = await Promise.all([
        refresh(replicaA, '?guide=main'),
        refresh(replicaB, '?guide=main'),
      ]);
      expect(both.map(b => b.status)).toEqual([200, 200]);
      for (const backend of [replicaA, replicaB]) {
        const postgres = (await technologies(backend)).find(
          e => e.metadata.name === 'postgresql',
        )!;
        expect(readRingHistory(postgres)).toEqual([
          expect.objectContaining({ from: 'adopt', to: 'trial' }),
        ]);
      }

      // a big drop is refused on one replica; force=true sent to the other applies it
      const start_ = seed.indexOf('| **Relational**');
      dir.setContent({
        'guide.md': seed.slice(0, start_ + seed.slice(start_).indexOf('\n\n')),
      });
      const refused = await refresh(replicaA, '?guide=main');
      expect(refused.status).toBe(502);
      expect(refused.body.guides[0].error.message).toContain(
        `would drop from ${count} to `,
      );
      const forced = await refresh(replicaB, '?guide=main&force=true');
      expect(forced.status).toBe(200);
      expect(forced.body.guides[0]).toMatchObject({
        forced: true,
        previous: count,
      });
      await waitForTechnologies(
        replicaA,
        items => items.length === forced.body.guides[0].technologies,
      );
    } finally {
      await replicaA.stop();
      await replicaB.stop();
    }
  });
});
