import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { testDatabaseIds } from '@internal/tech-stack-test-utils';
import { openPluginDatabase } from './migrations';
import { RingHistoryRecorder } from './RingHistoryRecorder';
import { RingHistoryStore } from './RingHistoryStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: testDatabaseIds('the ring history recorder'),
  disableDocker: true,
});

function tech(
  name: string,
  ring: string,
  options: { history?: unknown[]; reason?: string; guide?: string } = {},
): Entity {
  const annotations: Record<string, string> = {
    'techstack.dev/guide': options.guide ?? 'main',
  };
  if (options.history) {
    annotations['techstack.dev/ring-history'] = JSON.stringify(options.history);
  }
  return {
    apiVersion: 'techstack.dev/v1alpha1',
    kind: 'Technology',
    metadata: { name, namespace: 'default', title: `T ${name}`, annotations },
    spec: {
      ring,
      type: 'tool',
      owner: 'group:default/platform',
      layers: [{ section: 'Data', layer: 'L', ring }],
      ...(options.reason ? { ringReason: options.reason } : {}),
    },
  };
}

/** A catalog whose entities a test replaces between runs. */
function changingCatalog(entities: Entity[]) {
  let current = catalogServiceMock({ entities });
  const catalog = {
    streamEntities: (...args: Parameters<CatalogService['streamEntities']>) =>
      current.streamEntities(...args),
  } as unknown as CatalogService;
  return {
    catalog,
    set(next: Entity[]) {
      current = catalogServiceMock({ entities: next });
    },
  };
}

async function setup(
  entities: Entity[],
  options: { id?: TestDatabaseId; exampleSeed?: boolean } = {},
) {
  const knex = await databases.init(options.id ?? 'SQLITE_3');
  const store = new RingHistoryStore(
    await openPluginDatabase(mockServices.database({ knex })),
  );
  const catalog = changingCatalog(entities);
  let now = new Date('2026-03-10T04:00:00.000Z');
  const logger = mockServices.logger.mock();
  const recorder = () =>
    new RingHistoryRecorder({
      store,
      catalog: catalog.catalog,
      auth: mockServices.auth(),
      logger,
      exampleSeed: options.exampleSeed,
      now: () => now,
    });
  return {
    store,
    catalog,
    logger,
    recorder: recorder(),
    recorder2: recorder(),
    setNow(date: string) {
      now = new Date(date);
    },
    history: async (name: string) =>
      (await store.histories([`technology:default/${name}`])).get(
        `technology:default/${name}`,
      ) ?? [],
  };
}

describe('RingHistoryRecorder', () => {
  it('backfills the annotations on the first run, and records the rest as seen', async () => {
    const { recorder, history } = await setup([
      // added, moved, and moved again since the annotation was written
      tech('redis', 'adopt', {
        history: [
          { date: '2025-01-10T12:00:00.000Z', to: 'assess' },
          { date: '2025-03-01T08:00:00.000Z', from: 'assess', to: 'trial' },
        ],
        reason: 'Proven',
      }),
      // the annotation's older changes were dropped
      tech('nomad', 'hold', {
        history: [
          { date: '2025-04-01T08:00:00.000Z', from: 'trial', to: 'hold' },
        ],
      }),
      tech('aws', 'adopt'),
    ]);
    await expect(recorder.record()).resolves.toBe(5);

    expect(await history('redis')).toEqual([
      expect.objectContaining({
        seq: 1,
        event: 'added',
        toRing: 'assess',
        at: '2025-01-10T12:00:00.000Z',
        guide: 'main',
        title: 'T redis',
      }),
      expect.objectContaining({
        event: 'moved',
        fromRing: 'assess',
        toRing: 'trial',
        at: '2025-03-01T08:00:00.000Z',
      }),
      expect.objectContaining({
        event: 'moved',
        fromRing: 'trial',
        toRing: 'adopt',
        at: '2026-03-10T04:00:00.000Z',
        reason: 'Proven',
      }),
    ]);
    expect(await history('nomad')).toEqual([
      expect.objectContaining({
        event: 'moved',
        fromRing: 'trial',
        toRing: 'hold',
      }),
    ]);
    expect(await history('aws')).toEqual([
      expect.objectContaining({
        event: 'seen',
        toRing: 'adopt',
        at: '2026-03-10T04:00:00.000Z',
        details: {
          type: 'tool',
          layers: [{ section: 'Data', layer: 'L', ring: 'adopt' }],
        },
      }),
    ]);
    // nothing changed: nothing more
    await expect(recorder.record()).resolves.toBe(0);
  });

  it('records moves, additions and removals after the first run', async () => {
    const { recorder, catalog, setNow, history } = await setup([
      tech('redis', 'trial'),
      tech('rancher', 'adopt'),
      tech('aws', 'adopt'),
    ]);
    await recorder.record();

    setNow('2026-04-01T00:00:00.000Z');
    catalog.set([
      // the catalog module saw the move first: its time is kept
      tech('redis', 'adopt', {
        history: [
          { date: '2026-03-20T10:00:00.000Z', from: 'trial', to: 'adopt' },
        ],
      }),
      // the annotation's newest change is not this move: now
      tech('aws', 'hold', {
        history: [
          { date: '2026-03-20T10:00:00.000Z', from: 'hold', to: 'adopt' },
        ],
      }),
      tech('kafka', 'assess'),
    ]);
    await expect(recorder.record()).resolves.toBe(4);
    expect((await history('redis')).slice(1)).toEqual([
      expect.objectContaining({
        seq: 2,
        event: 'moved',
        fromRing: 'trial',
        toRing: 'adopt',
        at: '2026-03-20T10:00:00.000Z',
      }),
    ]);
    expect((await history('aws')).slice(1)).toEqual([
      expect.objectContaining({
        event: 'moved',
        fromRing: 'adopt',
        toRing: 'hold',
        at: '2026-04-01T00:00:00.000Z',
      }),
    ]);
    expect(await history('kafka')).toEqual([
      expect.objectContaining({
        event: 'added',
        toRing: 'assess',
        at: '2026-04-01T00:00:00.000Z',
      }),
    ]);
    // a removed technology keeps its last ring, title and layers
    expect((await history('rancher')).slice(1)).toEqual([
      expect.objectContaining({
        event: 'removed',
        fromRing: 'adopt',
        title: 'T rancher',
        guide: 'main',
        details: expect.objectContaining({ type: 'tool' }),
      }),
    ]);
    await expect(recorder.record()).resolves.toBe(0);

    // back again: added
    setNow('2026-05-01T00:00:00.000Z');
    catalog.set([tech('rancher', 'hold')]);
    await recorder.record();
    expect((await history('rancher')).map(e => e.event)).toEqual([
      'seen',
      'removed',
      'added',
    ]);
  });

  it('records nothing, no removal either, while the catalog has no technologies', async () => {
    const { recorder, catalog, store, history } = await setup([]);
    await expect(recorder.record()).resolves.toBeUndefined();
    await expect(store.isEmpty()).resolves.toBe(true);
    catalog.set([tech('redis', 'trial')]);
    await recorder.record();
    catalog.set([]);
    await recorder.record();
    expect((await history('redis')).map(e => e.event)).toEqual(['seen']);
  });

  it('logs a failure as a warning', async () => {
    const { store, logger } = await setup([]);
    const failing = new RingHistoryRecorder({
      store,
      catalog: {
        streamEntities: () => {
          throw new Error('catalog down');
        },
      } as unknown as CatalogService,
      auth: mockServices.auth(),
      logger,
    });
    await expect(failing.run()).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('catalog down'),
    );
  });

  it('seeds example history when asked and the history is empty', async () => {
    const { recorder, history, store } = await setup(
      [tech('rancher', 'hold'), tech('redis', 'adopt')],
      { exampleSeed: true },
    );
    await recorder.record();
    expect((await history('rancher')).map(e => e.event)).toEqual([
      'seen',
      'moved',
    ]);
    // the seed ends at the current rings: nothing to add
    await expect(recorder.record()).resolves.toBe(0);
    expect((await store.latest()).size).toBe(2);
  });

  describe.each(databases.eachSupportedId())('two recorders on %s', id => {
    it('write each event once', async () => {
      const { recorder, recorder2, catalog, setNow, history } = await setup(
        [
          tech('redis', 'trial', {
            history: [{ date: '2025-01-10T12:00:00.000Z', to: 'trial' }],
          }),
          tech('aws', 'adopt'),
        ],
        { id },
      );
      await Promise.all([recorder.record(), recorder2.record()]);
      expect((await history('redis')).map(e => e.event)).toEqual(['added']);
      expect((await history('aws')).map(e => e.event)).toEqual(['seen']);

      setNow('2026-04-01T00:00:00.000Z');
      catalog.set([tech('redis', 'adopt')]);
      const written = await Promise.all([
        recorder.record(),
        recorder2.record(),
      ]);
      expect(written[0]! + written[1]!).toBe(2);
      expect((await history('redis')).map(e => e.event)).toEqual([
        'added',
        'moved',
      ]);
      expect((await history('aws')).map(e => e.event)).toEqual([
        'seen',
        'removed',
      ]);
    });
  });
});
