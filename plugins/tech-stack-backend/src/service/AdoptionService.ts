import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { TECHNOLOGY_KIND } from '@techstack/plugin-tech-stack-common';
import { PrincipalCache } from './PrincipalCache';
import { CampaignConfig } from './campaigns/readCampaigns';
import { UsageSnapshot } from './adoption/UsageSnapshot';
import { buildAdoption } from './adoption/buildAdoption';
import { buildCompliance } from './adoption/buildCompliance';
import { buildStack } from './adoption/buildStack';
import {
  AdoptionQuery,
  AdoptionResponse,
  ComplianceResponse,
  StackResponse,
} from './adoption/types';
import { UsageSourcesConfig } from './adoption/usage';

/** Options of {@link AdoptionService}. */
export interface AdoptionServiceOptions {
  catalog: CatalogService;
  /** How long the usage snapshot of one caller is reused; 0 disables the cache. */
  cacheTtlSeconds?: number;
  /** Usage sources besides the annotation; both on by default. */
  sources?: Partial<UsageSourcesConfig>;
  /** The clock; tests replace it. */
  now?: () => Date;
  /** Migration campaigns (`techStack.campaigns`), named on the compliance answer's components. */
  campaigns?: CampaignConfig[];
}

/** Only the fields the usage computation reads. */
const COMPONENT_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'metadata.tags',
  'spec.owner',
  'spec.type',
  'relations',
];
const GROUP_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.type',
  'spec.children',
  'spec.parent',
  'relations',
];
const RESOURCE_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.tags',
];
const TECHNOLOGY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.ring',
  'spec.layers',
  'spec.aliases',
  'spec.ringReason',
];
const PAGE_SIZE = 1000;
const MAX_CACHE_ENTRIES = 50;
/** Distinct answers (query shapes) kept per snapshot. */
const MAX_ANSWERS_PER_SNAPSHOT = 200;

/**
 * Which teams use which technologies: loads components, groups, resources and
 * technologies from the catalog with the caller's credentials (only the
 * fields needed, page by page), computes every component's usages once per
 * caller and TTL, and answers the adoption, compliance and stack views.
 */
export class AdoptionService {
  private readonly catalog: CatalogService;
  private readonly sources: UsageSourcesConfig;
  private readonly now: () => Date;
  private readonly campaigns: CampaignConfig[];
  private readonly cache: PrincipalCache<UsageSnapshot>;
  /** Answers already built from a snapshot, by view and query; they live as long as it. */
  private readonly answers = new WeakMap<UsageSnapshot, Map<string, unknown>>();

  constructor(options: AdoptionServiceOptions) {
    this.catalog = options.catalog;
    this.sources = {
      tags: options.sources?.tags ?? true,
      dependencies: options.sources?.dependencies ?? true,
    };
    this.now = options.now ?? (() => new Date());
    this.campaigns = options.campaigns ?? [];
    this.cache = new PrincipalCache({
      ttlMs: Math.max(0, options.cacheTtlSeconds ?? 30) * 1000,
      maxEntries: MAX_CACHE_ENTRIES,
      now: () => this.now().getTime(),
    });
  }

  /** The usage snapshot as the caller sees the catalog (cached per caller). */
  getSnapshot(credentials: BackstageCredentials): Promise<UsageSnapshot> {
    return this.cache.get(credentials, 'snapshot', () =>
      this.loadSnapshot(credentials),
    );
  }

  /** `GET /adoption`: teams × technologies. */
  async getAdoption(options: {
    credentials: BackstageCredentials;
    query: AdoptionQuery;
  }): Promise<AdoptionResponse> {
    const snapshot = await this.getSnapshot(options.credentials);
    return this.answer(snapshot, ['adoption', options.query], () =>
      buildAdoption(snapshot, options.query),
    );
  }

  /** `GET /compliance`: components on hold or off-guide technologies, per team. */
  async getCompliance(options: {
    credentials: BackstageCredentials;
    team?: string;
  }): Promise<ComplianceResponse> {
    const snapshot = await this.getSnapshot(options.credentials);
    return this.answer(snapshot, ['compliance', options.team ?? null], () =>
      buildCompliance(snapshot, {
        team: options.team,
        now: this.now(),
        campaigns: this.campaigns,
      }),
    );
  }

  /** `GET /stack`: the stack of one component or team. */
  async getStack(options: {
    credentials: BackstageCredentials;
    entityRef: string;
  }): Promise<StackResponse> {
    const snapshot = await this.getSnapshot(options.credentials);
    return this.answer(snapshot, ['stack', options.entityRef], () =>
      buildStack(snapshot, options.entityRef),
    );
  }

  /** Per technology ref: how many components and teams use it. */
  async getUsageCounts(
    credentials: BackstageCredentials,
  ): Promise<Map<string, { components: number; teams: number }>> {
    const snapshot = await this.getSnapshot(credentials);
    return snapshot.usageCounts();
  }

  /**
   * The answer built from this snapshot for this view and query, built once:
   * the same caller asking the same question within the snapshot's life gets
   * the same object (which the router also serializes once). Errors are not
   * kept.
   */
  private answer<T>(
    snapshot: UsageSnapshot,
    question: unknown[],
    build: () => T,
  ): T {
    let answers = this.answers.get(snapshot);
    if (!answers) {
      answers = new Map();
      this.answers.set(snapshot, answers);
    }
    const key = JSON.stringify(question);
    if (answers.has(key)) {
      return answers.get(key) as T;
    }
    const value = build();
    if (answers.size >= MAX_ANSWERS_PER_SNAPSHOT) {
      const oldest = answers.keys().next().value;
      if (oldest !== undefined) answers.delete(oldest);
    }
    answers.set(key, value);
    return value;
  }

  private async loadSnapshot(
    credentials: BackstageCredentials,
  ): Promise<UsageSnapshot> {
    const [technologies, components, groups, resources] = await Promise.all([
      this.load(credentials, TECHNOLOGY_KIND, TECHNOLOGY_FIELDS),
      this.load(credentials, 'Component', COMPONENT_FIELDS),
      this.load(credentials, 'Group', GROUP_FIELDS),
      this.sources.dependencies
        ? this.load(credentials, 'Resource', RESOURCE_FIELDS)
        : Promise.resolve([]),
    ]);
    return new UsageSnapshot(
      { technologies, components, groups, resources },
      this.sources,
    );
  }

  private async load(
    credentials: BackstageCredentials,
    kind: string,
    fields: string[],
  ): Promise<Entity[]> {
    const items: Entity[] = [];
    for await (const page of this.catalog.streamEntities(
      { filter: { kind }, fields, pageSize: PAGE_SIZE },
      { credentials },
    )) {
      for (const entity of page) items.push(entity);
    }
    return items;
  }
}
