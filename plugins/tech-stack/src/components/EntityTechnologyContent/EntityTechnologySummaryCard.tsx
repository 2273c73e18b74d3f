import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { TruncatedText } from '../TruncatedText';
import { TechnologyDetails } from './TechnologyDetails';
import { TechnologyLayersTable } from './TechnologyLayersTable';
import {
  TechnologyUsersList,
  usedByTitle,
  useTechnologyUsers,
} from './TechnologyUsers';
import { technologySpec } from './technologySpec';

const useStyles = makeStyles(theme => ({
  part: { marginTop: theme.spacing(2) },
}));

/**
 * One card with everything the Technology tab shows about a technology except
 * its ring history: ring, type, description, ring reason, aliases, guide
 * location and links; its rings per layer; and the components and teams that
 * use it. Made for the Overview tab of a Technology entity.
 */
export function EntityTechnologySummaryCard() {
  const { entity } = useEntity();
  const classes = useStyles();
  const users = useTechnologyUsers(entity);
  return (
    <InfoCard
      title={
        <TruncatedText text={entity.metadata.title ?? entity.metadata.name} />
      }
    >
      <TechnologyDetails entity={entity} />
      <Typography variant="h6" component="h3" className={classes.part}>
        Rings per layer
      </Typography>
      <TechnologyLayersTable layers={technologySpec(entity).layers} />
      <Typography variant="h6" component="h3" className={classes.part}>
        {usedByTitle(users.entities)}
      </Typography>
      <TechnologyUsersList {...users} />
    </InfoCard>
  );
}
