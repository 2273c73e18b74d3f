export { techStackPlugin, TechRadarPage } from './plugin';
export { techStackApiRef, TechStackClient } from './api';
export type { Radar, RadarEntry, TechStackApi } from './api';
