/**
 * The status of a migration campaign:
 *
 * - `done` — no component uses the technology any more;
 * - `overdue` — the deadline has passed and components still use it;
 * - `at-risk` — 30 days or fewer are left and components still use it;
 * - `on-track` — more than 30 days are left;
 * - `unknown-technology` — the campaign's technology matches nothing in the
 *   guide (a misspelt name, or a technology the guide dropped).
 *
 * @public
 */
export type CampaignStatus =
  | 'on-track'
  | 'at-risk'
  | 'overdue'
  | 'done'
  | 'unknown-technology';

/**
 * A technology of a campaign: the name as the config writes it and, when it
 * matches a technology of the guide, that technology.
 *
 * @public
 */
export interface CampaignTechnology {
  /** The name, alias or ref as written in `techStack.campaigns[]`. */
  name: string;
  /** Entity ref of the technology it matches; absent when it matches none. */
  ref?: string;
  /** Title of the technology it matches. */
  title?: string;
  /** Closest titles when it matches none ("did you mean"). */
  suggestions?: string[];
}

/**
 * A component that still uses a campaign's technology.
 *
 * @public
 */
export interface CampaignComponent {
  ref: string;
  title?: string;
  /** What found the usage: `annotation:Rancher`, `tag:rancher`, `resource:default/x`. */
  evidence: string[];
}

/**
 * One owner's components that still use a campaign's technology.
 *
 * @public
 */
export interface CampaignTeam {
  /** Entity ref of the owner; absent for components without an owner. */
  ref?: string;
  title?: string;
  remaining: number;
  components: CampaignComponent[];
}

/**
 * A migration campaign (`techStack.campaigns[]`) with its progress, as the
 * caller may see the catalog.
 *
 * @public
 */
export interface Campaign {
  /** The configured id, or the technology's slug. */
  id: string;
  technology: CampaignTechnology;
  replaceWith: CampaignTechnology[];
  /** `YYYY-MM-DD`. */
  deadline: string;
  /** Days from today (UTC) to the deadline; negative when overdue, 0 on the day. */
  daysLeft: number;
  status: CampaignStatus;
  reason?: string;
  totals: {
    /** Components that still use the technology. */
    remaining: number;
    /** Components that use a replacement and no longer the technology. */
    migrated: number;
    /** Owners with remaining components. */
    teams: number;
  };
  /** Remaining components per owner, most remaining first, then by ref. */
  teams: CampaignTeam[];
  /** Components already on a replacement (and off the technology), by ref. */
  migrated: Array<{ ref: string; title?: string; owner?: string }>;
}

/**
 * The answer of `GET /campaigns`.
 *
 * @public
 */
export interface CampaignsResponse {
  generatedAt: string;
  /** In the order of the config. */
  campaigns: Campaign[];
}

/**
 * A campaign a component is part of (it still uses the technology), as the
 * compliance answer lists it.
 *
 * @public
 */
export interface ComponentCampaign {
  id: string;
  /** Title (or configured name) of the technology being replaced. */
  technology: string;
  deadline: string;
  daysLeft: number;
  status: CampaignStatus;
}

/**
 * The query of `GET /campaigns/:id/history`: a range of `YYYY-MM-DD` days
 * (UTC) and, optionally, a team.
 *
 * @public
 */
export interface CampaignHistoryQuery {
  /** A group ref or name; the group and every group below it count. */
  team?: string;
  /** First day, inclusive; default 179 days before `to`. */
  from?: string;
  /** Last day, inclusive; default today. */
  to?: string;
}

/**
 * A campaign on one snapshot day of the adoption history.
 *
 * @public
 */
export interface CampaignHistoryPoint {
  /** `YYYY-MM-DD` */
  day: string;
  /** Components that still used the campaign's technology that day. */
  remaining: number;
  /** Teams owning at least one of them. */
  teams: number;
}

/**
 * The answer of `GET /campaigns/:id/history`: the burn-down of a campaign,
 * one point per day a snapshot was taken in the range, in order (no points
 * before the first snapshot). Counts over the whole catalog as the
 * tech-stack backend sees it (within a team, if one is given).
 *
 * @public
 */
export interface CampaignHistoryResponse {
  /** The campaign's id. */
  id: string;
  technology: { ref: string; title: string };
  /** `YYYY-MM-DD`, the campaign's deadline. */
  deadline: string;
  team?: { ref: string; title?: string };
  from: string;
  to: string;
  points: CampaignHistoryPoint[];
}
