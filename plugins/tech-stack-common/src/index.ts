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
  GuideToTechRadarOptions,
  TechRadarEntry,
  TechRadarJson,
  TechRadarRing,
} from './entities/guideToEntities';
export {
  defaultQuadrantGroups,
  MAX_QUADRANT_MAP_LENGTH,
  MAX_QUADRANTS,
  parseQuadrantMap,
  radarPlacement,
  resolveQuadrantGroups,
} from './entities/radarQuadrants';
export type { QuadrantGroup } from './entities/radarQuadrants';
export { MAX_CSV_FIELDS, parseCsv } from './import/csv';
export { csvField, csvText } from './csvField';
export type { CsvRecord } from './import/csv';
export { readByorCsv } from './import/byorCsv';
export { readTechRadarJson } from './import/techRadarJson';
export { MAX_IMPORTED_DESCRIPTION_LENGTH } from './import/importedRadar';
export type {
  ImportedEntry,
  ImportedQuadrant,
  ImportedRadar,
} from './import/importedRadar';
export { DEFAULT_IMPORTED_TITLE, radarToGuide } from './import/radarToGuide';
export type { GuideRow, ImportedGuide } from './import/radarToGuide';
export { checkImportedGuide } from './import/checkImportedGuide';
export {
  MAX_TECHNOLOGY_NAME_LENGTH,
  technologyNameKey,
} from './names/technologyNameKey';
export {
  MAX_CATALOG_INFO_BYTES,
  readCatalogInfoUses,
} from './entities/catalogInfoUses';
export type { CatalogInfoUses } from './entities/catalogInfoUses';
export {
  MAX_USES_NAMES,
  MAX_USES_NAME_LENGTH,
  boundUsageNames,
} from './entities/usageBounds';
export { layerNameKey } from './names/layerNameKey';
export { parseTechnologyRef } from './names/parseTechnologyRef';
export { technologyEntityNames } from './names/technologyEntityNames';
export type { TechnologyNames } from './names/technologyEntityNames';
export { TechnologyNameIndex } from './names/TechnologyNameIndex';
export {
  MAX_RING_HISTORY_LENGTH,
  parseRingHistory,
  RING_HISTORY_LIMIT,
  ringChangeSchema,
  serializeRingHistory,
} from './ringHistory';
export type { RingChange, RingHistory } from './ringHistory';
export {
  campaignDaysLeft,
  MAX_CAMPAIGN_STRING_LENGTH,
  MAX_CAMPAIGNS,
  MAX_REPLACEMENTS,
  readCampaigns,
} from './campaigns/readCampaigns';
export type {
  CampaignConfig,
  CampaignConfigSource,
} from './campaigns/readCampaigns';
export { recipeCoverage } from './recipes/recipeCoverage';
export type {
  CoverageTechnology,
  NotApplicableSummary,
  RecipeCoverageEntry,
  RecipeIndex,
  RecipeSummary,
} from './recipes/recipeCoverage';
