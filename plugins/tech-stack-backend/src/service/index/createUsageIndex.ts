import {
  AuthService,
  DatabaseService,
  LifecycleService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { UsageSourcesConfig } from '../adoption/usage';
import { openPluginDatabase } from '../history/migrations';
import { UsageIndex } from './UsageIndex';
import { UsageIndexStore } from './UsageIndexStore';
import { readFrequency } from '../util/readFrequency';

/** The scheduler task that keeps the usage index current. */
export const USAGE_INDEX_TASK_ID = 'tech-stack-usage-index';

/**
 * The backend's usage index, in the plugin database, refreshed from the
 * catalog on a schedule (`techStack.adoption.index.frequency`, default every
 * minute, by one replica at a time) and on answers older than `maxAgeMs`;
 * loaded (and built if new) as the backend starts.
 */
export async function createUsageIndex(
  config: Config,
  deps: {
    database: DatabaseService;
    scheduler: SchedulerService;
    lifecycle: LifecycleService;
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    sources: UsageSourcesConfig;
    maxAgeMs: number;
  },
): Promise<UsageIndex> {
  const frequency = readFrequency(
    config,
    'techStack.adoption.index.frequency',
    {
      minutes: 1,
    },
  );
  const index = new UsageIndex({
    store: new UsageIndexStore(await openPluginDatabase(deps.database)),
    catalog: deps.catalog,
    auth: deps.auth,
    logger: deps.logger,
    sources: deps.sources,
    maxAgeMs: deps.maxAgeMs,
  });
  await deps.scheduler.scheduleTask({
    id: USAGE_INDEX_TASK_ID,
    frequency,
    timeout: { minutes: 10 },
    scope: 'global',
    fn: async () => {
      try {
        await index.refresh();
      } catch (error) {
        deps.logger.warn(
          `Usage index refresh failed; the index stays as it was: ${stringifyError(
            error,
          )}`,
        );
      }
    },
  });
  deps.lifecycle.addStartupHook(() => {
    index
      .snapshot()
      .catch(error =>
        deps.logger.warn(
          `Usage index not loaded at start: ${stringifyError(error)}`,
        ),
      );
  });
  return index;
}
