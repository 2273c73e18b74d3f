import { Campaign, csvText } from '@techstack/plugin-tech-stack-common';

/** The header of the campaign export. */
export const CAMPAIGN_CSV_HEADER = [
  'campaign',
  'team',
  'component_ref',
  'component_title',
  'evidence',
];

/**
 * The remaining components of a campaign as CSV (RFC 4180, CRLF lines),
 * one line per component: campaign id, owner ref (empty without owner),
 * component ref and title, and the evidence joined by `; `. Cells that a
 * spreadsheet would run as a formula are prefixed with `'`.
 */
export function campaignCsv(campaign: Campaign): string {
  const rows: Array<Array<string | number>> = [CAMPAIGN_CSV_HEADER];
  for (const team of campaign.teams) {
    for (const component of team.components) {
      rows.push([
        campaign.id,
        team.ref ?? '',
        component.ref,
        component.title ?? '',
        component.evidence.join('; '),
      ]);
    }
  }
  return csvText(rows);
}
