import {
  RadarMovement,
  RingChange,
  compareRings,
} from '@techstack/plugin-tech-stack-common';

/** How a technology moved on the radar recently. */
export type Movement = RadarMovement;

/**
 * Derives the movement from a ring history (as `parseRingHistory` of
 * tech-stack-common reads the annotation): the newest change, if it lies
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
