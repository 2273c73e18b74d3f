import { createBackendModule } from '@backstage/backend-plugin-api';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { techStackFactRetriever } from './techStackFactRetriever';

/**
 * Tech Insights module that adds the fact retriever `techStackFactRetriever`.
 * Tech insights schedules it only when
 * `techInsights.factRetrievers.techStackFactRetriever.cadence` is configured.
 *
 * @public
 */
export const techInsightsModuleTechStack = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'tech-stack',
  register(reg) {
    reg.registerInit({
      deps: { techInsights: techInsightsFactRetrieversExtensionPoint },
      async init({ techInsights }) {
        techInsights.addFactRetrievers({ techStackFactRetriever });
      },
    });
  },
});
