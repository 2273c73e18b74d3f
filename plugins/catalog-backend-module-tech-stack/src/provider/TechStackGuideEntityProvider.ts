import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  ConflictError,
  ForwardedError,
  InputError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  CatalogService,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_TECHSTACK_GUIDE,
  GuideWarning,
  TECHNOLOGY_KIND,
  TechnologyEntity,
} from '@techstack/plugin-tech-stack-common';
import { durationToMilliseconds } from '@backstage/types';
import { GuideRunStore } from '../database/GuideRunStore';
import { TechnologyTransitionNotifier } from '../notifications/TechnologyTransitionNotifier';
import { TechnologyIndex } from '../processor/TechnologyIndex';
import {
  DEFAULT_MAX_DROP_SHARE,
  DEFAULT_PARSER_TIMEOUT,
  readTechStackConfig,
  TechStackConfig,
  TechStackGuideConfig,
} from './config';
import { GuideRunOutcome, OUTCOME_WARNING_LIMIT } from './GuideRunOutcome';
import { IngestionMetrics } from './IngestionMetrics';
import { applyOverrides, loadOverrides } from './overrides';
import {
  parseInWorker,
  ParseTimeoutError,
  WorkerParseResult,
} from './parseInWorker';
import { readTargetText, ResolvedTarget, resolveTarget } from './readGuide';
import { stampRingHistory } from './ringHistory';

/** How many parser warnings a run logs one by one (after one line with their count). */
const LOGGED_WARNING_LIMIT = 20;

/**
 * What one successful run of a guide provider produced.
 *
 * @public
 */
export interface GuideRefreshResult {
  /** The guide's configured id. */
  id: string;
  /** How many Technology entities were handed to the catalog. */
  technologies: number;
  /** How many of the guide's Technology entities the catalog held before the run, when known. */
  previous?: number;
  /** Whether the drop check was skipped for this run. */
  forced: boolean;
  /** What the parser could not place, and overrides that matched nothing. */
  warnings: string[];
}

/**
 * The services a guide provider uses.
 *
 * @public
 */
export interface TechStackGuideEntityProviderDeps {
  logger: LoggerService;
  urlReader: UrlReaderService;
  /**
   * Reads the guide's Technology entities as the catalog holds them, on every
   * run: the base of the ring history and of the drop check. Without it (and
   * `auth`) neither applies.
   */
  catalog?: CatalogService;
  auth?: AuthService;
  /** Told about every emitted set, so usage resolution knows fresh technologies at once. */
  index?: TechnologyIndex;
  /** Resolves once the backend has started (the catalog API answers); runs wait for it. */
  ready?: Promise<void>;
  /** Shared with the other replicas: force requests in, outcomes of scheduled runs out. */
  runs?: GuideRunStore;
  /** Records every run of this process (duration, technologies, warnings, failures); none without it. */
  metrics?: IngestionMetrics;
  /**
   * Tells owners when an applied run moved a technology they use to `hold`
   * or removed it (needs `catalog` and `auth` for the entities before the
   * run); never fails the run.
   */
  notifier?: TechnologyTransitionNotifier;
}

/**
 * Reads one configured technology stack guide, on a schedule, and keeps its
 * `Technology` entities in the catalog (a full mutation per run, so tools that
 * left the guide disappear).
 *
 * Each run reads the guide, parses it in a worker thread (past
 * `techStack.parser.timeout` the worker is stopped), applies the overrides,
 * stamps the ring history against the guide's entities as the catalog holds
 * them, and applies the result; then the
 * {@link TechStackGuideEntityProviderDeps.notifier}, when given, tells the
 * owners of what uses a technology that went on hold or left the guide (a
 * notification failure is a warning, never a failed run). A run that cannot
 * read or parse the guide,
 * finds no technology in it, or would remove more than
 * `techStack.ingestion.maxDropShare` of the guide's technologies (unless
 * forced) changes nothing in the catalog (the entities of the last good run
 * stay) and logs one error naming the guide, its target and the reason.
 * Parser warnings are logged at warn level: one line with their count, then
 * the first 20.
 *
 * Nothing is kept in memory between runs, so any replica may run the
 * scheduled task. The outcome of each scheduled run is recorded in the
 * {@link TechStackGuideEntityProviderDeps.runs} store for the refresh
 * endpoint of any replica.
 *
 * @public
 */
export class TechStackGuideEntityProvider implements EntityProvider {
  readonly #guide: TechStackGuideConfig;
  readonly #settings: Omit<TechStackConfig, 'guides' | 'owner'>;
  readonly #deps: TechStackGuideEntityProviderDeps;
  readonly #logger: LoggerService;
  readonly #taskRunner?: SchedulerServiceTaskRunner;
  readonly #target: ResolvedTarget;
  #connection?: EntityProviderConnection;
  #queue: Promise<unknown> = Promise.resolve();

  /**
   * Creates one provider per guide of `techStack.guides`, each scheduled by
   * its own `schedule` (default: every 30 minutes).
   */
  static fromConfig(
    config: Config,
    deps: TechStackGuideEntityProviderDeps & { scheduler: SchedulerService },
  ): TechStackGuideEntityProvider[] {
    const techStack = readTechStackConfig(config);
    const { guides, owner: _owner, ...settings } = techStack;
    return guides.map(
      guide =>
        new TechStackGuideEntityProvider({
          guide,
          settings,
          taskRunner: deps.scheduler.createScheduledTaskRunner(guide.schedule),
          ...deps,
        }),
    );
  }

  constructor(
    options: {
      guide: TechStackGuideConfig;
      settings?: Omit<TechStackConfig, 'guides' | 'owner'>;
      /** Without one, the guide is only read through {@link TechStackGuideEntityProvider.refresh}. */
      taskRunner?: SchedulerServiceTaskRunner;
    } & TechStackGuideEntityProviderDeps,
  ) {
    this.#guide = options.guide;
    this.#settings = options.settings ?? {};
    this.#deps = options;
    this.#taskRunner = options.taskRunner;
    this.#target = resolveTarget(options.guide.target);
    this.#logger = options.logger.child({
      class: TechStackGuideEntityProvider.name,
      guide: options.guide.id,
    });
  }

  /** The configured id of the guide. */
  get guideId(): string {
    return this.#guide.id;
  }

  /** The id of the scheduled task that reads the guide. */
  get taskId(): string {
    return `${this.getProviderName()}:refresh`;
  }

  /** How long one scheduled run may take (the schedule's timeout), in milliseconds. */
  get runTimeoutMs(): number {
    const timeout = this.#guide.schedule.timeout;
    return 'toMillis' in timeout
      ? timeout.toMillis()
      : durationToMilliseconds(timeout);
  }

  getProviderName(): string {
    return `tech-stack-guide:${this.#guide.id}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.#taskRunner?.run({
      id: this.taskId,
      fn: () => this.#scheduledRun(),
    });
  }

  /**
   * Reads the guide now, in this process, and hands its entities to the
   * catalog. Runs of one provider in one process never overlap (across
   * replicas, the scheduler's lock keeps the scheduled runs apart). Rejects
   * (after logging) when the guide could not be ingested; the catalog then
   * keeps the entities of the last good run. `force` skips the drop check.
   * Each run (not the wait for the one before) is recorded in the
   * {@link TechStackGuideEntityProviderDeps.metrics}, when given.
   */
  refresh(options: { force?: boolean } = {}): Promise<GuideRefreshResult> {
    const force = options.force ?? false;
    const { metrics } = this.#deps;
    const run = this.#queue.then(() =>
      metrics
        ? metrics.observe(this.#guide.id, () => this.#run(force))
        : this.#run(force),
    );
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** One run of the scheduled task: takes a pending force request, runs, records the outcome. */
  async #scheduledRun(): Promise<void> {
    const { runs } = this.#deps;
    const id = this.#guide.id;
    let forced = false;
    let outcome: GuideRunOutcome;
    try {
      forced = (await runs?.takeForce(id)) ?? false;
      const result = await this.refresh({ force: forced });
      outcome = {
        id,
        status: 'applied',
        technologies: result.technologies,
        ...(result.previous !== undefined ? { previous: result.previous } : {}),
        forced,
        warnings: result.warnings.slice(0, OUTCOME_WARNING_LIMIT),
        warningCount: result.warnings.length,
        finishedAt: new Date().toISOString(),
      };
    } catch (error) {
      // refresh() has logged the failure, once.
      const { name, message } = error as Error;
      outcome = {
        id,
        status: 'failed',
        technologies: 0,
        forced,
        warnings: [],
        warningCount: 0,
        error: { name, message },
        finishedAt: new Date().toISOString(),
      };
    }
    try {
      await runs?.recordRun(id, outcome);
    } catch (error) {
      this.#logger.warn(
        `Tech stack guide '${id}': could not record the outcome of this run for the refresh endpoint: ${error}`,
      );
    }
  }

  #fail(
    reason: string,
    options: { cause?: unknown; conflict?: boolean } = {},
  ): never {
    const message = `Tech stack guide '${this.#guide.id}' (${
      this.#target.display
    }) was not ingested: ${reason}; the catalog keeps the technologies of the last successful run`;
    let error: Error;
    if (options.conflict) {
      error = new ConflictError(message);
    } else if (options.cause !== undefined) {
      error = new ForwardedError(message, options.cause);
    } else {
      error = new InputError(message);
    }
    this.#logger.error(error.message);
    throw error;
  }

  async #run(force: boolean): Promise<GuideRefreshResult> {
    const connection = this.#connection;
    if (!connection) {
      throw new ServiceUnavailableError(
        `Tech stack guide '${
          this.#guide.id
        }' is not connected to the catalog yet`,
      );
    }
    await this.#deps.ready;
    const { id } = this.#guide;

    let previous: Entity[] | undefined;
    try {
      previous = await this.#readCurrentEntities();
    } catch (error) {
      this.#fail(
        'its Technology entities could not be read from the catalog (they are the base of the ring history and of the drop check)',
        { cause: error },
      );
    }

    let text = '';
    try {
      text = await readTargetText(this.#target, this.#deps.urlReader);
    } catch (error) {
      this.#fail('the guide could not be read', { cause: error });
    }

    const parsed = await this.#parse(text);
    if (parsed.entities.length === 0) {
      this.#fail('the guide contains no technologies');
    }
    this.#logParserWarnings(parsed.warnings);

    let overrides: Awaited<ReturnType<typeof loadOverrides>> = [];
    try {
      overrides = await loadOverrides(
        this.#settings.overrides,
        this.#deps.urlReader,
      );
    } catch (error) {
      this.#fail('the overrides could not be loaded', { cause: error });
    }
    const overridden = applyOverrides(parsed.entities, overrides);
    for (const warning of overridden.warnings.slice(0, LOGGED_WARNING_LIMIT)) {
      this.#logger.warn(`Tech stack guide '${id}': ${warning}`);
    }
    const located = overridden.entities.map(entity => this.#locate(entity));
    const entities = stampRingHistory(
      previous ?? [],
      located,
      new Date(),
      (name, problems) =>
        this.#logger.warn(
          `Tech stack guide '${id}': technology '${name}' has a malformed techstack.dev/ring-history annotation (${problems.join(
            '; ',
          )}); the malformed part is dropped`,
        ),
    );

    if (previous && !force) {
      this.#checkDrop(previous.length, entities.length);
    }

    await connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: this.getProviderName(),
      })),
    });
    this.#deps.index?.setLocalTechnologies(id, entities);
    if (previous) {
      await this.#deps.notifier?.guideApplied({
        guideId: id,
        previous,
        entities,
      });
    }

    const warnings = [
      ...parsed.warnings.map(
        (w: GuideWarning) => `line ${w.line}: ${w.message}`,
      ),
      ...overridden.warnings,
    ];
    this.#logger.info(
      `Tech stack guide '${id}' read from ${this.#target.display}: ${
        entities.length
      } technologies${previous ? ` (${previous.length} before)` : ''}, ${
        warnings.length
      } warnings${force ? ', forced' : ''}`,
    );
    return {
      id,
      technologies: entities.length,
      ...(previous ? { previous: previous.length } : {}),
      forced: force,
      warnings,
    };
  }

  /** Parses in a worker within `techStack.parser.timeout`. */
  async #parse(text: string): Promise<WorkerParseResult> {
    const timeout = this.#settings.parserTimeout ?? DEFAULT_PARSER_TIMEOUT;
    const timeoutMs = durationToMilliseconds(timeout);
    try {
      return await parseInWorker({
        text,
        parseOptions: {
          defaultRing: this.#settings.defaultRing,
          aliases: this.#settings.aliases,
          columnRings: this.#settings.columnRings,
        },
        entityOptions: {
          owner: this.#guide.owner,
          guideId: this.#guide.id,
          sourceLocation: this.#target.display,
        },
        timeoutMs,
      });
    } catch (error) {
      if (error instanceof ParseTimeoutError) {
        return this.#fail(
          `parsing took longer than techStack.parser.timeout (${timeoutMs} ms), so it was stopped; simplify the guide or raise techStack.parser.timeout`,
        );
      }
      return this.#fail('the guide could not be parsed', { cause: error });
    }
  }

  /** Refuses a run that would remove more than `maxDropShare` of the guide's technologies. */
  #checkDrop(before: number, after: number): void {
    const share = this.#settings.maxDropShare ?? DEFAULT_MAX_DROP_SHARE;
    if (before === 0 || before - after <= before * share) {
      return;
    }
    this.#fail(
      `its technology count would drop from ${before} to ${after} (${Math.round(
        ((before - after) / before) * 100,
      )} % fewer; techStack.ingestion.maxDropShare allows ${Math.round(
        share * 100,
      )} %). If the guide is right, force this run with POST /api/catalog/tech-stack/refresh?guide=${
        this.#guide.id
      }&force=true, or raise techStack.ingestion.maxDropShare`,
      { conflict: true },
    );
  }

  #logParserWarnings(warnings: GuideWarning[]): void {
    if (!warnings.length) {
      return;
    }
    const id = this.#guide.id;
    const shown = warnings.slice(0, LOGGED_WARNING_LIMIT);
    this.#logger.warn(
      `Tech stack guide '${id}': ${warnings.length} parser warning${
        warnings.length === 1 ? '' : 's'
      }${
        warnings.length > shown.length
          ? ` (the first ${shown.length} follow)`
          : ''
      }`,
    );
    for (const warning of shown) {
      this.#logger.warn(
        `Tech stack guide '${id}' line ${warning.line}: ${warning.message}`,
      );
    }
  }

  #locate(entity: TechnologyEntity): TechnologyEntity {
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: {
          ...entity.metadata.annotations,
          [ANNOTATION_LOCATION]: this.#target.locationRef,
          [ANNOTATION_ORIGIN_LOCATION]: this.#target.locationRef,
          [ANNOTATION_TECHSTACK_GUIDE]: this.#guide.id,
        },
      },
    };
  }

  /**
   * The guide's Technology entities as the catalog holds them now (uid,
   * name, title, annotations, ring, layers, aliases); undefined without a
   * catalog to ask.
   */
  async #readCurrentEntities(): Promise<Entity[] | undefined> {
    const { catalog, auth } = this.#deps;
    if (!catalog || !auth) {
      return undefined;
    }
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities(
      {
        filter: {
          kind: TECHNOLOGY_KIND,
          [`metadata.annotations.${ANNOTATION_TECHSTACK_GUIDE}`]:
            this.#guide.id,
        },
        fields: [
          'metadata.uid',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'metadata.annotations',
          'spec.ring',
          'spec.layers',
          'spec.aliases',
        ],
      },
      { credentials },
    );
    return items;
  }
}
