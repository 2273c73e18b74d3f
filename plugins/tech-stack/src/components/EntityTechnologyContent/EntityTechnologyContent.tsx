import Grid from '@material-ui/core/Grid';
import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { TruncatedText } from '../TruncatedText';
import { TechnologyAdoptionHistoryCard } from './TechnologyAdoptionHistoryCard';
import { TechnologyDetails } from './TechnologyDetails';
import { TechnologyLayersTable } from './TechnologyLayersTable';
import { TechnologyRingHistoryCard } from './TechnologyRingHistoryCard';
import {
  TechnologyUsersList,
  usedByTitle,
  useTechnologyUsers,
} from './TechnologyUsers';
import { technologySpec } from './technologySpec';

/**
 * The overview of a Technology entity: ring, type, description, aliases, ring
 * reason, links, and where in the guide it comes from. Guide content is shown
 * as text only; only http(s) links become links.
 *
 * @public
 */
export function EntityTechnologyOverviewCard() {
  const { entity } = useEntity();
  return (
    <InfoCard
      title={
        <TruncatedText text={entity.metadata.title ?? entity.metadata.name} />
      }
    >
      <TechnologyDetails entity={entity} />
    </InfoCard>
  );
}

/**
 * The content of a Technology entity's page: overview, rings per layer, ring
 * history, the components that use it grouped by owning team, and how many
 * used it over time.
 *
 * @public
 */
export function EntityTechnologyContent() {
  const { entity } = useEntity();
  const users = useTechnologyUsers(entity);
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={6}>
        <EntityTechnologyOverviewCard />
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title={usedByTitle(users.entities)}>
          <TechnologyUsersList {...users} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={8}>
        <InfoCard title="Rings per layer">
          <TechnologyLayersTable layers={technologySpec(entity).layers} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <TechnologyRingHistoryCard entity={entity} />
      </Grid>
      <Grid item xs={12}>
        <TechnologyAdoptionHistoryCard entity={entity} />
      </Grid>
    </Grid>
  );
}
