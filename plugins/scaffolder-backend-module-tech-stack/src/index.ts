/**
 * Scaffolder actions of Tech Stack for Backstage.
 *
 * @packageDocumentation
 */
export { scaffolderModuleTechStack as default } from './module';
export { createUsesAnnotationAction } from './actions/usesAnnotation';
export { createResolveAction } from './actions/resolve';
export type { ResolveActionOptions } from './actions/resolve';
export { createWireAction } from './actions/wire';
export type { WireActionOptions } from './actions/wire';
export { createValidateAction } from './actions/validate';
export type { HoldFinding, ValidateActionOptions } from './actions/validate';
export { createPublishLocalAction } from './actions/publishLocal';
export type { PublishLocalActionOptions } from './actions/publishLocal';
export type { StackItem } from './lib/resolveStack';
export {
  defaultLocalPublishDir,
  readScaffolderConfig,
} from './lib/scaffolderConfig';
export type { TechStackScaffolderConfig } from './lib/scaffolderConfig';
export { loadRecipeIndex } from './recipes/loadRecipeIndex';
