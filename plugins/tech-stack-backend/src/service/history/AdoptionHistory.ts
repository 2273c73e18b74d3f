import {
  AuthService,
  BackstageCredentials,
  DatabaseService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError, stringifyError } from '@backstage/errors';
import type {
  AdoptionHistoryQuery,
  AdoptionHistoryResponse,
} from '@techstack/plugin-tech-stack-common';
import { AdoptionService } from '../AdoptionService';
import { UsageSnapshot } from '../adoption/UsageSnapshot';
import { buildCompliance } from '../adoption/buildCompliance';
import { resolveTeamRef } from '../adoption/scope';
import {
  AdoptionCount,
  AdoptionHistoryStore,
  ComplianceCount,
} from './AdoptionHistoryStore';
import { exampleDay } from './exampleHistory';
import { openPluginDatabase } from './migrations';
import { readFrequency } from '../util/readFrequency';

/** The id of the snapshot task in the scheduler. */
export const SNAPSHOT_TASK_ID = 'tech-stack-adoption-snapshot';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Days a query may span at most (two years, a leap day included). */
export const MAX_SPAN_DAYS = 731;
/** Days a query spans without `from`. */
export const DEFAULT_SPAN_DAYS = 180;
/** Days of made-up history `techStack.history.exampleSeed` writes. */
export const EXAMPLE_SEED_DAYS = 180;

/** `YYYY-MM-DD` of a time, in UTC. */
export function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The day `days` after (or, negative, before) a `YYYY-MM-DD` day. */
export function addDays(day: string, days: number): string {
  return toDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS,
  );
}

/**
 * The counts of one adoption snapshot: per technology and owner, the
 * components using it (owner `''` for components without one), and per
 * owner the compliance findings as `GET /compliance` counts them.
 */
export function countSnapshot(snapshot: UsageSnapshot): {
  adoption: AdoptionCount[];
  compliance: ComplianceCount[];
} {
  const adoption = new Map<string, AdoptionCount>();
  for (const component of snapshot.components) {
    const teamRef = component.owner ?? '';
    const seen = new Set<string>();
    for (const { technologyRef } of component.usages) {
      if (seen.has(technologyRef)) continue;
      seen.add(technologyRef);
      const key = JSON.stringify([technologyRef, teamRef]);
      const count = adoption.get(key);
      if (count) count.components++;
      else adoption.set(key, { technologyRef, teamRef, components: 1 });
    }
  }
  const compliance = buildCompliance(snapshot, {}).teams.map(team => ({
    teamRef: team.ref,
    hold: team.hold,
    offGuide: team.offGuide,
  }));
  return { adoption: [...adoption.values()], compliance };
}

/** Options of {@link AdoptionHistory}. */
export interface AdoptionHistoryOptions {
  store: AdoptionHistoryStore;
  adoption: AdoptionService;
  auth: AuthService;
  logger: LoggerService;
  /** Days kept; older days are pruned after each snapshot. */
  retentionDays: number;
  /**
   * Made-up days before the first snapshot, for a demo portal: when a
   * snapshot finds none of these days stored, it writes them (see
   * {@link exampleDay}). None by default.
   */
  exampleSeedDays?: number;
  /** The clock; tests replace it. */
  now?: () => Date;
}

/**
 * Adoption over time: a snapshot of the adoption counts (technology × team,
 * and each team's hold and not-in-guide usages) once per schedule run, kept
 * per day in the plugin's own database, and `GET /adoption/history` over it.
 *
 * The counts are aggregates over the whole catalog as the plugin sees it
 * (taken with the plugin's own service credentials); a caller is only
 * answered for a technology and a team it can see itself.
 */
export class AdoptionHistory {
  private readonly store: AdoptionHistoryStore;
  private readonly adoption: AdoptionService;
  private readonly auth: AuthService;
  private readonly logger: LoggerService;
  private readonly retentionDays: number;
  private readonly exampleSeedDays: number;
  private readonly now: () => Date;

  /**
   * Opens the database (running the migrations), reads
   * `techStack.history.*` and schedules the snapshot task.
   */
  static async fromConfig(
    config: RootConfigService,
    deps: {
      database: DatabaseService;
      scheduler: SchedulerService;
      adoption: AdoptionService;
      auth: AuthService;
      logger: LoggerService;
    },
  ): Promise<AdoptionHistory> {
    const retentionDays =
      config.getOptionalNumber('techStack.history.retentionDays') ?? 730;
    if (!Number.isInteger(retentionDays) || retentionDays < 1) {
      throw new InputError(
        `Invalid config at 'techStack.history.retentionDays': expected a whole number of days, at least 1`,
      );
    }
    const frequency = readFrequency(config, 'techStack.history.frequency', {
      hours: 24,
    });
    const history = new AdoptionHistory({
      store: new AdoptionHistoryStore(await openPluginDatabase(deps.database)),
      adoption: deps.adoption,
      auth: deps.auth,
      logger: deps.logger,
      retentionDays,
      exampleSeedDays: config.getOptionalBoolean(
        'techStack.history.exampleSeed',
      )
        ? EXAMPLE_SEED_DAYS
        : 0,
    });
    await deps.scheduler.scheduleTask({
      id: SNAPSHOT_TASK_ID,
      frequency,
      timeout: { minutes: 15 },
      // give the catalog time to settle after a start
      initialDelay: { minutes: 2 },
      scope: 'global',
      fn: async () => {
        try {
          await history.takeSnapshot();
        } catch (error) {
          deps.logger.error(
            `Adoption snapshot failed: ${stringifyError(error)}`,
          );
          throw error;
        }
      },
    });
    return history;
  }

  constructor(options: AdoptionHistoryOptions) {
    this.store = options.store;
    this.adoption = options.adoption;
    this.auth = options.auth;
    this.logger = options.logger;
    this.retentionDays = options.retentionDays;
    this.exampleSeedDays = Math.min(
      options.exampleSeedDays ?? 0,
      options.retentionDays - 1,
    );
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Counts adoption as the plugin sees the catalog and stores it as today's
   * snapshot (replacing an earlier one of the same day), then prunes days
   * past the retention. A catalog without technologies (not ingested yet)
   * writes nothing, so a start does not record a day of zeros.
   */
  async takeSnapshot(): Promise<{ day: string; rows: number } | undefined> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const snapshot = await this.adoption.getSnapshot(credentials);
    if (snapshot.technologies.length === 0) {
      this.logger.info('Adoption snapshot skipped: no technologies yet');
      return undefined;
    }
    const now = this.now();
    const day = toDay(now);
    const counts = countSnapshot(snapshot);
    await this.store.writeDay({ day, takenAt: now, ...counts });
    await this.seedExample(day, counts);
    const pruned = await this.store.pruneBefore(
      addDays(day, -(this.retentionDays - 1)),
    );
    const rows = counts.adoption.length + counts.compliance.length;
    this.logger.info(
      `Adoption snapshot of ${day}: ${rows} rows${
        pruned ? `, ${pruned} old days pruned` : ''
      }`,
    );
    return { day, rows };
  }

  /** With `exampleSeedDays`, writes made-up days before `day` if none is stored. */
  private async seedExample(
    day: string,
    counts: { adoption: AdoptionCount[]; compliance: ComplianceCount[] },
  ): Promise<void> {
    const span = this.exampleSeedDays;
    if (span < 1) return;
    const stored = await this.store.days(addDays(day, -span), addDays(day, -1));
    if (stored.length > 0) return;
    for (let daysAgo = span; daysAgo >= 1; daysAgo--) {
      const seeded = addDays(day, -daysAgo);
      await this.store.writeDay({
        day: seeded,
        takenAt: new Date(`${seeded}T00:00:00.000Z`),
        ...exampleDay(counts, { day: seeded, daysAgo, span }),
      });
    }
    this.logger.info(
      `Adoption history: wrote ${span} days of example history (techStack.history.exampleSeed)`,
    );
  }

  /**
   * `GET /adoption/history`: a technology's components and teams per
   * snapshot day (within a team and the groups below it, if one is given),
   * or a team's hold and not-in-guide usages per day. Unknown or invisible
   * technologies and teams are a 404; a bad range an InputError.
   */
  async getHistory(options: {
    credentials: BackstageCredentials;
    query: AdoptionHistoryQuery;
  }): Promise<AdoptionHistoryResponse> {
    const { query } = options;
    const to = query.to ?? toDay(this.now());
    const from = query.from ?? addDays(to, -(DEFAULT_SPAN_DAYS - 1));
    if (from > to) {
      throw new InputError(
        `Invalid query parameter 'from': ${from} is after 'to' (${to})`,
      );
    }
    if (daysBetween(from, to) >= MAX_SPAN_DAYS) {
      throw new InputError(
        `Invalid query parameter 'from': the range spans more than ${MAX_SPAN_DAYS} days`,
      );
    }
    if (!query.technology && !query.team) {
      throw new InputError(
        `Invalid query parameter 'technology': give a technology, a team or both`,
      );
    }
    const snapshot = await this.adoption.getSnapshot(options.credentials);
    const team = query.team
      ? resolveTeamRef(snapshot, query.team, "Invalid query parameter 'team'")
      : undefined;
    const teamInfo = team
      ? {
          ref: team,
          ...(snapshot.org.get(team)?.title
            ? { title: snapshot.org.get(team)!.title }
            : {}),
        }
      : undefined;
    const teams = team ? snapshot.org.subtree(team) : undefined;
    if (query.technology) {
      const technology = snapshot.matcher.match(query.technology);
      if (!technology) {
        const suggestions = snapshot.matcher.suggest(query.technology);
        throw new NotFoundError(
          `No technology '${query.technology}' in the catalog${
            suggestions.length
              ? `; did you mean ${suggestions.join(', ')}?`
              : ''
          }`,
        );
      }
      return {
        kind: 'technology',
        technology: { ref: technology.ref, title: technology.title },
        ...(teamInfo ? { team: teamInfo } : {}),
        from,
        to,
        points: await this.store.technologyHistory({
          technologyRef: technology.ref,
          from,
          to,
          teams,
        }),
      };
    }
    return {
      kind: 'team',
      team: teamInfo!,
      from,
      to,
      points: await this.store.complianceHistory({
        teams: teams!,
        from,
        to,
      }),
    };
  }
}
