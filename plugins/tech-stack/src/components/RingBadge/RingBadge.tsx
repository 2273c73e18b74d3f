import { makeStyles, useTheme } from '@material-ui/core/styles';
import { Ring } from '@techstack/plugin-tech-stack-common';
import { ringColor, ringLabel } from '../../lib/rings';
import { BlipShape } from '../TechRadar/BlipGlyph';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    whiteSpace: 'nowrap',
  },
}));

/**
 * A ring as its radar shape (● adopt, ◆ trial, ▲ assess, ■ hold) and its
 * name, so colour is never the only cue.
 */
export function RingBadge(props: { ring: Ring; hideLabel?: boolean }) {
  const { ring, hideLabel } = props;
  const classes = useStyles();
  const theme = useTheme();
  return (
    <span className={classes.root} data-ring={ring}>
      <svg width={12} height={12} viewBox="-8 -8 16 16" aria-hidden="true">
        <BlipShape ring={ring} r={6} fill={ringColor(theme, ring)} />
      </svg>
      {hideLabel ? (
        <span className="MuiTypography-srOnly">{ringLabel(ring)}</span>
      ) : (
        ringLabel(ring)
      )}
    </span>
  );
}
