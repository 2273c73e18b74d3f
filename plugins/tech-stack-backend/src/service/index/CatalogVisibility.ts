import { createHash } from 'node:crypto';
import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { TECHNOLOGY_KIND } from '@techstack/plugin-tech-stack-common';
import { PrincipalCache } from '../PrincipalCache';

/** What {@link CatalogVisibility} needs of the usage index. */
export interface VisibilityIndex {
  /** The refs of the indexed entities with these catalog uids. */
  refsOfUids(uids: Iterable<string>): Set<string>;
  /** The index revision the refs are of. */
  revision(): number;
}

/** Every entity, or the refs of those the caller may see. */
export type Visible = 'all' | ReadonlySet<string>;

const UID_FACET = 'metadata.uid';
const MAX_CACHE_ENTRIES = 50;

/**
 * Which catalog entities a caller may see, asked the way the catalog asks:
 * the `catalog.entity.read` decision for the caller. Allowed outright (no
 * policy, a policy that allows, a service), that is every entity and costs
 * one decision; denied, none. A conditional decision (the policy filters
 * entities) is applied by the catalog itself, in its database: the uids of
 * the caller's visible entities come from the catalog's facets endpoint with
 * the caller's credentials, are matched with the usage index's entities, and
 * kept for the TTL for every caller whose decision has the same conditions.
 */
export class CatalogVisibility {
  private readonly catalog: CatalogService;
  private readonly permissions: PermissionsService;
  private readonly kinds: string[];
  private readonly cache: PrincipalCache<ReadonlySet<string>>;
  private readonly index: VisibilityIndex;
  /** Visible sets by their uids and the index revision: callers who see the same share one. */
  private readonly shared = new Map<string, ReadonlySet<string>>();

  constructor(options: {
    catalog: CatalogService;
    permissions: PermissionsService;
    /** Include resources (when usage is read from dependencies). */
    resources: boolean;
    ttlMs: number;
    /** The usage index the visible uids are matched with. */
    index: VisibilityIndex;
    now?: () => number;
  }) {
    this.index = options.index;
    this.catalog = options.catalog;
    this.permissions = options.permissions;
    this.kinds = ['component', 'group', TECHNOLOGY_KIND.toLocaleLowerCase()];
    if (options.resources) this.kinds.push('resource');
    this.cache = new PrincipalCache({
      ttlMs: options.ttlMs,
      maxEntries: MAX_CACHE_ENTRIES,
      now: options.now ?? (() => Date.now()),
    });
  }

  /** What the caller may see of the kinds usage is computed from. */
  async visibleTo(credentials: BackstageCredentials): Promise<Visible> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return 'all';
    if (decision.result !== AuthorizeResult.CONDITIONAL) return new Set();
    // the catalog selects the entities by the decision's conditions alone
    // (a user's claims are in them): callers with the same conditions see
    // the same entities, and one facets call serves them all
    const { pluginId, resourceType, conditions } = decision;
    return this.cache.getShared(
      JSON.stringify({ pluginId, resourceType, conditions }),
      () => this.list(credentials),
    );
  }

  private async list(credentials: BackstageCredentials) {
    const { facets } = await this.catalog.getEntityFacets(
      { filter: { kind: this.kinds }, facets: [UID_FACET] },
      { credentials },
    );
    return this.intern((facets[UID_FACET] ?? []).map(f => f.value));
  }

  /**
   * The refs of these uids, as one set object for every caller who sees the
   * same entities of the same index revision, so their narrowed snapshot and
   * its answers are built once (callers under one policy rule often do).
   */
  private intern(uids: string[]): ReadonlySet<string> {
    const hash = createHash('sha256').update(String(this.index.revision()));
    // the catalog answers facets in order; sort only if it did not
    const ordered = uids.every((uid, i) => i === 0 || uids[i - 1] <= uid)
      ? uids
      : [...uids].sort();
    for (const uid of ordered) hash.update('\n').update(uid);
    const key = hash.digest('hex');
    let refs = this.shared.get(key);
    if (refs) {
      this.shared.delete(key);
    } else {
      refs = this.index.refsOfUids(uids);
      if (this.shared.size >= MAX_CACHE_ENTRIES) {
        const oldest = this.shared.keys().next().value;
        if (oldest !== undefined) this.shared.delete(oldest);
      }
    }
    this.shared.set(key, refs);
    return refs;
  }
}
