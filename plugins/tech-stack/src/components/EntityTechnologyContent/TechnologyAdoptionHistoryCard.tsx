import Typography from '@material-ui/core/Typography';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { techStackApiRef } from '../../api';
import { HistoryChart } from '../HistoryChart';

/**
 * "Components using it over time": the technology's components (and teams)
 * per daily snapshot of the last 180 days, from `GET /adoption/history`.
 */
export function TechnologyAdoptionHistoryCard(props: { entity: Entity }) {
  const api = useApi(techStackApiRef);
  const technology = stringifyEntityRef(props.entity);
  const { value, loading, error } = useAsync(
    async () => api.getAdoptionHistory({ technology }),
    [api, technology],
  );
  let content;
  if (loading) content = <Progress />;
  else if (error) content = <ResponseErrorPanel error={error} />;
  else if (value?.kind === 'technology') {
    const latest = value.points[value.points.length - 1];
    content = (
      <>
        <HistoryChart
          title="Components using it"
          days={value.points.map(p => p.day)}
          series={[
            {
              label: 'components',
              values: value.points.map(p => p.components),
            },
            { label: 'teams', values: value.points.map(p => p.teams) },
          ]}
        />
        {latest && (
          <Typography variant="body2" color="textSecondary">
            {latest.day}: {latest.components}{' '}
            {latest.components === 1 ? 'component' : 'components'} in{' '}
            {latest.teams} {latest.teams === 1 ? 'team' : 'teams'} (whole
            catalog)
          </Typography>
        )}
      </>
    );
  }
  return <InfoCard title="Components using it over time">{content}</InfoCard>;
}
