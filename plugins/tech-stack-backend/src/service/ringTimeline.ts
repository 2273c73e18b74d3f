import { Ring, RingChange } from '@techstack/plugin-tech-stack-common';

/**
 * The ring of one technology over time. `ringAt` answers a `Ring`, `null`
 * (not on the radar then) or `undefined` (the kept history does not reach back
 * that far). Today backed by the ring-history annotation
 * ({@link annotationTimeline}); a stored history can replace it.
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
  lastChangeIn(after: number, upTo: number): RingChange | undefined;
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
