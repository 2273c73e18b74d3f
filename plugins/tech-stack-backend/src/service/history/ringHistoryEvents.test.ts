import { Ring, RingChange } from '@techstack/plugin-tech-stack-common';
import { ObservedTechnology, nextRingEvents } from './ringHistoryEvents';
import { RingEvent } from './RingHistoryStore';

const REF = 'technology:default/redis';
const now = new Date('2026-04-01T00:00:00.000Z');

function observed(ring: Ring, annotation: RingChange[] = []) {
  const technology: ObservedTechnology = {
    ref: REF,
    title: 'Redis',
    ring,
    details: {},
    annotation,
  };
  return new Map([[REF, technology]]);
}

function latest(event: Partial<RingEvent>) {
  return new Map([
    [
      REF,
      {
        technologyRef: REF,
        seq: 3,
        event: 'moved',
        toRing: 'trial',
        at: '2026-03-01T00:00:00.000Z',
        ...event,
      } as RingEvent,
    ],
  ]);
}

describe('nextRingEvents', () => {
  it('dates a move now when the annotation only has older changes', () => {
    const [event] = nextRingEvents(
      observed('adopt', [
        { date: '2026-02-01T00:00:00.000Z', from: 'trial', to: 'adopt' },
      ]),
      latest({}),
      { now, backfill: false },
    );
    expect(event).toMatchObject({
      seq: 4,
      event: 'moved',
      fromRing: 'trial',
      toRing: 'adopt',
      at: now.toISOString(),
    });
  });

  it('never dates an event before the latest recorded one', () => {
    const [event] = nextRingEvents(
      observed('adopt'),
      latest({ at: '2026-05-01T00:00:00.000Z' }),
      { now, backfill: false },
    );
    expect(event.at).toBe('2026-05-01T00:00:00.000Z');
  });

  it('writes nothing for an unchanged ring or a technology removed before', () => {
    expect(
      nextRingEvents(observed('trial'), latest({}), {
        now,
        backfill: false,
      }),
    ).toEqual([]);
    expect(
      nextRingEvents(new Map(), latest({ event: 'removed' }), {
        now,
        backfill: false,
      }),
    ).toEqual([]);
  });
});
