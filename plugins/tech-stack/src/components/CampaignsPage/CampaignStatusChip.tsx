import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { CampaignStatus } from '../../api';
import { CAMPAIGN_STATUS_LABELS } from './campaignText';

const useStyles = makeStyles(theme => ({
  'on-track': { borderColor: theme.palette.success.main },
  'at-risk': { borderColor: theme.palette.warning.main },
  overdue: {
    borderColor: theme.palette.error.main,
    color: theme.palette.error.main,
  },
  done: { borderColor: theme.palette.success.main },
  'unknown-technology': { borderColor: theme.palette.warning.main },
}));

/** A campaign's status as an outlined chip; the label carries the meaning, not the colour. */
export function CampaignStatusChip(props: { status: CampaignStatus }) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      variant="outlined"
      className={classes[props.status]}
      label={CAMPAIGN_STATUS_LABELS[props.status]}
      data-status={props.status}
    />
  );
}
