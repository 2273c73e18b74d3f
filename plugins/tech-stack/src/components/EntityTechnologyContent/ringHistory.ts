import {
  parseRingHistory as parseRingHistoryAnnotation,
  RingChange,
} from '@techstack/plugin-tech-stack-common';

/**
 * The changes of a `techstack.dev/ring-history` annotation, oldest first, as
 * `parseRingHistory` of tech-stack-common reads them: malformed entries (and
 * a malformed or over-long value) are left out, as on the radar.
 */
export function parseRingHistory(value: string | undefined): RingChange[] {
  return parseRingHistoryAnnotation(value).entries;
}
