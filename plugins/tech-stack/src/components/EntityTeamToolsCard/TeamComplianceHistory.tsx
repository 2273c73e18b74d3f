import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { techStackApiRef } from '../../api';
import { HistoryChart } from '../HistoryChart';

/**
 * "Hold and not-in-guide over time": a sparkline of a team's (and its
 * sub-teams') usages of technologies on hold and of names not in the guide,
 * per daily snapshot of the last 180 days. An error is a one-line note: the
 * card above it stands on its own.
 */
export function TeamComplianceHistory(props: {
  teamRef: string;
  className?: string;
}) {
  const api = useApi(techStackApiRef);
  const { teamRef } = props;
  const { value, loading, error } = useAsync(
    async () => api.getAdoptionHistory({ team: teamRef }),
    [api, teamRef],
  );
  if (loading) return null;
  const points = value?.kind === 'team' ? value.points : [];
  const latest = points[points.length - 1];
  return (
    <section aria-label="Hold and not-in-guide over time">
      <Typography
        variant="subtitle2"
        component="h3"
        className={props.className}
      >
        Hold and not-in-guide over time
      </Typography>
      {error ? (
        <Typography variant="body2" color="textSecondary">
          History unavailable: {error.message}
        </Typography>
      ) : (
        <>
          <HistoryChart
            compact
            title="Hold and not-in-guide usages"
            days={points.map(p => p.day)}
            series={[
              { label: 'hold', values: points.map(p => p.hold) },
              { label: 'not in guide', values: points.map(p => p.offGuide) },
            ]}
          />
          {latest && (
            <Typography variant="body2" color="textSecondary">
              {latest.day}: {latest.hold} on hold, {latest.offGuide} not in the
              guide
            </Typography>
          )}
        </>
      )}
    </section>
  );
}
