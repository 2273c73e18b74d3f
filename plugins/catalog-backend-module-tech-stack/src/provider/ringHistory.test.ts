import { TechnologyEntity } from '@techstack/plugin-tech-stack-common';
import {
  readRingHistory,
  RING_HISTORY_LIMIT,
  stampRingHistory,
} from './ringHistory';

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

  it('reads malformed annotations as no history', () => {
    const broken = entity('adopt');
    broken.metadata.annotations!['techstack.dev/ring-history'] = '{nope';
    expect(readRingHistory(broken)).toEqual([]);
    expect(readRingHistory(entity('adopt', [{ date: 1 }]))).toEqual([]);
  });
});
