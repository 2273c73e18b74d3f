import type { Ring } from '@techstack/plugin-tech-stack-common';
import { RingEvent } from './RingHistoryStore';
import { ObservedTechnology, backfillEvents } from './ringHistoryEvents';
import { unitHash } from '../util/unitHash';

/** Days of made-up ring history `techStack.history.exampleSeed` writes. */
export const EXAMPLE_RING_SEED_DAYS = 180;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A scripted move: to the technology's current ring, from `from`. */
type Move = { daysAgo: number; from?: Ring };

/**
 * Made-up ring history of about six months for a demo portal, ending at the
 * technologies' current rings (so the recorder finds nothing to add): every
 * technology is `seen` {@link EXAMPLE_RING_SEED_DAYS} days ago, and a
 * handful moved since:
 *
 * - Rancher (or another technology on hold) adopt → hold about four months ago;
 * - AutoGen (or another one in assess) added two months ago;
 * - two technologies in adopt came from trial (five months and six weeks ago);
 * - in trial: two came from assess (about three months and two weeks ago),
 *   one from adopt (ten weeks ago).
 *
 * The other picks are by a hash of the ref: the same catalog gives the same
 * history. A technology whose ring-history annotation already records a
 * change (the guide changed since the catalog first ingested it) keeps that
 * real history instead ({@link backfillEvents}): made-up events would hide
 * the change from the radar's movement and "What changed".
 */
export function exampleRingHistory(
  technologies: readonly ObservedTechnology[],
  now: Date,
): RingEvent[] {
  const day = (daysAgo: number) =>
    `${new Date(now.getTime() - daysAgo * DAY_MS)
      .toISOString()
      .slice(0, 10)}T09:00:00.000Z`;
  const scripted = technologies.filter(t => t.annotation.length === 0);
  const sorted = [...scripted].sort(
    (a, b) => unitHash(a.ref) - unitHash(b.ref) || a.ref.localeCompare(b.ref),
  );
  const moves = new Map<string, Move>();
  const named = (name: string, ring: Ring) =>
    sorted.find(
      t =>
        t.ring === ring &&
        (t.title.toLocaleLowerCase('en-US') === name ||
          t.ref.endsWith(`/${name}`)),
    );
  const pick = (ring: Ring, move: Move, preferred?: string) => {
    const technology =
      (preferred ? named(preferred, ring) : undefined) ??
      sorted.find(t => t.ring === ring && !moves.has(t.ref));
    if (technology && !moves.has(technology.ref)) {
      moves.set(technology.ref, move);
    }
  };
  pick('hold', { daysAgo: 120, from: 'adopt' }, 'rancher');
  pick('assess', { daysAgo: 60 }, 'autogen');
  pick('adopt', { daysAgo: 150, from: 'trial' });
  pick('adopt', { daysAgo: 42, from: 'trial' });
  pick('trial', { daysAgo: 95, from: 'assess' });
  pick('trial', { daysAgo: 70, from: 'adopt' });
  pick('trial', { daysAgo: 14, from: 'assess' });

  const events: RingEvent[] = [];
  for (const technology of technologies) {
    const base = {
      technologyRef: technology.ref,
      title: technology.title,
      details: technology.details,
      ...(technology.guide !== undefined ? { guide: technology.guide } : {}),
    };
    if (technology.annotation.length > 0) {
      const real = backfillEvents(technology, now);
      const first = real[0];
      // on the radar before its first recorded move, as the rest of the demo
      const seen: RingEvent[] =
        first.event === 'moved' &&
        first.fromRing &&
        Date.parse(first.at) > Date.parse(day(EXAMPLE_RING_SEED_DAYS))
          ? [
              {
                ...base,
                seq: 1,
                event: 'seen',
                toRing: first.fromRing,
                at: day(EXAMPLE_RING_SEED_DAYS),
              },
            ]
          : [];
      events.push(
        ...seen,
        ...real.map(e => ({ ...e, seq: e.seq + seen.length })),
      );
      continue;
    }
    const reason = technology.reason ? { reason: technology.reason } : {};
    const move = moves.get(technology.ref);
    if (move && !move.from) {
      events.push({
        ...base,
        ...reason,
        seq: 1,
        event: 'added',
        toRing: technology.ring,
        at: day(move.daysAgo),
      });
      continue;
    }
    events.push({
      ...base,
      ...(move ? {} : reason),
      seq: 1,
      event: 'seen',
      toRing: move?.from ?? technology.ring,
      at: day(EXAMPLE_RING_SEED_DAYS),
    });
    if (move?.from) {
      events.push({
        ...base,
        ...reason,
        seq: 2,
        event: 'moved',
        fromRing: move.from,
        toRing: technology.ring,
        at: day(move.daysAgo),
      });
    }
  }
  return events;
}
