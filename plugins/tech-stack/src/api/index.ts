export { techStackApiRef } from './TechStackApi';
export type {
  Adoption,
  AdoptionRequest,
  AdoptionTeamRow,
  AdoptionTechnology,
  Compliance,
  RingCounts,
  TechnologyUsage,
  TechStack,
  UsageSource,
  Radar,
  RadarEntry,
  RadarMovement,
  TechStackApi,
} from './TechStackApi';
export { TechStackClient } from './TechStackClient';
