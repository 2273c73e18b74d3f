export { techStackApiRef } from './TechStackApi';
export type {
  Radar,
  RadarEntry,
  RadarMovement,
  TechStackApi,
} from './TechStackApi';
export { TechStackClient } from './TechStackClient';
