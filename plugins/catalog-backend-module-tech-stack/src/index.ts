/**
 * Catalog module that ingests technology stack guides as `Technology` entities.
 *
 * @packageDocumentation
 */
export { catalogModuleTechStack as default } from './module';
export { TechnologyEntitiesProcessor } from './processor/TechnologyEntitiesProcessor';
