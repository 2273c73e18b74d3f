import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { testDatabaseIds } from '@internal/tech-stack-test-utils';
import { openPluginDatabase } from './migrations';
import { RingEvent, RingHistoryStore } from './RingHistoryStore';

jest.setTimeout(60_000);

const ids = testDatabaseIds('the ring history');
const databases = TestDatabases.create({ ids, disableDocker: true });

const REDIS = 'technology:default/redis';
const RANCHER = 'technology:default/rancher';
const RECORDED = new Date('2026-03-01T00:00:00Z');

async function open(id: TestDatabaseId) {
  const knex = await databases.init(id);
  const database = mockServices.database({ knex });
  // twice: the second run finds nothing to migrate
  await openPluginDatabase(database);
  return new RingHistoryStore(await openPluginDatabase(database));
}

const redis: RingEvent[] = [
  {
    technologyRef: REDIS,
    seq: 1,
    event: 'added',
    toRing: 'assess',
    at: '2025-01-10T12:00:00.000Z',
    guide: 'main',
    title: 'Redis',
    details: {
      type: 'database',
      layers: [{ section: 'Data', layer: 'KV', ring: 'assess' }],
    },
  },
  {
    technologyRef: REDIS,
    seq: 2,
    event: 'moved',
    fromRing: 'assess',
    toRing: 'adopt',
    at: '2025-05-01T08:00:00.000Z',
    guide: 'main',
    title: 'Redis',
    reason: 'Proven in production',
  },
];
const rancher: RingEvent[] = [
  {
    technologyRef: RANCHER,
    seq: 1,
    event: 'seen',
    toRing: 'hold',
    at: '2025-02-01T00:00:00.000Z',
    guide: 'other',
    title: 'Rancher',
  },
  {
    technologyRef: RANCHER,
    seq: 2,
    event: 'removed',
    fromRing: 'hold',
    at: '2025-06-01T00:00:00.000Z',
    guide: 'other',
    title: 'Rancher',
  },
];

describe.each(databases.eachSupportedId())('RingHistoryStore on %s', id => {
  it('reads back the events per technology in order, and the latest of each', async () => {
    const store = await open(id);
    await expect(store.isEmpty()).resolves.toBe(true);
    await expect(store.earliest()).resolves.toBeUndefined();
    await expect(
      store.append([redis[1], ...rancher, redis[0]], RECORDED),
    ).resolves.toBe(4);

    await expect(store.isEmpty()).resolves.toBe(false);
    await expect(
      store.histories([REDIS, 'technology:default/none']),
    ).resolves.toEqual(new Map([[REDIS, redis]]));
    const latest = await store.latest();
    expect([...latest.keys()].sort()).toEqual([RANCHER, REDIS]);
    expect(latest.get(REDIS)).toEqual(redis[1]);
    expect(latest.get(RANCHER)).toEqual(rancher[1]);
    await expect(store.earliest()).resolves.toBe('2025-01-10T12:00:00.000Z');
  });

  it('lists the removed technologies, by guide', async () => {
    const store = await open(id);
    await store.append([...redis, ...rancher], RECORDED);
    await expect(store.removedHistories()).resolves.toEqual(
      new Map([[RANCHER, rancher]]),
    );
    await expect(store.removedHistories('other')).resolves.toEqual(
      new Map([[RANCHER, rancher]]),
    );
    await expect(store.removedHistories('main')).resolves.toEqual(new Map());
  });

  it('keeps the first writer of an event number, ignoring a second', async () => {
    const store = await open(id);
    await store.append(redis, RECORDED);
    const other: RingEvent = {
      ...redis[1],
      fromRing: 'assess',
      toRing: 'hold',
      at: '2025-05-02T00:00:00.000Z',
    };
    await expect(store.append([other, ...redis], RECORDED)).resolves.toBe(0);
    await expect(store.histories([REDIS])).resolves.toEqual(
      new Map([[REDIS, redis]]),
    );
  });

  it('writes and reads many events, past the statement size', async () => {
    const store = await open(id);
    const many: RingEvent[] = Array.from({ length: 1234 }, (_, i) => ({
      technologyRef: `technology:default/t${i}`,
      seq: 1,
      event: 'seen',
      toRing: 'trial',
      at: '2025-01-01T00:00:00.000Z',
    }));
    await expect(store.append(many, RECORDED)).resolves.toBe(1234);
    const histories = await store.histories(many.map(e => e.technologyRef));
    expect(histories.size).toBe(1234);
    expect(histories.get('technology:default/t1233')).toEqual([many[1233]]);
    await expect(store.latest()).resolves.toHaveProperty('size', 1234);
  });
});
