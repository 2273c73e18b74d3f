export { EntityTeamToolsCard } from './EntityTeamToolsCard';
