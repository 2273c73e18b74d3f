import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AdoptionHistoryStore } from './AdoptionHistoryStore';
import { openPluginDatabase } from './migrations';
import { testDatabaseIds } from '@internal/tech-stack-test-utils';

jest.setTimeout(60_000);

const ids = testDatabaseIds('the adoption history');
const databases = TestDatabases.create({ ids, disableDocker: true });

const REDIS = 'technology:default/redis';
const KAFKA = 'technology:default/apache-kafka';
const PAYMENTS = 'group:default/payments';
const DATA = 'group:default/data';

async function open(id: TestDatabaseId) {
  const knex = await databases.init(id);
  const database = mockServices.database({ knex });
  // twice: the second run finds nothing to migrate
  await openPluginDatabase(database);
  return new AdoptionHistoryStore(await openPluginDatabase(database));
}

describe.each(databases.eachSupportedId())('AdoptionHistoryStore on %s', id => {
  it('reads a technology per snapshot day, zero on days without its rows', async () => {
    const store = await open(id);
    await store.writeDay({
      day: '2026-01-01',
      takenAt: new Date('2026-01-01T03:00:00Z'),
      adoption: [
        { technologyRef: REDIS, teamRef: PAYMENTS, components: 2 },
        { technologyRef: REDIS, teamRef: DATA, components: 1 },
        { technologyRef: REDIS, teamRef: '', components: 4 },
        { technologyRef: KAFKA, teamRef: DATA, components: 3 },
      ],
      compliance: [{ teamRef: PAYMENTS, hold: 1, offGuide: 2 }],
    });
    await store.writeDay({
      day: '2026-01-02',
      takenAt: new Date('2026-01-02T03:00:00Z'),
      adoption: [{ technologyRef: KAFKA, teamRef: DATA, components: 3 }],
      compliance: [{ teamRef: DATA, hold: 0, offGuide: 0 }],
    });

    await expect(
      store.technologyHistory({
        technologyRef: REDIS,
        from: '2025-12-01',
        to: '2026-01-31',
      }),
    ).resolves.toEqual([
      // the components without an owner count as components, not as a team
      { day: '2026-01-01', components: 7, teams: 2 },
      { day: '2026-01-02', components: 0, teams: 0 },
    ]);
    await expect(
      store.technologyHistory({
        technologyRef: REDIS,
        from: '2026-01-01',
        to: '2026-01-01',
        teams: [PAYMENTS],
      }),
    ).resolves.toEqual([{ day: '2026-01-01', components: 2, teams: 1 }]);
    await expect(
      store.complianceHistory({
        teams: [PAYMENTS, DATA],
        from: '2026-01-01',
        to: '2026-01-02',
      }),
    ).resolves.toEqual([
      { day: '2026-01-01', hold: 1, offGuide: 2 },
      { day: '2026-01-02', hold: 0, offGuide: 0 },
    ]);
    await expect(store.days('2026-01-02', '2026-03-01')).resolves.toEqual([
      '2026-01-02',
    ]);
  });

  it('replaces a day written again, in batches past the statement size', async () => {
    const store = await open(id);
    const many = Array.from({ length: 1234 }, (_, i) => ({
      technologyRef: `technology:default/t${i}`,
      teamRef: PAYMENTS,
      components: 1,
    }));
    await store.writeDay({
      day: '2026-02-01',
      takenAt: new Date('2026-02-01T01:00:00Z'),
      adoption: [
        ...many,
        { technologyRef: REDIS, teamRef: DATA, components: 5 },
      ],
      compliance: [{ teamRef: DATA, hold: 3, offGuide: 0 }],
    });
    await expect(
      store.technologyHistory({
        technologyRef: 'technology:default/t1233',
        from: '2026-02-01',
        to: '2026-02-01',
      }),
    ).resolves.toEqual([{ day: '2026-02-01', components: 1, teams: 1 }]);

    await store.writeDay({
      day: '2026-02-01',
      takenAt: new Date('2026-02-01T09:00:00Z'),
      adoption: [{ technologyRef: REDIS, teamRef: DATA, components: 6 }],
      compliance: [],
    });
    await expect(
      store.technologyHistory({
        technologyRef: REDIS,
        from: '2026-02-01',
        to: '2026-02-01',
      }),
    ).resolves.toEqual([{ day: '2026-02-01', components: 6, teams: 1 }]);
    await expect(
      store.technologyHistory({
        technologyRef: 'technology:default/t1233',
        from: '2026-02-01',
        to: '2026-02-01',
      }),
    ).resolves.toEqual([{ day: '2026-02-01', components: 0, teams: 0 }]);
    await expect(
      store.complianceHistory({
        teams: [DATA],
        from: '2026-02-01',
        to: '2026-02-01',
      }),
    ).resolves.toEqual([{ day: '2026-02-01', hold: 0, offGuide: 0 }]);
  });

  it('prunes the days before a day', async () => {
    const store = await open(id);
    for (const day of ['2024-01-01', '2024-06-30', '2025-01-01']) {
      await store.writeDay({
        day,
        takenAt: new Date(`${day}T00:00:00Z`),
        adoption: [{ technologyRef: REDIS, teamRef: DATA, components: 1 }],
        compliance: [{ teamRef: DATA, hold: 1, offGuide: 1 }],
      });
    }
    await expect(store.pruneBefore('2024-07-01')).resolves.toBe(2);
    await expect(store.days('2000-01-01', '2100-01-01')).resolves.toEqual([
      '2025-01-01',
    ]);
    await expect(
      store.technologyHistory({
        technologyRef: REDIS,
        from: '2000-01-01',
        to: '2100-01-01',
      }),
    ).resolves.toEqual([{ day: '2025-01-01', components: 1, teams: 1 }]);
    await expect(
      store.complianceHistory({
        teams: [DATA],
        from: '2000-01-01',
        to: '2100-01-01',
      }),
    ).resolves.toEqual([{ day: '2025-01-01', hold: 1, offGuide: 1 }]);
  });
});
