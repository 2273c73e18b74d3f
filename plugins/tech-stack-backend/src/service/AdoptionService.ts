import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CampaignConfig } from '@techstack/plugin-tech-stack-common';
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
import { CatalogVisibility } from './index/CatalogVisibility';
import { UsageIndex } from './index/UsageIndex';

/** Options of {@link AdoptionService}. */
export interface AdoptionServiceOptions {
  /** The backend's usage index (whole catalog). */
  index: UsageIndex;
  /** What each caller may see of the catalog. */
  visibility: CatalogVisibility;
  /** The clock; tests replace it. */
  now?: () => Date;
  /** Migration campaigns (`techStack.campaigns`), named on the compliance answer's components. */
  campaigns?: CampaignConfig[];
}

/** The ref as the index writes it, if it is one. */
function normalRef(ref: string): string | undefined {
  try {
    return stringifyEntityRef(parseEntityRef(ref));
  } catch {
    return undefined;
  }
}

/** Distinct answers (query shapes) kept per snapshot. */
const MAX_ANSWERS_PER_SNAPSHOT = 200;

/**
 * Which teams use which technologies, as the caller may see them: the
 * backend's one usage index ({@link UsageIndex}), narrowed to the entities
 * the caller's catalog permissions allow ({@link CatalogVisibility}); the
 * adoption, compliance and stack views are projections of that snapshot,
 * each built once per snapshot and question. Callers allowed to read the
 * whole catalog share one snapshot and its answers.
 */
export class AdoptionService {
  private readonly index: UsageIndex;
  private readonly visibility: CatalogVisibility;
  private readonly now: () => Date;
  private readonly campaigns: CampaignConfig[];
  /** A caller's narrowed snapshot, by its visible set, while the index is the same. */
  private readonly views = new WeakMap<
    ReadonlySet<string>,
    { full: UsageSnapshot; view: UsageSnapshot }
  >();
  /** Answers already built from a snapshot, by view and query; they live as long as it. */
  private readonly answers = new WeakMap<UsageSnapshot, Map<string, unknown>>();

  constructor(options: AdoptionServiceOptions) {
    this.index = options.index;
    this.visibility = options.visibility;
    this.now = options.now ?? (() => new Date());
    this.campaigns = options.campaigns ?? [];
  }

  /**
   * The usage snapshot as the caller sees the catalog; with `knowing`, an
   * entity ref, refreshed first when the index does not know that entity
   * yet (just added to the catalog).
   */
  async getSnapshot(
    credentials: BackstageCredentials,
    knowing?: string,
  ): Promise<UsageSnapshot> {
    // the index first: a caller's visible entities are matched with its entities
    const full = knowing
      ? await this.index.snapshotKnowing(knowing)
      : await this.index.snapshot();
    const visible = await this.visibility.visibleTo(credentials);
    if (visible === 'all') return full;
    let entry = this.views.get(visible);
    if (!entry || entry.full !== full) {
      entry = { full, view: full.restrictTo(visible) };
      this.views.set(visible, entry);
    }
    return entry.view;
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
    const snapshot = await this.getSnapshot(
      options.credentials,
      normalRef(options.entityRef),
    );
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
}
