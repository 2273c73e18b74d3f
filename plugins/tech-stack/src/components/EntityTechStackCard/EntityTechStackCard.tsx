import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { TechStack } from '../../api';
import { EntityStackCard } from '../EntityStackCard';
import { RingBadge } from '../RingBadge';
import { ComponentCampaigns } from './ComponentCampaigns';

const useStyles = makeStyles(theme => ({
  // a long technology name wraps instead of widening the card
  primary: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  flag: {
    color: theme.palette.error.main,
    fontWeight: theme.typography.fontWeightMedium as number,
  },
}));

const SOURCE_LABELS: Record<string, string> = {
  annotation: 'declared',
  tag: 'tag',
  dependency: 'dependency',
};

/** How a usage was found, for people: `declared (Kafka) · dependency (resource:default/db)`. */
export function usageSourceText(evidence: string[]): string {
  return evidence
    .map(item => {
      const [kind, ...rest] = item.split(':');
      const value = rest.join(':');
      switch (kind) {
        case 'annotation':
          return `${SOURCE_LABELS.annotation} (${value})`;
        case 'relation':
          return SOURCE_LABELS.annotation;
        case 'tag':
          return `tag ${value}`;
        case 'resource':
          return `depends on ${value}`;
        default:
          return item;
      }
    })
    .join(' · ');
}

function StackList(props: { stack: TechStack }) {
  const { stack } = props;
  const classes = useStyles();
  if (stack.technologies.length === 0 && stack.offGuide.length === 0) {
    return (
      <Typography>
        No technology found: add the techstack.dev/uses annotation, tags or
        resource dependencies.
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Technologies">
      {stack.technologies.map(technology => (
        <ListItem key={technology.ref} disableGutters divider>
          <ListItemText
            disableTypography
            primary={
              <Typography
                variant="body1"
                component="div"
                className={classes.primary}
              >
                <EntityRefLink
                  entityRef={technology.ref}
                  title={technology.title}
                />
                <RingBadge ring={technology.ring} />
                {technology.ring === 'hold' && (
                  <span className={classes.flag}>⚠ On hold</span>
                )}
              </Typography>
            }
            secondary={
              <Typography variant="body2" color="textSecondary" component="div">
                <div>Found by: {usageSourceText(technology.evidence)}</div>
                {technology.ring === 'hold' && technology.ringReason && (
                  <div>Why on hold: {technology.ringReason}</div>
                )}
              </Typography>
            }
          />
        </ListItem>
      ))}
      {stack.offGuide.map(off => (
        <ListItem key={`off:${off.name}`} disableGutters divider>
          <ListItemText
            disableTypography
            primary={
              <Typography
                variant="body1"
                component="div"
                className={classes.primary}
              >
                <span>{off.name}</span>
                <span className={classes.flag}>⚠ Not in the guide</span>
              </Typography>
            }
            secondary={
              <Typography variant="body2" color="textSecondary" component="div">
                Declared in techstack.dev/uses but not in the technology stack
                guide.
              </Typography>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}

/**
 * The "Tech stack" card of a component: the technologies it uses with their
 * rings (shape and name), how each was found (annotation, tag, dependency),
 * and flags for hold and off-guide ones with the reason; below, the
 * migration campaigns the component is part of, with their deadlines.
 *
 * @public
 */
export function EntityTechStackCard(props: { title?: string }) {
  return (
    <EntityStackCard
      title={props.title ?? 'Tech stack'}
      render={stack => (
        <>
          <StackList stack={stack} />
          <ComponentCampaigns />
        </>
      )}
    />
  );
}
