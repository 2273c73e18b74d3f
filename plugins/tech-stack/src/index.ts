/**
 * Frontend of Tech Stack for Backstage: the tech radar page, layer tables and
 * the Technology entity page content.
 *
 * @packageDocumentation
 */
export {
  techStackPlugin,
  TechRadarPage,
  EntityTechnologyContent,
  EntityTechnologyOverviewCard,
  EntityTechStackCard,
  EntityTeamToolsCard,
} from './plugin';
export { TechStackPickerFieldExtension } from './plugin';
export {
  TechStackPicker,
  techStackPickerValidation,
} from './components/TechStackPicker';
export type {
  TechStackPickerValue,
  TechStackPickerUiOptions,
  TechStackPickerFieldValidation,
} from './components/TechStackPicker';
export { TechRadar } from './components/TechRadar';
export type { TechRadarProps } from './components/TechRadar';
export { techStackApiRef, TechStackClient } from './api';
export type {
  Adoption,
  AdoptionRequest,
  AdoptionTeamRow,
  AdoptionTechnology,
  Campaign,
  CampaignComponent,
  CampaignStatus,
  CampaignTeam,
  CampaignTechnology,
  CampaignsResponse,
  Compliance,
  ComponentCampaign,
  Radar,
  RadarChange,
  RadarChanges,
  RadarEntry,
  RadarMovement,
  RingCounts,
  TechnologyUsage,
  TechStack,
  TechStackApi,
  UsageSource,
} from './api';
export type { TechRadarPageProps } from './components/TechRadarPage';
export { CampaignsView } from './components/CampaignsPage';
export type { CampaignsViewProps } from './components/CampaignsPage';
export { isTechnologyEntity } from '@techstack/plugin-tech-stack-common';
