import {
  PermissionsService,
  DatabaseService,
} from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CampaignConfig } from '@techstack/plugin-tech-stack-common';
import { AdoptionService } from '../AdoptionService';
import { UsageSourcesConfig } from '../adoption/usage';
import { openPluginDatabase } from '../history/migrations';
import { CatalogVisibility } from '../index/CatalogVisibility';
import { UsageIndex } from '../index/UsageIndex';
import { UsageIndexStore } from '../index/UsageIndexStore';

const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});

/** A fresh in-memory SQLite plugin database with the plugin's tables. */
export async function testPluginDatabase(): Promise<DatabaseService> {
  const knex = await databases.init('SQLITE_3');
  const database = mockServices.database({ knex });
  await openPluginDatabase(database);
  return database;
}

/**
 * The adoption service as the plugin wires it (usage index in a fresh
 * SQLite database, catalog visibility by the permissions service) over the
 * given catalog. `maxAgeMs` defaults to 0: every answer sees the catalog as
 * it is.
 */
export async function createTestAdoptionService(options: {
  catalog: CatalogService;
  sources?: Partial<UsageSourcesConfig>;
  campaigns?: CampaignConfig[];
  now?: () => Date;
  permissions?: PermissionsService;
  maxAgeMs?: number;
  database?: DatabaseService;
}): Promise<{ service: AdoptionService; index: UsageIndex }> {
  const sources = {
    tags: options.sources?.tags ?? true,
    dependencies: options.sources?.dependencies ?? true,
  };
  const database = options.database ?? (await testPluginDatabase());
  const index = new UsageIndex({
    store: new UsageIndexStore(await openPluginDatabase(database)),
    catalog: options.catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    sources,
    maxAgeMs: options.maxAgeMs ?? 0,
    now: options.now,
  });
  const service = new AdoptionService({
    index,
    visibility: new CatalogVisibility({
      catalog: options.catalog,
      permissions: options.permissions ?? mockServices.permissions(),
      resources: sources.dependencies,
      ttlMs: 30_000,
      index,
    }),
    campaigns: options.campaigns,
    now: options.now,
  });
  return { service, index };
}
