import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { Campaign, techStackApiRef } from '../../api';
import { HistoryChart, HistorySeries } from '../HistoryChart';
import { burnDownSeries } from './burnDownSeries';
import { technologyName } from './campaignText';

/**
 * The burn-down of a campaign: its technology's components per snapshot day
 * of the adoption history (`GET /campaigns/:id/history`, whole catalog),
 * with a dashed ideal line down to 0 at the deadline and the deadline
 * marked. Nothing for a campaign whose technology matches nothing, or with
 * an API that cannot answer the history.
 */
export function CampaignBurnDown(props: { campaign: Campaign }) {
  const { campaign } = props;
  const api = useApi(techStackApiRef);
  const theme = useTheme();
  const known = campaign.status !== 'unknown-technology';
  const { value, loading, error } = useAsync(async () => {
    if (!known || !api.getCampaignHistory) return undefined;
    return api.getCampaignHistory(campaign.id);
  }, [api, campaign.id, known]);
  if (!known || !api.getCampaignHistory) return null;
  const name = technologyName(campaign.technology);
  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = (
      <Typography variant="body2" color="textSecondary">
        The burn-down could not be loaded: {error.message}
      </Typography>
    );
  } else if (value) {
    const { days, remaining, ideal } = burnDownSeries(
      value.points,
      campaign.deadline,
    );
    const series: HistorySeries[] = [{ label: 'remaining', values: remaining }];
    if (ideal) {
      series.push({
        label: 'ideal',
        values: ideal,
        // a guide, not an alarm: the neutral text colour
        color: theme.palette.text.secondary,
        dashed: true,
        hideFromSummary: true,
      });
    }
    content = (
      <>
        <HistoryChart
          title={`${name}: components remaining per day`}
          days={days}
          series={series}
          markers={[{ day: campaign.deadline, label: 'Deadline' }]}
          width={640}
          height={180}
        />
        {days.length > 0 && (
          <Typography variant="caption" color="textSecondary" component="p">
            Solid: components using {name} per daily snapshot (whole catalog).
            {ideal ? ' Dashed: a steady pace to none at the deadline.' : ''}
          </Typography>
        )}
      </>
    );
  }
  return (
    <Box
      component="figure"
      m={0}
      mb={2}
      aria-label={`Burn-down of ${name}`}
      data-testid="campaign-burn-down"
    >
      <Typography variant="subtitle2" component="figcaption">
        Burn-down
      </Typography>
      {content}
    </Box>
  );
}
