import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_TECHSTACK_GUIDE,
  ANNOTATION_TECHSTACK_RING_HISTORY,
  ANNOTATION_TECHSTACK_SOURCE,
  RELATION_TECHNOLOGY_USED_BY,
  RINGS,
  RadarChange,
  RadarChanges,
  Ring,
  RingChange,
  compareRings,
  TECHNOLOGY_KIND,
  TechnologyEntity,
  isTechnologyEntity,
  parseRingHistory,
} from '@techstack/plugin-tech-stack-common';
import { deriveMovement } from './movement';
import { PrincipalCache } from './PrincipalCache';
import { publicSourceLocation, sourceLine } from './sourceLocation';
import {
  RingTimeline,
  annotationTimeline,
  endOfDay,
  startOfDay,
  storedTimeline,
} from './ringTimeline';
import { RingEvent, RingHistoryReader } from './history/RingHistoryStore';
import { Radar, RadarEntry } from './types';

/** Options of {@link RadarService}. */
export interface RadarServiceOptions {
  catalog: CatalogService;
  /** How long a radar is reused for the same caller and guide; 0 disables the cache. */
  cacheTtlSeconds?: number;
  /** How recent a ring change must be to count as a movement. */
  movementWindowDays?: number;
  /**
   * Per guide id, its `techStack.guides[].target` as configured: what the
   * entries' `sourceLocation` shows for a guide read from the backend's disk.
   */
  guideTargets?: ReadonlyMap<string, string>;
  /** The clock; tests replace it. */
  now?: () => Date;
  /**
   * Per technology ref, how many components and teams use it, as the caller
   * sees the catalog; adds `componentCount` and `teamCount` to the entries.
   */
  usageCounts?: (
    credentials: BackstageCredentials,
  ) => Promise<Map<string, { components: number; teams: number }>>;
  /**
   * The backend's stored ring history: where it has events for a
   * technology, the radar as of a date and the changes read them instead of
   * the ring-history annotation, and list removed technologies.
   */
  ringHistory?: RingHistoryReader;
}

/** A technology removed from the catalog, known from the stored ring history. */
type RemovedTechnology = {
  ref: string;
  name: string;
  title: string;
  events: RingEvent[];
  timeline: RingTimeline;
};

const MAX_CACHE_ENTRIES = 500;
/** Refs per `getEntitiesByRefs` call when checking which users are visible. */
const REFS_PER_REQUEST = 500;
const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

/**
 * Builds the radar from the Technology entities of the catalog, with the
 * caller's credentials (so catalog permissions apply), and caches it briefly
 * per (guide, caller). An entry's `usageCount` counts only the
 * `technologyUsedBy` targets the caller may read, so a component hidden by
 * the permission policy is not counted (nor are its teams).
 */
export class RadarService {
  private readonly catalog: CatalogService;
  private readonly windowDays: number;
  private readonly now: () => Date;
  private readonly usageCounts?: RadarServiceOptions['usageCounts'];
  private readonly guideTargets: ReadonlyMap<string, string>;
  private readonly cache: PrincipalCache<Radar>;
  private readonly changesCache: PrincipalCache<RadarChanges>;
  private readonly ringHistory?: RingHistoryReader;

  constructor(options: RadarServiceOptions) {
    this.catalog = options.catalog;
    this.ringHistory = options.ringHistory;
    this.windowDays = options.movementWindowDays ?? 90;
    this.now = options.now ?? (() => new Date());
    this.usageCounts = options.usageCounts;
    this.guideTargets = options.guideTargets ?? new Map();
    const cacheOptions = {
      ttlMs: Math.max(0, options.cacheTtlSeconds ?? 30) * 1000,
      maxEntries: MAX_CACHE_ENTRIES,
      now: () => this.now().getTime(),
    };
    this.cache = new PrincipalCache(cacheOptions);
    this.changesCache = new PrincipalCache(cacheOptions);
  }

  /**
   * The radar of one guide (or of all guides) as the caller may see it; with
   * `date` (`YYYY-MM-DD`), the rings as they were at the end of that day
   * (UTC), from the ring history (stored, else the annotation): technologies
   * added after it are left out, technologies removed since then are back
   * (from the stored history), those whose ring then is not known from the
   * kept history keep the earliest ring known, with `ringKnown: false`.
   */
  getRadar(options: {
    credentials: BackstageCredentials;
    guide?: string;
    date?: string;
  }): Promise<Radar> {
    return this.cache.get(
      options.credentials,
      JSON.stringify([options.guide ?? '', options.date ?? '']),
      () => this.buildRadar(options),
    );
  }

  /**
   * What changed from the start of day `from` to the end of day `to` (UTC):
   * moved in, moved out, added and removed, from the ring history (stored,
   * else the annotation). Without the stored history removals are not known:
   * `removed` is empty and `note` says so; with it, `note` says from when
   * the stored history reaches back, if the range starts before.
   */
  getChanges(options: {
    credentials: BackstageCredentials;
    from: string;
    to: string;
    guide?: string;
  }): Promise<RadarChanges> {
    return this.changesCache.get(
      options.credentials,
      JSON.stringify([options.guide ?? '', options.from, options.to]),
      () => this.buildChanges(options),
    );
  }

  private async buildChanges(options: {
    credentials: BackstageCredentials;
    from: string;
    to: string;
    guide?: string;
  }): Promise<RadarChanges> {
    const technologies = await this.technologies(
      options.credentials,
      options.guide,
    );
    const stored = await this.storedHistory(technologies, {
      guide: options.guide,
      removed: true,
    });
    const before = startOfDay(options.from) - 1;
    const until = endOfDay(options.to);
    const changes: RadarChanges = {
      from: options.from,
      to: options.to,
      movedIn: [],
      movedOut: [],
      added: [],
      removed: [],
      historyComplete: true,
    };
    const note = await this.removalsNote(before);
    if (note) changes.note = note;
    const compare = (
      technology: { ref: string; name: string; title: string },
      timeline: RingTimeline,
    ) => {
      const start = timeline.ringAt(before);
      const end = timeline.ringAt(until);
      const last = timeline.lastChangeIn(before, until);
      if (start === undefined) changes.historyComplete = false;
      if (!last || end === undefined) return;
      // before the range is unknown only when the earliest kept change lies in
      // it: then the ring before that change is the ring at the start
      const fromRing =
        start === undefined ? timeline.earliestKnownRing() : start;
      if (end === null) {
        // removed in the range: `toRing` is the last ring it held
        if (fromRing && last.to === null && last.from) {
          changes.removed.push({
            ...technology,
            toRing: last.from,
            date: last.date,
          });
        }
        return;
      }
      const item: RadarChange = { ...technology, toRing: end, date: last.date };
      if (!fromRing) {
        changes.added.push(item);
        return;
      }
      item.fromRing = fromRing;
      const order = compareRings(end, fromRing);
      if (order < 0) changes.movedIn.push(item);
      if (order > 0) changes.movedOut.push(item);
    };
    for (const entity of technologies) {
      compare(
        {
          ref: stringifyEntityRef(entity),
          name: entity.metadata.name,
          title: entity.metadata.title ?? entity.metadata.name,
        },
        stored.timelineOf(entity),
      );
    }
    for (const gone of stored.removed) {
      compare(
        { ref: gone.ref, name: gone.name, title: gone.title },
        gone.timeline,
      );
    }
    const byTitle = (a: RadarChange, b: RadarChange) =>
      a.title.localeCompare(b.title) || a.ref.localeCompare(b.ref);
    changes.movedIn.sort(byTitle);
    changes.movedOut.sort(byTitle);
    changes.added.sort(byTitle);
    changes.removed.sort(byTitle);
    return changes;
  }

  /** What the changes since `before` cannot know of removals, if anything. */
  private async removalsNote(before: number): Promise<string | undefined> {
    if (!this.ringHistory) {
      return 'Removed technologies leave the catalog with their ring history; removals need the stored history.';
    }
    const earliest = await this.ringHistory.earliest();
    if (earliest && Date.parse(earliest) <= before) return undefined;
    return earliest
      ? `Only removals since ${earliest.slice(
          0,
          10,
        )} are known: the stored ring history starts then.`
      : 'No removals are known yet: the stored ring history is empty.';
  }

  /**
   * The stored ring history of these technologies (a timeline per entity:
   * the stored one where it has events and ends at the entity's ring, else
   * the annotation's), and with `removed` the technologies removed from the
   * catalog (of `guide`, if given).
   */
  private async storedHistory(
    technologies: TechnologyEntity[],
    options: { guide?: string; removed: boolean },
  ): Promise<{
    timelineOf(entity: TechnologyEntity): RingTimeline;
    removed: RemovedTechnology[];
  }> {
    if (!this.ringHistory) {
      return { timelineOf: annotationTimelineOf, removed: [] };
    }
    const refs = technologies.map(entity => stringifyEntityRef(entity));
    const [histories, removedHistories] = await Promise.all([
      this.ringHistory.histories(refs),
      options.removed
        ? this.ringHistory.removedHistories(options.guide)
        : new Map<string, RingEvent[]>(),
    ]);
    const present = new Set(refs);
    const removed: RemovedTechnology[] = [];
    for (const [ref, events] of removedHistories) {
      if (present.has(ref) || events.length === 0) continue;
      let name: string;
      try {
        name = parseEntityRef(ref).name;
      } catch {
        continue;
      }
      const titled = [...events].reverse().find(e => e.title);
      removed.push({
        ref,
        name,
        title: titled?.title ?? name,
        events,
        timeline: storedTimeline(events),
      });
    }
    return {
      timelineOf(entity) {
        const events = histories.get(stringifyEntityRef(entity));
        const last = events?.[events.length - 1];
        // the recorder runs every few minutes: until it saw the entity's
        // ring, the annotation is the newer account
        if (!events || last?.toRing !== entity.spec.ring) {
          return annotationTimelineOf(entity);
        }
        return storedTimeline(events);
      },
      removed,
    };
  }

  /** The Technology entities of one guide (or all) the caller may read. */
  private async technologies(
    credentials: BackstageCredentials,
    guide: string | undefined,
  ): Promise<TechnologyEntity[]> {
    const filter: Record<string, string> = { kind: TECHNOLOGY_KIND };
    if (guide) {
      filter[`metadata.annotations.${ANNOTATION_TECHSTACK_GUIDE}`] = guide;
    }
    const { items } = await this.catalog.getEntities(
      { filter },
      { credentials },
    );
    return items.filter(
      (entity): entity is TechnologyEntity =>
        isTechnologyEntity(entity) &&
        // another guide can share the name but not the annotation value
        (!guide ||
          entity.metadata.annotations?.[ANNOTATION_TECHSTACK_GUIDE] === guide),
    );
  }

  /** The refs among `refs` that the caller may read in the catalog. */
  private async visibleRefs(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const visible = new Set<string>();
    for (let i = 0; i < refs.length; i += REFS_PER_REQUEST) {
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: refs.slice(i, i + REFS_PER_REQUEST), fields: REF_FIELDS },
        { credentials },
      );
      for (const item of items) {
        if (item) visible.add(stringifyEntityRef(item));
      }
    }
    return visible;
  }

  private async buildRadar(options: {
    credentials: BackstageCredentials;
    guide?: string;
    date?: string;
  }): Promise<Radar> {
    const [technologies, counts] = await Promise.all([
      this.technologies(options.credentials, options.guide),
      this.usageCounts?.(options.credentials),
    ]);
    const stored = await this.storedHistory(technologies, {
      guide: options.guide,
      removed: options.date !== undefined,
    });
    const users = new Set<string>();
    for (const entity of technologies) {
      for (const ref of usersOf(entity)) users.add(ref);
    }
    const visible = await this.visibleRefs([...users], options.credentials);
    const asOf = options.date ? endOfDay(options.date) : undefined;
    const now = asOf === undefined ? this.now() : new Date(asOf);
    let historyComplete = true;
    const sectorOrder = new Map<string, { line: number; seen: number }>();
    const entries: RadarEntry[] = [];
    /** The ring at `asOf` (null: not on the radar then). */
    const ringAsOf = (
      timeline: RingTimeline,
    ): { ring: Ring; known: boolean } | null | undefined => {
      if (asOf === undefined) return undefined;
      const ring = timeline.ringAt(asOf);
      if (ring === null) return null;
      const then =
        ring === undefined
          ? { ring: timeline.earliestKnownRing(), known: false }
          : { ring, known: true };
      if (!then.known) historyComplete = false;
      return then;
    };
    const candidates: RadarEntry[] = [];
    for (const entity of technologies) {
      const timeline = stored.timelineOf(entity);
      const ringThen = ringAsOf(timeline);
      if (ringThen === null) continue;
      candidates.push(
        toEntry(entity, {
          now,
          windowDays: this.windowDays,
          visible,
          guideTargets: this.guideTargets,
          ringThen,
          changes: timeline.ringChanges(),
        }),
      );
    }
    for (const gone of stored.removed) {
      const ringThen = ringAsOf(gone.timeline);
      if (!ringThen) continue;
      candidates.push(
        removedEntry(gone, { now, windowDays: this.windowDays, ringThen }),
      );
    }
    for (const entry of candidates) {
      if (counts) {
        const count = counts.get(entry.ref);
        entry.componentCount = count?.components ?? 0;
        entry.teamCount = count?.teams ?? 0;
      }
      const fallbackLine = sourceLine(entry.sourceLocation) ?? Infinity;
      for (const sector of entry.sectors) {
        // the guide line of the entry's rows in this sector, where known
        const line = Math.min(
          ...entry.layers
            .filter(l => l.section === sector)
            .map(l => l.line ?? fallbackLine),
        );
        const known = sectorOrder.get(sector);
        if (!known) {
          sectorOrder.set(sector, { line, seen: sectorOrder.size });
        } else if (line < known.line) {
          known.line = line;
        }
      }
      entries.push(entry);
    }
    const sectors = [...sectorOrder.entries()]
      .sort(([, a], [, b]) =>
        a.line === b.line ? a.seen - b.seen : Math.sign(a.line - b.line),
      )
      .map(([sector]) => sector);
    const index = new Map(sectors.map((s, i) => [s, i]));
    for (const entry of entries) {
      entry.sectors.sort((a, b) => index.get(a)! - index.get(b)!);
    }
    entries.sort(
      (a, b) => a.title.localeCompare(b.title) || a.ref.localeCompare(b.ref),
    );
    const radar: Radar = { sectors, rings: [...RINGS], entries };
    if (options.date) {
      radar.asOf = options.date;
      radar.historyComplete = historyComplete;
    }
    return radar;
  }
}

function annotationTimelineOf(entity: TechnologyEntity): RingTimeline {
  return annotationTimeline(
    parseRingHistory(
      entity.metadata.annotations?.[ANNOTATION_TECHSTACK_RING_HISTORY],
    ).entries,
    entity.spec.ring,
  );
}

/**
 * The entry of a technology removed from the catalog, on the radar of a date
 * it was still on: its title, type and layers as last recorded.
 */
function removedEntry(
  gone: RemovedTechnology,
  context: {
    now: Date;
    windowDays: number;
    ringThen: { ring: Ring; known: boolean };
  },
): RadarEntry {
  const { ringThen } = context;
  const details = [...gone.events].reverse().find(e => e.details)?.details;
  const layers = (Array.isArray(details?.layers) ? details!.layers : []).map(
    layer => ({ ...layer, ring: ringThen.ring }),
  );
  const sectors: string[] = [];
  for (const layer of layers) {
    if (!sectors.includes(layer.section)) sectors.push(layer.section);
  }
  const { movement, movedAt } = deriveMovement(
    gone.timeline
      .ringChanges()
      .filter(change => Date.parse(change.date) <= context.now.getTime()),
    context,
  );
  const entry: RadarEntry = {
    ref: gone.ref,
    name: gone.name,
    title: gone.title,
    ring: ringThen.ring,
    type: details?.type ?? 'unknown',
    sectors,
    layers,
    aliases: [],
    movement,
    usageCount: 0,
    ringKnown: ringThen.known,
  };
  if (movedAt) entry.movedAt = movedAt;
  return entry;
}

/** The distinct `technologyUsedBy` targets of a technology. */
function usersOf(entity: TechnologyEntity): Set<string> {
  return new Set(
    (entity.relations ?? [])
      .filter(r => r.type === RELATION_TECHNOLOGY_USED_BY)
      .map(r => r.targetRef),
  );
}

function toEntry(
  entity: TechnologyEntity,
  context: {
    now: Date;
    windowDays: number;
    /** The `technologyUsedBy` targets the caller may read. */
    visible: ReadonlySet<string>;
    guideTargets: ReadonlyMap<string, string>;
    /**
     * The ring as of a past date: every layer shows it too (the history keeps
     * the technology's ring, not the rings per layer).
     */
    ringThen?: { ring: Ring; known: boolean };
    /** The ring changes, from the timeline in use. */
    changes: RingChange[];
  },
): RadarEntry {
  const { now, windowDays } = context;
  const annotations = entity.metadata.annotations ?? {};
  const { ringThen } = context;
  const specLayers = Array.isArray(entity.spec.layers)
    ? entity.spec.layers
    : [];
  const layers = ringThen
    ? specLayers.map(layer => ({ ...layer, ring: ringThen.ring }))
    : specLayers;
  const sectors: string[] = [];
  for (const layer of layers) {
    if (!sectors.includes(layer.section)) sectors.push(layer.section);
  }
  let usageCount = 0;
  for (const ref of usersOf(entity)) {
    if (context.visible.has(ref)) usageCount += 1;
  }
  const { movement, movedAt } = deriveMovement(
    context.changes.filter(change => Date.parse(change.date) <= now.getTime()),
    { now, windowDays },
  );
  const description =
    entity.spec.description ?? entity.metadata.description ?? undefined;
  const entry: RadarEntry = {
    ref: stringifyEntityRef(entity),
    name: entity.metadata.name,
    title: entity.metadata.title ?? entity.metadata.name,
    ring: ringThen?.ring ?? entity.spec.ring,
    type: entity.spec.type,
    sectors,
    layers,
    aliases: entity.spec.aliases ?? [],
    movement,
    usageCount,
  };
  if (description) entry.description = description;
  if (movedAt) entry.movedAt = movedAt;
  if (entity.spec.ringReason) entry.ringReason = entity.spec.ringReason;
  const guide = annotations[ANNOTATION_TECHSTACK_GUIDE];
  const source = publicSourceLocation(
    annotations[ANNOTATION_TECHSTACK_SOURCE],
    guide === undefined ? undefined : context.guideTargets.get(guide),
  );
  if (source) entry.sourceLocation = source;
  if (ringThen) entry.ringKnown = ringThen.known;
  return entry;
}
