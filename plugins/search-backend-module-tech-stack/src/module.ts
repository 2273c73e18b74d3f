import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogCollatorExtensionPoint } from '@backstage/plugin-search-backend-module-catalog';
import { createTechStackEntityTransformer } from './document/techStackEntityTransformer';

/**
 * Search module of Tech Stack for Backstage: sets the catalog collator's
 * entity transformer so that `Technology` entities are found by their name,
 * any alias, their layers, sections and ring, and their results carry the
 * ring and the layers. Other entities are shaped by Backstage's default
 * transformer, unchanged.
 *
 * Needs `@backstage/plugin-search-backend-module-catalog` in the backend,
 * and is the one module that sets its transformer (the collator accepts one:
 * a portal with a transformer of its own uses
 * {@link createTechStackEntityTransformer} with it as the fallback instead).
 *
 * @public
 */
export const searchModuleTechStack = createBackendModule({
  pluginId: 'search',
  moduleId: 'tech-stack',
  register({ registerInit }) {
    registerInit({
      deps: { catalogCollator: catalogCollatorExtensionPoint },
      async init({ catalogCollator }) {
        catalogCollator.setEntityTransformer(
          createTechStackEntityTransformer(),
        );
      },
    });
  },
});
