import { Ring } from '@techstack/plugin-tech-stack-common';
import { exampleRingHistory } from './exampleRingHistory';
import { ObservedTechnology } from './ringHistoryEvents';
import { storedTimeline } from '../ringTimeline';

function technology(name: string, ring: Ring): ObservedTechnology {
  return {
    ref: `technology:default/${name}`,
    title: name.charAt(0).toUpperCase() + name.slice(1),
    ring,
    guide: 'main',
    details: { type: 'tool', layers: [{ section: 'S', layer: 'L', ring }] },
    annotation: [],
  };
}

const technologies = [
  technology('rancher', 'hold'),
  technology('autogen', 'assess'),
  technology('postgresql', 'adopt'),
  technology('kafka', 'adopt'),
  technology('aws', 'adopt'),
  technology('redis', 'trial'),
  technology('k3s', 'trial'),
  technology('valkey', 'trial'),
  technology('duckdb', 'trial'),
  technology('nomad', 'hold'),
];
const now = new Date('2026-06-01T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

describe('exampleRingHistory', () => {
  const events = exampleRingHistory(technologies, now);
  const byRef = (name: string) =>
    events.filter(e => e.technologyRef === `technology:default/${name}`);

  it('ends every technology at its current ring, six months back', () => {
    for (const t of technologies) {
      const timeline = storedTimeline(
        events.filter(e => e.technologyRef === t.ref),
      );
      expect(timeline.ringAt(now.getTime())).toBe(t.ring);
    }
    const times = events.map(e => Date.parse(e.at));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(
      now.getTime() - 181 * DAY,
    );
    expect(Math.max(...times)).toBeLessThan(now.getTime());
  });

  it('moves Rancher to hold four months ago and adds AutoGen two months ago', () => {
    const rancher = storedTimeline(byRef('rancher'));
    expect(rancher.ringAt(now.getTime() - 150 * DAY)).toBe('adopt');
    expect(rancher.ringAt(now.getTime() - 100 * DAY)).toBe('hold');
    const autogen = storedTimeline(byRef('autogen'));
    expect(autogen.ringAt(now.getTime() - 90 * DAY)).toBeNull();
    expect(autogen.ringAt(now.getTime() - 30 * DAY)).toBe('assess');
  });

  it('has a handful of moves in and out, the same for the same catalog', () => {
    const moves = events.filter(e => e.event === 'moved');
    expect(moves.length).toBeGreaterThanOrEqual(5);
    expect(moves.map(e => `${e.fromRing}>${e.toRing}`)).toEqual(
      expect.arrayContaining([
        'adopt>hold',
        'trial>adopt',
        'assess>trial',
        'adopt>trial',
      ]),
    );
    expect(exampleRingHistory([...technologies].reverse(), now)).toEqual(
      expect.arrayContaining(events),
    );
  });

  it('writes what it can for a small catalog', () => {
    const few = exampleRingHistory([technology('aws', 'adopt')], now);
    expect(few.map(e => e.event)).toEqual(['seen', 'moved']);
    expect(storedTimeline(few).ringAt(now.getTime())).toBe('adopt');
  });

  it('keeps a change the catalog already recorded, instead of made-up moves', () => {
    // the guide moved Linkerd adopt -> trial a minute before the first run
    const changedAt = new Date(now.getTime() - 60_000).toISOString();
    const linkerd: ObservedTechnology = {
      ...technology('linkerd', 'trial'),
      annotation: [{ date: changedAt, from: 'adopt', to: 'trial' }],
    };
    const seeded = exampleRingHistory([...technologies, linkerd], now);
    const timeline = storedTimeline(
      seeded.filter(e => e.technologyRef === linkerd.ref),
    );
    expect(timeline.ringChanges()).toEqual([
      { date: changedAt, from: 'adopt', to: 'trial' },
    ]);
    expect(timeline.ringAt(now.getTime() - DAY)).toBe('adopt');
    // the others still get their six months
    expect(seeded.filter(e => e.technologyRef !== linkerd.ref)).toEqual(events);
  });
});
