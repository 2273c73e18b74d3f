import { createApiRef } from '@backstage/core-plugin-api';
import type {
  AdoptionQuery,
  AdoptionResponse,
  ComplianceResponse,
  Radar,
  RecipeIndex,
  StackResponse,
} from '@techstack/plugin-tech-stack-common';

// The wire types of the REST API live in `@techstack/plugin-tech-stack-common`,
// shared with the backend. They are re-exported here under the names this
// plugin has always exported.
export type {
  AdoptionTeamRow,
  AdoptionTechnology,
  Radar,
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
  /** The radar, optionally of one guide (its id). */
  getRadar(options?: { guide?: string }): Promise<Radar>;
  /** Teams × technologies, filtered and paged. */
  getAdoption(request?: AdoptionRequest): Promise<AdoptionResponse>;
  /** The stack of a component or group (`component:default/x`, `group:default/t`). */
  getStack(entityRef: string): Promise<StackResponse>;
  /** Components on hold or off-guide technologies, per team. */
  getCompliance(options?: { team?: string }): Promise<ComplianceResponse>;
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
