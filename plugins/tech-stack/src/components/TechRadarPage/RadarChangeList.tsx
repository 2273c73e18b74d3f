import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { RadarChange } from '../../api';
import { ringLabel } from '../../lib/rings';

/** One list of What changed (moved in, moved out, …) with its count. */
export function RadarChangeList(props: {
  title: string;
  changes: RadarChange[];
}) {
  const { title, changes } = props;
  const label = `${title} (${changes.length})`;
  return (
    <section aria-label={label}>
      <Typography variant="subtitle2" component="h3">
        {label}
      </Typography>
      {changes.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          None
        </Typography>
      ) : (
        <List dense disablePadding>
          {changes.map(change => (
            <ListItem key={change.ref} disableGutters>
              <ListItemText
                primary={change.title}
                secondary={`${
                  change.fromRing ? `${ringLabel(change.fromRing)} → ` : ''
                }${ringLabel(change.toRing)}, ${change.date.slice(0, 10)}`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </section>
  );
}
