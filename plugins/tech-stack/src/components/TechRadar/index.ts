export { TechRadar } from './TechRadar';
export type { TechRadarProps } from './TechRadar';
export { layoutRadar, fitRadarLayout } from './layoutRadar';
export type { RadarLayout, LayoutBlip, LayoutOverflow } from './layoutRadar';
