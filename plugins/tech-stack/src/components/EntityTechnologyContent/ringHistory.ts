import { Ring, isRing } from '@techstack/plugin-tech-stack-common';

/** One ring change of a technology. */
export interface RingHistoryItem {
  date: string;
  from?: Ring;
  to: Ring;
}

/** Parses the `techstack.dev/ring-history` annotation; bad content gives an empty list. */
export function parseRingHistory(value: string | undefined): RingHistoryItem[] {
  if (!value) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap(item => {
    if (!item || typeof item !== 'object') return [];
    const { date, from, to } = item as Record<string, unknown>;
    if (typeof date !== 'string' || !isRing(to)) return [];
    return [{ date, to, ...(isRing(from) ? { from } : {}) }];
  });
}
