export { EntityTechStackCard, usageSourceText } from './EntityTechStackCard';
