import { RINGS, Ring } from '@techstack/plugin-tech-stack-common';
import {
  LayoutBox,
  LayoutEntry,
  fitRadarLayout,
  layoutRadar,
  wrapLabel,
  MAX_LABEL_LINES,
} from './layoutRadar';

const SEED_SECTORS = [
  'Core Infrastructure',
  'Data Layer',
  'AI/ML Infrastructure',
  'Observability',
  'Security',
  'Event-Driven Architecture',
  'Edge & CDN',
];

/** A small deterministic PRNG (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomEntries(
  count: number,
  sectors: string[],
  seed = 1,
): LayoutEntry[] {
  const rnd = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const ring = RINGS[Math.floor(rnd() * 4)] as Ring;
    const own = [sectors[Math.floor(rnd() * sectors.length)]];
    if (rnd() < 0.15) own.push(sectors[Math.floor(rnd() * sectors.length)]);
    const unique = [...new Set(own)];
    return {
      ref: `technology:default/tech-${i}-${Math.floor(rnd() * 1e6)}`,
      title: `Tech ${Math.floor(rnd() * 1e6)}`,
      ring,
      sectors: unique,
      layers: unique.map(section => ({ section, ring })),
    };
  });
}

function overlaps(layout: ReturnType<typeof layoutRadar>): number {
  const { blips, blipRadius } = layout;
  let count = 0;
  for (let i = 0; i < blips.length; i++) {
    for (let j = i + 1; j < blips.length; j++) {
      const d = Math.hypot(blips[i].x - blips[j].x, blips[i].y - blips[j].y);
      if (d < 2 * blipRadius - 1e-6) count++;
    }
  }
  return count;
}

function intersects(x: number, y: number, r: number, box: LayoutBox) {
  const dx = Math.max(box.x - x, 0, x - (box.x + box.width));
  const dy = Math.max(box.y - y, 0, y - (box.y + box.height));
  return Math.hypot(dx, dy) < r;
}

function sectorOf(
  layout: ReturnType<typeof layoutRadar>,
  x: number,
  y: number,
) {
  const angle = Math.atan2(y - layout.center, x - layout.center);
  return layout.sectors.findIndex(s => {
    for (const a of [angle, angle + 2 * Math.PI, angle - 2 * Math.PI]) {
      if (a >= s.startAngle && a < s.endAngle) return true;
    }
    return false;
  });
}

describe('layoutRadar', () => {
  it.each([100, 300, 1000])(
    'places %i random entries without overlaps, accounting for every one',
    count => {
      const entries = randomEntries(count, SEED_SECTORS, count);
      const layout = layoutRadar(SEED_SECTORS, entries, 800);
      expect(overlaps(layout)).toBe(0);
      const placements = entries.reduce((n, e) => n + e.sectors.length, 0);
      const overflowed = layout.overflow.reduce((n, o) => n + o.refs.length, 0);
      expect(layout.items).toHaveLength(placements);
      expect(layout.blips.length + overflowed).toBe(placements);
      // numbers are 1..n, shared by legend items and blips
      expect(layout.items.map(i => i.number)).toEqual(
        Array.from({ length: placements }, (_, i) => i + 1),
      );
    },
  );

  it.each([1, 2, 3, 4, 7, 12])(
    'keeps blips inside their segment and off the labels with %i sectors',
    n => {
      const sectors = Array.from({ length: n }, (_, i) =>
        i % 2 ? `Sector number ${i} with a long name` : `S${i}`,
      );
      const layout = layoutRadar(sectors, randomEntries(400, sectors, n), 800);
      expect(overlaps(layout)).toBe(0);
      expect(layout.blips.length).toBeGreaterThan(0);
      const r = layout.blipRadius;
      for (const blip of layout.blips) {
        for (const label of layout.ringLabels) {
          expect(intersects(blip.x, blip.y, r, label.box)).toBe(false);
        }
        for (const sector of layout.sectors) {
          expect(intersects(blip.x, blip.y, r, sector.label.box)).toBe(false);
        }
        const distance = Math.hypot(
          blip.x - layout.center,
          blip.y - layout.center,
        );
        const inner =
          blip.ringIndex === 0 ? 0 : layout.ringRadii[blip.ringIndex - 1];
        expect(distance - r).toBeGreaterThanOrEqual(inner);
        expect(distance + r).toBeLessThanOrEqual(
          layout.ringRadii[blip.ringIndex],
        );
        const expected = n > 1 ? blip.sectorIndex : 0;
        expect(sectorOf(layout, blip.x, blip.y)).toBe(expected);
      }
    },
  );

  it('keeps sector labels apart from each other for up to 12 sectors', () => {
    for (let n = 1; n <= 12; n++) {
      const sectors = SEED_SECTORS.concat(SEED_SECTORS).slice(0, n);
      const { sectors: laid } = layoutRadar(sectors, [], 800);
      for (let i = 0; i < laid.length; i++) {
        for (let j = i + 1; j < laid.length; j++) {
          const a = laid[i].label.box;
          const b = laid[j].label.box;
          const apart =
            a.x + a.width <= b.x ||
            b.x + b.width <= a.x ||
            a.y + a.height <= b.y ||
            b.y + b.height <= a.y;
          expect(apart).toBe(true);
        }
      }
    }
  });

  it('is deterministic, whatever the input order', () => {
    const entries = randomEntries(300, SEED_SECTORS, 7);
    const a = layoutRadar(SEED_SECTORS, entries, 800);
    const b = layoutRadar(SEED_SECTORS, [...entries].reverse(), 800);
    const pos = (l: typeof a) => l.blips.map(x => [x.id, x.x, x.y, x.number]);
    expect(pos(b)).toEqual(pos(a));
    expect(layoutRadar(SEED_SECTORS, entries, 800)).toEqual(a);
  });

  it('moves few others, only in the same segment, when one entry is added', () => {
    let worst = 0;
    for (let trial = 0; trial < 50; trial++) {
      const entries = randomEntries(150, SEED_SECTORS, 100 + trial);
      const [extra, ...rest] = entries;
      const before = layoutRadar(SEED_SECTORS, rest, 800);
      const after = layoutRadar(SEED_SECTORS, entries, 800);
      const was = new Map(before.blips.map(b => [b.id, b]));
      let moved = 0;
      for (const blip of after.blips) {
        const old = was.get(blip.id);
        if (!old || (old.x === blip.x && old.y === blip.y)) continue;
        moved++;
        expect(extra.sectors).toContain(blip.sector);
        expect(blip.ring).toBe(extra.ring);
      }
      worst = Math.max(worst, moved);
    }
    expect(worst).toBeLessThanOrEqual(4);
  });

  it('reports what a crowded segment cannot hold, never dropping it', () => {
    const entries: LayoutEntry[] = Array.from({ length: 200 }, (_, i) => ({
      ref: `technology:default/t${i}`,
      title: `T${String(i).padStart(3, '0')}`,
      ring: 'adopt',
      sectors: ['Data Layer'],
    }));
    const layout = layoutRadar(SEED_SECTORS, entries, 800);
    expect(layout.overflow).toHaveLength(1);
    const [overflow] = layout.overflow;
    expect(overflow).toMatchObject({ sector: 'Data Layer', ring: 'adopt' });
    expect(layout.blips.length + overflow.refs.length).toBe(200);
    expect(
      new Set([...layout.blips.map(b => b.ref), ...overflow.refs]).size,
    ).toBe(200);
    expect(overlaps(layout)).toBe(0);
  });

  it('uses the ring an entry holds in each sector', () => {
    const layout = layoutRadar(
      ['A', 'B'],
      [
        {
          ref: 'technology:default/kafka',
          title: 'Kafka',
          ring: 'adopt',
          sectors: ['A', 'B'],
          layers: [
            { section: 'A', ring: 'adopt' },
            { section: 'B', ring: 'trial' },
            { section: 'B', ring: 'hold' },
          ],
        },
      ],
      800,
    );
    expect(layout.blips.map(b => [b.sector, b.ring])).toEqual([
      ['A', 'adopt'],
      ['B', 'trial'],
    ]);
  });

  it('wraps long labels at spaces', () => {
    expect(wrapLabel('Event-Driven Architecture', 18)).toEqual([
      'Event-Driven',
      'Architecture',
    ]);
    expect(wrapLabel('Data Layer', 18)).toEqual(['Data Layer']);
  });

  it('cuts a word longer than a line, and a label longer than three lines, with an ellipsis', () => {
    expect(wrapLabel('x'.repeat(10_000), 16)).toEqual([`${'x'.repeat(15)}…`]);
    const lines = wrapLabel('Wordy platform '.repeat(700), 16);
    expect(lines).toHaveLength(MAX_LABEL_LINES);
    expect(lines.every(l => l.length <= 16)).toBe(true);
    expect(lines[lines.length - 1].endsWith('…')).toBe(true);
    // exactly three lines' worth is not cut
    expect(wrapLabel('aaaa bbbb cccc', 4)).toEqual(['aaaa', 'bbbb', 'cccc']);
    expect(wrapLabel('aaaa bbbb cccc dddd', 4)).toEqual([
      'aaaa',
      'bbbb',
      'ccc…',
    ]);
  });
});

describe('fitRadarLayout', () => {
  it('grows the picture until a crowded segment fits', () => {
    const entries: LayoutEntry[] = Array.from({ length: 30 }, (_, i) => ({
      ref: `technology:default/t${i}`,
      title: `T${i}`,
      ring: 'adopt',
      sectors: ['Data Layer'],
    }));
    expect(layoutRadar(SEED_SECTORS, entries, 800).overflow).not.toHaveLength(
      0,
    );
    const fitted = fitRadarLayout(SEED_SECTORS, entries);
    expect(fitted.overflow).toHaveLength(0);
    expect(fitted.blips).toHaveLength(30);
    expect(fitted.size).toBeGreaterThan(800);
  });

  it('stays at the smallest size when everything fits', () => {
    expect(
      fitRadarLayout(SEED_SECTORS, randomEntries(60, SEED_SECTORS)).size,
    ).toBe(800);
  });
});
