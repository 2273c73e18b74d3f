import {
  AuthService,
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationSeverity } from '@backstage/plugin-notifications-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  CampaignConfig,
  readCampaigns,
  TechnologyEntity,
} from '@techstack/plugin-tech-stack-common';
import {
  NotificationEvent,
  notificationEventId,
  NotificationLedger,
} from '../database/NotificationLedger';
import { adoptAlternativesIndex } from './adoptAlternatives';
import { campaignsIndex } from './campaigns';
import { composeNotification } from './composeNotification';
import { readNotificationsConfig } from './config';
import { detectTransitions } from './detectTransitions';
import { findAffectedEntities } from './findAffectedEntities';

/** The most notifications one run sends; the rest wait, recorded, for the next runs. */
export const MAX_SENT_PER_RUN = 100;

/** The most notifications one run records; beyond, they are counted in a warning and dropped. */
export const MAX_RECORDED_PER_RUN = 1_000;

/** How many times a notification is tried (one per run) before it is given up. */
export const MAX_SEND_ATTEMPTS = 5;

/** After this long, a notification a process claimed but never closed (it died) may be claimed again. */
export const STALE_CLAIM_MS = 10 * 60_000;

/** How long sent and failed notifications stay recorded. */
export const LEDGER_RETENTION_DAYS = 180;

/**
 * What one run's notifications came to.
 *
 * @public
 */
export interface TransitionNotificationSummary {
  /** Technologies that went on hold or left the guide in this run. */
  transitions: number;
  /** Notifications (one per transition and owner) this run recorded first. */
  recorded: number;
  /** Notifications this run sent (its own, or left pending by earlier runs). */
  sent: number;
  /** Sends that failed in this run (retried by later runs, up to the attempt limit). */
  failed: number;
  /** Notifications beyond the 1,000 one run may record, not recorded. */
  dropped: number;
}

/**
 * The services a {@link TechnologyTransitionNotifier} uses.
 *
 * @public
 */
export interface TechnologyTransitionNotifierDeps {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  notifications: NotificationService;
}

/**
 * Tells the owners of the entities that use a technology, once, when an
 * ingestion run moves it to `hold` or removes it from the guide.
 *
 * After a guide run has applied its entities,
 * {@link TechnologyTransitionNotifier.guideApplied}:
 *
 * 1. detects the transitions against the entities the catalog held before
 *    the run ({@link detectTransitions});
 * 2. finds the entities using those technologies and their owners, with the
 *    module's service credentials ({@link findAffectedEntities});
 * 3. composes one notification per technology and owner
 *    ({@link composeNotification}): reason, the technologies at `adopt` in the
 *    same layers, the technology's migration campaigns (`techStack.campaigns`:
 *    deadline, what to move to, why), a link to the technology's page, the
 *    owner's entities;
 * 4. records them in the {@link NotificationLedger} (a transition is
 *    recorded once, whichever run, process or replica sees it first);
 * 5. sends what is pending, at most 100 per run (the rest on later runs), each
 *    claimed by one process only, to `{ type: 'entity', entityRef: owner }`.
 *
 * It never throws: a failure (catalog, database, notifications backend) is
 * logged as a warning and the ingestion run stays applied. A failed send is
 * retried by later runs, up to 5 times; each
 * notification's `scope` is unique to it, so a send repeated after a lost
 * answer updates the one notification instead of adding a second.
 *
 * @public
 */
export class TechnologyTransitionNotifier {
  readonly #deps: TechnologyTransitionNotifierDeps;
  readonly #ledger: NotificationLedger;
  readonly #severity: NotificationSeverity;
  readonly #campaigns: CampaignConfig[];
  readonly #logger: LoggerService;

  /**
   * Reads `techStack.notifications` and `techStack.campaigns` (an
   * `InputError` naming the key when either is wrong; campaigns by the
   * tech-stack backend's reader, `readCampaigns`) and, unless `enabled` is
   * false, opens the ledger. Returns undefined when notifications are
   * turned off.
   */
  static async fromConfig(
    config: Config,
    deps: TechnologyTransitionNotifierDeps & { database: DatabaseService },
  ): Promise<TechnologyTransitionNotifier | undefined> {
    const settings = readNotificationsConfig(config);
    const campaigns = readCampaigns(config);
    if (!settings.enabled) {
      deps.logger.info(
        'Tech stack notifications are turned off (techStack.notifications.enabled: false)',
      );
      return undefined;
    }
    return new TechnologyTransitionNotifier({
      ...deps,
      ledger: await NotificationLedger.create(deps.database),
      severity: settings.severity,
      campaigns,
    });
  }

  constructor(
    options: TechnologyTransitionNotifierDeps & {
      ledger: NotificationLedger;
      severity?: NotificationSeverity;
      /** `techStack.campaigns` (`readCampaigns`): a notification about a campaign's technology names it. */
      campaigns?: CampaignConfig[];
    },
  ) {
    this.#deps = options;
    this.#ledger = options.ledger;
    this.#severity = options.severity ?? 'normal';
    this.#campaigns = options.campaigns ?? [];
    this.#logger = options.logger.child({
      class: TechnologyTransitionNotifier.name,
    });
  }

  /**
   * Call after a guide run applied `entities`; `previous` are the guide's
   * Technology entities as the catalog held them before the run (uid, name,
   * title, annotations, `spec.ring`, `spec.layers`, `spec.aliases`).
   */
  async guideApplied(run: {
    guideId: string;
    previous: Entity[];
    entities: TechnologyEntity[];
  }): Promise<TransitionNotificationSummary> {
    const summary: TransitionNotificationSummary = {
      transitions: 0,
      recorded: 0,
      sent: 0,
      failed: 0,
      dropped: 0,
    };
    try {
      await this.#record(run, summary);
    } catch (error) {
      this.#logger.warn(
        `Tech stack guide '${
          run.guideId
        }': could not work out whom to notify about technologies that went on hold or left the guide: ${stringifyError(
          error,
        )}`,
      );
    }
    try {
      await this.#deliver(summary);
      await this.#ledger.prune(
        new Date(Date.now() - LEDGER_RETENTION_DAYS * 86_400_000),
      );
    } catch (error) {
      this.#logger.warn(
        `Tech stack notifications could not be sent: ${stringifyError(error)}`,
      );
    }
    return summary;
  }

  async #record(
    run: { guideId: string; previous: Entity[]; entities: TechnologyEntity[] },
    summary: TransitionNotificationSummary,
  ): Promise<void> {
    const { guideId, previous, entities } = run;
    const transitions = detectTransitions(previous, entities);
    summary.transitions = transitions.length;
    if (!transitions.length) {
      return;
    }
    const current = new Set(entities.map(e => e.metadata.name));
    const technologies = [
      ...entities,
      ...previous.filter(e => !current.has(e.metadata.name)),
    ];
    const affected = await findAffectedEntities({
      catalog: this.#deps.catalog,
      auth: this.#deps.auth,
      transitions,
      technologies,
    });
    if (affected.truncated) {
      this.#logger.warn(
        `Tech stack guide '${guideId}': looked for the users of ${transitions.length} technologies that went on hold or left the guide in the first ${affected.scanned} entities only; owners of the others are not notified`,
      );
    }
    const alternativesOf = adoptAlternativesIndex(entities);
    const campaignsOf = campaignsIndex(
      this.#campaigns,
      technologies,
      new Date(),
    );
    let events: NotificationEvent[] = [];
    for (const transition of transitions) {
      const owners = affected.byTechnology.get(transition.ref);
      if (!owners) {
        continue;
      }
      const alternatives = alternativesOf(transition.ref, transition.layers);
      const campaigns = campaignsOf(transition.ref);
      for (const [ownerRef, list] of [...owners].sort(([a], [b]) =>
        a.localeCompare(b),
      )) {
        const key = {
          guideId,
          technologyRef: transition.ref,
          transition: transition.kind,
          basis: transition.basis,
          ownerRef,
        };
        const id = notificationEventId(key);
        events.push({
          ...key,
          id,
          notification: composeNotification({
            guideId,
            transition,
            alternatives,
            ownerRef,
            entities: list,
            severity: this.#severity,
            scope: `tech-stack:${id}`,
            campaigns,
          }),
        });
      }
    }
    if (events.length > MAX_RECORDED_PER_RUN) {
      summary.dropped = events.length - MAX_RECORDED_PER_RUN;
      events = events.slice(0, MAX_RECORDED_PER_RUN);
      this.#logger.warn(
        `Tech stack guide '${guideId}': ${
          summary.dropped + events.length
        } owner notifications in one run, above the limit of ${MAX_RECORDED_PER_RUN}; ${
          summary.dropped
        } are not sent`,
      );
    }
    summary.recorded = (await this.#ledger.record(events)).length;
    this.#logger.info(
      `Tech stack guide '${guideId}': ${transitions.length} ${
        transitions.length === 1 ? 'technology' : 'technologies'
      } went on hold or left the guide; ${events.length} owner notification${
        events.length === 1 ? '' : 's'
      } (${summary.recorded} new)${
        affected.withoutOwner
          ? `; ${affected.withoutOwner} using entities have no owner to tell`
          : ''
      }`,
    );
  }

  async #deliver(summary: TransitionNotificationSummary): Promise<void> {
    const claims = await this.#ledger.claim({
      limit: MAX_SENT_PER_RUN,
      staleAfterMs: STALE_CLAIM_MS,
    });
    let firstError: string | undefined;
    let givenUp = 0;
    for (const claim of claims) {
      try {
        await this.#deps.notifications.send(claim.notification);
        await this.#ledger.markSent(claim.id);
        summary.sent += 1;
      } catch (error) {
        const message = stringifyError(error);
        firstError ??= message;
        summary.failed += 1;
        const status = await this.#ledger.release(claim, message, {
          maxAttempts: MAX_SEND_ATTEMPTS,
        });
        if (status === 'failed') {
          givenUp += 1;
        }
      }
    }
    if (summary.failed) {
      this.#logger.warn(
        `Tech stack notifications: ${summary.failed} of ${
          claims.length
        } could not be sent${
          givenUp
            ? ` (${givenUp} given up after ${MAX_SEND_ATTEMPTS} attempts; the others are retried on the next runs)`
            : ' (retried on the next runs)'
        }. Is @backstage/plugin-notifications-backend installed? Turn them off with techStack.notifications.enabled: false. First error: ${firstError}`,
      );
    }
  }
}
