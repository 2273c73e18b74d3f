import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_TECHSTACK_RING_HISTORY,
  isRing,
  parseRingHistory,
  Ring,
  RingChange,
  serializeRingHistory,
  TechnologyEntity,
} from '@techstack/plugin-tech-stack-common';

export type { RingChange };

/**
 * Reads the ring history of a Technology entity: its changes oldest first,
 * by the schema of `parseRingHistory` in tech-stack-common. A missing or
 * malformed annotation reads as no history; malformed entries are left out.
 *
 * @public
 */
export function readRingHistory(entity: Entity): RingChange[] {
  return parseRingHistory(
    entity.metadata.annotations?.[ANNOTATION_TECHSTACK_RING_HISTORY],
  ).entries;
}

/**
 * Stamps the `techstack.dev/ring-history` annotation on the entities of a run,
 * comparing each with the entity of the same name in `previous` (what the
 * catalog holds now): a changed ring appends one change dated `now`, keeping
 * the newest `RING_HISTORY_LIMIT` (written by `serializeRingHistory`); an
 * unchanged ring carries the history over. Nothing is kept in memory, so every
 * replica computes the same annotation from the same catalog, and a change is
 * recorded once: the run after it already finds the new ring in the catalog.
 * A technology that left the guide loses its history with its entity.
 *
 * Malformed parts of a previous annotation are dropped from what is written
 * and handed to `report` (entity name and the parser's problems), so each is
 * reported on the one run that drops it.
 *
 * Returns copies; entities without history are returned as they are.
 *
 * @public
 */
export function stampRingHistory(
  previous: Entity[],
  entities: TechnologyEntity[],
  now: Date = new Date(),
  report?: (name: string, problems: string[]) => void,
): TechnologyEntity[] {
  const known = new Map<string, { ring: Ring; history: RingChange[] }>();
  for (const entity of previous) {
    const ring = (entity.spec as { ring?: unknown } | undefined)?.ring;
    if (isRing(ring)) {
      const { entries, problems } = parseRingHistory(
        entity.metadata.annotations?.[ANNOTATION_TECHSTACK_RING_HISTORY],
      );
      if (problems.length) {
        report?.(entity.metadata.name, problems);
      }
      known.set(entity.metadata.name, { ring, history: entries });
    }
  }
  return entities.map(entity => {
    const before = known.get(entity.metadata.name);
    let history = before?.history ?? [];
    if (before && before.ring !== entity.spec.ring) {
      history = [
        ...history,
        { date: now.toISOString(), from: before.ring, to: entity.spec.ring },
      ];
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
          [ANNOTATION_TECHSTACK_RING_HISTORY]: serializeRingHistory(history),
        },
      },
    };
  });
}
