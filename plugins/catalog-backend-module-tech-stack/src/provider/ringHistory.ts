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

type Seen = { ring: Ring; history: RingChange[] };

/**
 * Remembers, per technology of one guide, the ring last emitted and its
 * history, and stamps the history annotation on the entities of each run.
 *
 * State lives in memory and is seeded once from the Technology entities
 * already in the catalog, so it survives restarts when the catalog's database
 * does. `stamp` computes without committing; `commit` keeps the result once
 * the mutation has been applied, so a failed run records nothing.
 *
 * @public
 */
export class RingHistoryTracker {
  readonly #seen = new Map<string, Seen>();
  #seeded = false;

  /** Has the tracker been seeded from the catalog yet? */
  get seeded(): boolean {
    return this.#seeded;
  }

  /** Seeds the state from entities previously emitted (read back from the catalog). Known names keep their state. */
  seed(entities: Entity[]): void {
    for (const entity of entities) {
      const ring = (entity.spec as { ring?: unknown } | undefined)?.ring;
      const name = entity.metadata.name;
      if (isRing(ring) && !this.#seen.has(name)) {
        this.#seen.set(name, { ring, history: readRingHistory(entity) });
      }
    }
    this.#seeded = true;
  }

  /** Marks the tracker as seeded without data (the catalog could not be read). */
  markSeeded(): void {
    this.#seeded = true;
  }

  /**
   * Returns copies of the entities with the ring-history annotation set
   * where there is history, plus the state to `commit` after applying them.
   */
  stamp(
    entities: TechnologyEntity[],
    now: Date = new Date(),
  ): { entities: TechnologyEntity[]; state: Map<string, Seen> } {
    const state = new Map<string, Seen>();
    const stamped = entities.map(entity => {
      const name = entity.metadata.name;
      const previous = this.#seen.get(name);
      let history = previous?.history ?? [];
      if (previous && previous.ring !== entity.spec.ring) {
        history = [
          ...history,
          {
            date: now.toISOString(),
            from: previous.ring,
            to: entity.spec.ring,
          },
        ].slice(-RING_HISTORY_LIMIT);
      }
      state.set(name, { ring: entity.spec.ring, history });
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
    return { entities: stamped, state };
  }

  /** Keeps the state of an applied run. Technologies that left the guide keep theirs, should they come back. */
  commit(state: Map<string, Seen>): void {
    for (const [name, seen] of state) {
      this.#seen.set(name, seen);
    }
  }
}
