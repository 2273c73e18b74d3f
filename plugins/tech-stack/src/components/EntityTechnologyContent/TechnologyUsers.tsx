import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  Entity,
  RELATION_OWNED_BY,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import {
  EntityRefLink,
  useRelatedEntities,
} from '@backstage/plugin-catalog-react';
import { RELATION_TECHNOLOGY_USED_BY } from '@techstack/plugin-tech-stack-common';

/** The components that use a technology, from its `technologyUsedBy` relations. */
export function useTechnologyUsers(entity: Entity): {
  entities?: Entity[];
  loading: boolean;
  error?: Error;
} {
  return useRelatedEntities(entity, { type: RELATION_TECHNOLOGY_USED_BY });
}

function ownerOf(entity: Entity): string | undefined {
  const relation = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
  if (relation) return relation.targetRef;
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || !owner) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/** `Used by 3 components in 2 teams`; `Used by` while loading. */
export function usedByTitle(entities: Entity[] | undefined): string {
  if (!entities) return 'Used by';
  const teams = new Set(entities.map(e => ownerOf(e) ?? '')).size;
  const components = entities.length;
  return `Used by ${components} component${
    components === 1 ? '' : 's'
  } in ${teams} team${teams === 1 ? '' : 's'}`;
}

/**
 * The components that use the technology grouped by owning team (teams by
 * name, components without an owner last); a progress bar while loading, the
 * error if the catalog fails, a sentence when nothing uses it.
 */
export function TechnologyUsersList(
  props: ReturnType<typeof useTechnologyUsers>,
) {
  const { entities, loading, error } = props;
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!entities || entities.length === 0) {
    return (
      <Typography>
        No component declares that it uses this technology yet.
      </Typography>
    );
  }
  const byOwner = new Map<string, Entity[]>();
  for (const user of entities) {
    const owner = ownerOf(user) ?? '';
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), user]);
  }
  const owners = [...byOwner.keys()].sort(
    (a, b) => Number(a === '') - Number(b === '') || a.localeCompare(b),
  );
  return (
    <List dense disablePadding>
      {owners.map(owner => (
        <ListItem key={owner || 'none'} disableGutters alignItems="flex-start">
          <ListItemText
            disableTypography
            primary={
              <Typography variant="subtitle2">
                {owner ? (
                  <EntityRefLink entityRef={owner} defaultKind="group" />
                ) : (
                  'No owner'
                )}
              </Typography>
            }
            secondary={
              <Typography variant="body2" component="div">
                {byOwner
                  .get(owner)!
                  .sort((a, b) =>
                    a.metadata.name.localeCompare(b.metadata.name),
                  )
                  .map((user, i) => (
                    <span key={stringifyEntityRef(user)}>
                      {i > 0 && ', '}
                      <EntityRefLink entityRef={getCompoundEntityRef(user)} />
                    </span>
                  ))}
              </Typography>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}
