import { createApiRef } from '@backstage/core-plugin-api';
import type {
  Ring,
  TechnologyLayer,
} from '@techstack/plugin-tech-stack-common';

/**
 * How a technology moved on the radar recently: to a better ring (`in`), to a
 * worse one (`out`), first seen (`new`), or not recently (`none`).
 *
 * @public
 */
export type RadarMovement = 'in' | 'out' | 'new' | 'none';

/**
 * One technology of the radar, as the backend serves it.
 *
 * @public
 */
export interface RadarEntry {
  /** Entity ref of the Technology entity. */
  ref: string;
  name: string;
  title: string;
  /** The best ring it holds anywhere in the guide. */
  ring: Ring;
  type: string;
  /** The sections (sectors) it appears in, in guide order. */
  sectors: string[];
  layers: TechnologyLayer[];
  description?: string;
  aliases?: string[];
  movement?: RadarMovement;
  /** Date of the recent ring change, if any. */
  movedAt?: string;
  /** Number of components using it (`technologyUsedBy` relations). */
  usageCount?: number;
  /** Number of components using it from any usage source (annotation, tags, dependencies). */
  componentCount?: number;
  /** Number of teams owning the components that use it. */
  teamCount?: number;
  ringReason?: string;
  /** The guide and line it came from (`<url or path>#L<line>`). */
  sourceLocation?: string;
}

/**
 * The radar as the backend serves it.
 *
 * @public
 */
export interface Radar {
  /** Sectors (guide sections) in guide order. */
  sectors: string[];
  /** Rings, best first. */
  rings: Ring[];
  /** Entries sorted by title. */
  entries: RadarEntry[];
}

/**
 * Where a usage of a technology was found: the `techstack.dev/uses`
 * annotation, the component's tags, or a resource it depends on.
 *
 * @public
 */
export type UsageSource = 'annotation' | 'tag' | 'dependency';

/**
 * Counts per ring.
 *
 * @public
 */
export type RingCounts = Record<Ring, number>;

/**
 * Filters and page of {@link TechStackApi.getAdoption}.
 *
 * @public
 */
export interface AdoptionRequest {
  section?: string;
  ring?: Ring;
  /** A group ref or name; the groups below it are included. */
  team?: string;
  limit?: number;
  offset?: number;
  sort?: 'total' | 'team';
  /** Add the component refs to every cell. */
  includeComponents?: boolean;
}

/**
 * A technology column of the adoption view.
 *
 * @public
 */
export interface AdoptionTechnology {
  ref: string;
  name: string;
  title: string;
  ring: Ring;
  sections: string[];
  ringReason?: string;
  componentCount: number;
  teamCount: number;
}

/**
 * A team row of the adoption view.
 *
 * @public
 */
export interface AdoptionTeamRow {
  ref: string;
  title?: string;
  parent?: string;
  componentCount: number;
  usageCount: number;
  byRing: RingCounts;
  cells: Array<{ technologyRef: string; count: number; components?: string[] }>;
  offGuide: Array<{ name: string; count: number; components?: string[] }>;
}

/**
 * The adoption view: teams × technologies.
 *
 * @public
 */
export interface Adoption {
  technologies: AdoptionTechnology[];
  teams: AdoptionTeamRow[];
  totals: {
    teams: number;
    components: number;
    usages: number;
    byRing: RingCounts;
    offGuide: number;
  };
  page: { offset: number; limit: number; total: number };
  sections: string[];
  groups: Array<{ ref: string; title?: string; parent?: string }>;
}

/**
 * One technology used by one component.
 *
 * @public
 */
export interface TechnologyUsage {
  technologyRef: string;
  source: UsageSource;
  sources: UsageSource[];
  /** `annotation:Kafka`, `tag:postgresql`, `resource:default/orders-db`. */
  evidence: string[];
}

/**
 * The stack of a component or a team (its components and its sub-teams').
 *
 * @public
 */
export interface TechStack {
  entityRef: string;
  kind: 'component' | 'group';
  title?: string;
  components: Array<{
    ref: string;
    title?: string;
    owner?: string;
    usages: TechnologyUsage[];
    offGuide: Array<{ name: string; evidence: string }>;
  }>;
  technologies: Array<{
    ref: string;
    name: string;
    title: string;
    ring: Ring;
    sections: string[];
    ringReason?: string;
    components: string[];
    sources: UsageSource[];
    evidence: string[];
  }>;
  offGuide: Array<{ name: string; components: string[] }>;
  totals: {
    components: number;
    usages: number;
    byRing: RingCounts;
    offGuide: number;
    /** Share of usages on adopt, 0..1; null without usages. */
    adoptShare: number | null;
  };
}

/**
 * Per team, components on hold or off-guide technologies.
 *
 * @public
 */
export interface Compliance {
  generatedAt: string;
  teams: Array<{
    ref: string;
    title?: string;
    hold: number;
    offGuide: number;
    components: Array<{
      ref: string;
      title?: string;
      findings: Array<{
        kind: 'hold' | 'off-guide';
        name: string;
        technologyRef?: string;
        ring?: Ring;
        reason?: string;
        sources: UsageSource[];
        evidence: string[];
      }>;
    }>;
  }>;
  totals: { teams: number; components: number; hold: number; offGuide: number };
}

/**
 * Client of the tech-stack backend.
 *
 * @public
 */
export interface TechStackApi {
  /** The radar, optionally of one guide (its id). */
  getRadar(options?: { guide?: string }): Promise<Radar>;
  /** Teams × technologies, filtered and paged. */
  getAdoption(request?: AdoptionRequest): Promise<Adoption>;
  /** The stack of a component or group (`component:default/x`, `group:default/t`). */
  getStack(entityRef: string): Promise<TechStack>;
  /** Components on hold or off-guide technologies, per team. */
  getCompliance(options?: { team?: string }): Promise<Compliance>;
}

/**
 * The API reference of {@link TechStackApi}.
 *
 * @public
 */
export const techStackApiRef = createApiRef<TechStackApi>({
  id: 'plugin.tech-stack.service',
});
