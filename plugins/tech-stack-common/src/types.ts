/**
 * The four rings of a tech radar, best first.
 *
 * @public
 */
export const RINGS = ['adopt', 'trial', 'assess', 'hold'] as const;

/**
 * A ring on the radar.
 *
 * @public
 */
export type Ring = (typeof RINGS)[number];

/**
 * What kind of thing a technology is.
 *
 * @public
 */
export const TECHNOLOGY_TYPES = [
  'tool',
  'platform',
  'service',
  'technique',
] as const;

/**
 * What kind of thing a technology is.
 *
 * @public
 */
export type TechnologyType = (typeof TECHNOLOGY_TYPES)[number];

/**
 * Is `value` one of the four rings?
 *
 * @public
 */
export function isRing(value: unknown): value is Ring {
  return (
    typeof value === 'string' && (RINGS as readonly string[]).includes(value)
  );
}

/**
 * Orders rings best first: adopt, then trial, assess and hold.
 *
 * @public
 */
export function compareRings(a: Ring, b: Ring): number {
  return RINGS.indexOf(a) - RINGS.indexOf(b);
}

/**
 * The best (innermost) of the given rings.
 *
 * @public
 */
export function bestRing(rings: Iterable<Ring>): Ring | undefined {
  let best: Ring | undefined;
  for (const ring of rings) {
    if (best === undefined || compareRings(ring, best) < 0) {
      best = ring;
    }
  }
  return best;
}
