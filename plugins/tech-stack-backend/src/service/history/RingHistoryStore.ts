import type {
  Ring,
  TechnologyLayer,
} from '@techstack/plugin-tech-stack-common';
import { Knex } from './migrations';

const TABLE = 'techstack_ring_history';
/** Rows per insert statement: bounds the statement size on any database. */
const BATCH_SIZE = 100;
/** Refs per `where in` list. */
const REFS_PER_QUERY = 500;

/**
 * What happened to a technology's ring:
 * - `added`: it entered the radar (before it, it was not on the radar);
 * - `moved`: its ring changed from `fromRing` to `toRing`;
 * - `removed`: it left the radar (`fromRing` is the last ring it held);
 * - `seen`: the first record of a technology already on the radar when the
 *   history started; its ring before is not known.
 */
export type RingEventKind = 'added' | 'moved' | 'removed' | 'seen';

/** What the as-of radar shows of a technology once it left the catalog. */
export interface RingEventDetails {
  type?: string;
  layers?: TechnologyLayer[];
}

/** One row of the ring history. */
export interface RingEvent {
  /** `technology:<namespace>/<name>`, as `stringifyEntityRef` writes it. */
  technologyRef: string;
  /** The event's number within the technology, from 1. */
  seq: number;
  event: RingEventKind;
  fromRing?: Ring;
  toRing?: Ring;
  /** ISO 8601 UTC time of the event. */
  at: string;
  /** The guide id, if known. */
  guide?: string;
  title?: string;
  /** `spec.ringReason` at the time. */
  reason?: string;
  details?: RingEventDetails;
}

/** What {@link RadarService} reads of the ring history. */
export interface RingHistoryReader {
  /** The events of these technologies, per ref, oldest first (refs without events left out). */
  histories(refs: Iterable<string>): Promise<Map<string, RingEvent[]>>;
  /**
   * The events of the technologies whose latest event is `removed` (no
   * longer in the catalog), per ref, oldest first; only those of `guide`,
   * when given.
   */
  removedHistories(guide?: string): Promise<Map<string, RingEvent[]>>;
  /** The time of the earliest event recorded, if any. */
  earliest(): Promise<string | undefined>;
}

type Row = {
  technology_ref: string;
  seq: number | string;
  event: string;
  from_ring: string | null;
  to_ring: string | null;
  at: string;
  guide: string | null;
  title: string | null;
  reason: string | null;
  details: string | null;
};

function fromRow(row: Row): RingEvent {
  const event: RingEvent = {
    technologyRef: row.technology_ref,
    seq: Number(row.seq),
    event: row.event as RingEventKind,
    at: row.at,
  };
  if (row.from_ring) event.fromRing = row.from_ring as Ring;
  if (row.to_ring) event.toRing = row.to_ring as Ring;
  if (row.guide) event.guide = row.guide;
  if (row.title) event.title = row.title;
  if (row.reason) event.reason = row.reason;
  if (row.details) {
    try {
      event.details = JSON.parse(row.details);
    } catch {
      // a details value not written by this store: shown without
    }
  }
  return event;
}

function byRef(rows: Row[]): Map<string, RingEvent[]> {
  const out = new Map<string, RingEvent[]>();
  for (const row of rows) {
    const event = fromRow(row);
    const events = out.get(event.technologyRef);
    if (events) events.push(event);
    else out.set(event.technologyRef, [event]);
  }
  for (const events of out.values()) events.sort((a, b) => a.seq - b.seq);
  return out;
}

/**
 * The ring history table (`techstack_ring_history`): one row per ring event
 * of a technology, numbered per technology. Rows are only appended, and kept
 * without a cap (an event is a few hundred bytes, and rings change rarely).
 * An event is keyed by (technology, number): a writer that appends the same
 * next event as another (two replicas, a retried run) is ignored.
 */
export class RingHistoryStore implements RingHistoryReader {
  constructor(private readonly knex: Knex) {}

  /** Whether no event is recorded yet. */
  async isEmpty(): Promise<boolean> {
    const row = await this.knex(TABLE).first('technology_ref');
    return !row;
  }

  /**
   * Appends events; one whose (technology, number) is already recorded is
   * left as it is. Returns how many this call inserted.
   */
  async append(events: RingEvent[], recordedAt: Date): Promise<number> {
    const recorded = recordedAt.toISOString();
    let inserted = 0;
    for (let i = 0; i < events.length; i += BATCH_SIZE) {
      const rows = events.slice(i, i + BATCH_SIZE).map(e => ({
        technology_ref: e.technologyRef,
        seq: e.seq,
        event: e.event,
        from_ring: e.fromRing ?? null,
        to_ring: e.toRing ?? null,
        at: e.at,
        guide: e.guide ?? null,
        title: e.title?.slice(0, 255) ?? null,
        reason: e.reason ?? null,
        details: e.details ? JSON.stringify(e.details) : null,
        recorded_at: recorded,
      }));
      const result: unknown[] = await this.knex(TABLE)
        .insert(rows)
        .onConflict(['technology_ref', 'seq'])
        .ignore()
        .returning('technology_ref');
      inserted += result.length;
    }
    return inserted;
  }

  /** The latest event of every technology recorded, per ref. */
  async latest(): Promise<Map<string, RingEvent>> {
    const newest = this.knex(TABLE)
      .select('technology_ref')
      .max({ seq: 'seq' })
      .groupBy('technology_ref')
      .as('newest');
    const rows: Row[] = await this.knex(`${TABLE} as h`)
      .join(newest, join =>
        join
          .on('h.technology_ref', '=', 'newest.technology_ref')
          .andOn('h.seq', '=', 'newest.seq'),
      )
      .select('h.*');
    return new Map(rows.map(row => [row.technology_ref, fromRow(row)]));
  }

  async histories(refs: Iterable<string>): Promise<Map<string, RingEvent[]>> {
    const list = [...new Set(refs)];
    const rows: Row[] = [];
    for (let i = 0; i < list.length; i += REFS_PER_QUERY) {
      rows.push(
        ...(await this.knex(TABLE)
          .whereIn('technology_ref', list.slice(i, i + REFS_PER_QUERY))
          .select('*')),
      );
    }
    return byRef(rows);
  }

  async removedHistories(guide?: string): Promise<Map<string, RingEvent[]>> {
    const removed = [...(await this.latest()).values()].filter(
      e => e.event === 'removed' && (guide === undefined || e.guide === guide),
    );
    return this.histories(removed.map(e => e.technologyRef));
  }

  async earliest(): Promise<string | undefined> {
    const row: { at?: string | null } | undefined = await this.knex(TABLE)
      .min({ at: 'at' })
      .first();
    return row?.at ?? undefined;
  }
}
