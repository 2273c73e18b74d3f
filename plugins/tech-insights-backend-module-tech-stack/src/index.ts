/**
 * Tech Insights module of Tech Stack for Backstage: per component, the number
 * of technologies on hold and of names outside the guide that it uses.
 *
 * @packageDocumentation
 */
export { techInsightsModuleTechStack as default } from './module';
export {
  MAX_FACT_NAMES,
  techStackFactRetriever,
} from './techStackFactRetriever';
