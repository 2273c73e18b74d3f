/**
 * Common types and the guide parser of Tech Stack for Backstage.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './entity';
export * from './model';
