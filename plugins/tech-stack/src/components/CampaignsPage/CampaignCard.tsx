import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ReactNode, useCallback, useState } from 'react';
import { Campaign, CampaignTeam, techStackApiRef } from '../../api';
import { downloadBlob } from '../../lib/download';
import { CampaignStatusChip } from './CampaignStatusChip';
import { daysLeftText, technologyName } from './campaignText';

type TeamRow = CampaignTeam & { id: string };

const columns: TableColumn<TeamRow>[] = [
  {
    title: 'Team',
    field: 'title',
    render: team =>
      team.ref ? (
        <EntityRefLink entityRef={team.ref} title={team.title} />
      ) : (
        'No owner'
      ),
  },
  { title: 'Remaining', field: 'remaining', type: 'numeric', width: '8em' },
  {
    title: 'Components',
    render: team => (
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        {team.components.map(component => (
          <EntityRefLink
            key={component.ref}
            entityRef={component.ref}
            title={component.title}
          />
        ))}
      </Box>
    ),
  },
];

/**
 * One migration campaign: the technology and its replacements, the reason,
 * the deadline with days left and status, the remaining components per team
 * and a CSV download (fetched with the user's credentials). `burnDown` is
 * drawn above the table (the burn-down chart, see `CampaignBurnDown`).
 */
export function CampaignCard(props: {
  campaign: Campaign;
  burnDown?: ReactNode;
}) {
  const { campaign, burnDown } = props;
  const api = useApi(techStackApiRef);
  const [downloadError, setDownloadError] = useState<string>();
  const title = `${technologyName(campaign.technology)} → ${campaign.replaceWith
    .map(technologyName)
    .join(', ')}`;

  const download = useCallback(async () => {
    setDownloadError(undefined);
    try {
      const blob = await api.getCampaignCsv(campaign.id);
      downloadBlob(blob, `tech-stack-campaign-${campaign.id}.csv`);
    } catch (e) {
      setDownloadError(`The CSV could not be downloaded: ${String(e)}`);
    }
  }, [api, campaign.id]);

  const unknown = campaign.status === 'unknown-technology';
  return (
    <InfoCard
      title={title}
      subheader={campaign.reason}
      action={
        <Button
          variant="outlined"
          startIcon={<GetAppIcon />}
          onClick={download}
          disabled={unknown}
        >
          Download CSV
        </Button>
      }
    >
      <section aria-label={`Campaign ${campaign.id}`}>
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          gridGap={16}
          mb={2}
        >
          <CampaignStatusChip status={campaign.status} />
          <Typography variant="body1" component="span">
            Deadline {campaign.deadline} ({daysLeftText(campaign.daysLeft)})
          </Typography>
          <Typography
            variant="body1"
            component="span"
            data-testid="campaign-remaining"
          >
            {campaign.totals.remaining} remaining{' '}
            {campaign.totals.remaining === 1 ? 'component' : 'components'} in{' '}
            {campaign.totals.teams}{' '}
            {campaign.totals.teams === 1 ? 'team' : 'teams'},{' '}
            {campaign.totals.migrated} on a replacement
          </Typography>
        </Box>
        {unknown && (
          <Typography color="error" paragraph>
            “{campaign.technology.name}” matches no technology in the guide
            {campaign.technology.suggestions?.length
              ? `; did you mean ${campaign.technology.suggestions.join(', ')}?`
              : '.'}
          </Typography>
        )}
        {downloadError && (
          <Typography color="error" role="alert">
            {downloadError}
          </Typography>
        )}
        {burnDown}
        {campaign.teams.length > 0 ? (
          <Table<TeamRow>
            title="Remaining components per team"
            options={{ paging: false, search: false, padding: 'dense' }}
            columns={columns}
            data={campaign.teams.map(team => ({
              ...team,
              id: team.ref ?? '',
            }))}
          />
        ) : (
          !unknown && (
            <Typography paragraph>
              No component uses {technologyName(campaign.technology)} any more.
            </Typography>
          )
        )}
      </section>
    </InfoCard>
  );
}
