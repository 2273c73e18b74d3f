import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { TechnologyEntitiesProcessor } from './processor/TechnologyEntitiesProcessor';

/**
 * The catalog module of Tech Stack for Backstage.
 *
 * @public
 */
export const catalogModuleTechStack = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'tech-stack',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        logger: coreServices.logger,
      },
      async init({ catalog }) {
        catalog.addProcessor(new TechnologyEntitiesProcessor());
      },
    });
  },
});
