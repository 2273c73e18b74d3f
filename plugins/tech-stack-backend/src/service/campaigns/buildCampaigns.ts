import {
  Campaign,
  CampaignConfig,
  CampaignStatus,
  CampaignTeam,
  CampaignTechnology,
  CampaignsResponse,
  ComponentCampaign,
  campaignDaysLeft,
} from '@techstack/plugin-tech-stack-common';
import { UsageSnapshot } from '../adoption/UsageSnapshot';

/** Days left at or under which a campaign with remaining components is at risk. */
export const AT_RISK_DAYS = 30;

/**
 * The status of a campaign with a known technology: `done` without remaining
 * components, else `overdue` after the deadline, `at-risk` with 30 days or
 * fewer left (the deadline day included), `on-track` otherwise.
 */
export function campaignStatus(
  remaining: number,
  daysLeft: number,
): Exclude<CampaignStatus, 'unknown-technology'> {
  if (remaining === 0) return 'done';
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= AT_RISK_DAYS) return 'at-risk';
  return 'on-track';
}

function resolve(snapshot: UsageSnapshot, name: string): CampaignTechnology {
  const technology = snapshot.matcher.match(name);
  if (!technology) {
    return { name, suggestions: snapshot.matcher.suggest(name) };
  }
  return { name, ref: technology.ref, title: technology.title };
}

/**
 * One campaign over the caller's usage snapshot: the components that still
 * use the technology, per owner, and those already on a replacement. A
 * technology that matches nothing gives `unknown-technology` and no
 * components (the campaign is still listed, with suggestions).
 */
export function buildCampaign(
  snapshot: UsageSnapshot,
  config: CampaignConfig,
  now: Date,
): Campaign {
  const technology = resolve(snapshot, config.technology);
  const replaceWith = config.replaceWith.map(name => resolve(snapshot, name));
  const daysLeft = campaignDaysLeft(config.deadline, now);
  const replacementRefs = new Set(
    replaceWith.flatMap(r => (r.ref ? [r.ref] : [])),
  );
  const teams = new Map<string, CampaignTeam>();
  const migrated: Campaign['migrated'] = [];
  let remaining = 0;
  for (const component of snapshot.components) {
    const usage = technology.ref
      ? component.usages.find(u => u.technologyRef === technology.ref)
      : undefined;
    if (!usage) {
      if (component.usages.some(u => replacementRefs.has(u.technologyRef))) {
        const item: Campaign['migrated'][number] = { ref: component.ref };
        if (component.title) item.title = component.title;
        if (component.owner) item.owner = component.owner;
        migrated.push(item);
      }
      continue;
    }
    remaining++;
    const key = component.owner ?? '';
    let team = teams.get(key);
    if (!team) {
      team = { remaining: 0, components: [] };
      if (component.owner) {
        team.ref = component.owner;
        const title = snapshot.org.get(component.owner)?.title;
        if (title) team.title = title;
      }
      teams.set(key, team);
    }
    team.remaining++;
    team.components.push({
      ref: component.ref,
      ...(component.title ? { title: component.title } : {}),
      evidence: usage.evidence,
    });
  }
  const teamList = [...teams.values()].sort(
    (a, b) =>
      b.remaining - a.remaining || (a.ref ?? '').localeCompare(b.ref ?? ''),
  );
  teamList.forEach(t =>
    t.components.sort((a, b) => a.ref.localeCompare(b.ref)),
  );
  migrated.sort((a, b) => a.ref.localeCompare(b.ref));
  const campaign: Campaign = {
    id: config.id,
    technology,
    replaceWith,
    deadline: config.deadline,
    daysLeft,
    status: technology.ref
      ? campaignStatus(remaining, daysLeft)
      : 'unknown-technology',
    totals: { remaining, migrated: migrated.length, teams: teamList.length },
    teams: teamList,
    migrated,
  };
  if (config.reason) campaign.reason = config.reason;
  return campaign;
}

/**
 * `GET /campaigns`: every configured campaign, in config order, over the
 * caller's snapshot (so the caller's permissions decide which components
 * count). With `entityRef`, only the campaigns that component is part of,
 * each narrowed to that component.
 */
export function buildCampaigns(
  snapshot: UsageSnapshot,
  campaigns: CampaignConfig[],
  options: { now: Date; entityRef?: string },
): CampaignsResponse {
  let list = campaigns.map(c => buildCampaign(snapshot, c, options.now));
  const ref = options.entityRef;
  if (ref) {
    list = list.flatMap(campaign => {
      const teams = campaign.teams.flatMap(team => {
        const components = team.components.filter(c => c.ref === ref);
        return components.length > 0
          ? [{ ...team, remaining: components.length, components }]
          : [];
      });
      if (teams.length === 0) return [];
      return [
        {
          ...campaign,
          teams,
          migrated: [],
          totals: { remaining: 1, migrated: 0, teams: 1 },
        },
      ];
    });
  }
  return { generatedAt: options.now.toISOString(), campaigns: list };
}

/**
 * Per component ref, the campaigns it is part of (it still uses their
 * technology), for the compliance answer.
 */
export function campaignsByComponent(
  snapshot: UsageSnapshot,
  campaigns: CampaignConfig[],
  now: Date,
): Map<string, ComponentCampaign[]> {
  const byComponent = new Map<string, ComponentCampaign[]>();
  for (const config of campaigns) {
    const campaign = buildCampaign(snapshot, config, now);
    const summary: ComponentCampaign = {
      id: campaign.id,
      technology: campaign.technology.title ?? campaign.technology.name,
      deadline: campaign.deadline,
      daysLeft: campaign.daysLeft,
      status: campaign.status,
    };
    for (const team of campaign.teams) {
      for (const component of team.components) {
        const list = byComponent.get(component.ref) ?? [];
        list.push(summary);
        byComponent.set(component.ref, list);
      }
    }
  }
  return byComponent;
}
