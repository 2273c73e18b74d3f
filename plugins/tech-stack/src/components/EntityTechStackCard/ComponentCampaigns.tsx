import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { techStackApiRef } from '../../api';
import { CampaignStatusChip, daysLeftText } from '../CampaignsPage';
import { technologyName } from '../CampaignsPage/campaignText';

/**
 * The migration campaigns the current component is part of (it still uses
 * their technology), with deadline, days left and status; nothing when it is
 * part of none.
 */
export function ComponentCampaigns() {
  const { entity } = useEntity();
  const api = useApi(techStackApiRef);
  const entityRef = stringifyEntityRef(entity);
  // async, so an API without campaigns fails here and not the whole card
  const { value, error } = useAsync(
    async () => api.getCampaigns({ entityRef }),
    [api, entityRef],
  );
  if (error) {
    return (
      <Typography variant="body2" color="textSecondary">
        The migration campaigns could not be loaded: {error.message}
      </Typography>
    );
  }
  if (!value || value.campaigns.length === 0) return null;
  return (
    <>
      <Typography variant="subtitle2" component="h3">
        Migration campaigns
      </Typography>
      <List dense disablePadding aria-label="Migration campaigns">
        {value.campaigns.map(campaign => (
          <ListItem key={campaign.id} disableGutters divider>
            <ListItemText
              disableTypography
              primary={
                <Typography variant="body1" component="div">
                  Move off {technologyName(campaign.technology)} to{' '}
                  {campaign.replaceWith.map(technologyName).join(', ')}{' '}
                  <CampaignStatusChip status={campaign.status} />
                </Typography>
              }
              secondary={
                <Typography
                  variant="body2"
                  color="textSecondary"
                  component="div"
                >
                  <div>
                    Deadline {campaign.deadline} (
                    {daysLeftText(campaign.daysLeft)})
                  </div>
                  {campaign.reason && <div>{campaign.reason}</div>}
                </Typography>
              }
            />
          </ListItem>
        ))}
      </List>
    </>
  );
}
