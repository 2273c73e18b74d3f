import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceRef,
  metricsServiceRef,
} from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { registerTechStackActions } from './actions';
import { createRouter } from './router';
import { AdoptionService } from './service/AdoptionService';
import { CatalogVisibility } from './service/index/CatalogVisibility';
import { createUsageIndex } from './service/index/createUsageIndex';
import { AdoptionHistory } from './service/history/AdoptionHistory';
import { RadarService } from './service/RadarService';
import { RingHistoryRecorder } from './service/history/RingHistoryRecorder';
import { CampaignService } from './service/campaigns/CampaignService';
import { readCampaigns } from '@techstack/plugin-tech-stack-common';
import { readGuideTargets } from './service/guideTargets';

/**
 * The tech-stack backend plugin: REST API under `/api/tech-stack`, and the
 * tech-stack actions of Backstage's actions registry (for AI agents over MCP).
 *
 * @public
 */
export const techStackPlugin = createBackendPlugin({
  pluginId: 'tech-stack',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        catalog: catalogServiceRef,
        metrics: metricsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        lifecycle: coreServices.lifecycle,
      },
      async init({
        config,
        logger,
        httpAuth,
        httpRouter,
        catalog,
        metrics,
        actionsRegistry,
        database,
        scheduler,
        auth,
        permissions,
        lifecycle,
      }) {
        const cacheTtlSeconds =
          config.getOptionalNumber('techStack.radar.cacheTtlSeconds') ?? 30;
        const movementWindowDays =
          config.getOptionalNumber('techStack.radar.movementWindowDays') ?? 90;
        logger.info(
          `Tech radar cache TTL ${cacheTtlSeconds}s, movement window ${movementWindowDays} days`,
        );
        // a bad campaign fails the start, naming its key
        const campaigns = readCampaigns(config);
        const adoptionTtlSeconds =
          config.getOptionalNumber('techStack.adoption.cacheTtlSeconds') ??
          cacheTtlSeconds;
        const sources = {
          tags:
            config.getOptionalBoolean('techStack.adoption.sources.tags') ??
            true,
          dependencies:
            config.getOptionalBoolean(
              'techStack.adoption.sources.dependencies',
            ) ?? true,
        };
        const usageIndex = await createUsageIndex(config, {
          database,
          scheduler,
          lifecycle,
          catalog,
          auth,
          logger,
          sources,
          maxAgeMs: adoptionTtlSeconds * 1000,
        });
        const adoptionService = new AdoptionService({
          index: usageIndex,
          visibility: new CatalogVisibility({
            catalog,
            permissions,
            resources: sources.dependencies,
            ttlMs: adoptionTtlSeconds * 1000,
            index: usageIndex,
          }),
          campaigns,
        });
        const adoptionHistory = await AdoptionHistory.fromConfig(config, {
          database,
          scheduler,
          adoption: adoptionService,
          auth,
          logger,
        });
        const ringHistory = await RingHistoryRecorder.fromConfig(config, {
          database,
          scheduler,
          catalog,
          auth,
          logger,
        });
        registerTechStackActions({
          actionsRegistry,
          adoption: adoptionService,
        });
        httpRouter.use(
          await createRouter({
            httpAuth,
            radarService: new RadarService({
              catalog,
              cacheTtlSeconds,
              movementWindowDays,
              guideTargets: readGuideTargets(config),
              usageCounts: credentials =>
                adoptionService.getUsageCounts(credentials),
              ringHistory: ringHistory.store,
            }),
            adoptionService,
            campaignService: new CampaignService({
              campaigns,
              snapshot: credentials => adoptionService.getSnapshot(credentials),
            }),
            adoptionHistory,
            metrics,
          }),
        );
      },
    });
  },
});
