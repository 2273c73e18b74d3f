import {
  DEFAULT_NAMESPACE,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  CampaignConfig,
  campaignDaysLeft,
  TECHNOLOGY_KIND,
  technologyEntityNames,
  TechnologyNameIndex,
} from '@techstack/plugin-tech-stack-common';

/**
 * A migration campaign (`techStack.campaigns[]`) as a notification about its
 * technology names it.
 *
 * @public
 */
export interface NotificationCampaign {
  /** The campaign's id. */
  id: string;
  /** `YYYY-MM-DD` (UTC). */
  deadline: string;
  /** Whole days to the deadline when the notification was composed: 0 on the day, negative after it. */
  daysLeft: number;
  /** What to migrate to: the titles of the guide's technologies, else the names as configured. */
  replaceWith: string[];
  /** The campaign's reason, if it gives one. */
  reason?: string;
}

const refOf = (technology: Entity) =>
  stringifyEntityRef({
    kind: TECHNOLOGY_KIND,
    namespace: technology.metadata.namespace ?? DEFAULT_NAMESPACE,
    name: technology.metadata.name,
  }).toLocaleLowerCase('en-US');

/**
 * Indexes the configured campaigns by the technology each one migrates away
 * from, matched over `technologies` (the guide's technologies, before and
 * after the run, in order of precedence) by the one naming rule
 * (`TechnologyNameIndex`: a name, title, alias, slug or ref), and returns a
 * lookup: for a technology ref, its campaigns in config order (none for a
 * technology no campaign names). A campaign whose technology is not in this
 * guide names nothing here. Pure.
 *
 * @public
 */
export function campaignsIndex(
  campaigns: CampaignConfig[],
  technologies: Entity[],
  now: Date,
): (technologyRef: string) => NotificationCampaign[] {
  if (!campaigns.length) {
    return () => [];
  }
  const index = new TechnologyNameIndex(technologies, technologyEntityNames);
  const byRef = new Map<string, NotificationCampaign[]>();
  for (const campaign of campaigns) {
    const technology = index.find(campaign.technology);
    if (!technology) {
      continue;
    }
    const ref = refOf(technology);
    const named: NotificationCampaign = {
      id: campaign.id,
      deadline: campaign.deadline,
      daysLeft: campaignDaysLeft(campaign.deadline, now),
      replaceWith: campaign.replaceWith.map(name => {
        const found = index.find(name);
        return found ? found.metadata.title ?? found.metadata.name : name;
      }),
    };
    if (campaign.reason) {
      named.reason = campaign.reason;
    }
    byRef.set(ref, [...(byRef.get(ref) ?? []), named]);
  }
  return technologyRef =>
    byRef.get(technologyRef.toLocaleLowerCase('en-US')) ?? [];
}
