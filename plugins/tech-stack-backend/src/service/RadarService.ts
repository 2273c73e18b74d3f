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
} from '@techstack/plugin-tech-stack-common';
import { deriveMovement, parseRingHistory } from './movement';
import { sourceLine } from './sourceLocation';
import { Radar, RadarEntry } from './types';

/** Options of {@link RadarService}. */
export interface RadarServiceOptions {
  catalog: CatalogService;
  /** How long a radar is reused for the same caller and guide; 0 disables the cache. */
  cacheTtlSeconds?: number;
  /** How recent a ring change must be to count as a movement. */
  movementWindowDays?: number;
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

/**
 * Builds the radar from the Technology entities of the catalog, with the
 * caller's credentials (so catalog permissions apply), and caches it briefly
 * per (guide, caller).
 */
export class RadarService {
  private readonly catalog: CatalogService;
  private readonly ttlMs: number;
  private readonly windowDays: number;
  private readonly now: () => Date;
  private readonly usageCounts?: RadarServiceOptions['usageCounts'];
  private readonly cache = new Map<
    string,
    { expires: number; radar: Promise<Radar> }
  >();

  constructor(options: RadarServiceOptions) {
    this.catalog = options.catalog;
    this.ttlMs = Math.max(0, options.cacheTtlSeconds ?? 30) * 1000;
    this.windowDays = options.movementWindowDays ?? 90;
    this.now = options.now ?? (() => new Date());
    this.usageCounts = options.usageCounts;
  }

  /** The radar of one guide (or of all guides) as the caller may see it. */
  async getRadar(options: {
    credentials: BackstageCredentials;
    guide?: string;
  }): Promise<Radar> {
    const key = cacheKey(options.credentials, options.guide);
    if (this.ttlMs === 0 || key === undefined) {
      return this.buildRadar(options);
    }
    const nowMs = this.now().getTime();
    this.prune(nowMs);
    const cached = this.cache.get(key);
    if (cached && cached.expires > nowMs) {
      return cached.radar;
    }
    const radar = this.buildRadar(options);
    this.cache.set(key, { expires: nowMs + this.ttlMs, radar });
    // a failed build must not be served from the cache
    radar.catch(() => this.cache.delete(key));
    return radar;
  }

  private prune(nowMs: number) {
    for (const [key, value] of this.cache) {
      if (value.expires <= nowMs) this.cache.delete(key);
    }
    while (this.cache.size >= MAX_CACHE_ENTRIES) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
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
    const now = this.now();
    const sectorOrder = new Map<string, { line: number; seen: number }>();
    const entries: RadarEntry[] = [];
    for (const entity of items) {
      if (!isTechnologyEntity(entity)) continue;
      // another guide can share the name but not the annotation value
      if (
        options.guide &&
        entity.metadata.annotations?.[ANNOTATION_TECHSTACK_GUIDE] !==
          options.guide
      ) {
        continue;
      }
      const entry = toEntry(entity, now, this.windowDays);
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

function cacheKey(
  credentials: BackstageCredentials,
  guide: string | undefined,
): string | undefined {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  let who: string | undefined;
  if (principal.type === 'user' && principal.userEntityRef) {
    who = `user:${principal.userEntityRef}`;
  } else if (principal.type === 'service' && principal.subject) {
    who = `service:${principal.subject}`;
  }
  return who === undefined ? undefined : JSON.stringify([guide ?? '', who]);
}

function toEntry(
  entity: TechnologyEntity,
  now: Date,
  windowDays: number,
): RadarEntry {
  const annotations = entity.metadata.annotations ?? {};
  const layers = Array.isArray(entity.spec.layers) ? entity.spec.layers : [];
  const sectors: string[] = [];
  for (const layer of layers) {
    if (!sectors.includes(layer.section)) sectors.push(layer.section);
  }
  const users = new Set(
    (entity.relations ?? [])
      .filter(r => r.type === RELATION_TECHNOLOGY_USED_BY)
      .map(r => r.targetRef),
  );
  const { movement, movedAt } = deriveMovement(
    parseRingHistory(annotations[ANNOTATION_TECHSTACK_RING_HISTORY]),
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
    usageCount: users.size,
  };
  if (description) entry.description = description;
  if (movedAt) entry.movedAt = movedAt;
  if (entity.spec.ringReason) entry.ringReason = entity.spec.ringReason;
  const source = annotations[ANNOTATION_TECHSTACK_SOURCE];
  if (source) entry.sourceLocation = source;
  return entry;
}
