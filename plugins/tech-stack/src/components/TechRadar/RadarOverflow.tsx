import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { useState } from 'react';
import { ringLabel } from '../../lib/rings';
import { truncateText } from '../../lib/truncate';
import { TruncatedText } from '../TruncatedText';
import { RadarEntry } from '../../api';
import { LayoutOverflow } from './layoutRadar';

const useStyles = makeStyles(theme => ({
  list: { margin: theme.spacing(0, 0, 1, 0), paddingLeft: theme.spacing(2) },
  item: { listStyle: 'none', display: 'flex' },
  button: { maxWidth: '100%', overflowWrap: 'anywhere', textAlign: 'left' },
  number: {
    display: 'inline-block',
    minWidth: '2.5em',
    color: theme.palette.text.secondary,
  },
}));

function OverflowGroup(props: { group: LayoutOverflow<RadarEntry> }) {
  const { group } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const link = useEntityRefLink();
  return (
    <div data-testid="tech-radar-overflow">
      <Button
        size="small"
        aria-expanded={open}
        onClick={() => setOpen(value => !value)}
        title={group.sector}
        className={classes.button}
      >
        +{group.items.length} more in {truncateText(group.sector, 80)} ·{' '}
        {ringLabel(group.ring)}
      </Button>
      {open && (
        <ul className={classes.list}>
          {group.items.map(item => (
            <li key={item.id} className={classes.item}>
              <span className={classes.number}>{item.number}.</span>
              <Link to={link(item.ref)}>
                <TruncatedText text={item.title} lines={1} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * What the radar could not draw at a readable size: a counted list per
 * segment, expanding to the names. Nothing is dropped silently.
 */
export function RadarOverflow(props: {
  overflow: LayoutOverflow<RadarEntry>[];
}) {
  if (props.overflow.length === 0) return null;
  return (
    <div aria-label="Not drawn on the radar" role="region">
      <Typography variant="subtitle2" component="h3">
        Not drawn on the radar (no room at a readable size)
      </Typography>
      {props.overflow.map(group => (
        <OverflowGroup key={`${group.sector}@${group.ring}`} group={group} />
      ))}
    </div>
  );
}
