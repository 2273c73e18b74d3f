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
} from './plugin';
export { techStackApiRef, TechStackClient } from './api';
export type { Radar, RadarEntry, RadarMovement, TechStackApi } from './api';
export type { TechRadarPageProps } from './components/TechRadarPage';
export { isTechnologyEntity } from '@techstack/plugin-tech-stack-common';
