import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { testDatabaseIds } from '@internal/tech-stack-test-utils';
import { openPluginDatabase } from '../history/migrations';
import {
  component,
  exampleEntities,
  technology,
} from '../__testUtils__/fixtures';
import { UsageIndex } from './UsageIndex';
import { UsageIndexStore } from './UsageIndexStore';

jest.setTimeout(60_000);

const ids = testDatabaseIds('the usage index');
const databases = TestDatabases.create({ ids, disableDocker: true });

/** The entities with catalog etags, as the real catalog serves them. */
function withEtags(entities: Entity[], version = 'v1'): Entity[] {
  return entities.map(e => ({
    ...e,
    metadata: { ...e.metadata, etag: `${e.metadata.name}-${version}` },
  }));
}

/** Billing, changed to use Redis alone (a new etag); every other entity as is. */
function billingOnRedis(entity: Entity): Entity {
  return entity.metadata.name === 'billing'
    ? withEtags([component('billing', 'payments', { uses: 'Redis' })], 'v2')[0]
    : entity;
}

/** A catalog whose content a test can replace, counting the reads. */
function mutableCatalog(entities: Entity[]) {
  let current = catalogServiceMock({ entities });
  const calls = { list: 0, fetched: 0 };
  const catalog = {
    streamEntities: (...args: Parameters<CatalogService['streamEntities']>) => {
      calls.list += 1;
      return current.streamEntities(...args);
    },
    getEntitiesByRefs: (
      ...args: Parameters<CatalogService['getEntitiesByRefs']>
    ) => {
      calls.fetched += args[0].entityRefs.length;
      return current.getEntitiesByRefs(...args);
    },
  } as unknown as CatalogService;
  return {
    catalog,
    calls,
    set(next: Entity[]) {
      current = catalogServiceMock({ entities: next });
    },
    fail() {
      current = {
        streamEntities: () => {
          throw new Error('catalog unreachable');
        },
      } as unknown as ReturnType<typeof catalogServiceMock>;
    },
  };
}

async function storeOn(
  id: TestDatabaseId,
  options?: ConstructorParameters<typeof UsageIndexStore>[1],
) {
  const knex = await databases.init(id);
  return new UsageIndexStore(
    await openPluginDatabase(mockServices.database({ knex })),
    options,
  );
}

/** Every row of the store, removed ones included. */
async function storedRows(store: UsageIndexStore) {
  const rows: Array<{ ref: string; deleted: boolean }> = [];
  for await (const page of store.changesSince(0)) {
    rows.push(...page.map(({ ref, deleted }) => ({ ref, deleted })));
  }
  return rows;
}

function indexOver(
  store: UsageIndexStore,
  catalog: CatalogService,
  maxAgeMs = 0,
  now?: () => Date,
) {
  return new UsageIndex({
    store,
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    sources: { tags: true, dependencies: true },
    maxAgeMs,
    now,
  });
}

const usagesOf = async (index: UsageIndex, ref: string) =>
  (await index.snapshot())
    .component(ref)
    ?.usages.map(u => `${u.technologyRef} ${u.sources.join('+')}`);

describe.each(databases.eachSupportedId())('UsageIndex on %s', id => {
  it('builds the whole catalog once, then reads only what changed', async () => {
    const entities = withEtags(exampleEntities());
    const catalog = mutableCatalog(entities);
    const index = indexOver(await storeOn(id), catalog.catalog);

    const first = await index.refresh();
    expect(first).toMatchObject({ fetched: entities.length, computed: 5 });
    expect(await usagesOf(index, 'component:default/orders')).toEqual([
      'technology:default/postgresql annotation+dependency',
      'technology:default/redis annotation',
    ]);

    // nothing changed: one listing, nothing read in full
    catalog.calls.fetched = 0;
    expect(await index.refresh()).toMatchObject({ fetched: 0, computed: 0 });
    expect(catalog.calls.fetched).toBe(0);

    // one component changes, one is deleted, one is new
    const next = entities
      .filter(e => e.metadata.name !== 'misc')
      .map(billingOnRedis);
    next.push(...withEtags([component('search', 'data', { uses: 'Kafka' })]));
    catalog.set(next);
    const delta = await index.refresh();
    expect(delta).toMatchObject({ fetched: 2, removed: 1, computed: 2 });
    expect(catalog.calls.fetched).toBe(2);
    const snapshot = await index.snapshot();
    expect(snapshot.component('component:default/misc')).toBeUndefined();
    expect(await usagesOf(index, 'component:default/billing')).toEqual([
      'technology:default/redis annotation',
    ]);
    expect(await usagesOf(index, 'component:default/search')).toEqual([
      'technology:default/apache-kafka annotation',
    ]);
  });

  it('recomputes every usage when a technology name or alias changes', async () => {
    const entities = withEtags([
      ...exampleEntities(),
      component('cache', 'data', { uses: 'Valkey' }),
    ]);
    const catalog = mutableCatalog(entities);
    const index = indexOver(await storeOn(id), catalog.catalog);
    await index.refresh();
    expect(
      (await index.snapshot()).component('component:default/cache')?.offGuide,
    ).toEqual([{ name: 'Valkey', evidence: 'annotation:Valkey' }]);

    // the guide now names Valkey as an alias of Redis: only the technology changed
    catalog.set(
      entities.map(e =>
        e.metadata.name === 'redis'
          ? withEtags(
              [technology('redis', 'Redis', 'trial', { aliases: ['Valkey'] })],
              'v2',
            )[0]
          : e,
      ),
    );
    const result = await index.refresh();
    expect(result).toMatchObject({ fetched: 1, computed: 6 });
    expect(await usagesOf(index, 'component:default/cache')).toEqual([
      'technology:default/redis annotation',
    ]);
  });

  it('serves a second replica from the database, and survives a restart without the catalog', async () => {
    const store = await storeOn(id);
    const catalog = mutableCatalog(withEtags(exampleEntities()));
    const writer = indexOver(store, catalog.catalog, 60_000);
    await writer.refresh();

    // a second replica (or the same backend after a restart) with an unreachable catalog
    const unreachable = mutableCatalog([]);
    unreachable.fail();
    const reader = indexOver(store, unreachable.catalog, 60_000);
    expect(await usagesOf(reader, 'component:default/orders')).toEqual([
      'technology:default/postgresql annotation+dependency',
      'technology:default/redis annotation',
    ]);
    expect(unreachable.calls.list).toBe(0);

    // the writer's next change reaches the reader through the database
    catalog.set(
      withEtags(exampleEntities()).filter(e => e.metadata.name !== 'orders'),
    );
    await writer.refresh();
    await reader.sync();
    expect(
      (await reader.snapshot()).component('component:default/orders'),
    ).toBeUndefined();
  });

  it('purges removed entities after the kept revisions; a replica that far behind reloads', async () => {
    const store = await storeOn(id, { keepTombstoneRevisions: 1 });
    const entities = withEtags(exampleEntities());
    const catalog = mutableCatalog(entities);
    const writer = indexOver(store, catalog.catalog, 60_000);
    await writer.refresh();
    const unreachable = mutableCatalog([]);
    unreachable.fail();
    const reader = indexOver(store, unreachable.catalog, 60_000);
    await reader.sync();
    expect(
      (await reader.snapshot()).component('component:default/orders'),
    ).toBeDefined();

    // orders leaves the catalog (revision 2), then billing changes
    // (revision 3), which purges the removal of revision 2
    const withoutOrders = entities.filter(e => e.metadata.name !== 'orders');
    catalog.set(withoutOrders);
    await writer.refresh();
    expect(await storedRows(store)).toContainEqual({
      ref: 'component:default/orders',
      deleted: true,
    });
    catalog.set(withoutOrders.map(billingOnRedis));
    await writer.refresh();
    expect(await store.state()).toMatchObject({
      revision: 3,
      purgedThrough: 2,
    });
    const rows = await storedRows(store);
    expect(rows.map(r => r.ref)).not.toContain('component:default/orders');
    // the live entities of older revisions stay
    expect(rows.filter(r => !r.deleted)).toHaveLength(withoutOrders.length);

    // the reader, still at revision 1, no longer finds the removal among
    // the rows written since: it reads the whole index again
    await reader.sync();
    const snapshot = await reader.snapshot();
    expect(snapshot.component('component:default/orders')).toBeUndefined();
    expect(await usagesOf(reader, 'component:default/billing')).toEqual([
      'technology:default/redis annotation',
    ]);
    expect(snapshot.components.map(c => c.ref).sort()).toEqual(
      (await writer.snapshot()).components.map(c => c.ref).sort(),
    );
  });

  it('keeps the index when the catalog fails, and answers from it', async () => {
    const catalog = mutableCatalog(withEtags(exampleEntities()));
    const index = indexOver(await storeOn(id), catalog.catalog, 0);
    await index.refresh();
    catalog.fail();
    await expect(index.refresh()).rejects.toThrow('catalog unreachable');
    // an answer still comes, from the last index
    expect((await index.snapshot()).components).toHaveLength(5);
  });

  it('lets only one of two concurrent refreshes write a revision', async () => {
    const store = await storeOn(id);
    const catalog = mutableCatalog(withEtags(exampleEntities()));
    const a = indexOver(store, catalog.catalog);
    const b = indexOver(store, catalog.catalog);
    const [ra, rb] = await Promise.all([a.refresh(), b.refresh()]);
    expect(
      [ra.written, rb.written].filter(Boolean).length,
    ).toBeGreaterThanOrEqual(1);
    expect((await store.state())?.revision).toBe(
      [ra, rb].filter(r => r.written && r.fetched > 0).length,
    );
    const refs = async (index: UsageIndex) =>
      (await index.snapshot()).components.map(c => c.ref).sort();
    expect(await refs(a)).toEqual(await refs(b));
    expect(await refs(a)).toHaveLength(5);
  });

  it('finds an entity just added, and catches up with a guide ingested after the first build', async () => {
    let now = new Date('2026-12-06T12:00:00Z');
    const later = (ms: number) => {
      now = new Date(now.getTime() + ms);
    };
    // first start: the catalog has the organisation but no guide yet
    const org = withEtags(exampleEntities()).filter(
      e => e.kind !== 'Technology',
    );
    const catalog = mutableCatalog(org);
    const index = indexOver(
      await storeOn(id),
      catalog.catalog,
      60_000,
      () => now,
    );
    expect((await index.snapshot()).technologies).toEqual([]);

    // the guide arrives: well within the maximum age, the next answer
    // refreshes, since an index without technologies answers nothing
    catalog.set(withEtags(exampleEntities()));
    later(6_000);
    expect((await index.snapshot()).technologies).toHaveLength(4);

    // a component registered now is found when asked for by ref
    catalog.set([
      ...withEtags(exampleEntities()),
      ...withEtags([component('search', 'data', { uses: 'Kafka' })]),
    ]);
    later(6_000);
    expect((await index.snapshot()).knows('component:default/search')).toBe(
      false,
    );
    const lists = catalog.calls.list;
    expect(
      (await index.snapshotKnowing('component:default/search')).knows(
        'component:default/search',
      ),
    ).toBe(true);
    expect(catalog.calls.list).toBe(lists + 1);
    // a ref that is nowhere does not make every answer list the catalog
    await index.snapshotKnowing('component:default/nowhere');
    await index.snapshotKnowing('component:default/nowhere');
    expect(catalog.calls.list).toBe(lists + 1);
  });
});
