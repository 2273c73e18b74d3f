import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createPublishLocalAction } from './actions/publishLocal';
import { createResolveAction } from './actions/resolve';
import { createUsesAnnotationAction } from './actions/usesAnnotation';
import { createValidateAction } from './actions/validate';
import { createWireAction } from './actions/wire';
import { readScaffolderConfig } from './lib/scaffolderConfig';
import { createRecipesHandler } from './service/recipesHandler';

/**
 * Scaffolder module of Tech Stack for Backstage: registers the `tech-stack:*`
 * actions (`annotate`, `resolve`, `wire`, `validate`, `publish-local`) and
 * `GET /api/scaffolder/tech-stack/recipes` (what the recipes wire).
 *
 * @public
 */
export const scaffolderModuleTechStack = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'tech-stack',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        httpRouter: coreServices.httpRouter,
      },
      async init({ scaffolder, catalog, config, httpRouter }) {
        const { recipesDir, localPublishDir } = readScaffolderConfig(config);
        scaffolder.addActions(
          createUsesAnnotationAction(),
          createResolveAction({ catalog }),
          createWireAction({ recipesDir }),
          createValidateAction({ catalog }),
          createPublishLocalAction({ catalog, localPublishDir }),
        );
        httpRouter.use(createRecipesHandler({ recipesDir }));
      },
    });
  },
});
