/**
 * Backend of Tech Stack for Backstage.
 *
 * @packageDocumentation
 */
export { techStackPlugin as default } from './plugin';
