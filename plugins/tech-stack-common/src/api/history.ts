/**
 * The query of `GET /adoption/history`: a technology, a team or both, and a
 * range of `YYYY-MM-DD` days (UTC).
 *
 * @public
 */
export interface AdoptionHistoryQuery {
  /** A technology by name, title, alias or entity ref. */
  technology?: string;
  /** A group ref or name; the group and every group below it count. */
  team?: string;
  /** First day, inclusive; default 179 days before `to`. */
  from?: string;
  /** Last day, inclusive; default today. */
  to?: string;
}

/**
 * A technology on one snapshot day.
 *
 * @public
 */
export interface TechnologyHistoryPoint {
  /** `YYYY-MM-DD` */
  day: string;
  /** Components using it. */
  components: number;
  /** Teams owning at least one of them. */
  teams: number;
}

/**
 * A team on one snapshot day: usages of technologies on hold and of names
 * not in the guide, as `GET /compliance` counts them.
 *
 * @public
 */
export interface TeamComplianceHistoryPoint {
  /** `YYYY-MM-DD` */
  day: string;
  hold: number;
  offGuide: number;
}

/**
 * `GET /adoption/history` for a technology (within a team, if one is given).
 * One point per day a snapshot was taken in the range, in order; no points
 * before the first snapshot.
 *
 * @public
 */
export interface TechnologyHistoryResponse {
  kind: 'technology';
  technology: { ref: string; title: string };
  team?: { ref: string; title?: string };
  from: string;
  to: string;
  points: TechnologyHistoryPoint[];
}

/**
 * `GET /adoption/history` for a team without a technology.
 *
 * @public
 */
export interface TeamHistoryResponse {
  kind: 'team';
  team: { ref: string; title?: string };
  from: string;
  to: string;
  points: TeamComplianceHistoryPoint[];
}

/**
 * The answer of `GET /adoption/history`. The counts are aggregates over the
 * whole catalog as the tech-stack backend sees it, kept per day.
 *
 * @public
 */
export type AdoptionHistoryResponse =
  | TechnologyHistoryResponse
  | TeamHistoryResponse;
