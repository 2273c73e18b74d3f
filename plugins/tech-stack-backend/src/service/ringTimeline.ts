import { Ring, RingChange } from '@techstack/plugin-tech-stack-common';

/**
 * A change of a technology's ring as a timeline reports it: `from` absent
 * when it entered the radar, `to` null when it left it.
 */
export interface TimelineChange {
  /** ISO 8601. */
  date: string;
  from?: Ring;
  to: Ring | null;
}

/**
 * The ring of one technology over time. `ringAt` answers a `Ring`, `null`
 * (not on the radar then) or `undefined` (the kept history does not reach back
 * that far). Backed by the backend's stored ring history where it has one
 * ({@link storedTimeline}), else by the ring-history annotation
 * ({@link annotationTimeline}).
 */
export interface RingTimeline {
  /** The ring at the instant `at` (epoch milliseconds), changes at `at` included. */
  ringAt(at: number): Ring | null | undefined;
  /**
   * The ring before the earliest known change: what the radar shows when
   * `ringAt` is `undefined`.
   */
  earliestKnownRing(): Ring;
  /** The newest change in `(after, upTo]`, if any. */
  lastChangeIn(after: number, upTo: number): TimelineChange | undefined;
  /**
   * The changes while on the radar, oldest first, as the radar's movement
   * reads them (entering it included, leaving it not).
   */
  ringChanges(): RingChange[];
}

/**
 * A timeline from the changes kept in the `techstack.dev/ring-history`
 * annotation (as `parseRingHistory` reads it) and the current ring.
 *
 * Exactness, for an instant `t`:
 * - at or after the earliest kept change: exact (the `to` of the newest
 *   change at or before `t`);
 * - before it, when that change has no `from` (the technology was added
 *   then): exact, `null`;
 * - before it otherwise (its `from` is the ring just before it, but an older
 *   change may have been dropped, the annotation keeping the newest
 *   `RING_HISTORY_LIMIT`, or was never recorded), and always when there
 *   is no history at all (the catalog module records changes, not additions):
 *   `undefined`.
 */
export function annotationTimeline(
  history: readonly RingChange[],
  current: Ring,
): RingTimeline {
  // stable by date: same-instant changes keep their written order
  const changes = history
    .map((change, index) => ({ change, at: Date.parse(change.date), index }))
    .sort((a, b) => a.at - b.at || a.index - b.index);
  const first = changes[0];
  return {
    ringAt(at) {
      let ring: Ring | undefined;
      for (const { change, at: when } of changes) {
        if (when > at) break;
        ring = change.to;
      }
      if (ring !== undefined) return ring;
      if (first && first.change.from === undefined) return null;
      return undefined;
    },
    earliestKnownRing() {
      return first?.change.from ?? first?.change.to ?? current;
    },
    lastChangeIn(after, upTo) {
      let last: RingChange | undefined;
      for (const { change, at } of changes) {
        if (at > after && at <= upTo) last = change;
      }
      return last;
    },
    ringChanges() {
      return [...history];
    },
  };
}

/** One event of a stored ring history, as {@link storedTimeline} reads it. */
export interface StoredRingEvent {
  /** `added`, `moved`, `removed` or `seen` (first record, ring before unknown). */
  event: string;
  fromRing?: Ring;
  toRing?: Ring;
  /** ISO 8601. */
  at: string;
}

/**
 * A timeline from the events of the backend's stored ring history, oldest
 * first (the order they were recorded in).
 *
 * Exactness, for an instant `t`:
 * - at or after the first event: exact (the ring after the newest event at
 *   or before `t`, `null` after a `removed`);
 * - before it, when it is `added`: exact, `null`;
 * - before it otherwise (`seen`: on the radar already when the recording
 *   started; `moved`: the older changes were not kept): `undefined`, the
 *   earliest known ring being the `from` of a `moved`, the ring of a `seen`.
 */
export function storedTimeline(
  events: readonly StoredRingEvent[],
): RingTimeline {
  const timed = events.map(e => ({ ...e, time: Date.parse(e.at) }));
  const first = timed[0];
  const isChange = (e: StoredRingEvent) => e.event !== 'seen';
  return {
    ringAt(at) {
      let found = false;
      let ring: Ring | null = null;
      for (const e of timed) {
        if (e.time > at) break;
        found = true;
        ring = e.event === 'removed' ? null : e.toRing ?? null;
      }
      if (found) return ring;
      if (first?.event === 'added') return null;
      return undefined;
    },
    earliestKnownRing() {
      return (first?.fromRing ?? first?.toRing)!;
    },
    lastChangeIn(after, upTo) {
      let last: TimelineChange | undefined;
      for (const e of timed) {
        if (e.time > after && e.time <= upTo && isChange(e)) {
          last =
            e.event === 'removed'
              ? { date: e.at, from: e.fromRing, to: null }
              : { date: e.at, from: e.fromRing, to: e.toRing ?? null };
        }
      }
      return last;
    },
    ringChanges() {
      const changes: RingChange[] = [];
      for (const e of timed) {
        if (!isChange(e) || e.event === 'removed' || !e.toRing) continue;
        changes.push(
          e.event === 'moved' && e.fromRing
            ? { date: e.at, from: e.fromRing, to: e.toRing }
            : { date: e.at, to: e.toRing },
        );
      }
      return changes;
    },
  };
}

/** The end of a `YYYY-MM-DD` day (UTC), in epoch milliseconds. */
export function endOfDay(date: string): number {
  return Date.parse(`${date}T23:59:59.999Z`);
}

/** The start of a `YYYY-MM-DD` day (UTC), in epoch milliseconds. */
export function startOfDay(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`);
}
