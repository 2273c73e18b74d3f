import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_TECHSTACK_RING_HISTORY,
  isRing,
  Ring,
  TechnologyEntity,
} from '@techstack/plugin-tech-stack-common';

/**
 * One change of a technology's ring, as kept in the
 * `techstack.dev/ring-history` annotation.
 *
 * @public
 */
export interface RingChange {
  /** ISO 8601 timestamp of the run that saw the change. */
  date: string;
  from: Ring;
  to: Ring;
}

/** How many changes the annotation keeps (the newest). */
export const RING_HISTORY_LIMIT = 10;

/**
 * Reads the ring history of a Technology entity: its changes oldest first.
 * A missing or malformed annotation reads as no history.
 *
 * @public
 */
export function readRingHistory(entity: Entity): RingChange[] {
  const raw = entity.metadata.annotations?.[ANNOTATION_TECHSTACK_RING_HISTORY];
  if (!raw) {
    return [];
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) {
    return [];
  }
  return parsed.flatMap(item =>
    item &&
    typeof item === 'object' &&
    typeof item.date === 'string' &&
    isRing(item.from) &&
    isRing(item.to)
      ? [{ date: item.date, from: item.from, to: item.to }]
      : [],
  );
}

/**
 * Stamps the `techstack.dev/ring-history` annotation on the entities of a run,
 * comparing each with the entity of the same name in `previous` (what the
 * catalog holds now): a changed ring appends one change dated `now`, keeping
 * the newest {@link RING_HISTORY_LIMIT}; an unchanged ring carries the history
 * over. Nothing is kept in memory, so every replica computes the same
 * annotation from the same catalog, and a change is recorded once: the run
 * after it already finds the new ring in the catalog. A technology that left
 * the guide loses its history with its entity.
 *
 * Returns copies; entities without history are returned as they are.
 *
 * @public
 */
export function stampRingHistory(
  previous: Entity[],
  entities: TechnologyEntity[],
  now: Date = new Date(),
): TechnologyEntity[] {
  const known = new Map<string, { ring: Ring; history: RingChange[] }>();
  for (const entity of previous) {
    const ring = (entity.spec as { ring?: unknown } | undefined)?.ring;
    if (isRing(ring)) {
      known.set(entity.metadata.name, {
        ring,
        history: readRingHistory(entity),
      });
    }
  }
  return entities.map(entity => {
    const before = known.get(entity.metadata.name);
    let history = before?.history ?? [];
    if (before && before.ring !== entity.spec.ring) {
      history = [
        ...history,
        { date: now.toISOString(), from: before.ring, to: entity.spec.ring },
      ].slice(-RING_HISTORY_LIMIT);
    }
    if (!history.length) {
      return entity;
    }
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: {
          ...entity.metadata.annotations,
          [ANNOTATION_TECHSTACK_RING_HISTORY]: JSON.stringify(history),
        },
      },
    };
  });
}
