export {
  EntityTechnologyContent,
  EntityTechnologyOverviewCard,
} from './EntityTechnologyContent';
