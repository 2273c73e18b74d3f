import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';

type CatalogCondition = PermissionCondition<'catalog-entity'>;
type NonEmptyArray<T> = [T, ...T[]];

/** Which users a {@link HideEntitiesPolicy} applies to. */
export type PolicyUsers =
  /** Everyone but this user (the admin). */
  | { except: string }
  /** The users whose entity ref starts with one of these. */
  | { startingWith: string[] };

/** The entities hidden: the same for every user, or per user (by entity ref). */
export type HiddenEntities =
  | Array<{ kind: string; name: string }>
  | ((userRef: string) => Array<{ kind: string; name: string }>);

/**
 * A permission policy for tests and benchmarks: the users it applies to may
 * read every catalog entity except the `hidden` ones (by kind and name);
 * everyone else, and every other permission, is allowed. The denial is a
 * conditional decision, so the catalog applies it in its queries, as it
 * would for a real organisation's policy.
 */
export class HideEntitiesPolicy implements PermissionPolicy {
  constructor(
    /** At least one entity (for each user). */
    private readonly hidden: HiddenEntities,
    private readonly users: PolicyUsers,
  ) {}

  private appliesTo(user?: PolicyQueryUser) {
    const ref = user?.info.userEntityRef ?? '';
    return 'except' in this.users
      ? ref !== this.users.except
      : this.users.startingWith.some(prefix => ref.startsWith(prefix));
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (
      isPermission(request.permission, catalogEntityReadPermission) &&
      this.appliesTo(user)
    ) {
      const hidden =
        typeof this.hidden === 'function'
          ? this.hidden(user?.info.userEntityRef ?? '')
          : this.hidden;
      return createCatalogConditionalDecision(request.permission, {
        not: {
          anyOf: hidden.map(({ kind, name }) => ({
            allOf: [
              catalogConditions.isEntityKind({ kinds: [kind] }),
              catalogConditions.hasMetadata({ key: 'name', value: name }),
            ],
          })) as unknown as NonEmptyArray<PermissionCriteria<CatalogCondition>>,
        },
      });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

/** A permission-backend module installing {@link HideEntitiesPolicy}. */
export function hideEntitiesPolicyModule(options: {
  hidden: HiddenEntities;
  users: PolicyUsers;
}) {
  return createBackendModule({
    pluginId: 'permission',
    moduleId: 'hide-entities-policy',
    register(reg) {
      reg.registerInit({
        deps: { policy: policyExtensionPoint },
        async init({ policy }) {
          policy.setPolicy(
            new HideEntitiesPolicy(options.hidden, options.users),
          );
        },
      });
    },
  });
}

/** Hides the component `hidden` from everyone but `admin`. */
export function hideComponentPolicyModule(options: {
  hidden: string;
  admin: string;
}) {
  return hideEntitiesPolicyModule({
    hidden: [{ kind: 'Component', name: options.hidden }],
    users: { except: options.admin },
  });
}
