import { RINGS, Ring, compareRings } from '@techstack/plugin-tech-stack-common';
import { ELLIPSIS, truncateText } from '../../lib/truncate';

/** What the layout needs to know of an entry. */
export interface LayoutEntry {
  ref: string;
  title: string;
  /** Best ring overall; used for a sector when no layer of it says otherwise. */
  ring: Ring;
  sectors: string[];
  layers?: Array<{ section: string; ring: Ring }>;
}

/** An axis-aligned box, in viewBox units. */
export interface LayoutBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One appearance of an entry in one sector, with its number in the legend. */
export interface LayoutItem<T extends LayoutEntry = LayoutEntry> {
  /** Unique per placement: `<ref>@<sector>`. */
  id: string;
  ref: string;
  title: string;
  sector: string;
  sectorIndex: number;
  /** The entry's (best) ring in this sector. */
  ring: Ring;
  ringIndex: number;
  /** 1-based number, shared by blip and legend: sector, then ring, then title order. */
  number: number;
  entry: T;
}

/** A placed blip: a {@link LayoutItem} with its centre. */
export interface LayoutBlip<T extends LayoutEntry = LayoutEntry>
  extends LayoutItem<T> {
  x: number;
  y: number;
}

/** Entries a segment (sector × ring) could not hold at a readable size. */
export interface LayoutOverflow<T extends LayoutEntry = LayoutEntry> {
  sector: string;
  ring: Ring;
  refs: string[];
  items: LayoutItem<T>[];
}

/** A sector of the radar, with its label outside the outer ring. */
export interface LayoutSector {
  name: string;
  index: number;
  /** Radians, clockwise from the positive x axis (SVG orientation). */
  startAngle: number;
  endAngle: number;
  label: {
    x: number;
    y: number;
    lines: string[];
    anchor: 'start' | 'middle' | 'end';
    fontSize: number;
    box: LayoutBox;
  };
}

/** A ring label, on the boundary line at 12 o'clock. */
export interface LayoutRingLabel {
  ring: Ring;
  x: number;
  y: number;
  fontSize: number;
  box: LayoutBox;
}

/** The computed picture of a radar. */
export interface RadarLayout<T extends LayoutEntry = LayoutEntry> {
  size: number;
  center: number;
  /** Outer radius of each ring, innermost first. */
  ringRadii: number[];
  blipRadius: number;
  sectors: LayoutSector[];
  ringLabels: LayoutRingLabel[];
  /** Every placement in number order, placed or not (the legend). */
  items: LayoutItem<T>[];
  blips: LayoutBlip<T>[];
  overflow: LayoutOverflow<T>[];
}

/** Tuning of {@link layoutRadar}. */
export interface LayoutOptions {
  /** Blip radius in viewBox units; default 8. */
  blipRadius?: number;
  /** Free space between two blips; default half the blip radius. */
  gap?: number;
  /** Space outside the outer ring for sector labels; default: room for a wrapped label. */
  labelMargin?: number;
  /** Outer radius of each ring as a fraction of the radar radius. */
  ringFractions?: number[];
}

const DEFAULT_RING_FRACTIONS = [0.42, 0.68, 0.86, 1];
const LABEL_WRAP = 16;
const CHAR_WIDTH = 0.62; // average glyph width relative to font size, generous

/** A 32-bit FNV-1a hash of a string. */
function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Mixes a seed and a slot number into a well-spread 32-bit score. */
function score(seed: number, slot: number): number {
  let h = (seed ^ Math.imul(slot + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.toLocaleLowerCase('en');
  const lb = b.toLocaleLowerCase('en');
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : 1;
}

/** Most lines of a sector label; the last one ends in an ellipsis when cut. */
export const MAX_LABEL_LINES = 3;

/**
 * Splits a label into at most `maxLines` lines of at most `max` characters,
 * at spaces where possible. A word longer than a line is cut with an
 * ellipsis, and so is the last line when the label needs more lines, so a
 * label of any length keeps its box (the full name is the label's hover text).
 * Linear in the label's length: one pass over its words.
 */
export function wrapLabel(
  text: string,
  max: number,
  maxLines = MAX_LABEL_LINES,
): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let cut = false;
  for (const raw of words) {
    const word = truncateText(raw, max);
    if (!line) {
      line = word;
    } else if (line.length + 1 + word.length <= max) {
      line = `${line} ${word}`;
    } else {
      lines.push(line);
      line = word;
      if (lines.length === maxLines) {
        cut = true;
        break;
      }
    }
  }
  if (line && lines.length < maxLines) lines.push(line);
  if (cut) {
    const last = lines[maxLines - 1];
    if (!last.endsWith(ELLIPSIS)) {
      lines[maxLines - 1] = truncateText(`${last}${ELLIPSIS}`, max);
    }
  }
  return lines.length ? lines : [''];
}

/** Distance from a circle centre to a box, 0 inside. */
function distanceToBox(x: number, y: number, box: LayoutBox): number {
  const dx = Math.max(box.x - x, 0, x - (box.x + box.width));
  const dy = Math.max(box.y - y, 0, y - (box.y + box.height));
  return Math.hypot(dx, dy);
}

/** The ring an entry holds in one sector: its best ring among that sector's layers. */
function ringInSector(entry: LayoutEntry, sector: string): Ring {
  let best: Ring | undefined;
  for (const layer of entry.layers ?? []) {
    if (
      layer.section === sector &&
      (best === undefined || compareRings(layer.ring, best) < 0)
    ) {
      best = layer.ring;
    }
  }
  return best ?? entry.ring;
}

/** Candidate centres of one segment, in a fixed order (inside out, clockwise). */
function segmentSlots(options: {
  center: number;
  startAngle: number;
  endAngle: number;
  innerRadius: number;
  outerRadius: number;
  blipRadius: number;
  gap: number;
  avoid: LayoutBox[];
}): Array<{ x: number; y: number }> {
  const { center, startAngle, endAngle, innerRadius, outerRadius } = options;
  const r = options.blipRadius;
  const step = 2 * r + options.gap;
  // clearance from ring circles and sector lines: half a gap beyond the radius
  const clear = r + options.gap;
  const first = innerRadius + clear;
  const last = outerRadius - clear;
  if (last < first) return [];
  const arcs = Math.floor((last - first) / step) + 1;
  const radialOffset = (last - first - (arcs - 1) * step) / 2;
  const slots: Array<{ x: number; y: number }> = [];
  for (let a = 0; a < arcs; a++) {
    const rho = first + radialOffset + a * step;
    if (rho < clear) continue;
    const delta = Math.asin(Math.min(1, clear / rho));
    const usable = endAngle - startAngle - 2 * delta;
    if (usable < 0) continue;
    if (step / (2 * rho) >= 1) continue;
    const dTheta = 2 * Math.asin(step / (2 * rho));
    const count = Math.floor(usable / dTheta + 1e-9) + 1;
    // on a full circle the first and last slots meet across the single boundary
    const angularOffset = (usable - (count - 1) * dTheta) / 2;
    for (let i = 0; i < count; i++) {
      const theta = startAngle + delta + angularOffset + i * dTheta;
      const x = center + rho * Math.cos(theta);
      const y = center + rho * Math.sin(theta);
      if (options.avoid.some(box => distanceToBox(x, y, box) < clear)) {
        continue;
      }
      slots.push({ x, y });
    }
  }
  return slots;
}

/**
 * Lays out an N-sector, four-ring radar: deterministic (same input, same
 * picture), stable (one more entry moves few others, only in its segment),
 * free of overlaps, and never drops an entry silently (what does not fit is
 * reported in `overflow`).
 *
 * Each segment (sector × ring) has a fixed grid of candidate positions on
 * concentric arcs, spaced at least a blip diameter plus a gap apart and clear
 * of the ring circles, sector lines and ring labels. Entries are taken in
 * title order; each takes the free position it ranks highest by a hash of its
 * ref (rendezvous hashing), so an entry's position depends on its own ref,
 * not on its rank.
 */
export function layoutRadar<T extends LayoutEntry>(
  sectorNames: string[],
  entries: T[],
  size: number,
  options: LayoutOptions = {},
): RadarLayout<T> {
  const center = size / 2;
  const blipRadius = options.blipRadius ?? 8;
  const gap = options.gap ?? blipRadius * 0.5;
  const sectorFont = Math.max(10, blipRadius * 1.5);
  const labelMargin =
    options.labelMargin ??
    sectorFont * (0.8 + LABEL_WRAP * CHAR_WIDTH) + blipRadius;
  const radius = Math.max(0, center - labelMargin);
  const fractions = options.ringFractions ?? DEFAULT_RING_FRACTIONS;
  const ringRadii = RINGS.map((_, i) => radius * fractions[i]);
  const count = Math.max(1, sectorNames.length);
  const span = (2 * Math.PI) / count;
  const top = -Math.PI / 2;

  // ring labels at 12 o'clock, centred on the boundary line between the last and first sector
  const ringFont = Math.max(9, blipRadius * 1.3);
  const ringLabels: LayoutRingLabel[] = RINGS.map((ring, i) => {
    const inner = i === 0 ? 0 : ringRadii[i - 1];
    const y = center - (inner + ringRadii[i]) / 2;
    const width = ring.length * ringFont * CHAR_WIDTH + 6;
    const height = ringFont + 4;
    return {
      ring,
      x: center,
      y,
      fontSize: ringFont,
      box: { x: center - width / 2, y: y - height / 2, width, height },
    };
  });

  const sectors: LayoutSector[] = sectorNames.map((name, index) => {
    const startAngle = top + index * span;
    const endAngle = startAngle + span;
    const mid = (startAngle + endAngle) / 2;
    const cos = Math.cos(mid);
    const sin = Math.sin(mid);
    const lines = wrapLabel(name, LABEL_WRAP);
    const lineHeight = sectorFont * 1.2;
    const height = lines.length * lineHeight;
    const width =
      Math.max(...lines.map(l => l.length)) * sectorFont * CHAR_WIDTH + 4;
    const distance = radius + sectorFont * 0.8;
    const ax = center + distance * cos;
    const ay = center + distance * sin;
    let anchor: 'start' | 'middle' | 'end' = 'middle';
    let left = ax - width / 2;
    if (cos > 0.25) {
      anchor = 'start';
      left = ax;
    } else if (cos < -0.25) {
      anchor = 'end';
      left = ax - width;
    }
    // stack the lines away from the radar: above it at the top, below it at the bottom
    let topY = ay - height / 2;
    if (sin < -0.25) topY = ay - height;
    else if (sin > 0.25) topY = ay;
    return {
      name,
      index,
      startAngle,
      endAngle,
      label: {
        x: ax,
        y: topY,
        lines,
        anchor,
        fontSize: sectorFont,
        box: { x: left, y: topY, width, height },
      },
    };
  });

  // one item per (entry, sector), numbered sector by sector, ring by ring, by title
  const sectorIndex = new Map(sectorNames.map((s, i) => [s, i]));
  const buckets: LayoutItem<T>[][] = sectorNames.flatMap(() =>
    RINGS.map(() => []),
  );
  const seen = new Set<string>();
  for (const entry of entries) {
    for (const sector of entry.sectors) {
      const s = sectorIndex.get(sector);
      const id = `${entry.ref}@${sector}`;
      if (s === undefined || seen.has(id)) continue;
      seen.add(id);
      const ring = ringInSector(entry, sector);
      const ringIndex = RINGS.indexOf(ring);
      buckets[s * RINGS.length + ringIndex].push({
        id,
        ref: entry.ref,
        title: entry.title,
        sector,
        sectorIndex: s,
        ring,
        ringIndex,
        number: 0,
        entry,
      });
    }
  }
  const items: LayoutItem<T>[] = [];
  const blips: LayoutBlip<T>[] = [];
  const overflow: LayoutOverflow<T>[] = [];
  const avoid = ringLabels.map(l => l.box);
  buckets.forEach((bucket, b) => {
    bucket.sort(
      (x, y) => compareText(x.title, y.title) || compareText(x.ref, y.ref),
    );
    for (const item of bucket) {
      item.number = items.length + 1;
      items.push(item);
    }
    if (bucket.length === 0) return;
    const sector = sectors[Math.floor(b / RINGS.length)];
    const ringIndex = b % RINGS.length;
    const slots = segmentSlots({
      center,
      startAngle: sector.startAngle,
      endAngle: sector.endAngle,
      innerRadius: ringIndex === 0 ? 0 : ringRadii[ringIndex - 1],
      outerRadius: ringRadii[ringIndex],
      blipRadius,
      gap,
      avoid,
    });
    const taken = new Uint8Array(slots.length);
    const left: LayoutItem<T>[] = [];
    for (const item of bucket) {
      const seed = hashString(item.ref);
      let best = -1;
      let bestScore = -1;
      for (let i = 0; i < slots.length; i++) {
        if (taken[i]) continue;
        const value = score(seed, i);
        if (value > bestScore) {
          bestScore = value;
          best = i;
        }
      }
      if (best < 0) {
        left.push(item);
        continue;
      }
      taken[best] = 1;
      blips.push({ ...item, x: slots[best].x, y: slots[best].y });
    }
    if (left.length) {
      overflow.push({
        sector: sector.name,
        ring: RINGS[ringIndex],
        refs: left.map(i => i.ref),
        items: left,
      });
    }
  });
  blips.sort((a, b) => a.number - b.number);

  return {
    size,
    center,
    ringRadii,
    blipRadius,
    sectors,
    ringLabels,
    items,
    blips,
    overflow,
  };
}

/** The radar sizes {@link fitRadarLayout} tries, smallest first. */
export const RADAR_SIZES = [800, 960, 1120, 1280, 1440, 1600];

/**
 * Lays out the radar at the smallest of `sizes` at which no segment
 * overflows (blips keep their size; the picture grows), or at the largest.
 * The chosen size only changes when a segment fills up, so the picture stays
 * stable as entries come and go.
 */
export function fitRadarLayout<T extends LayoutEntry>(
  sectorNames: string[],
  entries: T[],
  sizes: number[] = RADAR_SIZES,
  options: LayoutOptions = {},
): RadarLayout<T> {
  let layout: RadarLayout<T> | undefined;
  for (const size of sizes) {
    layout = layoutRadar(sectorNames, entries, size, options);
    if (layout.overflow.length === 0) {
      return layout;
    }
  }
  return layout ?? layoutRadar(sectorNames, entries, 800, options);
}
