import { createHash } from 'node:crypto';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { TECHNOLOGY_KIND } from '@techstack/plugin-tech-stack-common';
import {
  TechnologyMatcher,
  toTechnologyInfo,
} from '../adoption/TechnologyMatcher';
import { UsageSnapshot } from '../adoption/UsageSnapshot';
import { ComponentUsage } from '../adoption/types';
import {
  UsageSourcesConfig,
  componentUsage,
  resourceMap,
} from '../adoption/usage';
import { IndexChange, IndexedEntity, UsageIndexStore } from './UsageIndexStore';
import { chunks } from '../util/chunks';

/** The fields usage is computed from, for every kind the index keeps. */
export const INDEX_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.etag',
  'metadata.uid',
  'metadata.annotations',
  'metadata.tags',
  'spec.owner',
  'spec.type',
  'spec.children',
  'spec.parent',
  'spec.ring',
  'spec.layers',
  'spec.aliases',
  'spec.ringReason',
  'relations',
];
/** What a refresh lists to find what changed. */
const LIST_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.etag',
];
const PAGE_SIZE = 1000;
/** Refs per `getEntitiesByRefs` call. */
const FETCH_BATCH = 500;
/** Items handled between two yields to the event loop. */
const YIELD_EVERY = 500;
/** How often an answer may wait for a refresh because the index lacks what it asks for. */
const MISS_REFRESH_INTERVAL_MS = 5000;
/** How often a replica looks for another replica's writes, at most. */
const SYNC_INTERVAL_MS = 1000;

const yieldToLoop = () => new Promise(resolve => setImmediate(resolve));

function lowerKind(entity: Entity) {
  return entity.kind.toLocaleLowerCase('en-US');
}

/** The catalog's etag, or (from a catalog that has none) a hash of the entity. */
function etagOf(entity: Entity): string {
  return (
    entity.metadata.etag ??
    `sha256:${createHash('sha256')
      .update(JSON.stringify(entity))
      .digest('hex')}`
  );
}

/** A replica's in-memory copy of the stored index. */
interface Mirror {
  components: Map<string, ComponentUsage>;
  technologies: Map<string, Entity>;
  groups: Map<string, Entity>;
  /** Every indexed entity's ref by its catalog uid. */
  refsByUid: Map<string, string>;
  uidsByRef: Map<string, string>;
}

function emptyMirror(): Mirror {
  return {
    components: new Map(),
    technologies: new Map(),
    groups: new Map(),
    refsByUid: new Map(),
    uidsByRef: new Map(),
  };
}

/** Applies one stored row to a mirror. */
function applyChange(mirror: Mirror, change: IndexChange) {
  const oldUid = mirror.uidsByRef.get(change.ref);
  if (oldUid !== undefined && (change.deleted || oldUid !== change.uid)) {
    mirror.refsByUid.delete(oldUid);
    mirror.uidsByRef.delete(change.ref);
  }
  if (!change.deleted && change.uid) {
    mirror.refsByUid.set(change.uid, change.ref);
    mirror.uidsByRef.set(change.ref, change.uid);
  }
  const targets: Record<string, Map<string, unknown>> = {
    component: mirror.components,
    group: mirror.groups,
    [TECHNOLOGY_KIND.toLocaleLowerCase()]: mirror.technologies,
  };
  const target = targets[change.kind];
  if (!target) return;
  if (change.deleted) {
    target.delete(change.ref);
  } else if (change.kind === 'component') {
    if (change.usage) mirror.components.set(change.ref, change.usage);
  } else if (change.entity) {
    (target as Map<string, Entity>).set(change.ref, change.entity);
  }
}

/** Options of {@link UsageIndex}. */
export interface UsageIndexOptions {
  store: UsageIndexStore;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  sources: UsageSourcesConfig;
  /**
   * How old (since its last comparison with the catalog) the index may be
   * when it answers; older, an answer starts a refresh, and at twice this
   * age waits for it. 0 compares with the catalog before every answer.
   */
  maxAgeMs: number;
  /** The clock; tests replace it. */
  now?: () => Date;
}

/** What one refresh did. */
export interface RefreshResult {
  /** Entities read in full from the catalog (new or changed). */
  fetched: number;
  /** Entities gone from the catalog. */
  removed: number;
  /** Component usages computed. */
  computed: number;
  /** False when another replica's refresh came first (this one wrote nothing). */
  written: boolean;
}

/**
 * The backend's one usage index: who uses which technology, for the whole
 * catalog, kept in the plugin's database and mirrored in memory.
 *
 * - A refresh lists every indexed kind with only ref and etag (as the
 *   plugin itself, which sees the whole catalog), reads in full only the
 *   entities whose etag changed, computes those components' usages (all of
 *   them when technology names, aliases or resources changed) and writes the
 *   difference as one revision.
 * - Every replica applies the rows written since the revision it has
 *   ({@link UsageIndex.sync}), so a refresh by one serves all.
 * - Callers get the whole-catalog snapshot; narrowing it to what a caller may
 *   see is the adoption service's job.
 *
 * A failed refresh keeps the index as it was.
 */
export class UsageIndex {
  private readonly store: UsageIndexStore;
  private readonly catalog: CatalogService;
  private readonly auth: AuthService;
  private readonly logger: LoggerService;
  private readonly sources: UsageSourcesConfig;
  private readonly maxAgeMs: number;
  private readonly now: () => Date;
  private readonly kinds: string[];

  // the in-memory mirror of the stored index, at `revision`
  private revisionSeen = 0;
  private refreshedAt = Number.NaN;
  private mirror = emptyMirror();
  private current?: UsageSnapshot;
  private lastSync = Number.NEGATIVE_INFINITY;
  private lastMissRefresh = Number.NEGATIVE_INFINITY;
  private syncing?: Promise<void>;
  private refreshing?: Promise<RefreshResult>;

  constructor(options: UsageIndexOptions) {
    this.store = options.store;
    this.catalog = options.catalog;
    this.auth = options.auth;
    this.logger = options.logger;
    this.sources = options.sources;
    this.maxAgeMs = Math.max(0, options.maxAgeMs);
    this.now = options.now ?? (() => new Date());
    this.kinds = ['component', 'group', TECHNOLOGY_KIND.toLocaleLowerCase()];
    if (this.sources.dependencies) this.kinds.push('resource');
  }

  /**
   * The whole-catalog snapshot, at most `maxAgeMs` old (or, while a refresh
   * started by an older one runs, at most twice that). Waits for the first
   * build, and — at most every few seconds — for a refresh while the index
   * has no technology yet (a portal whose guide is not ingested yet, as right
   * after a first start). A failing refresh serves the last index when there
   * is one.
   */
  async snapshot(): Promise<UsageSnapshot> {
    await this.syncIfDue();
    const age = this.now().getTime() - this.refreshedAt;
    const empty =
      this.current !== undefined && this.current.technologies.length === 0;
    if (
      !this.current ||
      this.maxAgeMs === 0 ||
      !(age < 2 * this.maxAgeMs) ||
      (empty && this.missRefreshDue())
    ) {
      await this.refreshOrKeep();
    } else if (age >= this.maxAgeMs) {
      this.refresh().catch(error =>
        this.logger.warn(`Usage index refresh failed: ${error}`),
      );
    }
    return this.current!;
  }

  /**
   * The snapshot, refreshed first (at most every few seconds) when it does
   * not know the entity `ref`: an entity just added to the catalog is found
   * at once rather than after the maximum age.
   */
  async snapshotKnowing(ref: string): Promise<UsageSnapshot> {
    const snapshot = await this.snapshot();
    if (snapshot.knows(ref) || !this.missRefreshDue()) return snapshot;
    await this.refreshOrKeep();
    return this.current!;
  }

  /** Whether a refresh for a missing entity may run now (then it counts as run). */
  private missRefreshDue(): boolean {
    const now = this.now().getTime();
    if (now - this.lastMissRefresh < MISS_REFRESH_INTERVAL_MS) return false;
    this.lastMissRefresh = now;
    return true;
  }

  private async refreshOrKeep() {
    try {
      await this.refresh();
    } catch (error) {
      if (!this.current) throw error;
      this.logger.warn(
        `Usage index refresh failed; answering from the index of ${new Date(
          this.refreshedAt,
        ).toISOString()}: ${error}`,
      );
    }
  }

  /**
   * The refs of the indexed entities with these catalog uids (entities the
   * index does not have yet are left out). Call after {@link UsageIndex.snapshot}.
   */
  refsOfUids(uids: Iterable<string>): Set<string> {
    const refs = new Set<string>();
    for (const uid of uids) {
      const ref = this.mirror.refsByUid.get(uid);
      if (ref) refs.add(ref);
    }
    return refs;
  }

  /** The revision of the index this replica has. */
  revision(): number {
    return this.revisionSeen;
  }

  /** Compares the index with the catalog and writes the difference (one at a time per process). */
  refresh(): Promise<RefreshResult> {
    this.refreshing ??= this.runRefresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** Applies what other replicas (or this one) wrote since the revision this one has. */
  sync(): Promise<void> {
    this.syncing ??= this.runSync().finally(() => {
      this.syncing = undefined;
    });
    return this.syncing;
  }

  private async syncIfDue() {
    const now = this.now().getTime();
    if (now - this.lastSync < SYNC_INTERVAL_MS && this.current) return;
    this.lastSync = now;
    await this.sync();
  }

  private async runSync() {
    let state = await this.store.state();
    if (!state) return;
    if (state.revision !== this.revisionSeen || !this.current) {
      // removals older than the store keeps are gone: from that far behind,
      // only reading the whole index again drops them
      let from =
        this.revisionSeen < state.purgedThrough ? 0 : this.revisionSeen;
      let mirror = this.mirror;
      for (;;) {
        // a whole read fills a new mirror: answers meanwhile use the old one
        if (from === 0) mirror = emptyMirror();
        for await (const page of this.store.changesSince(from)) {
          for (const change of page) applyChange(mirror, change);
          await yieldToLoop();
        }
        if (from === 0) break;
        // a purge while reading may have taken removals not read yet
        const after = await this.store.state();
        if (!after || after.purgedThrough <= from) break;
        state = after;
        from = 0;
      }
      this.mirror = mirror;
      this.current = new UsageSnapshot({
        technologies: [...mirror.technologies.values()].flatMap(
          e => toTechnologyInfo(e) ?? [],
        ),
        components: [...mirror.components.values()],
        groups: [...mirror.groups.values()],
      });
      this.revisionSeen = state.revision;
    }
    this.refreshedAt = Date.parse(state.refreshedAt);
  }

  private async runRefresh(): Promise<RefreshResult> {
    const startedAt = this.now().toISOString();
    const credentials = await this.auth.getOwnServiceCredentials();
    const state = await this.store.state();
    const stored = await this.store.etags();

    // 1. what the catalog has: refs and etags only
    const listed = new Map<string, string | undefined>();
    for await (const page of this.catalog.streamEntities(
      {
        filter: { kind: this.kinds },
        fields: LIST_FIELDS,
        pageSize: PAGE_SIZE,
      },
      { credentials },
    )) {
      for (const entity of page) {
        listed.set(stringifyEntityRef(entity), entity.metadata.etag);
      }
      await yieldToLoop();
    }
    const deletes = [...stored.keys()].filter(ref => !listed.has(ref));
    const wanted = [...listed]
      .filter(([ref, etag]) => !etag || stored.get(ref)?.etag !== etag)
      .map(([ref]) => ref);

    // 2. read the new and changed ones in full
    const changed: Entity[] = [];
    for (const batch of chunks(wanted, FETCH_BATCH)) {
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: batch, fields: INDEX_FIELDS },
        { credentials },
      );
      items.forEach((entity, i) => {
        if (!entity) {
          if (stored.has(batch[i])) deletes.push(batch[i]);
        } else if (stored.get(batch[i])?.etag !== etagOf(entity)) {
          changed.push(entity);
        }
      });
    }

    // 3. what name matching depends on, as it is now
    const { technologies, resources } = await this.matchingInputs(
      changed,
      deletes,
    );
    const fingerprint = this.fingerprint(technologies, resources);
    const recomputeAll = fingerprint !== state?.fingerprint;
    const matcher = new TechnologyMatcher(
      technologies.flatMap(e => toTechnologyInfo(e) ?? []),
    );
    const usageOptions = {
      matcher,
      resources: resourceMap(resources),
      sources: this.sources,
    };

    // 4. the components whose usage to compute
    const upserts: IndexedEntity[] = [];
    let computed = 0;
    const add = async (entity: Entity, etag: string) => {
      const item: IndexedEntity = {
        ref: stringifyEntityRef(entity),
        kind: lowerKind(entity),
        etag,
        entity,
      };
      if (entity.metadata.uid) item.uid = entity.metadata.uid;
      if (item.kind === 'component') {
        item.usage = componentUsage(entity, usageOptions);
        computed += 1;
        if (computed % YIELD_EVERY === 0) await yieldToLoop();
      }
      upserts.push(item);
    };
    for (const entity of changed) await add(entity, etagOf(entity));
    if (recomputeAll) {
      const done = new Set(upserts.map(u => u.ref));
      const gone = new Set(deletes);
      for await (const page of this.store.entities(['component'])) {
        for (const entity of page) {
          const ref = stringifyEntityRef(entity);
          if (done.has(ref) || gone.has(ref)) continue;
          await add(entity, stored.get(ref)?.etag ?? etagOf(entity));
        }
      }
    }

    const written = await this.store.write({
      baseRevision: state?.revision ?? 0,
      refreshedAt: startedAt,
      fingerprint,
      upserts,
      deletes,
    });
    if (!written) {
      this.logger.debug(
        'Usage index: another replica refreshed first; using its revision',
      );
    } else if (upserts.length > 0 || deletes.length > 0) {
      this.logger.info(
        `Usage index: ${changed.length} entities read, ${deletes.length} removed, ${computed} component usages computed`,
      );
    }
    await this.sync();
    return {
      fetched: changed.length,
      removed: deletes.length,
      computed,
      written,
    };
  }

  /** The technologies and resources as stored, with this refresh's changes applied. */
  private async matchingInputs(changed: Entity[], deletes: string[]) {
    const kinds = ['technology', 'resource'];
    const byRef = new Map<string, Entity>();
    for await (const page of this.store.entities(kinds)) {
      for (const entity of page) byRef.set(stringifyEntityRef(entity), entity);
    }
    for (const ref of deletes) byRef.delete(ref);
    for (const entity of changed) {
      if (kinds.includes(lowerKind(entity))) {
        byRef.set(stringifyEntityRef(entity), entity);
      }
    }
    const technologies: Entity[] = [];
    const resources: Entity[] = [];
    for (const entity of byRef.values()) {
      (lowerKind(entity) === 'resource' ? resources : technologies).push(
        entity,
      );
    }
    return { technologies, resources };
  }

  /** A hash of everything name matching depends on. */
  private fingerprint(technologies: Entity[], resources: Entity[]): string {
    const hash = createHash('sha256');
    hash.update(JSON.stringify(this.sources));
    const rows = [
      ...technologies.map(e =>
        JSON.stringify([
          stringifyEntityRef(e),
          e.metadata.title ?? null,
          (e.spec as { aliases?: unknown } | undefined)?.aliases ?? null,
        ]),
      ),
      ...resources.map(e =>
        JSON.stringify([stringifyEntityRef(e), e.metadata.tags ?? null]),
      ),
    ].sort();
    for (const row of rows) hash.update(row).update('\n');
    return hash.digest('hex');
  }
}
