import type { Ring, RingChange } from '@techstack/plugin-tech-stack-common';
import { RingEvent, RingEventDetails } from './RingHistoryStore';

/** A Technology entity as the ring history recorder reads it. */
export interface ObservedTechnology {
  /** `technology:<namespace>/<name>`. */
  ref: string;
  title: string;
  ring: Ring;
  guide?: string;
  reason?: string;
  details: RingEventDetails;
  /** The changes of its ring-history annotation, as `parseRingHistory` reads them. */
  annotation: RingChange[];
}

function base(technology: ObservedTechnology) {
  const out: Pick<RingEvent, 'technologyRef' | 'title' | 'details'> &
    Partial<Pick<RingEvent, 'guide'>> = {
    technologyRef: technology.ref,
    title: technology.title,
    details: technology.details,
  };
  if (technology.guide !== undefined) out.guide = technology.guide;
  return out;
}

/** The later of two ISO times. */
function later(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/**
 * The events of a technology seen for the first time by the first run of the
 * recorder (nothing recorded yet): the changes its ring-history annotation
 * kept (up to `now`), so the history written so far is not lost (the earliest
 * change without `from` is its `added`), then, when the annotation does not
 * end at its current ring, a `moved` now to it, or, without any change, a
 * `seen` now (on the radar already; since when is not known).
 */
export function backfillEvents(
  technology: ObservedTechnology,
  now: Date,
): RingEvent[] {
  const nowIso = now.toISOString();
  const changes = technology.annotation
    .map((change, index) => ({ change, time: Date.parse(change.date), index }))
    .filter(c => c.time <= now.getTime())
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(c => c.change);
  const events: RingEvent[] = [];
  let ring: Ring | undefined;
  for (const change of changes) {
    const from = change.from ?? ring;
    events.push({
      ...base(technology),
      seq: events.length + 1,
      event: from === undefined ? 'added' : 'moved',
      ...(from === undefined ? {} : { fromRing: from }),
      toRing: change.to,
      at: new Date(Date.parse(change.date)).toISOString(),
    });
    ring = change.to;
  }
  if (ring === undefined) {
    events.push({
      ...base(technology),
      seq: 1,
      event: 'seen',
      toRing: technology.ring,
      at: nowIso,
    });
  } else if (ring !== technology.ring) {
    events.push({
      ...base(technology),
      seq: events.length + 1,
      event: 'moved',
      fromRing: ring,
      toRing: technology.ring,
      at: nowIso,
    });
  }
  const last = events[events.length - 1];
  if (technology.reason && last.toRing === technology.ring) {
    last.reason = technology.reason;
  }
  return events;
}

/**
 * The events that bring the recorded history up to the catalog: per
 * technology, compared with its latest recorded event,
 *
 * - first sight: {@link backfillEvents} when `backfill` (the first run),
 *   else `added` now (also after a `removed`);
 * - another ring: `moved` at the annotation's newest change when that change
 *   is to the new ring and lies after the latest recorded event (the catalog
 *   module saw it first), else now;
 * - recorded but no longer in the catalog: `removed` now, keeping the last
 *   ring, title and details it had.
 */
export function nextRingEvents(
  observed: ReadonlyMap<string, ObservedTechnology>,
  latest: ReadonlyMap<string, RingEvent>,
  options: { now: Date; backfill: boolean },
): RingEvent[] {
  const nowIso = options.now.toISOString();
  const events: RingEvent[] = [];
  for (const technology of observed.values()) {
    const last = latest.get(technology.ref);
    if (!last && options.backfill) {
      events.push(...backfillEvents(technology, options.now));
      continue;
    }
    if (!last || last.event === 'removed') {
      events.push({
        ...base(technology),
        seq: (last?.seq ?? 0) + 1,
        event: 'added',
        toRing: technology.ring,
        at: last ? later(nowIso, last.at) : nowIso,
        ...(technology.reason ? { reason: technology.reason } : {}),
      });
      continue;
    }
    if (last.toRing === technology.ring) continue;
    let at = nowIso;
    const newest = technology.annotation
      .filter(c => Date.parse(c.date) <= options.now.getTime())
      .reduce<RingChange | undefined>(
        (found, c) =>
          !found || Date.parse(c.date) >= Date.parse(found.date) ? c : found,
        undefined,
      );
    if (
      newest &&
      newest.to === technology.ring &&
      Date.parse(newest.date) > Date.parse(last.at)
    ) {
      at = new Date(Date.parse(newest.date)).toISOString();
    }
    events.push({
      ...base(technology),
      seq: last.seq + 1,
      event: 'moved',
      ...(last.toRing ? { fromRing: last.toRing } : {}),
      toRing: technology.ring,
      at: later(at, last.at),
      ...(technology.reason ? { reason: technology.reason } : {}),
    });
  }
  for (const last of latest.values()) {
    if (last.event === 'removed' || observed.has(last.technologyRef)) continue;
    const removed: RingEvent = {
      technologyRef: last.technologyRef,
      seq: last.seq + 1,
      event: 'removed',
      at: later(nowIso, last.at),
    };
    if (last.toRing) removed.fromRing = last.toRing;
    if (last.guide !== undefined) removed.guide = last.guide;
    if (last.title !== undefined) removed.title = last.title;
    if (last.details) removed.details = last.details;
    events.push(removed);
  }
  return events;
}
