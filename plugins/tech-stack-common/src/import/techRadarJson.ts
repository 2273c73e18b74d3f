import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { ringValue } from '../parser/columns';
import { MAX_HEADING_LENGTH } from '../parser/limits';
import type { Ring } from '../types';
import {
  ImportedEntry,
  ImportedQuadrant,
  ImportedRadar,
  importedDescription,
  importedName,
  importedQuadrantName,
  importedText,
  importedUrl,
} from './importedRadar';

const text = z.string().max(100_000);

/**
 * The data format of `@backstage-community/plugin-tech-radar` (what its
 * `TechRadarApi.load` returns, and what `tech-stack parse --format
 * tech-radar-json` writes), as far as an import needs it. Other fields are
 * ignored; every list and string is bounded.
 */
const techRadarJsonSchema = z.object({
  title: z.string().max(MAX_HEADING_LENGTH).optional(),
  quadrants: z
    .array(z.object({ id: z.string().min(1).max(300), name: text }))
    .min(1)
    .max(1_000),
  rings: z
    .array(z.object({ id: z.string().min(1).max(300), name: text }))
    .min(1)
    .max(100),
  entries: z
    .array(
      z.object({
        id: z.string().max(300).optional(),
        title: text,
        quadrant: z.string().max(300),
        url: z.string().max(2_000).optional(),
        description: text.optional(),
        links: z
          .array(z.object({ url: z.string().max(2_000) }))
          .max(100)
          .optional(),
        timeline: z
          .array(
            z.object({
              ringId: z.string().max(300),
              date: z.union([z.string().max(100), z.number()]).optional(),
              description: text.optional(),
            }),
          )
          .max(1_000),
      }),
    )
    .max(100_000),
});

type Snapshot = z.infer<
  typeof techRadarJsonSchema
>['entries'][number]['timeline'][number];

/** The latest snapshot of a timeline (by date; the first among equal or unreadable dates). */
function latest(timeline: readonly Snapshot[]): Snapshot | undefined {
  let best: Snapshot | undefined;
  let bestTime = -Infinity;
  for (const snapshot of timeline) {
    const time =
      snapshot.date === undefined ? NaN : new Date(snapshot.date).getTime();
    const value = Number.isNaN(time) ? -Infinity : time;
    if (!best || value > bestTime) {
      best = snapshot;
      bestTime = value;
    }
  }
  return best;
}

/**
 * Reads a community tech radar JSON file: quadrants in their order, each
 * entry in the quadrant it names, its ring from the latest snapshot of its
 * timeline (the ring's id or name read as a ring word), its description (or
 * the latest snapshot's), its first `http(s)` link. Throws an `InputError`
 * naming the field or entry: not JSON, a field of the wrong shape, an entry
 * in an unknown quadrant or ring, a ring that is not adopt/trial/assess/hold.
 *
 * @public
 */
export function readTechRadarJson(json: string): ImportedRadar {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new InputError(
      `not JSON: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const result = techRadarJsonSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue.path
      .map(part =>
        typeof part === 'number' ? `[${part}]` : `.${String(part)}`,
      )
      .join('')
      .replace(/^\./, '');
    throw new InputError(
      `not a tech radar JSON file: ${path || 'the file'}: ${issue.message}`,
    );
  }
  const radar = result.data;
  const rings = new Map<string, Ring>();
  radar.rings.forEach((ring, index) => {
    const known = ringValue(ring.id) ?? ringValue(ring.name);
    if (!known) {
      throw new InputError(
        `rings[${index}]: unknown ring "${
          ring.name || ring.id
        }" (expected adopt, trial, assess or hold, or a synonym such as Recommended or Deprecated)`,
      );
    }
    rings.set(ring.id, known);
  });
  const quadrants = new Map<string, ImportedQuadrant>();
  radar.quadrants.forEach((quadrant, index) => {
    quadrants.set(quadrant.id, {
      name: importedQuadrantName(
        quadrant.name || quadrant.id,
        `quadrants[${index}]`,
      ),
      entries: [],
    });
  });
  radar.entries.forEach((entry, index) => {
    const origin = `entries[${index}]`;
    const name = importedName(entry.title, origin);
    const named = `${origin} ("${name}")`;
    const quadrant = quadrants.get(entry.quadrant);
    if (!quadrant) {
      throw new InputError(
        `${named}: unknown quadrant "${
          entry.quadrant
        }" (the radar's quadrants: ${[...quadrants.keys()].join(', ')})`,
      );
    }
    const snapshot = latest(entry.timeline);
    if (!snapshot) {
      throw new InputError(`${named}: empty timeline, so no ring`);
    }
    const ring = rings.get(snapshot.ringId);
    if (!ring) {
      throw new InputError(
        `${named}: unknown ringId "${snapshot.ringId}" (the radar's rings: ${[
          ...rings.keys(),
        ].join(', ')})`,
      );
    }
    const description = importedDescription(
      entry.description ?? snapshot.description,
    );
    const url =
      importedUrl(entry.url) ??
      entry.links?.map(link => importedUrl(link.url)).find(Boolean);
    const imported: ImportedEntry = {
      name,
      ring,
      origin,
      ...(description ? { description } : {}),
      ...(url ? { url } : {}),
    };
    quadrant.entries.push(imported);
  });
  const title = radar.title && importedText(radar.title);
  return {
    ...(title ? { title } : {}),
    quadrants: [...quadrants.values()],
  };
}
