export { CampaignsView } from './CampaignsView';
export type { CampaignsViewProps } from './CampaignsView';
export { CampaignStatusChip } from './CampaignStatusChip';
export { daysLeftText } from './campaignText';
