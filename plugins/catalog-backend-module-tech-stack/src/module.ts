import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { GuideRunStore } from './database/GuideRunStore';
import { TechnologyEntitiesProcessor } from './processor/TechnologyEntitiesProcessor';
import { TechnologyIndex } from './processor/TechnologyIndex';
import { TechStackGuideEntityProvider } from './provider/TechStackGuideEntityProvider';
import { createRefreshHandler } from './service/refreshHandler';

/**
 * The catalog module of Tech Stack for Backstage: one entity provider per
 * guide of `techStack.guides`, the `Technology` kind and its usage relations,
 * and `POST /api/catalog/tech-stack/refresh`. Keeps a small table of its own
 * (`techstack_guide_runs`) in the catalog's database, shared by the replicas.
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

        const providers = TechStackGuideEntityProvider.fromConfig(deps.config, {
          logger,
          urlReader: deps.urlReader,
          scheduler: deps.scheduler,
          catalog,
          auth,
          index,
          ready,
          runs,
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
