import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createTestAdoptionService } from '../__testUtils__/testAdoptionService';
import { exampleEntities } from '../__testUtils__/fixtures';
import { AdoptionHistory } from './AdoptionHistory';
import { AdoptionHistoryStore } from './AdoptionHistoryStore';
import { openPluginDatabase } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});

async function setup(
  options: {
    entities?: ReturnType<typeof exampleEntities>;
    retentionDays?: number;
    exampleSeedDays?: number;
  } = {},
) {
  const knex = await databases.init('SQLITE_3');
  const store = new AdoptionHistoryStore(
    await openPluginDatabase(mockServices.database({ knex })),
  );
  let now = new Date('2026-03-10T04:00:00Z');
  const history = new AdoptionHistory({
    store,
    adoption: (
      await createTestAdoptionService({
        catalog: catalogServiceMock({
          entities: options.entities ?? exampleEntities(),
        }),
        database: mockServices.database({ knex }),
      })
    ).service,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    retentionDays: options.retentionDays ?? 730,
    exampleSeedDays: options.exampleSeedDays,
    now: () => now,
  });
  return {
    store,
    history,
    setNow(date: string) {
      now = new Date(date);
    },
    ask: (query: Record<string, string>) =>
      history.getHistory({ credentials: mockCredentials.user(), query }),
  };
}

describe('AdoptionHistory', () => {
  it("stores the day's counts and answers them for a technology and a team", async () => {
    const { history, ask } = await setup();
    await expect(history.takeSnapshot()).resolves.toMatchObject({
      day: '2026-03-10',
    });

    await expect(ask({ technology: 'Redis' })).resolves.toEqual({
      kind: 'technology',
      technology: { ref: 'technology:default/redis', title: 'Redis' },
      from: '2025-09-12',
      to: '2026-03-10',
      points: [{ day: '2026-03-10', components: 2, teams: 2 }],
    });
    await expect(
      ask({ technology: 'kafka', team: 'payments' }),
    ).resolves.toMatchObject({
      technology: { ref: 'technology:default/apache-kafka' },
      team: { ref: 'group:default/payments', title: 'Team payments' },
      points: [{ day: '2026-03-10', components: 1, teams: 1 }],
    });
    // engineering: its own clusters on Rancher (hold) and orders' MySQL below it
    await expect(ask({ team: 'engineering' })).resolves.toEqual({
      kind: 'team',
      team: { ref: 'group:default/engineering', title: 'Team engineering' },
      from: '2025-09-12',
      to: '2026-03-10',
      points: [{ day: '2026-03-10', hold: 1, offGuide: 1 }],
    });
  });

  it('rejects bad ranges naming the parameter, and unknown names', async () => {
    const { ask } = await setup();
    await expect(
      ask({ technology: 'redis', from: '2026-03-02', to: '2026-03-01' }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining("'from'"),
    });
    await expect(
      ask({ technology: 'redis', from: '2024-01-01', to: '2026-03-01' }),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(ask({})).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining("'technology'"),
    });
    await expect(ask({ technology: 'Rediss' })).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining('Redis'),
    });
    await expect(ask({ team: 'nobody' })).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });

  it('prunes the days past the retention', async () => {
    const { history, store, setNow } = await setup({ retentionDays: 3 });
    for (const day of ['01', '02', '03', '04', '05']) {
      setNow(`2026-03-${day}T04:00:00Z`);
      await history.takeSnapshot();
    }
    await expect(store.days('2026-01-01', '2026-12-31')).resolves.toEqual([
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
    ]);
  });

  it('writes nothing while the catalog has no technologies', async () => {
    const { history, store } = await setup({
      entities: exampleEntities().filter(e => e.kind !== 'Technology'),
    });
    await expect(history.takeSnapshot()).resolves.toBeUndefined();
    await expect(store.days('2000-01-01', '2100-01-01')).resolves.toEqual([]);
  });

  it('seeds example days before the first snapshot only', async () => {
    const { history, store, setNow, ask } = await setup({
      exampleSeedDays: 10,
    });
    await history.takeSnapshot();
    const days = await store.days('2000-01-01', '2100-01-01');
    expect(days).toHaveLength(11);
    expect(days[0]).toBe('2026-02-28');
    const first = await ask({ technology: 'redis' });
    setNow('2026-03-11T04:00:00Z');
    await history.takeSnapshot();
    await expect(store.days('2000-01-01', '2100-01-01')).resolves.toHaveLength(
      12,
    );
    // the seeded days stay as they were
    const second = await ask({ technology: 'redis', to: '2026-03-10' });
    expect(second.points).toEqual(first.points);
  });
});
