import { RingChange } from '@techstack/plugin-tech-stack-common';
import {
  annotationTimeline,
  endOfDay,
  startOfDay,
  storedTimeline,
} from './ringTimeline';

const at = (date: string) => Date.parse(date);

describe('annotationTimeline', () => {
  const added: RingChange[] = [
    { date: '2025-01-10T12:00:00.000Z', to: 'assess' },
    { date: '2025-03-01T00:00:00.000Z', from: 'assess', to: 'trial' },
    { date: '2025-05-01T00:00:00.000Z', from: 'trial', to: 'adopt' },
  ];

  it('is not on the radar before it was added (exact)', () => {
    const timeline = annotationTimeline(added, 'adopt');
    expect(timeline.ringAt(at('2025-01-10T11:59:59.999Z'))).toBeNull();
    expect(timeline.ringAt(at('2024-06-01'))).toBeNull();
  });

  it('takes the ring of the newest change at or before the instant', () => {
    const timeline = annotationTimeline(added, 'adopt');
    expect(timeline.ringAt(at('2025-01-10T12:00:00.000Z'))).toBe('assess');
    expect(timeline.ringAt(at('2025-02-28T23:59:59.999Z'))).toBe('assess');
    expect(timeline.ringAt(at('2025-03-01T00:00:00.000Z'))).toBe('trial');
    expect(timeline.ringAt(at('2026-01-01'))).toBe('adopt');
  });

  it('is unknown before the earliest kept change when it has a from', () => {
    // the older changes were dropped (the annotation keeps the newest 10)
    const truncated = added.slice(1);
    const timeline = annotationTimeline(truncated, 'adopt');
    expect(timeline.ringAt(at('2025-02-28'))).toBeUndefined();
    // the ring just before the earliest kept change is its from
    expect(timeline.earliestKnownRing()).toBe('assess');
    expect(timeline.ringAt(at('2025-03-01T00:00:00.000Z'))).toBe('trial');
  });

  it('is unknown at any past instant without history; earliest known is current', () => {
    const timeline = annotationTimeline([], 'hold');
    expect(timeline.ringAt(at('2025-01-01'))).toBeUndefined();
    expect(timeline.earliestKnownRing()).toBe('hold');
    expect(timeline.lastChangeIn(0, at('2030-01-01'))).toBeUndefined();
  });

  it('reads changes out of date order, same instant in written order', () => {
    const timeline = annotationTimeline(
      [
        { date: '2025-05-01T00:00:00.000Z', from: 'trial', to: 'hold' },
        { date: '2025-05-01T00:00:00.000Z', from: 'hold', to: 'adopt' },
        { date: '2025-01-01T00:00:00.000Z', to: 'trial' },
      ],
      'adopt',
    );
    expect(timeline.ringAt(at('2025-04-30'))).toBe('trial');
    expect(timeline.ringAt(at('2025-05-01T00:00:00.000Z'))).toBe('adopt');
  });

  it('finds the newest change in (after, upTo]', () => {
    const timeline = annotationTimeline(added, 'adopt');
    expect(
      timeline.lastChangeIn(at('2025-03-01T00:00:00.000Z'), at('2025-06-01'))
        ?.to,
    ).toBe('adopt');
    expect(
      timeline.lastChangeIn(at('2025-01-01'), at('2025-03-01T00:00:00.000Z'))
        ?.to,
    ).toBe('trial');
    expect(
      timeline.lastChangeIn(at('2025-05-01T00:00:00.000Z'), at('2025-06-01')),
    ).toBeUndefined();
  });
});

describe('storedTimeline', () => {
  const events = [
    {
      event: 'added',
      toRing: 'assess' as const,
      at: '2025-01-10T12:00:00.000Z',
    },
    {
      event: 'moved',
      fromRing: 'assess' as const,
      toRing: 'adopt' as const,
      at: '2025-03-01T00:00:00.000Z',
    },
    {
      event: 'removed',
      fromRing: 'adopt' as const,
      at: '2025-06-01T00:00:00.000Z',
    },
    { event: 'added', toRing: 'hold' as const, at: '2025-09-01T00:00:00.000Z' },
  ];

  it('is exact from an added on: off the radar before it and after a removal', () => {
    const timeline = storedTimeline(events);
    expect(timeline.ringAt(at('2024-01-01'))).toBeNull();
    expect(timeline.ringAt(at('2025-02-01'))).toBe('assess');
    expect(timeline.ringAt(at('2025-05-31'))).toBe('adopt');
    expect(timeline.ringAt(at('2025-07-01'))).toBeNull();
    expect(timeline.ringAt(at('2025-10-01'))).toBe('hold');
  });

  it('reports the removal as a change to no ring, from the last ring held', () => {
    const timeline = storedTimeline(events);
    expect(timeline.lastChangeIn(at('2025-04-01'), at('2025-07-01'))).toEqual({
      date: '2025-06-01T00:00:00.000Z',
      from: 'adopt',
      to: null,
    });
    // the movement reads the changes on the radar only
    expect(timeline.ringChanges().map(c => c.to)).toEqual([
      'assess',
      'adopt',
      'hold',
    ]);
  });

  it('is unknown before a first record of a technology already on the radar', () => {
    const timeline = storedTimeline([
      { event: 'seen', toRing: 'trial', at: '2025-01-01T00:00:00.000Z' },
      {
        event: 'moved',
        fromRing: 'trial',
        toRing: 'adopt',
        at: '2025-02-01T00:00:00.000Z',
      },
    ]);
    expect(timeline.ringAt(at('2024-12-31'))).toBeUndefined();
    expect(timeline.earliestKnownRing()).toBe('trial');
    expect(timeline.ringAt(at('2025-01-15'))).toBe('trial');
    // a first record is not a change
    expect(
      timeline.lastChangeIn(at('2024-01-01'), at('2025-01-15')),
    ).toBeUndefined();
  });
});

describe('startOfDay / endOfDay', () => {
  it('bound a UTC day', () => {
    expect(new Date(startOfDay('2025-03-01')).toISOString()).toBe(
      '2025-03-01T00:00:00.000Z',
    );
    expect(new Date(endOfDay('2025-03-01')).toISOString()).toBe(
      '2025-03-01T23:59:59.999Z',
    );
  });
});
