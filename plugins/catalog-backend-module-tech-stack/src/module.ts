import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { metricsServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { GuideRunStore } from './database/GuideRunStore';
import { TechnologyTransitionNotifier } from './notifications/TechnologyTransitionNotifier';
import { TechnologyEntitiesProcessor } from './processor/TechnologyEntitiesProcessor';
import { TechnologyIndex } from './processor/TechnologyIndex';
import { IngestionMetrics } from './provider/IngestionMetrics';
import { TechStackGuideEntityProvider } from './provider/TechStackGuideEntityProvider';
import { createRefreshHandler } from './service/refreshHandler';

/**
 * The catalog module of Tech Stack for Backstage: one entity provider per
 * guide of `techStack.guides`, the `Technology` kind and its usage relations,
 * and `POST /api/catalog/tech-stack/refresh`; notifies the owners of what
 * uses a technology that goes on hold or leaves a guide
 * (`techStack.notifications`). Keeps small tables of its own
 * (`techstack_guide_runs`, `techstack_notifications`) in the catalog's
 * database, shared by the replicas.
 *
 * @public
 */
export const catalogModuleTechStack = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'tech-stack',
  register(reg) {
    reg.registerInit({
      deps: {
        catalogProcessing: catalogProcessingExtensionPoint,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        lifecycle: coreServices.lifecycle,
        database: coreServices.database,
        metrics: metricsServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const { catalogProcessing, catalog, auth, logger, lifecycle } = deps;
        const index = new TechnologyIndex({ catalog, auth, logger });
        let started: () => void = () => {};
        const ready = new Promise<void>(resolve => {
          started = resolve;
        });
        lifecycle.addStartupHook(() => started());
        const runs = await GuideRunStore.create(deps.database);
        const notifier = await TechnologyTransitionNotifier.fromConfig(
          deps.config,
          {
            catalog,
            auth,
            logger,
            notifications: deps.notifications,
            database: deps.database,
          },
        );

        const providers = TechStackGuideEntityProvider.fromConfig(deps.config, {
          logger,
          urlReader: deps.urlReader,
          scheduler: deps.scheduler,
          catalog,
          auth,
          index,
          ready,
          runs,
          metrics: IngestionMetrics.create(deps.metrics),
          notifier,
        });
        catalogProcessing.addEntityProvider(providers);
        catalogProcessing.addProcessor(
          new TechnologyEntitiesProcessor({ index }),
        );

        deps.httpRouter.use(
          createRefreshHandler({
            providers,
            runs,
            scheduler: deps.scheduler,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
          }),
        );
      },
    });
  },
});
