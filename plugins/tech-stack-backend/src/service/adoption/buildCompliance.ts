import { CampaignConfig } from '@techstack/plugin-tech-stack-common';
import { campaignsByComponent } from '../campaigns/buildCampaigns';
import { UsageSnapshot } from './UsageSnapshot';
import { teamScope } from './scope';
import { ComplianceFinding, ComplianceResponse, ComplianceTeam } from './types';

/** The reason given for a name that is not in the guide. */
export const OFF_GUIDE_REASON = 'Not in the technology stack guide';

/**
 * Per team, the components that use technologies on hold or outside the
 * guide, with the organisation's reasons. Teams and components without
 * findings are left out. A listed component that is part of migration
 * campaigns (`techStack.campaigns`) names them, with deadline and status.
 */
export function buildCompliance(
  snapshot: UsageSnapshot,
  options: { team?: string; now?: Date; campaigns?: CampaignConfig[] },
): ComplianceResponse {
  const owners = teamScope(snapshot, options.team);
  const teams = new Map<string, ComplianceTeam>();
  const totals = { teams: 0, components: 0, hold: 0, offGuide: 0 };
  const now = options.now ?? new Date();
  const campaigns = options.campaigns?.length
    ? campaignsByComponent(snapshot, options.campaigns, now)
    : undefined;
  for (const component of snapshot.components) {
    const owner = component.owner;
    if (!owner || (owners && !owners.has(owner))) continue;
    const findings: ComplianceFinding[] = [];
    for (const usage of component.usages) {
      const technology = snapshot.matcher.byEntityRef(usage.technologyRef);
      if (technology?.ring !== 'hold') continue;
      const finding: ComplianceFinding = {
        kind: 'hold',
        name: technology.title,
        technologyRef: technology.ref,
        ring: technology.ring,
        sources: usage.sources,
        evidence: usage.evidence,
      };
      if (technology.ringReason) finding.reason = technology.ringReason;
      findings.push(finding);
    }
    for (const off of component.offGuide) {
      findings.push({
        kind: 'off-guide',
        name: off.name,
        reason: OFF_GUIDE_REASON,
        sources: ['annotation'],
        evidence: [off.evidence],
      });
    }
    if (findings.length === 0) continue;
    let team = teams.get(owner);
    if (!team) {
      team = { ref: owner, hold: 0, offGuide: 0, components: [] };
      const title = snapshot.org.get(owner)?.title;
      if (title) team.title = title;
      teams.set(owner, team);
    }
    const item: ComplianceTeam['components'][number] = {
      ref: component.ref,
      findings,
    };
    if (component.title) item.title = component.title;
    const inCampaigns = campaigns?.get(component.ref);
    if (inCampaigns) item.campaigns = inCampaigns;
    team.components.push(item);
    for (const finding of findings) {
      if (finding.kind === 'hold') {
        team.hold++;
        totals.hold++;
      } else {
        team.offGuide++;
        totals.offGuide++;
      }
    }
    totals.components++;
  }
  const list = [...teams.values()].sort((a, b) => a.ref.localeCompare(b.ref));
  list.forEach(t => t.components.sort((a, b) => a.ref.localeCompare(b.ref)));
  totals.teams = list.length;
  return {
    generatedAt: now.toISOString(),
    teams: list,
    totals,
  };
}
