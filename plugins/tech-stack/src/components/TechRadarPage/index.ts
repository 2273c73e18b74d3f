export { TechRadarPage } from './TechRadarPage';
