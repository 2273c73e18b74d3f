import { createApiRef } from '@backstage/core-plugin-api';
import type {
  AdoptionHistoryQuery,
  AdoptionHistoryResponse,
  AdoptionQuery,
  AdoptionResponse,
  CampaignHistoryQuery,
  CampaignHistoryResponse,
  CampaignsResponse,
  ComplianceResponse,
  Radar,
  RadarChanges,
  RecipeIndex,
  StackResponse,
} from '@techstack/plugin-tech-stack-common';

// The wire types of the REST API live in `@techstack/plugin-tech-stack-common`,
// shared with the backend. They are re-exported here under the names this
// plugin has always exported.
export type {
  AdoptionTeamRow,
  AdoptionTechnology,
  Campaign,
  CampaignComponent,
  CampaignHistoryPoint,
  CampaignHistoryQuery,
  CampaignHistoryResponse,
  CampaignStatus,
  CampaignTeam,
  CampaignTechnology,
  CampaignsResponse,
  ComponentCampaign,
  Radar,
  RadarChange,
  RadarChanges,
  RadarEntry,
  RadarMovement,
  RingCounts,
  TechnologyUsage,
  UsageSource,
  AdoptionResponse as Adoption,
  ComplianceResponse as Compliance,
  StackResponse as TechStack,
} from '@techstack/plugin-tech-stack-common';

/**
 * Filters and page of {@link TechStackApi.getAdoption}: the query of
 * `GET /adoption`, every field optional (the backend has defaults).
 *
 * @public
 */
export type AdoptionRequest = Partial<AdoptionQuery>;

/**
 * Client of the tech-stack backend.
 *
 * @public
 */
export interface TechStackApi {
  /**
   * The radar, optionally of one guide (its id); with `date` (`YYYY-MM-DD`),
   * the rings as they were at the end of that day (UTC).
   */
  getRadar(options?: { guide?: string; date?: string }): Promise<Radar>;
  /**
   * What changed on the radar from the start of day `from` to the end of day
   * `to` (`YYYY-MM-DD`, UTC): moved in, moved out, added.
   */
  getRadarChanges(options: {
    from: string;
    to: string;
    guide?: string;
  }): Promise<RadarChanges>;
  /** Teams × technologies, filtered and paged. */
  getAdoption(request?: AdoptionRequest): Promise<AdoptionResponse>;
  /** The stack of a component or group (`component:default/x`, `group:default/t`). */
  getStack(entityRef: string): Promise<StackResponse>;
  /** Components on hold or off-guide technologies, per team. */
  getCompliance(options?: { team?: string }): Promise<ComplianceResponse>;
  /**
   * Adoption over time (`GET /adoption/history`): a technology's components
   * and teams per snapshot day, or a team's hold and not-in-guide usages.
   */
  getAdoptionHistory(
    query: AdoptionHistoryQuery,
  ): Promise<AdoptionHistoryResponse>;
  /**
   * The migration campaigns (`techStack.campaigns`) with their progress; with
   * `entityRef`, only those the component is part of.
   */
  getCampaigns(options?: { entityRef?: string }): Promise<CampaignsResponse>;
  /**
   * The remaining components of a campaign as CSV
   * (`GET /campaigns/:id/export.csv`), fetched with the user's credentials.
   */
  getCampaignCsv(id: string): Promise<Blob>;
  /**
   * The burn-down of a campaign (`GET /campaigns/:id/history`): the
   * components that still used its technology per snapshot day of the
   * adoption history. Optional, so that implementations written before it
   * still compile; without it the Campaigns tab draws no burn-down.
   */
  getCampaignHistory?(
    id: string,
    query?: CampaignHistoryQuery,
  ): Promise<CampaignHistoryResponse>;
  /**
   * What the scaffolder's recipes wire (`GET /api/scaffolder/tech-stack/recipes`,
   * served by the scaffolder module): the TechStackPicker marks the choices
   * no recipe wires.
   */
  getRecipes(): Promise<RecipeIndex>;
}

/**
 * The API reference of {@link TechStackApi}.
 *
 * @public
 */
export const techStackApiRef = createApiRef<TechStackApi>({
  id: 'plugin.tech-stack.service',
});
