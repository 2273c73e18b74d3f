import { Knex } from './migrations';
import { chunks } from '../util/chunks';

/** Rows per insert statement: bounds the statement size on any database. */
const BATCH_SIZE = 500;

const DAYS = 'techstack_history_days';
const ADOPTION = 'techstack_adoption_snapshots';
const COMPLIANCE = 'techstack_team_compliance_snapshots';

/** How many components of one team use one technology on a day. */
export interface AdoptionCount {
  technologyRef: string;
  /** The owner; empty for components without one. */
  teamRef: string;
  components: number;
}

/** A team's usages of technologies on hold and of names not in the guide on a day. */
export interface ComplianceCount {
  teamRef: string;
  hold: number;
  offGuide: number;
}

/** One day of a technology's history. */
export interface TechnologyDay {
  day: string;
  /** Components using it (summed over the teams asked for). */
  components: number;
  /** Teams with at least one such component. */
  teams: number;
}

/** One day of a team's compliance history. */
export interface ComplianceDay {
  day: string;
  hold: number;
  offGuide: number;
}

/**
 * The adoption history tables: one snapshot per day (a later snapshot of the
 * same day replaces it), read back as one point per snapshot day, zero where
 * a day has no row for the technology or team.
 */
export class AdoptionHistoryStore {
  constructor(private readonly knex: Knex) {}

  /**
   * Replaces the day's snapshot with these counts in one transaction (so a
   * reader sees the old or the new day, never half of it). Zero counts are
   * not stored.
   */
  async writeDay(options: {
    day: string;
    takenAt: Date;
    adoption: AdoptionCount[];
    compliance: ComplianceCount[];
  }): Promise<void> {
    const { day } = options;
    const adoption = options.adoption
      .filter(c => c.components > 0)
      .map(c => ({
        day,
        technology_ref: c.technologyRef,
        team_ref: c.teamRef,
        components: c.components,
      }));
    const compliance = options.compliance
      .filter(c => c.hold > 0 || c.offGuide > 0)
      .map(c => ({
        day,
        team_ref: c.teamRef,
        hold: c.hold,
        off_guide: c.offGuide,
      }));
    await this.knex.transaction(async tx => {
      await tx(ADOPTION).where({ day }).delete();
      await tx(COMPLIANCE).where({ day }).delete();
      await tx(DAYS).where({ day }).delete();
      await tx(DAYS).insert({ day, taken_at: options.takenAt.toISOString() });
      for (const rows of chunks(adoption, BATCH_SIZE)) {
        await tx(ADOPTION).insert(rows);
      }
      for (const rows of chunks(compliance, BATCH_SIZE)) {
        await tx(COMPLIANCE).insert(rows);
      }
    });
  }

  /** Deletes every day before `day` (`YYYY-MM-DD`); the number of days deleted. */
  async pruneBefore(day: string): Promise<number> {
    return this.knex.transaction(async tx => {
      await tx(ADOPTION).where('day', '<', day).delete();
      await tx(COMPLIANCE).where('day', '<', day).delete();
      const deleted: number = await tx(DAYS).where('day', '<', day).delete();
      return deleted;
    });
  }

  /** The snapshot days from `from` to `to` (inclusive), in order. */
  async days(from: string, to: string): Promise<string[]> {
    const rows: Array<{ day: string }> = await this.knex(DAYS)
      .select('day')
      .whereBetween('day', [from, to])
      .orderBy('day');
    return rows.map(r => r.day);
  }

  /**
   * A technology per snapshot day: its components and teams, over every team
   * or only over `teams` (refs).
   */
  async technologyHistory(options: {
    technologyRef: string;
    from: string;
    to: string;
    teams?: Iterable<string>;
  }): Promise<TechnologyDay[]> {
    const { technologyRef, from, to } = options;
    const query = this.knex(ADOPTION)
      .select('day')
      .sum({ components: 'components' })
      // teams: the owners, not the components without one
      .select(
        this.knex.raw("count(case when team_ref <> '' then 1 end) as teams"),
      )
      .where({ technology_ref: technologyRef })
      .whereBetween('day', [from, to])
      .groupBy('day');
    if (options.teams) {
      query.whereIn('team_ref', [...options.teams]);
    }
    const rows: Array<{
      day: string;
      components: number | string | null;
      teams: number | string | null;
    }> = (await query) as any[];
    const byDay = new Map(
      rows.map(r => [
        r.day,
        { components: Number(r.components ?? 0), teams: Number(r.teams ?? 0) },
      ]),
    );
    return (await this.days(from, to)).map(day => ({
      day,
      ...(byDay.get(day) ?? { components: 0, teams: 0 }),
    }));
  }

  /** Usages on hold and not in the guide per snapshot day, summed over `teams` (refs). */
  async complianceHistory(options: {
    teams: Iterable<string>;
    from: string;
    to: string;
  }): Promise<ComplianceDay[]> {
    const { from, to } = options;
    const rows: Array<{
      day: string;
      hold: number | string | null;
      off_guide: number | string | null;
    }> = await this.knex(COMPLIANCE)
      .select('day')
      .sum({ hold: 'hold', off_guide: 'off_guide' })
      .whereIn('team_ref', [...options.teams])
      .whereBetween('day', [from, to])
      .groupBy('day');
    const byDay = new Map(
      rows.map(r => [
        r.day,
        { hold: Number(r.hold ?? 0), offGuide: Number(r.off_guide ?? 0) },
      ]),
    );
    return (await this.days(from, to)).map(day => ({
      day,
      ...(byDay.get(day) ?? { hold: 0, offGuide: 0 }),
    }));
  }
}
