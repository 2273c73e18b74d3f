import { RINGS } from '@techstack/plugin-tech-stack-common';
import { RingCounts } from './types';

/** Zero for every ring. */
export function emptyRingCounts(): RingCounts {
  return Object.fromEntries(RINGS.map(r => [r, 0])) as RingCounts;
}
