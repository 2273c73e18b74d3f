import type { TechRadarApi } from '@backstage-community/plugin-tech-radar';
import type { RadarEntry, RadarMovement } from '../src';

/** The community radar's data format. */
export type CommunityRadarData = Awaited<ReturnType<TechRadarApi['load']>>;

type Ring = RadarEntry['ring'];

/** The four rings, best first (as in `@techstack/plugin-tech-stack-common`). */
export const BENCH_RINGS: Ring[] = ['adopt', 'trial', 'assess', 'hold'];

const SECTOR_NAMES = [
  'Languages & Frameworks',
  'Data Management',
  'Infrastructure',
  'Developer Tooling',
  'Observability',
  'Security',
  'AI & Machine Learning',
  'Messaging',
  'Frontend',
  'Testing',
  'Delivery',
  'Platforms',
];

const COMMUNITY_RING_COLORS: Record<Ring, string> = {
  adopt: '#5BA300',
  trial: '#009EB0',
  assess: '#C7BA00',
  hold: '#E09B96',
};

/** Deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The first `count` sector names. */
export function benchSectors(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => SECTOR_NAMES[i] ?? `Sector ${i + 1}`,
  );
}

/**
 * `n` deterministic entries ("Tech 0000" …), one sector each, spread evenly
 * at random over the sectors and the four rings; some moved recently.
 */
export function benchEntries(n: number, sectors: string[]): RadarEntry[] {
  const next = random(0x7ec4 + n * 31 + sectors.length);
  const entries: RadarEntry[] = [];
  for (let i = 0; i < n; i++) {
    const sector = sectors[Math.floor(next() * sectors.length)];
    const ring = BENCH_RINGS[Math.floor(next() * BENCH_RINGS.length)];
    const m = next();
    let movement: RadarMovement = 'none';
    if (m < 0.05) movement = 'in';
    else if (m < 0.1) movement = 'out';
    else if (m < 0.15) movement = 'new';
    const id = String(i).padStart(4, '0');
    entries.push({
      ref: `technology:default/tech-${id}`,
      name: `tech-${id}`,
      title: `Tech ${id}`,
      ring,
      type: 'tool',
      sectors: [sector],
      layers: [{ section: sector, layer: `Layer ${i % 7}`, ring }],
      movement,
    });
  }
  return entries;
}

/**
 * The same entries in the community radar's format: our sectors as its
 * quadrants (it takes exactly four), our movements as its `moved`.
 */
export function communityRadarData(
  entries: RadarEntry[],
  sectors: string[],
): CommunityRadarData {
  const date = new Date('2025-01-01T00:00:00Z');
  return {
    quadrants: sectors.slice(0, 4).map((name, i) => ({ id: `q${i}`, name })),
    rings: BENCH_RINGS.map(ring => ({
      id: ring,
      name: ring.toUpperCase(),
      color: COMMUNITY_RING_COLORS[ring],
    })),
    entries: entries.map(entry => {
      let moved = 0;
      if (entry.movement === 'in') moved = 1;
      else if (entry.movement === 'out') moved = -1;
      return {
        id: entry.name,
        key: entry.name,
        title: entry.title,
        quadrant: `q${Math.max(0, sectors.indexOf(entry.sectors[0])) % 4}`,
        timeline: [{ moved, ringId: entry.ring, date }],
      };
    }),
  };
}
