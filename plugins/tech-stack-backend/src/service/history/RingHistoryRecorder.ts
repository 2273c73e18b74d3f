import {
  AuthService,
  DatabaseService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_TECHSTACK_GUIDE,
  ANNOTATION_TECHSTACK_RING_HISTORY,
  TECHNOLOGY_KIND,
  isRing,
  parseRingHistory,
} from '@techstack/plugin-tech-stack-common';
import { exampleRingHistory } from './exampleRingHistory';
import { openPluginDatabase } from './migrations';
import { ObservedTechnology, nextRingEvents } from './ringHistoryEvents';
import { RingHistoryStore } from './RingHistoryStore';
import { readFrequency } from '../util/readFrequency';

/** The id of the ring history task in the scheduler. */
export const RING_HISTORY_TASK_ID = 'tech-stack-ring-history';

const PAGE_SIZE = 500;
const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'metadata.title',
  'metadata.annotations',
  'spec.ring',
  'spec.ringReason',
  'spec.type',
  'spec.layers',
];

/** Options of {@link RingHistoryRecorder}. */
export interface RingHistoryRecorderOptions {
  store: RingHistoryStore;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  /**
   * For a demo portal: when the ring history is empty, write made-up
   * history ({@link exampleRingHistory}) instead of the annotations' changes.
   */
  exampleSeed?: boolean;
  /** The clock; tests replace it. */
  now?: () => Date;
}

/**
 * Records the rings of the Technology entities in the plugin's database
 * (`techstack_ring_history`), without the ring-history annotation's cap of
 * ten changes and with removals: each run reads every technology with the
 * plugin's own service credentials, compares it with the latest recorded
 * event (see `nextRingEvents`) and appends what changed. The first run
 * backfills each technology's annotation. Runs of two replicas at once write
 * each event once (the store ignores an event number already taken).
 */
export class RingHistoryRecorder {
  private readonly store: RingHistoryStore;
  private readonly catalog: CatalogService;
  private readonly auth: AuthService;
  private readonly logger: LoggerService;
  private readonly exampleSeed: boolean;
  private readonly now: () => Date;

  /**
   * Opens the database (running the migrations), reads
   * `techStack.history.ringFrequency` and `exampleSeed`, and schedules the
   * recording task (global: one replica runs it). The store is returned
   * for the radar to read.
   */
  static async fromConfig(
    config: RootConfigService,
    deps: {
      database: DatabaseService;
      scheduler: SchedulerService;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
    },
  ): Promise<{ recorder: RingHistoryRecorder; store: RingHistoryStore }> {
    const frequency = readFrequency(config, 'techStack.history.ringFrequency', {
      minutes: 5,
    });
    const store = new RingHistoryStore(await openPluginDatabase(deps.database));
    const recorder = new RingHistoryRecorder({
      store,
      catalog: deps.catalog,
      auth: deps.auth,
      logger: deps.logger,
      exampleSeed:
        config.getOptionalBoolean('techStack.history.exampleSeed') ?? false,
    });
    await deps.scheduler.scheduleTask({
      id: RING_HISTORY_TASK_ID,
      frequency,
      timeout: { minutes: 5 },
      // give the catalog time to ingest the guides after a start
      initialDelay: { minutes: 1 },
      scope: 'global',
      fn: () => recorder.run(),
    });
    return { recorder, store };
  }

  constructor(options: RingHistoryRecorderOptions) {
    this.store = options.store;
    this.catalog = options.catalog;
    this.auth = options.auth;
    this.logger = options.logger;
    this.exampleSeed = options.exampleSeed ?? false;
    this.now = options.now ?? (() => new Date());
  }

  /** {@link RingHistoryRecorder.record}, a failure logged as a warning (the next run tries again). */
  async run(): Promise<void> {
    try {
      await this.record();
    } catch (error) {
      this.logger.warn(
        `Ring history not recorded this run: ${stringifyError(error)}`,
      );
    }
  }

  /**
   * Reads the technologies and appends the events since the last run; the
   * number of events written, or `undefined` when the catalog has no
   * technologies (not ingested yet: nothing is recorded, no removal either).
   */
  async record(): Promise<number | undefined> {
    const observed = await this.observe();
    if (observed.size === 0) {
      this.logger.info('Ring history skipped: no technologies yet');
      return undefined;
    }
    const now = this.now();
    const empty = await this.store.isEmpty();
    if (empty && this.exampleSeed) {
      const written = await this.store.append(
        exampleRingHistory([...observed.values()], now),
        now,
      );
      this.logger.info(
        `Ring history: wrote ${written} events of example history (techStack.history.exampleSeed)`,
      );
      return written;
    }
    const latest = empty ? new Map() : await this.store.latest();
    const events = nextRingEvents(observed, latest, { now, backfill: empty });
    const written = events.length ? await this.store.append(events, now) : 0;
    if (written) {
      this.logger.info(
        `Ring history: ${written} events recorded${
          empty ? ' (first run, from the ring-history annotations)' : ''
        }`,
      );
    }
    return written;
  }

  /** The Technology entities, as the plugin sees the catalog. */
  private async observe(): Promise<Map<string, ObservedTechnology>> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const observed = new Map<string, ObservedTechnology>();
    for await (const page of this.catalog.streamEntities(
      {
        filter: { kind: TECHNOLOGY_KIND },
        fields: FIELDS,
        pageSize: PAGE_SIZE,
      },
      { credentials },
    )) {
      for (const entity of page) {
        const spec = (entity.spec ?? {}) as Record<string, unknown>;
        if (!isRing(spec.ring)) continue;
        const ref = stringifyEntityRef(entity);
        const annotations = entity.metadata.annotations ?? {};
        const technology: ObservedTechnology = {
          ref,
          title: entity.metadata.title ?? entity.metadata.name,
          ring: spec.ring,
          details: {
            ...(typeof spec.type === 'string' ? { type: spec.type } : {}),
            ...(Array.isArray(spec.layers)
              ? {
                  layers:
                    spec.layers as ObservedTechnology['details']['layers'],
                }
              : {}),
          },
          annotation: parseRingHistory(
            annotations[ANNOTATION_TECHSTACK_RING_HISTORY],
          ).entries,
        };
        const guide = annotations[ANNOTATION_TECHSTACK_GUIDE];
        if (guide) technology.guide = guide;
        if (typeof spec.ringReason === 'string' && spec.ringReason) {
          technology.reason = spec.ringReason;
        }
        observed.set(ref, technology);
      }
    }
    return observed;
  }
}
