import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';

/**
 * A permission policy for tests: every user but `admin` may read every
 * catalog entity except the component named `hidden`; everything else is
 * allowed. The denial is a conditional decision, so the catalog applies it
 * in its queries, as it would for a real organisation's policy.
 */
export class HideComponentPolicy implements PermissionPolicy {
  constructor(
    private readonly hidden: string,
    private readonly admin: string,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (
      isPermission(request.permission, catalogEntityReadPermission) &&
      user?.info.userEntityRef !== this.admin
    ) {
      return createCatalogConditionalDecision(request.permission, {
        not: {
          allOf: [
            catalogConditions.isEntityKind({ kinds: ['Component'] }),
            catalogConditions.hasMetadata({ key: 'name', value: this.hidden }),
          ],
        },
      });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

/** A permission-backend module installing {@link HideComponentPolicy}. */
export function hideComponentPolicyModule(options: {
  hidden: string;
  admin: string;
}) {
  return createBackendModule({
    pluginId: 'permission',
    moduleId: 'hide-component-policy',
    register(reg) {
      reg.registerInit({
        deps: { policy: policyExtensionPoint },
        async init({ policy }) {
          policy.setPolicy(
            new HideComponentPolicy(options.hidden, options.admin),
          );
        },
      });
    },
  });
}
