import { TechnologyEntity } from '@techstack/plugin-tech-stack-common';
import {
  readRingHistory,
  RingHistoryTracker,
  RING_HISTORY_LIMIT,
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

describe('RingHistoryTracker', () => {
  it('records changes across runs only once committed', () => {
    const tracker = new RingHistoryTracker();
    tracker.seed([]);
    const first = tracker.stamp([entity('adopt')], new Date('2025-01-01'));
    expect(readRingHistory(first.entities[0])).toEqual([]);
    tracker.commit(first.state);

    const uncommitted = tracker.stamp([entity('hold')], new Date('2025-01-02'));
    expect(readRingHistory(uncommitted.entities[0])).toHaveLength(1);

    const second = tracker.stamp([entity('trial')], new Date('2025-01-03'));
    tracker.commit(second.state);
    const third = tracker.stamp([entity('trial')], new Date('2025-01-04'));
    expect(readRingHistory(third.entities[0])).toEqual([
      { date: '2025-01-03T00:00:00.000Z', from: 'adopt', to: 'trial' },
    ]);
  });

  it('seeds from the catalog and caps the history', () => {
    const old = Array.from({ length: RING_HISTORY_LIMIT }, (_, i) => ({
      date: `2024-01-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`,
      from: 'trial',
      to: 'adopt',
    }));
    const tracker = new RingHistoryTracker();
    tracker.seed([entity('adopt', old)]);
    const { entities } = tracker.stamp(
      [entity('hold')],
      new Date('2025-01-01'),
    );
    const history = readRingHistory(entities[0]);
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
