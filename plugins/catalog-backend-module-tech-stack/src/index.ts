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
export { IngestionMetrics } from './provider/IngestionMetrics';
export type { AppliedRun } from './provider/IngestionMetrics';
export { GuideRunStore } from './database/GuideRunStore';
export type { GuideRunRecord } from './database/GuideRunStore';
export {
  NotificationLedger,
  notificationEventId,
} from './database/NotificationLedger';
export type {
  ClaimedNotification,
  NotificationEvent,
  NotificationEventKey,
} from './database/NotificationLedger';
export { TechnologyTransitionNotifier } from './notifications/TechnologyTransitionNotifier';
export type {
  TechnologyTransitionNotifierDeps,
  TransitionNotificationSummary,
} from './notifications/TechnologyTransitionNotifier';
export { readNotificationsConfig } from './notifications/config';
export type { TechStackNotificationsConfig } from './notifications/config';
export { detectTransitions } from './notifications/detectTransitions';
export type {
  TechnologyTransition,
  TechnologyTransitionKind,
} from './notifications/detectTransitions';
export { adoptAlternativesIndex } from './notifications/adoptAlternatives';
export type { AdoptAlternative } from './notifications/adoptAlternatives';
export { findAffectedEntities } from './notifications/findAffectedEntities';
export type {
  AffectedEntity,
  AffectedOwners,
} from './notifications/findAffectedEntities';
export { campaignsIndex } from './notifications/campaigns';
export type { NotificationCampaign } from './notifications/campaigns';
export {
  campaignLine,
  composeNotification,
  technologyPagePath,
  transitionReason,
  TECH_STACK_NOTIFICATION_TOPIC,
} from './notifications/composeNotification';
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
