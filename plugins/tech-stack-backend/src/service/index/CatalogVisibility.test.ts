import { PermissionsService } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogVisibility } from './CatalogVisibility';

const UIDS: Record<string, string> = {
  'uid-orders': 'component:default/orders',
  'uid-billing': 'component:default/billing',
  'uid-redis': 'technology:default/redis',
};

/**
 * Decisions by user, and the uids each conditional user sees. A conditional
 * decision's conditions name the user (as a policy's ownership claims would),
 * unless `sameConditions` lists the user.
 */
function setup(options: {
  decisions: Record<string, AuthorizeResult>;
  visible: Record<string, string[]>;
  sameConditions?: string[];
}) {
  const facetCalls: string[] = [];
  const permissions = {
    authorizeConditional: async (_: unknown, { credentials }: any) => {
      const user = credentials.principal.userEntityRef;
      const result = options.decisions[user];
      if (result !== AuthorizeResult.CONDITIONAL) return [{ result }];
      const claims = options.sameConditions?.includes(user) ? [] : [user];
      return [
        {
          result,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: {
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'catalog-entity',
            params: { claims },
          },
        },
      ];
    },
  } as unknown as PermissionsService;
  const catalog = {
    getEntityFacets: async (request: any, { credentials }: any) => {
      const user = credentials.principal.userEntityRef;
      facetCalls.push(user);
      expect(request.facets).toEqual(['metadata.uid']);
      return {
        facets: {
          'metadata.uid': options.visible[user].map(value => ({
            value,
            count: 1,
          })),
        },
      };
    },
  } as unknown as CatalogService;
  let revision = 1;
  const visibility = new CatalogVisibility({
    catalog,
    permissions,
    resources: true,
    ttlMs: 30_000,
    index: {
      refsOfUids: uids =>
        new Set([...uids].flatMap(uid => (UIDS[uid] ? [UIDS[uid]] : []))),
      revision: () => revision,
    },
  });
  return {
    visibility,
    facetCalls,
    bumpRevision: () => {
      revision += 1;
    },
  };
}

/** Conditional decisions for these users. */
const conditional = (...users: string[]) =>
  Object.fromEntries(
    users.map(user => [`user:default/${user}`, AuthorizeResult.CONDITIONAL]),
  );

const as = (user: string) => mockCredentials.user(`user:default/${user}`);

describe('CatalogVisibility', () => {
  it('sees everything when allowed and nothing when denied, without asking the catalog', async () => {
    const { visibility, facetCalls } = setup({
      decisions: {
        'user:default/admin': AuthorizeResult.ALLOW,
        'user:default/nobody': AuthorizeResult.DENY,
      },
      visible: {},
    });
    expect(await visibility.visibleTo(as('admin'))).toBe('all');
    expect([
      ...((await visibility.visibleTo(as('nobody'))) as Set<string>),
    ]).toEqual([]);
    expect(facetCalls).toEqual([]);
  });

  it('under a conditional decision, sees the entities the catalog lists for the caller', async () => {
    const { visibility, facetCalls } = setup({
      decisions: conditional('alice', 'bob', 'carol'),
      visible: {
        'user:default/alice': ['uid-orders', 'uid-redis', 'uid-unknown'],
        'user:default/bob': ['uid-unknown', 'uid-redis', 'uid-orders'],
        'user:default/carol': ['uid-billing'],
      },
    });
    const alice = await visibility.visibleTo(as('alice'));
    expect([...(alice as Set<string>)].sort()).toEqual([
      'component:default/orders',
      'technology:default/redis',
    ]);
    // kept per caller for the TTL
    expect(await visibility.visibleTo(as('alice'))).toBe(alice);
    expect(facetCalls).toEqual(['user:default/alice']);
    // bob sees the same entities (in another order): one shared set
    expect(await visibility.visibleTo(as('bob'))).toBe(alice);
    const carol = await visibility.visibleTo(as('carol'));
    expect([...(carol as Set<string>)]).toEqual(['component:default/billing']);
  });

  it('asks the catalog once for callers whose decisions have the same conditions', async () => {
    const { visibility, facetCalls } = setup({
      decisions: conditional('alice', 'bob', 'carol'),
      visible: {
        'user:default/alice': ['uid-orders'],
        'user:default/bob': ['uid-orders'],
        'user:default/carol': ['uid-billing'],
      },
      sameConditions: ['user:default/alice', 'user:default/bob'],
    });
    const alice = await visibility.visibleTo(as('alice'));
    expect(await visibility.visibleTo(as('bob'))).toBe(alice);
    expect(facetCalls).toEqual(['user:default/alice']);
    // other conditions: the catalog is asked for that caller
    expect([
      ...((await visibility.visibleTo(as('carol'))) as Set<string>),
    ]).toEqual(['component:default/billing']);
    expect(facetCalls).toEqual(['user:default/alice', 'user:default/carol']);
  });

  it('does not share a set across index revisions', async () => {
    const { visibility, bumpRevision } = setup({
      decisions: conditional('alice', 'bob'),
      visible: {
        'user:default/alice': ['uid-orders'],
        'user:default/bob': ['uid-orders'],
      },
    });
    const alice = await visibility.visibleTo(as('alice'));
    bumpRevision();
    const bob = await visibility.visibleTo(as('bob'));
    expect(bob).not.toBe(alice);
    expect(bob).toEqual(alice);
  });
});
