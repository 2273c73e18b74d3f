import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type {
  CampaignHistoryQuery,
  CampaignHistoryResponse,
} from '@techstack/plugin-tech-stack-common';
import { AdoptionHistory } from '../history/AdoptionHistory';
import { CampaignService } from './CampaignService';

/**
 * `GET /campaigns/:id/history`: the burn-down of a campaign, the components
 * that still used its technology per snapshot day of the adoption history
 * (over the whole catalog, or within a team and the groups below it).
 *
 * The rules are those of `GET /adoption/history` for the campaign's
 * technology: the caller must see the technology (else a 404, as for a
 * campaign whose technology matches nothing), a bad range is an InputError
 * naming the parameter. An unknown campaign id is a 404.
 */
export async function getCampaignHistory(options: {
  campaigns: CampaignService;
  history: AdoptionHistory;
  credentials: BackstageCredentials;
  id: string;
  query: CampaignHistoryQuery;
}): Promise<CampaignHistoryResponse> {
  const { credentials, id, query } = options;
  const campaign = await options.campaigns.getCampaign({ credentials, id });
  const ref = campaign.technology.ref;
  if (!ref) {
    throw new NotFoundError(
      `Campaign '${id}': no technology '${campaign.technology.name}' in the catalog`,
    );
  }
  const answer = await options.history.getHistory({
    credentials,
    query: { ...query, technology: ref },
  });
  if (answer.kind !== 'technology') {
    // getHistory answers a technology when one is asked for
    throw new Error(`Unexpected adoption history of kind '${answer.kind}'`);
  }
  return {
    id: campaign.id,
    technology: answer.technology,
    deadline: campaign.deadline,
    ...(answer.team ? { team: answer.team } : {}),
    from: answer.from,
    to: answer.to,
    points: answer.points.map(p => ({
      day: p.day,
      remaining: p.components,
      teams: p.teams,
    })),
  };
}
