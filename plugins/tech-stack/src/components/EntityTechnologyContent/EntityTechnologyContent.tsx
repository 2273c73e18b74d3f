import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  Entity,
  RELATION_OWNED_BY,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  EntityRefLink,
  useEntity,
  useRelatedEntities,
} from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_TECHSTACK_RING_HISTORY,
  ANNOTATION_TECHSTACK_SOURCE,
  RELATION_TECHNOLOGY_USED_BY,
  Ring,
  TechnologyLayer,
} from '@techstack/plugin-tech-stack-common';
import { ringLabel } from '../../lib/rings';
import { guideLocationView } from '../../lib/guideLocation';
import { safeHttpUrl } from '../../lib/safeUrl';
import { truncateText } from '../../lib/truncate';
import { TruncatedText } from '../TruncatedText';
import { parseRingHistory } from './ringHistory';

const useStyles = makeStyles(theme => ({
  chips: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
  label: { color: theme.palette.text.secondary },
  block: { marginBottom: theme.spacing(1.5) },
  cell: { maxWidth: 240 },
}));

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function specOf(entity: Entity) {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const layers = Array.isArray(spec.layers)
    ? (spec.layers as TechnologyLayer[]).filter(
        l => l && typeof l.section === 'string' && typeof l.layer === 'string',
      )
    : [];
  const aliases = Array.isArray(spec.aliases)
    ? (spec.aliases as unknown[]).filter(
        (a): a is string => typeof a === 'string',
      )
    : [];
  return {
    ring: asString(spec.ring) as Ring | undefined,
    type: asString(spec.type),
    description: asString(spec.description) ?? entity.metadata.description,
    ringReason: asString(spec.ringReason),
    layers,
    aliases,
  };
}

/**
 * Where the guide line is: a link if it is an http(s) URL, else text naming
 * the guide's file (never an absolute path of the backend's disk).
 */
function GuideLocation(props: { location: string }) {
  const view = guideLocationView(props.location);
  if (view.url) {
    return <Link to={view.url}>{view.text}</Link>;
  }
  return (
    <Typography variant="body2" component="span">
      {view.text}
      {view.file ? ` (${truncateText(view.file, 200)})` : ''}
    </Typography>
  );
}

/**
 * The overview of a Technology entity: ring, type, description, aliases, ring
 * reason, links, and where in the guide it comes from. Guide content is shown
 * as text only; only http(s) links become links.
 *
 * @public
 */
export function EntityTechnologyOverviewCard() {
  const { entity } = useEntity();
  const classes = useStyles();
  const spec = specOf(entity);
  const source = entity.metadata.annotations?.[ANNOTATION_TECHSTACK_SOURCE];
  const links = (entity.metadata.links ?? []).flatMap(link => {
    const url = safeHttpUrl(link.url);
    return url ? [{ url, title: link.title ?? url }] : [];
  });
  return (
    <InfoCard
      title={
        <TruncatedText text={entity.metadata.title ?? entity.metadata.name} />
      }
    >
      <div className={classes.chips}>
        {spec.ring && (
          <Chip size="small" label={`Ring: ${ringLabel(spec.ring)}`} />
        )}
        {spec.type && (
          <Chip size="small" variant="outlined" label={spec.type} />
        )}
      </div>
      {spec.description && (
        <Typography variant="body1" className={classes.block} component="div">
          <TruncatedText text={spec.description} lines={4} maxLength={2000} />
        </Typography>
      )}
      {spec.ringReason && (
        <Typography variant="body2" className={classes.block}>
          <span className={classes.label}>Why this ring: </span>
          <TruncatedText text={spec.ringReason} lines={6} maxLength={2000} />
        </Typography>
      )}
      {spec.aliases.length > 0 && (
        <Typography variant="body2" className={classes.block}>
          <span className={classes.label}>Also known as: </span>
          <TruncatedText text={spec.aliases.join(', ')} lines={3} />
        </Typography>
      )}
      {source && (
        <Typography variant="body2" className={classes.block} component="div">
          <span className={classes.label}>Source: </span>
          <GuideLocation location={source} />
        </Typography>
      )}
      {links.length > 0 && (
        <List dense disablePadding aria-label="Links">
          {links.map(link => (
            <ListItem key={link.url} disableGutters>
              <Link to={link.url}>
                <TruncatedText text={link.title} lines={1} />
              </Link>
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
}

/** Every place the technology appears in the guide, with its ring there. */
function LayersCard(props: { layers: TechnologyLayer[] }) {
  const classes = useStyles();
  return (
    <InfoCard title="Rings per layer">
      {props.layers.length === 0 ? (
        <Typography>Not placed in any layer.</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>Section</TableCell>
              <TableCell>Group</TableCell>
              <TableCell>Layer</TableCell>
              <TableCell>Ring</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {props.layers.map((layer, i) => (
              <TableRow key={i}>
                <TableCell className={classes.cell}>
                  <TruncatedText text={layer.section} />
                </TableCell>
                <TableCell className={classes.cell}>
                  <TruncatedText text={layer.group ?? ''} />
                </TableCell>
                <TableCell className={classes.cell}>
                  <TruncatedText text={layer.layer} />
                </TableCell>
                <TableCell>{ringLabel(layer.ring)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}

function RingHistoryCard(props: { entity: Entity }) {
  const history = parseRingHistory(
    props.entity.metadata.annotations?.[ANNOTATION_TECHSTACK_RING_HISTORY],
  );
  if (history.length === 0) return null;
  return (
    <InfoCard title="Ring history">
      <List dense disablePadding>
        {[...history].reverse().map((change, i) => (
          <ListItem key={i} disableGutters>
            <ListItemText
              primary={
                change.from
                  ? `${ringLabel(change.from)} → ${ringLabel(change.to)}`
                  : `Added in ${ringLabel(change.to)}`
              }
              secondary={change.date}
            />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
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

/** `Used by 3 components in 2 teams`. */
function usedByTitle(entities: Entity[] | undefined): string {
  if (!entities) return 'Used by';
  const teams = new Set(entities.map(e => ownerOf(e) ?? '')).size;
  const components = entities.length;
  return `Used by ${components} component${
    components === 1 ? '' : 's'
  } in ${teams} team${teams === 1 ? '' : 's'}`;
}

/** The components that use the technology, grouped by owning team. */
function UsersCard(props: { entity: Entity }) {
  const { entities, loading, error } = useRelatedEntities(props.entity, {
    type: RELATION_TECHNOLOGY_USED_BY,
  });
  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!entities || entities.length === 0) {
    content = (
      <Typography>
        No component declares that it uses this technology yet.
      </Typography>
    );
  } else {
    const byOwner = new Map<string, Entity[]>();
    for (const user of entities) {
      const owner = ownerOf(user) ?? '';
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), user]);
    }
    const owners = [...byOwner.keys()].sort(
      (a, b) => Number(a === '') - Number(b === '') || a.localeCompare(b),
    );
    content = (
      <List dense disablePadding>
        {owners.map(owner => (
          <ListItem
            key={owner || 'none'}
            disableGutters
            alignItems="flex-start"
          >
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
  return <InfoCard title={usedByTitle(entities)}>{content}</InfoCard>;
}

/**
 * The content of a Technology entity's page: overview, rings per layer, ring
 * history, and the components that use it grouped by owning team.
 *
 * @public
 */
export function EntityTechnologyContent() {
  const { entity } = useEntity();
  const spec = specOf(entity);
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={6}>
        <EntityTechnologyOverviewCard />
      </Grid>
      <Grid item xs={12} md={6}>
        <UsersCard entity={entity} />
      </Grid>
      <Grid item xs={12} md={8}>
        <LayersCard layers={spec.layers} />
      </Grid>
      <Grid item xs={12} md={4}>
        <RingHistoryCard entity={entity} />
      </Grid>
    </Grid>
  );
}
