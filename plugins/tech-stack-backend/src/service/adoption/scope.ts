import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { UsageSnapshot } from './UsageSnapshot';

/**
 * The group ref a team (a group ref or bare name, `payments` =
 * `group:default/payments`) stands for. An InputError (prefixed with
 * `label`) for text that is no ref; a NotFoundError for a team that is
 * neither a group of the catalog nor the owner of a component.
 */
export function resolveTeamRef(
  snapshot: UsageSnapshot,
  team: string,
  label: string,
): string {
  let ref: string;
  try {
    ref = stringifyEntityRef(
      parseEntityRef(team, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    throw new InputError(`${label}: '${team}' is not a group ref or name`);
  }
  if (
    !snapshot.org.get(ref) &&
    !snapshot.components.some(c => c.owner === ref)
  ) {
    throw new NotFoundError(`No team '${ref}' in the catalog`);
  }
  return ref;
}

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
  return snapshot.org.subtree(
    resolveTeamRef(snapshot, team, "Invalid query parameter 'team'"),
  );
}
