import {
  Ring,
  RadarMovement,
  compareRings,
  isRing,
} from '@techstack/plugin-tech-stack-common';

/** How a technology moved on the radar recently. */
export type Movement = RadarMovement;

/** One change of ring, as stored in the `techstack.dev/ring-history` annotation. */
export interface RingChange {
  date: string;
  from?: Ring;
  to: Ring;
}

/** Parses the ring-history annotation; malformed content yields an empty history. */
export function parseRingHistory(value: string | undefined): RingChange[] {
  if (!value) {
    return [];
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) {
    return [];
  }
  const changes: RingChange[] = [];
  for (const item of parsed) {
    if (!item || typeof item !== 'object') continue;
    const { date, from, to } = item as Record<string, unknown>;
    if (typeof date !== 'string' || Number.isNaN(Date.parse(date))) continue;
    if (!isRing(to)) continue;
    changes.push({ date, to, ...(isRing(from) ? { from } : {}) });
  }
  return changes;
}

/**
 * Derives the movement from a ring history: the newest change, if it lies
 * within the window, is `new` (no previous ring), `in` (to a better ring) or
 * `out` (to a worse ring).
 */
export function deriveMovement(
  history: RingChange[],
  options: { now: Date; windowDays: number },
): { movement: Movement; movedAt?: string } {
  let latest: RingChange | undefined;
  for (const change of history) {
    if (!latest || Date.parse(change.date) >= Date.parse(latest.date)) {
      latest = change;
    }
  }
  if (!latest) {
    return { movement: 'none' };
  }
  const age = options.now.getTime() - Date.parse(latest.date);
  if (age < 0 || age > options.windowDays * 24 * 60 * 60 * 1000) {
    return { movement: 'none' };
  }
  if (!latest.from) {
    return { movement: 'new', movedAt: latest.date };
  }
  const order = compareRings(latest.to, latest.from);
  if (order === 0) {
    return { movement: 'none' };
  }
  return { movement: order < 0 ? 'in' : 'out', movedAt: latest.date };
}
