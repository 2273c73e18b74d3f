import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createUsesAnnotationAction } from './actions/usesAnnotation';

/**
 * Scaffolder module of Tech Stack for Backstage: registers the `tech-stack:*` actions.
 *
 * @public
 */
export const scaffolderModuleTechStack = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'tech-stack',
  register({ registerInit }) {
    registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(createUsesAnnotationAction());
      },
    });
  },
});
