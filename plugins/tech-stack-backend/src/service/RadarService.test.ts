import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { RadarService } from './RadarService';
import { openPluginDatabase } from './history/migrations';
import { RingEvent, RingHistoryStore } from './history/RingHistoryStore';

const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});

function tech(
  name: string,
  layers: Array<{
    section: string;
    layer: string;
    ring: string;
    group?: string;
  }>,
  extra: {
    line?: number;
    guide?: string;
    history?: unknown;
    usedBy?: string[];
    ring?: string;
  } = {},
): Entity {
  const annotations: Record<string, string> = {};
  if (extra.line)
    annotations[
      'techstack.dev/source-location'
    ] = `url:https://example.com/guide.md#L${extra.line}`;
  if (extra.guide) annotations['techstack.dev/guide'] = extra.guide;
  if (extra.history)
    annotations['techstack.dev/ring-history'] = JSON.stringify(extra.history);
  return {
    apiVersion: 'techstack.dev/v1alpha1',
    kind: 'Technology',
    metadata: {
      name,
      namespace: 'default',
      title: name.toUpperCase(),
      annotations,
    },
    spec: {
      ring: extra.ring ?? layers[0].ring,
      type: 'tool',
      owner: 'group:default/platform',
      layers,
    },
    relations: (extra.usedBy ?? []).map(targetRef => ({
      type: 'technologyUsedBy',
      targetRef,
    })),
  };
}

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team' },
  };
}

describe('RadarService', () => {
  const credentials = mockCredentials.user();

  it('orders sectors by the first guide line in each section', async () => {
    const catalog = catalogServiceMock({
      entities: [
        tech(
          'kafka',
          [
            { section: 'Events', layer: 'Streaming', ring: 'adopt' },
            { section: 'Data', layer: 'Real-time', ring: 'adopt' },
          ],
          { line: 130 },
        ),
        tech(
          'postgres',
          [{ section: 'Data', layer: 'Relational', ring: 'adopt' }],
          { line: 20 },
        ),
        tech('aws', [{ section: 'Core', layer: 'Cloud', ring: 'adopt' }], {
          line: 10,
        }),
        tech('nomad', [{ section: 'Unplaced', layer: 'X', ring: 'hold' }]),
      ],
    });
    const radar = await new RadarService({ catalog }).getRadar({ credentials });
    expect(radar.sectors).toEqual(['Core', 'Data', 'Events', 'Unplaced']);
    expect(radar.entries.find(e => e.name === 'kafka')!.sectors).toEqual([
      'Data',
      'Events',
    ]);
  });

  it('derives movement, usage counts and source location', async () => {
    const catalog = catalogServiceMock({
      entities: [
        tech('redis', [{ section: 'Data', layer: 'KV', ring: 'adopt' }], {
          line: 3,
          history: [{ date: '2025-05-01', from: 'trial', to: 'adopt' }],
          usedBy: [
            'component:default/a',
            'component:default/b',
            'component:default/a',
            // not readable by the caller (absent from what the catalog answers)
            'component:default/hidden',
          ],
        }),
        component('a'),
        component('b'),
      ],
    });
    const service = new RadarService({
      catalog,
      now: () => new Date('2025-06-01T00:00:00Z'),
    });
    const [entry] = (await service.getRadar({ credentials })).entries;
    expect(entry).toMatchObject({
      ref: 'technology:default/redis',
      movement: 'in',
      movedAt: '2025-05-01',
      usageCount: 2,
      aliases: [],
      sourceLocation: 'url:https://example.com/guide.md#L3',
    });
  });

  it('checks which users the caller may read, with its credentials', async () => {
    const catalog = catalogServiceMock({
      entities: [
        tech('redis', [{ section: 'Data', layer: 'KV', ring: 'adopt' }], {
          usedBy: ['component:default/a', 'component:default/b'],
        }),
        component('a'),
        component('b'),
      ],
    });
    const spy = jest.spyOn(catalog, 'getEntitiesByRefs');
    const [entry] = (
      await new RadarService({ catalog }).getRadar({ credentials })
    ).entries;
    expect(entry.usageCount).toBe(2);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0][0].entityRefs.sort()).toEqual([
      'component:default/a',
      'component:default/b',
    ]);
    expect(spy.mock.calls[0][1]).toEqual({ credentials });
  });

  it('shows a local guide by its configured target, never its absolute path', async () => {
    const local = tech(
      'redis',
      [{ section: 'Data', layer: 'KV', ring: 'adopt' }],
      {
        guide: 'main',
      },
    );
    local.metadata.annotations!['techstack.dev/source-location'] =
      '/srv/backstage/examples/guide.md#L12';
    const other = tech(
      'kafka',
      [{ section: 'Data', layer: 'KV', ring: 'adopt' }],
      {
        guide: 'unconfigured',
      },
    );
    other.metadata.annotations!['techstack.dev/source-location'] =
      '/srv/backstage/examples/other.md#L3';
    const radar = await new RadarService({
      catalog: catalogServiceMock({ entities: [local, other] }),
      guideTargets: new Map([['main', '../../examples/guide.md']]),
    }).getRadar({ credentials });
    const byName = new Map(radar.entries.map(e => [e.name, e]));
    expect(byName.get('redis')!.sourceLocation).toBe(
      '../../examples/guide.md#L12',
    );
    expect(byName.get('kafka')!.sourceLocation).toBe('other.md#L3');
    expect(JSON.stringify(radar)).not.toContain('/srv/');
  });

  it('filters by guide', async () => {
    const catalog = catalogServiceMock({
      entities: [
        tech('a', [{ section: 'S', layer: 'L', ring: 'adopt' }], {
          guide: 'main',
        }),
        tech('b', [{ section: 'S', layer: 'L', ring: 'adopt' }], {
          guide: 'other',
        }),
      ],
    });
    const radar = await new RadarService({ catalog }).getRadar({
      credentials,
      guide: 'main',
    });
    expect(radar.entries.map(e => e.name)).toEqual(['a']);
  });

  it('caches per caller and guide for the TTL', async () => {
    const catalog = catalogServiceMock({
      entities: [tech('a', [{ section: 'S', layer: 'L', ring: 'adopt' }])],
    });
    const spy = jest.spyOn(catalog, 'getEntities');
    let now = new Date('2025-06-01T00:00:00Z');
    const service = new RadarService({
      catalog,
      cacheTtlSeconds: 30,
      now: () => now,
    });
    await service.getRadar({ credentials });
    await service.getRadar({ credentials });
    expect(spy).toHaveBeenCalledTimes(1);
    // another user never sees the first user's radar
    await service.getRadar({
      credentials: mockCredentials.user('user:default/other'),
    });
    expect(spy).toHaveBeenCalledTimes(2);
    await service.getRadar({ credentials, guide: 'x' });
    expect(spy).toHaveBeenCalledTimes(3);
    now = new Date(now.getTime() + 31_000);
    await service.getRadar({ credentials });
    expect(spy).toHaveBeenCalledTimes(4);
    expect(spy.mock.calls[0][1]).toEqual({ credentials });
  });

  it('does not cache when the TTL is 0', async () => {
    const catalog = catalogServiceMock({ entities: [] });
    const spy = jest.spyOn(catalog, 'getEntities');
    const service = new RadarService({ catalog, cacheTtlSeconds: 0 });
    await service.getRadar({ credentials });
    await service.getRadar({ credentials });
    expect(spy).toHaveBeenCalledTimes(2);
  });

  describe('as of a date', () => {
    const history = {
      // added, then moved in twice
      redis: [
        { date: '2025-01-10T12:00:00.000Z', to: 'assess' },
        { date: '2025-03-01T08:00:00.000Z', from: 'assess', to: 'trial' },
        { date: '2025-05-01T08:00:00.000Z', from: 'trial', to: 'adopt' },
      ],
      // older changes dropped: its first kept change has a from
      nomad: [{ date: '2025-04-01T08:00:00.000Z', from: 'trial', to: 'hold' }],
    };
    function service() {
      const catalog = catalogServiceMock({
        entities: [
          tech('redis', [{ section: 'Data', layer: 'KV', ring: 'adopt' }], {
            history: history.redis,
          }),
          tech('nomad', [{ section: 'Core', layer: 'Jobs', ring: 'hold' }], {
            history: history.nomad,
          }),
          // no history at all
          tech('aws', [{ section: 'Core', layer: 'Cloud', ring: 'adopt' }]),
        ],
      });
      return new RadarService({
        catalog,
        now: () => new Date('2025-06-01T00:00:00Z'),
      });
    }
    const rings = (radar: { entries: Array<{ name: string; ring: string }> }) =>
      Object.fromEntries(radar.entries.map(e => [e.name, e.ring]));

    it('shows the rings at the end of the day, exact where history reaches', async () => {
      const radar = await service().getRadar({
        credentials,
        date: '2025-03-01',
      });
      expect(radar.asOf).toBe('2025-03-01');
      expect(radar.historyComplete).toBe(false);
      expect(rings(radar)).toEqual({
        aws: 'adopt',
        nomad: 'trial',
        redis: 'trial',
      });
      const byName = new Map(radar.entries.map(e => [e.name, e]));
      expect(byName.get('redis')).toMatchObject({
        ringKnown: true,
        layers: [{ ring: 'trial' }],
        movement: 'in',
        movedAt: '2025-03-01T08:00:00.000Z',
      });
      expect(byName.get('nomad')!.ringKnown).toBe(false);
      expect(byName.get('aws')!.ringKnown).toBe(false);
    });

    it('leaves out technologies added after the date', async () => {
      const radar = await service().getRadar({
        credentials,
        date: '2025-01-09',
      });
      expect(rings(radar)).toEqual({ aws: 'adopt', nomad: 'trial' });
    });

    it('is complete when every ring then is known', async () => {
      const radar = await service().getRadar({
        credentials,
        date: '2025-04-01',
      });
      expect(rings(radar)).toEqual({
        aws: 'adopt',
        nomad: 'hold',
        redis: 'trial',
      });
      expect(radar.entries.find(e => e.name === 'nomad')!.ringKnown).toBe(true);
      // aws has no history: still unknown
      expect(radar.historyComplete).toBe(false);
    });

    it('caches per date', async () => {
      const radarService = service();
      const today = await radarService.getRadar({ credentials });
      const then = await radarService.getRadar({
        credentials,
        date: '2025-01-09',
      });
      expect(today.entries).toHaveLength(3);
      expect(today.asOf).toBeUndefined();
      expect(then.entries).toHaveLength(2);
    });

    it('lists what changed between two dates', async () => {
      const changes = await service().getChanges({
        credentials,
        from: '2025-01-10',
        to: '2025-04-01',
      });
      expect(changes).toMatchObject({
        from: '2025-01-10',
        to: '2025-04-01',
        removed: [],
        historyComplete: false,
      });
      expect(changes.note).toContain('removals');
      expect(changes.added).toEqual([
        {
          ref: 'technology:default/redis',
          name: 'redis',
          title: 'REDIS',
          toRing: 'trial',
          date: '2025-03-01T08:00:00.000Z',
        },
      ]);
      expect(changes.movedIn).toEqual([]);
      expect(changes.movedOut).toEqual([
        expect.objectContaining({
          name: 'nomad',
          fromRing: 'trial',
          toRing: 'hold',
        }),
      ]);
    });

    it('compares the rings at both ends: moved in, nothing for no change', async () => {
      const changes = await service().getChanges({
        credentials,
        from: '2025-01-11',
        to: '2025-05-01',
      });
      expect(changes.added).toEqual([]);
      expect(changes.movedIn).toEqual([
        expect.objectContaining({
          name: 'redis',
          fromRing: 'assess',
          toRing: 'adopt',
          date: '2025-05-01T08:00:00.000Z',
        }),
      ]);
      const none = await service().getChanges({
        credentials,
        from: '2025-05-02',
        to: '2025-06-01',
      });
      expect([...none.movedIn, ...none.movedOut, ...none.added]).toEqual([]);
    });
  });

  describe('with the stored ring history', () => {
    const ref = (name: string) => `technology:default/${name}`;
    const stored: RingEvent[] = [
      // older than the annotation reaches
      {
        technologyRef: ref('redis'),
        seq: 1,
        event: 'added',
        toRing: 'assess',
        at: '2024-06-01T00:00:00.000Z',
        guide: 'main',
      },
      {
        technologyRef: ref('redis'),
        seq: 2,
        event: 'moved',
        fromRing: 'assess',
        toRing: 'trial',
        at: '2024-09-01T00:00:00.000Z',
        guide: 'main',
      },
      {
        technologyRef: ref('redis'),
        seq: 3,
        event: 'moved',
        fromRing: 'trial',
        toRing: 'adopt',
        at: '2025-05-01T08:00:00.000Z',
        guide: 'main',
      },
      {
        technologyRef: ref('aws'),
        seq: 1,
        event: 'seen',
        toRing: 'adopt',
        at: '2024-01-01T00:00:00.000Z',
        guide: 'main',
      },
      // no longer in the catalog
      {
        technologyRef: ref('rancher'),
        seq: 1,
        event: 'seen',
        toRing: 'hold',
        at: '2024-01-01T00:00:00.000Z',
        guide: 'main',
        title: 'Rancher',
        details: {
          type: 'platform',
          layers: [{ section: 'Core', layer: 'Kubernetes', ring: 'hold' }],
        },
      },
      {
        technologyRef: ref('rancher'),
        seq: 2,
        event: 'removed',
        fromRing: 'hold',
        at: '2025-04-01T10:00:00.000Z',
        guide: 'main',
        title: 'Rancher',
      },
    ];

    async function service() {
      const knex = await databases.init('SQLITE_3');
      const store = new RingHistoryStore(
        await openPluginDatabase(mockServices.database({ knex })),
      );
      await store.append(stored, new Date('2025-06-01T00:00:00Z'));
      const catalog = catalogServiceMock({
        entities: [
          tech('redis', [{ section: 'Data', layer: 'KV', ring: 'adopt' }], {
            guide: 'main',
            // the annotation alone knows only the newest change
            history: [
              { date: '2025-05-01T08:00:00.000Z', from: 'trial', to: 'adopt' },
            ],
          }),
          tech('aws', [{ section: 'Core', layer: 'Cloud', ring: 'adopt' }], {
            guide: 'main',
          }),
        ],
      });
      return new RadarService({
        catalog,
        cacheTtlSeconds: 0,
        now: () => new Date('2025-06-01T00:00:00Z'),
        ringHistory: store,
      });
    }
    const rings = (radar: { entries: Array<{ name: string; ring: string }> }) =>
      Object.fromEntries(radar.entries.map(e => [e.name, e.ring]));

    it('shows the rings of a date exactly where the stored history reaches, removed technologies included', async () => {
      const radarService = await service();
      const radar = await radarService.getRadar({
        credentials,
        date: '2024-10-01',
      });
      expect(rings(radar)).toEqual({
        aws: 'adopt',
        rancher: 'hold',
        redis: 'trial',
      });
      expect(radar.historyComplete).toBe(true);
      expect(radar.sectors).toEqual(expect.arrayContaining(['Core', 'Data']));
      expect(radar.entries.find(e => e.name === 'rancher')).toMatchObject({
        ref: 'technology:default/rancher',
        title: 'Rancher',
        type: 'platform',
        sectors: ['Core'],
        ringKnown: true,
      });

      // before redis was added, and before the history began for the others
      const older = await radarService.getRadar({
        credentials,
        date: '2023-12-01',
      });
      expect(rings(older)).toEqual({ aws: 'adopt', rancher: 'hold' });
      expect(older.historyComplete).toBe(false);

      // after the removal: gone; today: as the catalog has it
      const later = await radarService.getRadar({
        credentials,
        date: '2025-04-02',
      });
      expect(rings(later)).toEqual({ aws: 'adopt', redis: 'trial' });
      const today = await radarService.getRadar({ credentials });
      expect(rings(today)).toEqual({ aws: 'adopt', redis: 'adopt' });
    });

    it('lists removed technologies with the last ring they held', async () => {
      const changes = await (
        await service()
      ).getChanges({ credentials, from: '2025-03-01', to: '2025-05-31' });
      expect(changes.removed).toEqual([
        {
          ref: 'technology:default/rancher',
          name: 'rancher',
          title: 'Rancher',
          toRing: 'hold',
          date: '2025-04-01T10:00:00.000Z',
        },
      ]);
      expect(changes.movedIn).toEqual([
        expect.objectContaining({
          name: 'redis',
          fromRing: 'trial',
          toRing: 'adopt',
        }),
      ]);
      expect(changes.historyComplete).toBe(true);
      expect(changes.note).toBeUndefined();
    });

    it('knows additions the annotation does not, and says from when removals are known', async () => {
      const radarService = await service();
      const changes = await radarService.getChanges({
        credentials,
        from: '2023-06-01',
        to: '2024-12-31',
      });
      expect(changes.added).toEqual([
        expect.objectContaining({
          name: 'redis',
          toRing: 'trial',
          date: '2024-09-01T00:00:00.000Z',
        }),
      ]);
      expect(changes.removed).toEqual([]);
      expect(changes.historyComplete).toBe(false);
      expect(changes.note).toContain('2024-01-01');
      // another guide: not its removals
      const other = await radarService.getChanges({
        credentials,
        from: '2025-03-01',
        to: '2025-05-31',
        guide: 'other',
      });
      expect(other.removed).toEqual([]);
    });
  });
});
