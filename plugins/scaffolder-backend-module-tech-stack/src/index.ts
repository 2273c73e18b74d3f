/**
 * Scaffolder actions of Tech Stack for Backstage.
 *
 * @packageDocumentation
 */
export { scaffolderModuleTechStack as default } from './module';
export { createUsesAnnotationAction } from './actions/usesAnnotation';
