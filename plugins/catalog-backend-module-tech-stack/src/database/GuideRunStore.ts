import { DatabaseService } from '@backstage/backend-plugin-api';
import { GuideRunOutcome } from '../provider/GuideRunOutcome';
import { openModuleDatabase } from './migrations';

type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

/** The module's table: one row per guide. */
export const GUIDE_RUNS_TABLE = 'techstack_guide_runs';

/**
 * What the store knows of a guide's latest finished run.
 *
 * @public
 */
export interface GuideRunRecord {
  /** How many runs of the guide have finished, on any replica. */
  runCount: number;
  /** The outcome of the latest one, if any. */
  outcome?: GuideRunOutcome;
}

/**
 * The state the replicas of a backend share about guide runs, in a table of
 * its own in the catalog plugin's database (SQLite or PostgreSQL): whether
 * the next run of a guide is forced past the drop check, and the outcome of
 * the latest finished run. The refresh endpoint writes the first and reads
 * the second; the scheduled task, on whichever replica runs it, does the
 * opposite.
 *
 * @public
 */
export class GuideRunStore {
  readonly #knex: Knex;

  /** Opens the store, creating or migrating its table unless the database service says to skip migrations. */
  static async create(database: DatabaseService): Promise<GuideRunStore> {
    return new GuideRunStore(await openModuleDatabase(database));
  }

  private constructor(knex: Knex) {
    this.#knex = knex;
  }

  async #ensureRow(guideId: string): Promise<void> {
    await this.#knex(GUIDE_RUNS_TABLE)
      .insert({ guide_id: guideId, force_requested: false, run_count: 0 })
      .onConflict('guide_id')
      .ignore();
  }

  /** Asks that the next run of the guide, on any replica, skips the drop check. */
  async requestForce(guideId: string): Promise<void> {
    await this.#ensureRow(guideId);
    await this.#knex(GUIDE_RUNS_TABLE)
      .where({ guide_id: guideId })
      .update({ force_requested: true });
  }

  /**
   * Takes a pending force request: true for exactly one caller per request
   * (the update is conditional, so two replicas cannot both take it).
   */
  async takeForce(guideId: string): Promise<boolean> {
    const updated = await this.#knex(GUIDE_RUNS_TABLE)
      .where({ guide_id: guideId, force_requested: true })
      .update({ force_requested: false });
    return updated > 0;
  }

  /** Records a finished run: counts it and keeps its outcome. */
  async recordRun(guideId: string, outcome: GuideRunOutcome): Promise<void> {
    await this.#ensureRow(guideId);
    await this.#knex(GUIDE_RUNS_TABLE)
      .where({ guide_id: guideId })
      .update({
        run_count: this.#knex.raw('run_count + 1'),
        outcome: JSON.stringify(outcome),
      });
  }

  /** The latest finished run of the guide (run count 0 when none has finished). */
  async latestRun(guideId: string): Promise<GuideRunRecord> {
    const row = await this.#knex(GUIDE_RUNS_TABLE)
      .where({ guide_id: guideId })
      .first('run_count', 'outcome');
    if (!row) {
      return { runCount: 0 };
    }
    return {
      runCount: Number(row.run_count),
      outcome: row.outcome ? JSON.parse(row.outcome) : undefined,
    };
  }
}
