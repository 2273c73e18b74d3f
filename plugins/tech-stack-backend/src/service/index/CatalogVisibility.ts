import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { TECHNOLOGY_KIND } from '@techstack/plugin-tech-stack-common';
import { PrincipalCache } from '../PrincipalCache';

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
 * kept per caller for the TTL.
 */
export class CatalogVisibility {
  private readonly catalog: CatalogService;
  private readonly permissions: PermissionsService;
  private readonly kinds: string[];
  private readonly cache: PrincipalCache<ReadonlySet<string>>;
  private readonly refsOfUids: (uids: Iterable<string>) => Set<string>;

  constructor(options: {
    catalog: CatalogService;
    permissions: PermissionsService;
    /** Include resources (when usage is read from dependencies). */
    resources: boolean;
    ttlMs: number;
    /** The refs of the entities with these uids (the usage index's). */
    refsOfUids: (uids: Iterable<string>) => Set<string>;
    now?: () => number;
  }) {
    this.refsOfUids = options.refsOfUids;
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
    if (decision.result === AuthorizeResult.DENY) return new Set();
    return this.cache.get(credentials, 'visible', () => this.list(credentials));
  }

  private async list(credentials: BackstageCredentials) {
    const { facets } = await this.catalog.getEntityFacets(
      { filter: { kind: this.kinds }, facets: [UID_FACET] },
      { credentials },
    );
    return this.refsOfUids((facets[UID_FACET] ?? []).map(f => f.value));
  }
}
