import { Entity } from '@backstage/catalog-model';
import { ComponentUsage } from '../adoption/types';
import { Knex } from '../history/migrations';
import { chunks } from '../util/chunks';

const ENTITIES = 'techstack_usage_entities';
const STATE = 'techstack_usage_state';
const STATE_ID = 'index';
/** Rows per statement: bounds the statement size on any database. */
const BATCH_SIZE = 200;
/** Rows per read page. */
const PAGE_SIZE = 2000;
/** Revisions whose rows of removed entities are kept (see {@link UsageIndexStore}). */
export const DEFAULT_KEEP_TOMBSTONE_REVISIONS = 1000;

/** The index's revision and when it was last compared with the catalog. */
export interface UsageIndexState {
  revision: number;
  refreshedAt: string;
  fingerprint: string;
  /**
   * Rows of removed entities written at this revision or before may be gone:
   * a replica at an older revision cannot catch up by the rows written since
   * and reloads the whole index instead.
   */
  purgedThrough: number;
}

/** A row of the index as written: an entity (and, for a component, its usage). */
export interface IndexedEntity {
  ref: string;
  kind: string;
  uid?: string;
  etag: string;
  entity: Entity;
  usage?: ComponentUsage;
}

/** A row of the index as read back by a replica. */
export interface IndexChange {
  ref: string;
  kind: string;
  uid?: string;
  deleted: boolean;
  /** For every kind but components (whose usage is enough). */
  entity?: Entity;
  usage?: ComponentUsage;
}

/** What one refresh writes, as one revision. */
export interface IndexWrite {
  /** The revision the refresh started from: the write is dropped if another one came first. */
  baseRevision: number;
  refreshedAt: string;
  fingerprint: string;
  upserts: IndexedEntity[];
  deletes: string[];
}

/**
 * The usage index's tables in the tech-stack backend's database: one row per
 * catalog entity usage depends on, and one state row with the revision.
 * Every write is one revision in one transaction, and only applies on top of
 * the revision it was computed from, so two replicas refreshing at once
 * cannot interleave; replicas read what changed since the revision they have.
 *
 * An entity gone from the catalog stays as a row marked deleted (so every
 * replica drops it too) for `keepTombstoneRevisions` revisions, then each write
 * purges it and advances `purgedThrough`: the table holds the live entities
 * and the removals of the last revisions only.
 */
export class UsageIndexStore {
  private readonly keepTombstoneRevisions: number;

  constructor(
    private readonly knex: Knex,
    options: { keepTombstoneRevisions?: number } = {},
  ) {
    this.keepTombstoneRevisions = Math.max(
      1,
      options.keepTombstoneRevisions ?? DEFAULT_KEEP_TOMBSTONE_REVISIONS,
    );
  }

  /** The state row, if the index was ever written. */
  async state(): Promise<UsageIndexState | undefined> {
    const row = await this.knex(STATE).where({ id: STATE_ID }).first();
    if (!row || !row.refreshed_at) return undefined;
    return {
      revision: Number(row.revision),
      refreshedAt: row.refreshed_at,
      fingerprint: row.fingerprint,
      purgedThrough: Number(row.purged_through ?? 0),
    };
  }

  /** Every live row's ref, kind and etag (what a refresh compares with the catalog). */
  async etags(): Promise<Map<string, { kind: string; etag: string }>> {
    const result = new Map<string, { kind: string; etag: string }>();
    let after = '';
    for (;;) {
      const rows = await this.knex(ENTITIES)
        .select('entity_ref', 'kind', 'etag')
        .where('deleted', false)
        .andWhere('entity_ref', '>', after)
        .orderBy('entity_ref')
        .limit(PAGE_SIZE);
      for (const row of rows) {
        result.set(row.entity_ref, { kind: row.kind, etag: row.etag });
      }
      if (rows.length < PAGE_SIZE) return result;
      after = rows[rows.length - 1].entity_ref;
    }
  }

  /** The live entities of these kinds, page by page (for recomputing usages). */
  async *entities(kinds: string[]): AsyncGenerator<Entity[]> {
    let after = '';
    for (;;) {
      const rows = await this.knex(ENTITIES)
        .select('entity_ref', 'entity')
        .where('deleted', false)
        .whereIn('kind', kinds)
        .andWhere('entity_ref', '>', after)
        .orderBy('entity_ref')
        .limit(PAGE_SIZE);
      if (rows.length > 0) {
        yield rows.map(row => JSON.parse(row.entity) as Entity);
        after = rows[rows.length - 1].entity_ref;
      }
      if (rows.length < PAGE_SIZE) return;
    }
  }

  /** The rows written after `revision` (deleted ones included), page by page. */
  async *changesSince(revision: number): AsyncGenerator<IndexChange[]> {
    let after = '';
    for (;;) {
      const rows = await this.knex(ENTITIES)
        .select('entity_ref', 'kind', 'uid', 'entity', 'usage', 'deleted')
        .where('revision', '>', revision)
        .andWhere('entity_ref', '>', after)
        .orderBy('entity_ref')
        .limit(PAGE_SIZE);
      if (rows.length > 0) {
        yield rows.map(row => {
          const change: IndexChange = {
            ref: row.entity_ref,
            kind: row.kind,
            deleted: Boolean(row.deleted),
          };
          if (row.uid) change.uid = row.uid;
          if (!change.deleted) {
            if (row.usage) {
              change.usage = JSON.parse(row.usage) as ComponentUsage;
            } else {
              change.entity = JSON.parse(row.entity) as Entity;
            }
          }
          return change;
        });
        after = rows[rows.length - 1].entity_ref;
      }
      if (rows.length < PAGE_SIZE) return;
    }
  }

  /**
   * Writes one refresh as revision `baseRevision + 1`, or only the time of
   * the comparison when nothing changed. Returns false, writing nothing, when
   * the index is no longer at `baseRevision` (another refresh came first).
   */
  async write(write: IndexWrite): Promise<boolean> {
    // the state row exists before any writer locks it
    await this.knex(STATE)
      .insert({ id: STATE_ID, revision: 0, refreshed_at: '', fingerprint: '' })
      .onConflict('id')
      .ignore();
    return this.knex.transaction(async tx => {
      // on PostgreSQL the row lock makes a second writer wait here, then see the new revision
      const query = tx(STATE).where({ id: STATE_ID }).first();
      const row = await (tx.client.config.client === 'pg'
        ? query.forUpdate()
        : query);
      const current = row ? Number(row.revision) : 0;
      if (current !== write.baseRevision) return false;
      const changed = write.upserts.length > 0 || write.deletes.length > 0;
      const revision = changed ? current + 1 : current;
      for (const batch of chunks(write.upserts, BATCH_SIZE)) {
        await tx(ENTITIES)
          .insert(
            batch.map(item => ({
              entity_ref: item.ref,
              kind: item.kind,
              uid: item.uid ?? null,
              etag: item.etag,
              entity: JSON.stringify(item.entity),
              usage: item.usage ? JSON.stringify(item.usage) : null,
              revision,
              deleted: false,
            })),
          )
          .onConflict('entity_ref')
          .merge();
      }
      for (const batch of chunks(write.deletes, BATCH_SIZE)) {
        await tx(ENTITIES)
          .whereIn('entity_ref', batch)
          .update({ deleted: true, usage: null, revision });
      }
      const state: Record<string, string | number> = {
        revision,
        refreshed_at: write.refreshedAt,
        fingerprint: write.fingerprint,
      };
      // the removals older than the kept revisions: only their own rows
      // (the revision index finds them), so each write purges little
      const purgeThrough = revision - this.keepTombstoneRevisions;
      const purgedThrough = Number(row?.purged_through ?? 0);
      if (purgeThrough > purgedThrough) {
        await tx(ENTITIES)
          .where('revision', '>', purgedThrough)
          .andWhere('revision', '<=', purgeThrough)
          .andWhere('deleted', true)
          .delete();
        state.purged_through = purgeThrough;
      }
      await tx(STATE).where({ id: STATE_ID }).update(state);
      return true;
    });
  }
}
