/**
 * Common types and the guide parser of Tech Stack for Backstage.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './entity';
export * from './model';
export * from './api';
export { parseGuide, DEFAULT_MAX_GUIDE_BYTES } from './parser/parseGuide';
export type { ParseGuideOptions } from './parser/parseGuide';
export {
  MAX_CELL_LENGTH,
  MAX_FRONT_MATTER_LENGTH,
  MAX_HEADING_LENGTH,
  MAX_LINE_LENGTH,
  MAX_NAME_LENGTH,
  MAX_WARNINGS,
} from './parser/limits';
export { technologySlug, isValidSlug } from './parser/slug';
export {
  isAbsoluteDiskPath,
  MAX_SOURCE_LOCATION_LENGTH,
  pathFileName,
  splitSourceLocation,
} from './sourceLocation';
export type { SourceLocationParts } from './sourceLocation';
export {
  guideToTechnologyEntities,
  guideToTechRadarJson,
} from './entities/guideToEntities';
export type {
  GuideToEntitiesOptions,
  TechRadarEntry,
  TechRadarJson,
  TechRadarRing,
} from './entities/guideToEntities';
export {
  MAX_TECHNOLOGY_NAME_LENGTH,
  technologyNameKey,
} from './names/technologyNameKey';
export { layerNameKey } from './names/layerNameKey';
export { parseTechnologyRef } from './names/parseTechnologyRef';
export { technologyEntityNames } from './names/technologyEntityNames';
export type { TechnologyNames } from './names/technologyEntityNames';
export { TechnologyNameIndex } from './names/TechnologyNameIndex';
