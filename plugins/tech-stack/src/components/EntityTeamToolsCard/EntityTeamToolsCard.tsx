import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { RINGS } from '@techstack/plugin-tech-stack-common';
import { TechStack } from '../../api';
import { EntityStackCard } from '../EntityStackCard';
import { RingBadge } from '../RingBadge';
import { TeamComplianceHistory } from './TeamComplianceHistory';

const useStyles = makeStyles(theme => ({
  ring: { margin: theme.spacing(1.5, 0, 0.5, 0) },
  // a long technology name wraps instead of widening the card
  list: { margin: 0, paddingLeft: theme.spacing(2), overflowWrap: 'anywhere' },
  flag: {
    color: theme.palette.error.main,
    fontWeight: theme.typography.fontWeightMedium as number,
    marginLeft: theme.spacing(0.5),
  },
  note: { color: theme.palette.text.secondary },
}));

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function TeamTools(props: { stack: TechStack }) {
  const { stack } = props;
  const classes = useStyles();
  if (stack.totals.components === 0) {
    return <Typography>This team owns no components.</Typography>;
  }
  if (stack.technologies.length === 0 && stack.offGuide.length === 0) {
    return (
      <Typography>No technology found in this team's components.</Typography>
    );
  }
  const count = (n: number) => `${n} ${n === 1 ? 'component' : 'components'}`;
  return (
    <>
      <Typography variant="body1" data-testid="adopt-share">
        {stack.totals.adoptShare === null
          ? 'No usages yet'
          : `${percent(stack.totals.adoptShare)} of usages on adopt`}{' '}
        <span className={classes.note}>
          ({stack.totals.usages} usages in {count(stack.totals.components)},
          sub-teams included)
        </span>
      </Typography>
      {RINGS.map(ring => {
        const inRing = stack.technologies.filter(t => t.ring === ring);
        if (inRing.length === 0) return null;
        return (
          <section key={ring} aria-label={`Ring ${ring}`}>
            <Typography
              variant="subtitle2"
              component="h3"
              className={classes.ring}
            >
              <RingBadge ring={ring} /> ({inRing.length})
            </Typography>
            <ul className={classes.list}>
              {inRing.map(technology => (
                <li key={technology.ref}>
                  <EntityRefLink
                    entityRef={technology.ref}
                    title={technology.title}
                  />{' '}
                  <span className={classes.note}>
                    {count(technology.components.length)}
                  </span>
                  {ring === 'hold' && (
                    <span className={classes.flag}>
                      ⚠ On hold
                      {technology.ringReason
                        ? `: ${technology.ringReason}`
                        : ''}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {stack.offGuide.length > 0 && (
        <section aria-label="Not in the guide">
          <Typography
            variant="subtitle2"
            component="h3"
            className={classes.ring}
          >
            ⚠ Not in the guide ({stack.offGuide.length})
          </Typography>
          <ul className={classes.list}>
            {stack.offGuide.map(off => (
              <li key={off.name}>
                {off.name}{' '}
                <span className={classes.note}>
                  {count(off.components.length)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <TeamComplianceHistory
        teamRef={stack.entityRef}
        className={classes.ring}
      />
    </>
  );
}

/**
 * The "Tools used by this team" card of a group: the technologies its
 * components (and its sub-teams') use, by ring, with component counts, hold
 * and off-guide flags, the share of usages on adopt, and a sparkline of its
 * hold and not-in-guide usages over time.
 *
 * @public
 */
export function EntityTeamToolsCard(props: { title?: string }) {
  return (
    <EntityStackCard
      title={props.title ?? 'Tools used by this team'}
      render={stack => <TeamTools stack={stack} />}
    />
  );
}
