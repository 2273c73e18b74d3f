import { ReactNode, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { TechRadarComponent } from '@backstage-community/plugin-tech-radar';
import { RadarEntry, TechRadar } from '../src';
import {
  benchEntries,
  benchSectors,
  BENCH_RINGS,
  communityRadarData,
} from './benchData';
import { communityRadarSource } from './communityRadarApi';

/** What `bench/radar.bench.ts` drives from the page (with `start=manual`). */
declare global {
  interface Window {
    radarBench?: {
      impl: string;
      n: number;
      sectors: string[];
      titles: string[];
      start: () => void;
    };
  }
}

type Impl = 'ours' | 'community';

/**
 * Harness of `bench/radar.bench.ts`: our radar or the community one on the
 * same n deterministic entries.
 *
 * `/radar-bench?impl=ours|community&n=100|300|1000&sectors=4[&start=manual]`
 * of the plugin's dev app (`yarn workspace @techstack/plugin-tech-stack start`).
 *
 * The data is handed to the radar after mount (`performance.mark('data')`
 * right before the radar subtree renders); with `start=manual` only when the
 * bench calls `window.radarBench.start()`, so app start-up does not interfere.
 */
export function RadarBenchPage() {
  const [params] = useSearchParams();
  const impl: Impl = params.get('impl') === 'community' ? 'community' : 'ours';
  const n = Math.max(1, Math.min(5000, Number(params.get('n')) || 100));
  const sectorCount =
    impl === 'community'
      ? 4
      : Math.max(1, Math.min(12, Number(params.get('sectors')) || 4));
  const manual = params.get('start') === 'manual';

  const sectors = useMemo(() => benchSectors(sectorCount), [sectorCount]);
  const entries = useMemo<RadarEntry[]>(
    () => benchEntries(n, sectors),
    [n, sectors],
  );
  const community = useMemo(
    () =>
      impl === 'community' ? communityRadarData(entries, sectors) : undefined,
    [impl, entries, sectors],
  );

  const [started, setStarted] = useState(false);
  useEffect(() => {
    const start = () => {
      performance.clearMarks('data');
      performance.mark('data');
      setStarted(true);
    };
    window.radarBench = {
      impl,
      n,
      sectors,
      titles: entries.map(e => e.title),
      start,
    };
    communityRadarSource.data = community;
    if (!manual) start();
    return () => {
      delete window.radarBench;
    };
  }, [impl, n, sectors, entries, community, manual]);

  let radar: ReactNode = null;
  if (started) {
    radar =
      community !== undefined ? (
        <TechRadarComponent />
      ) : (
        <TechRadar sectors={sectors} entries={entries} title="Bench radar" />
      );
  }

  return (
    <div style={{ padding: 16 }}>
      <div
        data-testid={started ? 'radar-bench-started' : 'radar-bench-idle'}
        style={{ fontSize: 12, marginBottom: 8 }}
      >
        radar bench: {impl}, {n} entries, {sectors.length} sectors,{' '}
        {BENCH_RINGS.length} rings
      </div>
      <div data-testid="radar-bench-root">{radar}</div>
    </div>
  );
}
