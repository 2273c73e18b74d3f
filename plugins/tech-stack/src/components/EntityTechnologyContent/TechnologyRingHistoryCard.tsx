import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { Entity } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { ANNOTATION_TECHSTACK_RING_HISTORY } from '@techstack/plugin-tech-stack-common';
import { ringLabel } from '../../lib/rings';
import { parseRingHistory } from './ringHistory';

/** The ring changes of a technology, newest first; nothing without history. */
export function TechnologyRingHistoryCard(props: { entity: Entity }) {
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
