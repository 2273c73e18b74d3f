export { techStackApiRef } from './TechStackApi';
export type { Radar, RadarEntry, TechStackApi } from './TechStackApi';
export { TechStackClient } from './TechStackClient';
