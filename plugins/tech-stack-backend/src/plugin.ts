import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { createRouter } from './router';
import { RadarService } from './service/RadarService';

/**
 * The tech-stack backend plugin: REST API under `/api/tech-stack`.
 *
 * @public
 */
export const techStackPlugin = createBackendPlugin({
  pluginId: 'tech-stack',
  register(env) {
    env.registerInit({
      deps: {
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        catalog: catalogServiceRef,
      },
      async init({ httpAuth, httpRouter, catalog }) {
        httpRouter.use(
          await createRouter({
            httpAuth,
            radarService: new RadarService(catalog),
          }),
        );
      },
    });
  },
});
