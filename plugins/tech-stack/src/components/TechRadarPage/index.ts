export { TechRadarPage } from './TechRadarPage';
export type { TechRadarPageProps } from './TechRadarPage';
export { RadarTab } from './RadarTab';
