import type {
  Ring,
  TechnologyLayer,
  UsageSource,
} from '@techstack/plugin-tech-stack-common';

/**
 * The wire types of the adoption, compliance and stack endpoints live in
 * `@techstack/plugin-tech-stack-common`, shared with the frontend; they are
 * re-exported here for the backend's importers.
 */
export type {
  AdoptionCell,
  AdoptionOffGuide,
  AdoptionQuery,
  AdoptionResponse,
  AdoptionTeamRow,
  AdoptionTechnology,
  ComplianceFinding,
  ComplianceResponse,
  ComplianceTeam,
  ComponentUsage,
  OffGuideUsage,
  RingCounts,
  StackResponse,
  StackTechnology,
  TechnologyUsage,
  UsageSource,
} from '@techstack/plugin-tech-stack-common';

/** The usage sources, in order of precedence. */
export const USAGE_SOURCES: readonly UsageSource[] = [
  'annotation',
  'dependency',
  'tag',
];

/** A technology as the adoption views need it. */
export interface TechnologyInfo {
  /** Entity ref, `technology:default/postgresql`. */
  ref: string;
  name: string;
  title: string;
  ring: Ring;
  /** The guide sections (radar sectors) it appears in. */
  sections: string[];
  /** Every place it appears in the guide, with its ring there. */
  layers: TechnologyLayer[];
  aliases: string[];
  /** Why the organisation set its ring, if it did. */
  ringReason?: string;
}

/** A group of the organisation, as the owner hierarchy needs it. */
export interface TeamInfo {
  ref: string;
  title?: string;
  type?: string;
  parent?: string;
  children: string[];
}
