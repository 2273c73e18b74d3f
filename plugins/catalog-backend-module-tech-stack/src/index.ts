/**
 * Catalog module that ingests technology stack guides as `Technology` entities.
 *
 * @packageDocumentation
 */
export { catalogModuleTechStack as default } from './module';
export { TechnologyEntitiesProcessor } from './processor/TechnologyEntitiesProcessor';
export { TechnologyIndex } from './processor/TechnologyIndex';
export type { TechnologyResolution } from './processor/TechnologyIndex';
export { TechStackGuideEntityProvider } from './provider/TechStackGuideEntityProvider';
export type {
  GuideRefreshResult,
  TechStackGuideEntityProviderDeps,
} from './provider/TechStackGuideEntityProvider';
export { readTechStackConfig, parseOverrides } from './provider/config';
export type { GuideRunOutcome } from './provider/GuideRunOutcome';
export { GuideRunStore } from './database/GuideRunStore';
export type { GuideRunRecord } from './database/GuideRunStore';
export { parseInWorker, ParseTimeoutError } from './provider/parseInWorker';
export type { WorkerParseResult } from './provider/parseInWorker';
export type { RefreshGuideAnswer } from './service/refreshHandler';
export type {
  ColumnRing,
  TechStackConfig,
  TechStackGuideConfig,
  TechStackOverride,
  TechStackOverrideLink,
  TechStackOverridesSource,
} from './provider/config';
export { applyOverrides, loadOverrides } from './provider/overrides';
export { readRingHistory, stampRingHistory } from './provider/ringHistory';
export type { RingChange } from './provider/ringHistory';
export { resolveTarget, readTargetText } from './provider/readGuide';
export type { ResolvedTarget } from './provider/readGuide';
