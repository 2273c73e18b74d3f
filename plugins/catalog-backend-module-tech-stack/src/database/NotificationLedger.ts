import { createHash } from 'node:crypto';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { openModuleDatabase } from './migrations';

type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

/** The ledger's table. */
export const NOTIFICATIONS_TABLE = 'techstack_notifications';

/** Rows inserted per statement (SQLite binds at most 999 values in older builds). */
const INSERT_CHUNK = 50;

/**
 * What identifies one notification: one owner told about one transition of
 * one technology of one guide.
 *
 * @public
 */
export interface NotificationEventKey {
  guideId: string;
  /** `technology:<namespace>/<name>`. */
  technologyRef: string;
  /** `hold` or `removed`. */
  transition: string;
  /** What makes the transition this one (see `TechnologyTransition.basis`). */
  basis: string;
  ownerRef: string;
}

/**
 * A notification to record, and later send.
 *
 * @public
 */
export interface NotificationEvent extends NotificationEventKey {
  /** {@link notificationEventId} of the key. */
  id: string;
  notification: NotificationSendOptions;
}

/**
 * A recorded notification this process has claimed for sending.
 *
 * @public
 */
export interface ClaimedNotification {
  id: string;
  guideId: string;
  technologyRef: string;
  ownerRef: string;
  /** How many times it has been claimed, this time included. */
  attempts: number;
  notification: NotificationSendOptions;
}

/**
 * The id of a notification: sha256 (hex) of its key, refs in lower case (as
 * the catalog compares them). The same transition told to the same owner has
 * the same id on every replica and after every restart.
 *
 * @public
 */
export function notificationEventId(key: NotificationEventKey): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        key.guideId,
        key.technologyRef.toLocaleLowerCase('en-US'),
        key.transition,
        key.basis,
        key.ownerRef.toLocaleLowerCase('en-US'),
      ]),
    )
    .digest('hex');
}

/**
 * The module's record of owner notifications, in a table of its own in the
 * catalog's database (`techstack_notifications`; SQLite or PostgreSQL),
 * shared by the replicas: an outbox that makes each notification go out
 * once.
 *
 * - {@link NotificationLedger.record} inserts a notification as `pending`
 *   under its id; a second insert of the same id (a later run that still
 *   sees the old ring, a restart, another replica) is ignored.
 * - {@link NotificationLedger.claim} hands a pending notification to one
 *   caller only: the update from `pending` to `sending` is conditional on the
 *   attempt count read, so of two replicas claiming at once one wins.
 * - {@link NotificationLedger.markSent} and {@link NotificationLedger.release}
 *   close a claim: sent, or back to `pending` for a later run (or `failed`
 *   after the last attempt). A claim left in `sending` by a process that died
 *   can be claimed again after `staleAfterMs`.
 *
 * @public
 */
export class NotificationLedger {
  readonly #knex: Knex;

  /** Opens the ledger, creating or migrating the module's tables unless the database service says to skip migrations. */
  static async create(database: DatabaseService): Promise<NotificationLedger> {
    return new NotificationLedger(await openModuleDatabase(database));
  }

  private constructor(knex: Knex) {
    this.#knex = knex;
  }

  /**
   * Records notifications as pending; those already recorded (by id) are
   * left as they are. Returns the ids this call inserted.
   */
  async record(
    events: NotificationEvent[],
    now: Date = new Date(),
  ): Promise<string[]> {
    const at = now.toISOString();
    const inserted: string[] = [];
    for (let i = 0; i < events.length; i += INSERT_CHUNK) {
      const rows = events.slice(i, i + INSERT_CHUNK).map(event => ({
        id: event.id,
        guide_id: event.guideId,
        technology_ref: event.technologyRef,
        transition: event.transition,
        basis: event.basis,
        owner_ref: event.ownerRef,
        status: 'pending',
        attempts: 0,
        notification: JSON.stringify(event.notification),
        created_at: at,
        updated_at: at,
      }));
      const result: Array<{ id: string }> = await this.#knex(
        NOTIFICATIONS_TABLE,
      )
        .insert(rows)
        .onConflict('id')
        .ignore()
        .returning('id');
      inserted.push(...result.map(row => row.id));
    }
    return inserted;
  }

  /**
   * Claims up to `limit` notifications to send, oldest first: pending ones,
   * and ones left in `sending` for longer than `staleAfterMs`. Each is
   * claimed by one caller only, across processes.
   */
  async claim(options: {
    limit: number;
    staleAfterMs: number;
    now?: Date;
  }): Promise<ClaimedNotification[]> {
    const now = options.now ?? new Date();
    const at = now.toISOString();
    const staleBefore = new Date(
      now.getTime() - options.staleAfterMs,
    ).toISOString();
    const candidates: Array<{ id: string; attempts: number | string }> =
      await this.#knex(NOTIFICATIONS_TABLE)
        .where(inner =>
          inner
            .where('status', 'pending')
            .orWhere(stale =>
              stale
                .where('status', 'sending')
                .where('updated_at', '<', staleBefore),
            ),
        )
        .orderBy([
          { column: 'created_at', order: 'asc' },
          { column: 'id', order: 'asc' },
        ])
        .limit(options.limit)
        .select('id', 'attempts');
    const claimed: ClaimedNotification[] = [];
    for (const candidate of candidates) {
      const attempts = Number(candidate.attempts);
      // conditional on the attempt count read: of two callers, one updates
      const won = await this.#knex(NOTIFICATIONS_TABLE)
        .where({ id: candidate.id, attempts })
        .where(inner =>
          inner
            .where('status', 'pending')
            .orWhere(stale =>
              stale
                .where('status', 'sending')
                .where('updated_at', '<', staleBefore),
            ),
        )
        .update({ status: 'sending', attempts: attempts + 1, updated_at: at });
      if (won !== 1) {
        continue;
      }
      const row = await this.#knex(NOTIFICATIONS_TABLE)
        .where({ id: candidate.id })
        .first('guide_id', 'technology_ref', 'owner_ref', 'notification');
      claimed.push({
        id: candidate.id,
        guideId: row.guide_id,
        technologyRef: row.technology_ref,
        ownerRef: row.owner_ref,
        attempts: attempts + 1,
        notification: JSON.parse(row.notification),
      });
    }
    return claimed;
  }

  /** Closes a claim: the notification was sent. */
  async markSent(id: string, now: Date = new Date()): Promise<void> {
    await this.#knex(NOTIFICATIONS_TABLE)
      .where({ id, status: 'sending' })
      .update({
        status: 'sent',
        last_error: null,
        updated_at: now.toISOString(),
      });
  }

  /**
   * Closes a claim whose send failed: back to `pending` for a later run, or
   * `failed` (for good) once `attempts` reached `maxAttempts`.
   */
  async release(
    claim: Pick<ClaimedNotification, 'id' | 'attempts'>,
    error: string,
    options: { maxAttempts: number; now?: Date },
  ): Promise<'pending' | 'failed'> {
    const status = claim.attempts >= options.maxAttempts ? 'failed' : 'pending';
    await this.#knex(NOTIFICATIONS_TABLE)
      .where({ id: claim.id, status: 'sending' })
      .update({
        status,
        last_error: error.slice(0, 2000),
        updated_at: (options.now ?? new Date()).toISOString(),
      });
    return status;
  }

  /** Forgets sent and failed notifications recorded before `before` (a run older than that cannot repeat them). */
  async prune(before: Date): Promise<number> {
    return this.#knex(NOTIFICATIONS_TABLE)
      .whereIn('status', ['sent', 'failed'])
      .where('created_at', '<', before.toISOString())
      .delete();
  }

  /** How many notifications are in each status (for logs and tests). */
  async countByStatus(): Promise<Record<string, number>> {
    const rows: Array<{ status: string; count: number | string }> =
      await this.#knex(NOTIFICATIONS_TABLE)
        .select('status')
        .count({ count: '*' })
        .groupBy('status');
    return Object.fromEntries(rows.map(r => [r.status, Number(r.count)]));
  }
}
