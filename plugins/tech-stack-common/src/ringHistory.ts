import { z } from 'zod';
import { RINGS } from './types';

/**
 * The `techstack.dev/ring-history` annotation: a JSON array of ring changes,
 * oldest first, `[{ "date": "2025-05-01T00:00:00.000Z", "from": "trial",
 * "to": "adopt" }]`. The catalog module writes it ({@link serializeRingHistory});
 * the backend (radar movement) and the Technology page read it
 * ({@link parseRingHistory}), all by this one schema.
 */

/**
 * Longest annotation value read, in characters; a longer value is not parsed
 * and reads as no history, with one problem saying so. Ten changes take
 * about 700 characters.
 *
 * @public
 */
export const MAX_RING_HISTORY_LENGTH = 16 * 1024;

/**
 * How many changes the catalog module keeps in the annotation (the newest).
 *
 * @public
 */
export const RING_HISTORY_LIMIT = 10;

/** Most problems {@link parseRingHistory} lists one by one; one more line counts the rest. */
const MAX_LISTED_PROBLEMS = 10;

/** Longest `date` read; an ISO 8601 timestamp takes 24 characters. */
const MAX_DATE_LENGTH = 64;

/**
 * One change of a technology's ring: `from` is absent for a technology that
 * entered the radar (`Added in trial`).
 *
 * @public
 */
export const ringChangeSchema = z.object({
  /** When the change was seen: a date `Date.parse` reads (the writer uses ISO 8601). */
  date: z
    .string()
    .max(MAX_DATE_LENGTH)
    .refine(value => !Number.isNaN(Date.parse(value)), {
      message: 'is not a date',
    }),
  from: z.enum(RINGS).optional(),
  to: z.enum(RINGS),
});

/**
 * One change of a technology's ring, as kept in the
 * `techstack.dev/ring-history` annotation.
 *
 * @public
 */
export type RingChange = z.infer<typeof ringChangeSchema>;

/**
 * What {@link parseRingHistory} read: the well-formed changes in the order
 * written, and one problem per malformed part (at most ten listed, then a
 * count of the rest).
 *
 * @public
 */
export interface RingHistory {
  entries: RingChange[];
  problems: string[];
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length ? issue.path.join('.') : 'entry';
  return `${field} ${issue.message.replace(/^Invalid input: /, '')}`;
}

/**
 * Reads a `techstack.dev/ring-history` annotation value. Never throws:
 *
 * - absent or empty: no entries, no problems;
 * - longer than {@link MAX_RING_HISTORY_LENGTH} characters, not JSON, or not
 *   a JSON array: no entries and one problem (the value is not parsed when
 *   too long);
 * - an array: every entry that fits {@link ringChangeSchema} (unknown fields
 *   dropped), and a problem naming each entry that does not (`entry 2: to …`).
 *
 * Linear in the length of the value.
 *
 * @public
 */
export function parseRingHistory(value: string | undefined): RingHistory {
  if (!value) {
    return { entries: [], problems: [] };
  }
  if (value.length > MAX_RING_HISTORY_LENGTH) {
    return {
      entries: [],
      problems: [
        `is ${value.length} characters long, above the limit of ${MAX_RING_HISTORY_LENGTH}; ignored`,
      ],
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return { entries: [], problems: ['is not JSON; ignored'] };
  }
  if (!Array.isArray(parsed)) {
    return { entries: [], problems: ['is not a JSON array; ignored'] };
  }
  const entries: RingChange[] = [];
  const problems: string[] = [];
  let malformed = 0;
  parsed.forEach((item, index) => {
    const result = ringChangeSchema.safeParse(item);
    if (result.success) {
      entries.push(result.data);
      return;
    }
    malformed += 1;
    if (malformed <= MAX_LISTED_PROBLEMS) {
      problems.push(
        `entry ${index + 1}: ${result.error.issues
          .map(describeIssue)
          .join('; ')}; ignored`,
      );
    }
  });
  if (malformed > MAX_LISTED_PROBLEMS) {
    problems.push(
      `${malformed - MAX_LISTED_PROBLEMS} more malformed entries ignored`,
    );
  }
  return { entries, problems };
}

/**
 * The annotation value for a ring history: the newest
 * {@link RING_HISTORY_LIMIT} changes, oldest first, each as
 * `{ date, from, to }` (`from` left out when absent). What it writes
 * {@link parseRingHistory} reads back unchanged.
 *
 * @public
 */
export function serializeRingHistory(entries: readonly RingChange[]): string {
  return JSON.stringify(
    entries
      .slice(-RING_HISTORY_LIMIT)
      .map(({ date, from, to }) =>
        from === undefined ? { date, to } : { date, from, to },
      ),
  );
}
