import { CampaignStatus, CampaignTechnology } from '../../api';

/** The label of a campaign status. */
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  overdue: 'Overdue',
  done: 'Done',
  'unknown-technology': 'Unknown technology',
};

/** `12 days left`, `1 day left`, `due today`, `3 days overdue`. */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft === 0) return 'due today';
  const days = Math.abs(daysLeft);
  const unit = days === 1 ? 'day' : 'days';
  return daysLeft > 0 ? `${days} ${unit} left` : `${days} ${unit} overdue`;
}

/** A campaign technology as people read it: its title, or the configured name. */
export function technologyName(technology: CampaignTechnology): string {
  return technology.title ?? technology.name;
}
