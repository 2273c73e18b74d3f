import type { Ring } from '../types';
import type { ComponentCampaign } from './campaigns';

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
 * One technology used by one component, with every place it was found.
 *
 * @public
 */
export interface TechnologyUsage {
  /** Entity ref of the technology. */
  technologyRef: string;
  /** The strongest source: annotation, then dependency, then tag. */
  source: UsageSource;
  /** Every source that found it. */
  sources: UsageSource[];
  /** What found it: `annotation:Kafka`, `tag:postgresql`, `resource:default/orders-db`. */
  evidence: string[];
}

/**
 * A name of the `techstack.dev/uses` annotation that matches no technology.
 *
 * @public
 */
export interface OffGuideUsage {
  /** The name as the annotation writes it. */
  name: string;
  /** Always `annotation:<name>`. */
  evidence: string;
}

/**
 * A component with what it uses.
 *
 * @public
 */
export interface ComponentUsage {
  ref: string;
  title?: string;
  type?: string;
  /** Entity ref of the owner, if it has one. */
  owner?: string;
  usages: TechnologyUsage[];
  offGuide: OffGuideUsage[];
}

/**
 * The filters and page of `GET /adoption`.
 *
 * @public
 */
export interface AdoptionQuery {
  /** Only technologies that appear in this guide section. */
  section?: string;
  /** Only technologies on this ring. */
  ring?: Ring;
  /** Only this group (ref or name) and the groups below it. */
  team?: string;
  /** Teams per page. */
  limit: number;
  /** Teams to skip. */
  offset: number;
  /** Order of the teams: most usages first, or by name. */
  sort: 'total' | 'team';
  /** Add the component refs to every cell (bigger answer). */
  includeComponents: boolean;
}

/**
 * A column of the adoption view: a technology with its totals in scope.
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
  /** Components in scope that use it. */
  componentCount: number;
  /** Teams in scope whose components use it. */
  teamCount: number;
}

/**
 * One cell: how many components of a team use a technology.
 *
 * @public
 */
export interface AdoptionCell {
  technologyRef: string;
  count: number;
  /** The components, with `include=components`. */
  components?: string[];
}

/**
 * An annotation name of a team's components that is not in the guide.
 *
 * @public
 */
export interface AdoptionOffGuide {
  name: string;
  count: number;
  components?: string[];
}

/**
 * A row of the adoption view: one owner with its own components' usages.
 *
 * @public
 */
export interface AdoptionTeamRow {
  /** Entity ref of the owner (usually a group). */
  ref: string;
  title?: string;
  parent?: string;
  /** Its components that use at least one technology in scope. */
  componentCount: number;
  /** Sum of its cells. */
  usageCount: number;
  byRing: RingCounts;
  cells: AdoptionCell[];
  offGuide: AdoptionOffGuide[];
}

/**
 * The answer of `GET /adoption`: the adoption view, teams × technologies.
 *
 * @public
 */
export interface AdoptionResponse {
  /** Columns: technologies used in scope, most used first. */
  technologies: AdoptionTechnology[];
  /** Rows of this page. */
  teams: AdoptionTeamRow[];
  totals: {
    /** Teams in scope with at least one usage (all pages). */
    teams: number;
    components: number;
    usages: number;
    byRing: RingCounts;
    offGuide: number;
  };
  page: { offset: number; limit: number; total: number };
  /** Every guide section, for filters. */
  sections: string[];
  /** Every group the caller may see, for filters. */
  groups: Array<{ ref: string; title?: string; parent?: string }>;
}

/**
 * Why a component is flagged by the compliance report.
 *
 * @public
 */
export interface ComplianceFinding {
  /** `hold`: on the hold ring; `off-guide`: not in the guide at all. */
  kind: 'hold' | 'off-guide';
  /** The technology's title, or the annotation's name when off-guide. */
  name: string;
  technologyRef?: string;
  ring?: Ring;
  /** The organisation's reason (override), or why off-guide is flagged. */
  reason?: string;
  sources: UsageSource[];
  evidence: string[];
}

/**
 * A team's flagged components.
 *
 * @public
 */
export interface ComplianceTeam {
  ref: string;
  title?: string;
  hold: number;
  offGuide: number;
  components: Array<{
    ref: string;
    title?: string;
    findings: ComplianceFinding[];
    /**
     * The migration campaigns (`techStack.campaigns`) the component is part
     * of: it still uses their technology. Absent when none.
     */
    campaigns?: ComponentCampaign[];
  }>;
}

/**
 * The answer of `GET /compliance`: per team, components on hold or
 * off-guide technologies.
 *
 * @public
 */
export interface ComplianceResponse {
  generatedAt: string;
  teams: ComplianceTeam[];
  totals: { teams: number; components: number; hold: number; offGuide: number };
}

/**
 * A technology in the stack of a component or team.
 *
 * @public
 */
export interface StackTechnology {
  ref: string;
  name: string;
  title: string;
  ring: Ring;
  sections: string[];
  ringReason?: string;
  /** The components of the stack that use it. */
  components: string[];
  sources: UsageSource[];
  evidence: string[];
}

/**
 * The answer of `GET /stack`: the stack of a component or a team (its
 * components and its sub-teams').
 *
 * @public
 */
export interface StackResponse {
  entityRef: string;
  kind: 'component' | 'group';
  title?: string;
  /** The components of the stack (one for a component; the team's and its sub-teams' for a group). */
  components: ComponentUsage[];
  /** Technologies, best ring first, then by title. */
  technologies: StackTechnology[];
  /** Annotation names not in the guide. */
  offGuide: Array<{ name: string; components: string[] }>;
  totals: {
    components: number;
    /** Component × technology usages, off-guide ones included. */
    usages: number;
    byRing: RingCounts;
    offGuide: number;
    /** Share of the usages on adopt, 0..1; null without usages. */
    adoptShare: number | null;
  };
}
