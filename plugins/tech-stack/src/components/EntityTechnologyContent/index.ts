export {
  EntityTechnologyContent,
  EntityTechnologyOverviewCard,
} from './EntityTechnologyContent';
export { EntityTechnologySummaryCard } from './EntityTechnologySummaryCard';
