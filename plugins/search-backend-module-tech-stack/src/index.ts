/**
 * Search module of Tech Stack for Backstage: `Technology` entities found by
 * name, alias, layer and section, with their ring.
 *
 * @packageDocumentation
 */
export { searchModuleTechStack as default } from './module';
export { createTechStackEntityTransformer } from './document/techStackEntityTransformer';
export type { TechStackEntityTransformerOptions } from './document/techStackEntityTransformer';
export { technologySearchDocument } from './document/technologySearchDocument';
export type {
  TechnologySearchDocument,
  TechnologySearchDocumentLayer,
} from './document/technologySearchDocument';
export {
  MAX_TECHNOLOGY_DOCUMENT_ALIASES,
  MAX_TECHNOLOGY_DOCUMENT_LAYERS,
  MAX_TECHNOLOGY_DOCUMENT_TEXT_LENGTH,
} from './document/limits';
