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
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
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
  GuideModel,
  GuideWarning,
  guideToTechnologyEntities,
  parseGuide,
  TECHNOLOGY_KIND,
  TechnologyEntity,
} from '@techstack/plugin-tech-stack-common';
import { TechnologyIndex } from '../processor/TechnologyIndex';
import {
  readTechStackConfig,
  TechStackConfig,
  TechStackGuideConfig,
} from './config';
import { applyOverrides, loadOverrides } from './overrides';
import { readTargetText, ResolvedTarget, resolveTarget } from './readGuide';
import { RingHistoryTracker } from './ringHistory';

/**
 * What one run of a guide provider produced.
 *
 * @public
 */
export interface GuideRefreshResult {
  /** The guide's configured id. */
  id: string;
  /** How many Technology entities were handed to the catalog. */
  technologies: number;
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
  /** Reads back the Technology entities of earlier runs, to seed the ring history. */
  catalog?: CatalogService;
  auth?: AuthService;
  /** Told about every emitted set, so usage resolution knows fresh technologies at once. */
  index?: TechnologyIndex;
  /** Resolves once the backend has started (the catalog API answers); runs wait for it. */
  ready?: Promise<void>;
}

/**
 * Reads one configured technology stack guide, on a schedule, and keeps its
 * `Technology` entities in the catalog (a full mutation per run, so tools that
 * left the guide disappear).
 *
 * A run that cannot read the guide, or reads a guide with no technology in
 * it, changes nothing in the catalog (the entities of the last good run stay)
 * and logs one error naming the guide, its target and the reason.
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
  readonly #history = new RingHistoryTracker();
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

  getProviderName(): string {
    return `tech-stack-guide:${this.#guide.id}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.#taskRunner?.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async () => {
        try {
          await this.refresh();
        } catch {
          // refresh() has logged the failure, once.
        }
      },
    });
  }

  /**
   * Reads the guide now and hands its entities to the catalog. Runs of one
   * provider never overlap. Rejects (after logging) when the guide could not
   * be ingested; the catalog then keeps the entities of the last good run.
   */
  refresh(): Promise<GuideRefreshResult> {
    const run = this.#queue.then(() => this.#run());
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #run(): Promise<GuideRefreshResult> {
    const connection = this.#connection;
    if (!connection) {
      throw new ServiceUnavailableError(
        `Tech stack guide '${
          this.#guide.id
        }' is not connected to the catalog yet`,
      );
    }
    await this.#deps.ready;
    await this.#seedHistory();

    const { id } = this.#guide;
    const fail = (reason: string, cause?: unknown): never => {
      const message = `Tech stack guide '${id}' (${
        this.#guide.target
      }) was not ingested: ${reason}; the catalog keeps the technologies of the last successful run`;
      this.#logger.error(message);
      throw cause
        ? new ForwardedError(message, cause)
        : new InputError(message);
    };

    let text = '';
    try {
      text = await readTargetText(this.#target, this.#deps.urlReader);
    } catch (error) {
      fail(`the guide could not be read (${(error as Error).message})`, error);
    }

    let model: GuideModel | undefined;
    try {
      model = parseGuide(text, {
        defaultRing: this.#settings.defaultRing,
        aliases: this.#settings.aliases,
        columnRings: this.#settings.columnRings,
      });
    } catch (error) {
      fail(
        `the guide could not be parsed (${(error as Error).message})`,
        error,
      );
    }
    if (!model || model.technologies.length === 0) {
      return fail('the guide contains no technologies');
    }

    let overrides: Awaited<ReturnType<typeof loadOverrides>> = [];
    try {
      overrides = await loadOverrides(
        this.#settings.overrides,
        this.#deps.urlReader,
      );
    } catch (error) {
      fail(
        `the overrides could not be loaded (${(error as Error).message})`,
        error,
      );
    }

    const generated = guideToTechnologyEntities(model, {
      owner: this.#guide.owner,
      guideId: id,
      sourceLocation: this.#target.target,
    });
    const overridden = applyOverrides(generated, overrides);
    for (const warning of overridden.warnings) {
      this.#logger.warn(`Tech stack guide '${id}': ${warning}`);
    }
    const located = overridden.entities.map(entity => this.#locate(entity));
    const { entities, state } = this.#history.stamp(located);

    await connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: this.getProviderName(),
      })),
    });
    this.#history.commit(state);
    this.#deps.index?.setLocalTechnologies(id, entities);

    const warnings = [
      ...model.warnings.map(
        (w: GuideWarning) => `line ${w.line}: ${w.message}`,
      ),
      ...overridden.warnings,
    ];
    for (const warning of model.warnings) {
      this.#logger.debug(
        `Tech stack guide '${id}' line ${warning.line}: ${warning.message}`,
      );
    }
    this.#logger.info(
      `Tech stack guide '${id}' read from ${this.#target.target}: ${
        entities.length
      } technologies, ${warnings.length} warnings`,
    );
    return { id, technologies: entities.length, warnings };
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

  /** Seeds the ring history, once, from what earlier runs left in the catalog. */
  async #seedHistory(): Promise<void> {
    if (this.#history.seeded) {
      return;
    }
    const { catalog, auth } = this.#deps;
    if (!catalog || !auth) {
      this.#history.markSeeded();
      return;
    }
    try {
      const credentials = await auth.getOwnServiceCredentials();
      const { items } = await catalog.getEntities(
        {
          filter: {
            kind: TECHNOLOGY_KIND,
            [`metadata.annotations.${ANNOTATION_TECHSTACK_GUIDE}`]:
              this.#guide.id,
          },
          fields: ['metadata.name', 'metadata.annotations', 'spec.ring'],
        },
        { credentials },
      );
      this.#history.seed(items);
    } catch (error) {
      this.#logger.warn(
        `Tech stack guide '${
          this.#guide.id
        }': could not read its earlier Technology entities to seed the ring history; history restarts from this run (${error})`,
      );
      this.#history.markSeeded();
    }
  }
}
