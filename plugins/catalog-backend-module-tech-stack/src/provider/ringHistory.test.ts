import {
  RING_HISTORY_LIMIT,
  TechnologyEntity,
} from '@techstack/plugin-tech-stack-common';
import { readRingHistory, stampRingHistory } from './ringHistory';

const entity = (ring: TechnologyEntity['spec']['ring'], history?: unknown) =>
  ({
    apiVersion: 'techstack.dev/v1alpha1',
    kind: 'Technology',
    metadata: {
      name: 'redis',
      annotations: history
        ? { 'techstack.dev/ring-history': JSON.stringify(history) }
        : {},
    },
    spec: {
      ring,
      type: 'tool',
      owner: 'group:default/platform-team',
      layers: [{ section: 'Data', layer: 'Cache', ring }],
    },
  } as TechnologyEntity);

describe('stampRingHistory', () => {
  it('records a ring change against what the catalog holds, once', () => {
    const first = stampRingHistory(
      [],
      [entity('adopt')],
      new Date('2025-01-01'),
    );
    expect(readRingHistory(first[0])).toEqual([]);

    const second = stampRingHistory(
      first,
      [entity('trial')],
      new Date('2025-01-03'),
    );
    expect(readRingHistory(second[0])).toEqual([
      { date: '2025-01-03T00:00:00.000Z', from: 'adopt', to: 'trial' },
    ]);
    // a second replica (or the next run) reading the applied entity adds nothing
    const third = stampRingHistory(
      second,
      [entity('trial')],
      new Date('2025-01-04'),
    );
    expect(readRingHistory(third[0])).toEqual(readRingHistory(second[0]));
  });

  it('continues the history from the catalog and caps it', () => {
    const old = Array.from({ length: RING_HISTORY_LIMIT }, (_, i) => ({
      date: `2024-01-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`,
      from: 'trial',
      to: 'adopt',
    }));
    const [stamped] = stampRingHistory(
      [entity('adopt', old)],
      [entity('hold')],
      new Date('2025-01-01'),
    );
    const history = readRingHistory(stamped);
    expect(history).toHaveLength(RING_HISTORY_LIMIT);
    expect(history[history.length - 1]).toEqual({
      date: '2025-01-01T00:00:00.000Z',
      from: 'adopt',
      to: 'hold',
    });
    expect(history[0].date).toBe('2024-01-02T00:00:00.000Z');
  });

  it('drops malformed entries from what it writes, reporting them once', () => {
    const reports: Array<[string, string[]]> = [];
    const [stamped] = stampRingHistory(
      [
        entity('adopt', [
          { date: '2024-01-01T00:00:00.000Z', from: 'trial', to: 'adopt' },
          { date: 1, to: 'adopt' },
        ]),
      ],
      [entity('hold')],
      new Date('2025-01-01'),
      (name, problems) => reports.push([name, problems]),
    );
    expect(
      JSON.parse(stamped.metadata.annotations!['techstack.dev/ring-history']),
    ).toEqual([
      { date: '2024-01-01T00:00:00.000Z', from: 'trial', to: 'adopt' },
      { date: '2025-01-01T00:00:00.000Z', from: 'adopt', to: 'hold' },
    ]);
    expect(reports).toEqual([['redis', [expect.stringMatching(/^entry 2: /)]]]);
    // the next run finds a clean annotation: nothing more to report
    stampRingHistory([stamped], [entity('hold')], new Date('2025-01-02'), () =>
      reports.push(['again', []]),
    );
    expect(reports).toHaveLength(1);

    const broken = entity('adopt');
    broken.metadata.annotations!['techstack.dev/ring-history'] = '{nope';
    expect(readRingHistory(broken)).toEqual([]);
  });
});
