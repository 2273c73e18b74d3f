import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { UsageSnapshot } from './UsageSnapshot';

/**
 * The owners a `team` filter covers: the group (ref or bare name) and every
 * group below it. Undefined without a filter. Unknown teams are a 404.
 */
export function teamScope(
  snapshot: UsageSnapshot,
  team: string | undefined,
): Set<string> | undefined {
  if (!team) {
    return undefined;
  }
  let ref: string;
  try {
    ref = stringifyEntityRef(
      parseEntityRef(team, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    throw new InputError(
      `Invalid query parameter 'team': '${team}' is not a group ref or name`,
    );
  }
  if (
    !snapshot.org.get(ref) &&
    !snapshot.components.some(c => c.owner === ref)
  ) {
    throw new NotFoundError(`No team '${ref}' in the catalog`);
  }
  return snapshot.org.subtree(ref);
}
