import Grid from '@material-ui/core/Grid';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { Campaign, techStackApiRef } from '../../api';
import { CampaignBurnDown } from './CampaignBurnDown';
import { CampaignCard } from './CampaignCard';

/**
 * Props of {@link CampaignsView}.
 *
 * @public
 */
export interface CampaignsViewProps {
  /**
   * Draws the burn-down of a campaign (remaining components over time) above
   * its table. By default the chart of `GET /campaigns/:id/history` (the
   * adoption history); return `null` to draw none.
   */
  renderBurnDown?: (campaign: Campaign) => ReactNode;
}

/**
 * The Campaigns tab: every migration campaign of `techStack.campaigns` with
 * its status, deadline, burn-down chart, remaining components per team and
 * CSV export; an empty state when none is configured.
 *
 * @public
 */
export function CampaignsView(props: CampaignsViewProps) {
  const api = useApi(techStackApiRef);
  const { value, loading, error } = useAsync(() => api.getCampaigns(), [api]);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  if (value.campaigns.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No migration campaigns"
        description="Add campaigns under techStack.campaigns in the app config: the technology to move off, what to move to, and a deadline."
      />
    );
  }
  return (
    <Grid container spacing={3} direction="column">
      {value.campaigns.map(campaign => (
        <Grid item key={campaign.id}>
          <CampaignCard
            campaign={campaign}
            burnDown={
              props.renderBurnDown ? (
                props.renderBurnDown(campaign)
              ) : (
                <CampaignBurnDown campaign={campaign} />
              )
            }
          />
        </Grid>
      ))}
    </Grid>
  );
}
