import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_TECHSTACK_GUIDE,
  ANNOTATION_TECHSTACK_RING_HISTORY,
  ANNOTATION_TECHSTACK_SOURCE,
  RELATION_TECHNOLOGY_USED_BY,
  RINGS,
  TECHNOLOGY_KIND,
  TechnologyEntity,
  isTechnologyEntity,
  parseRingHistory,
} from '@techstack/plugin-tech-stack-common';
import { deriveMovement } from './movement';
import { PrincipalCache } from './PrincipalCache';
import { publicSourceLocation, sourceLine } from './sourceLocation';
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
}

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

  constructor(options: RadarServiceOptions) {
    this.catalog = options.catalog;
    this.windowDays = options.movementWindowDays ?? 90;
    this.now = options.now ?? (() => new Date());
    this.usageCounts = options.usageCounts;
    this.guideTargets = options.guideTargets ?? new Map();
    this.cache = new PrincipalCache({
      ttlMs: Math.max(0, options.cacheTtlSeconds ?? 30) * 1000,
      maxEntries: MAX_CACHE_ENTRIES,
      now: () => this.now().getTime(),
    });
  }

  /** The radar of one guide (or of all guides) as the caller may see it. */
  getRadar(options: {
    credentials: BackstageCredentials;
    guide?: string;
  }): Promise<Radar> {
    return this.cache.get(options.credentials, options.guide ?? '', () =>
      this.buildRadar(options),
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
  }): Promise<Radar> {
    const filter: Record<string, string> = { kind: TECHNOLOGY_KIND };
    if (options.guide) {
      filter[`metadata.annotations.${ANNOTATION_TECHSTACK_GUIDE}`] =
        options.guide;
    }
    const [{ items }, counts] = await Promise.all([
      this.catalog.getEntities(
        { filter },
        { credentials: options.credentials },
      ),
      this.usageCounts?.(options.credentials),
    ]);
    const technologies = items.filter(
      (entity): entity is TechnologyEntity =>
        isTechnologyEntity(entity) &&
        // another guide can share the name but not the annotation value
        (!options.guide ||
          entity.metadata.annotations?.[ANNOTATION_TECHSTACK_GUIDE] ===
            options.guide),
    );
    const users = new Set<string>();
    for (const entity of technologies) {
      for (const ref of usersOf(entity)) users.add(ref);
    }
    const visible = await this.visibleRefs([...users], options.credentials);
    const now = this.now();
    const sectorOrder = new Map<string, { line: number; seen: number }>();
    const entries: RadarEntry[] = [];
    for (const entity of technologies) {
      const entry = toEntry(entity, {
        now,
        windowDays: this.windowDays,
        visible,
        guideTargets: this.guideTargets,
      });
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
    return { sectors, rings: [...RINGS], entries };
  }
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
  },
): RadarEntry {
  const { now, windowDays } = context;
  const annotations = entity.metadata.annotations ?? {};
  const layers = Array.isArray(entity.spec.layers) ? entity.spec.layers : [];
  const sectors: string[] = [];
  for (const layer of layers) {
    if (!sectors.includes(layer.section)) sectors.push(layer.section);
  }
  let usageCount = 0;
  for (const ref of usersOf(entity)) {
    if (context.visible.has(ref)) usageCount += 1;
  }
  const { movement, movedAt } = deriveMovement(
    parseRingHistory(annotations[ANNOTATION_TECHSTACK_RING_HISTORY]).entries,
    { now, windowDays },
  );
  const description =
    entity.spec.description ?? entity.metadata.description ?? undefined;
  const entry: RadarEntry = {
    ref: stringifyEntityRef(entity),
    name: entity.metadata.name,
    title: entity.metadata.title ?? entity.metadata.name,
    ring: entity.spec.ring,
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
  return entry;
}
