import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { catalogGraphApi } from './catalogGraphApi';

/** The catalog graph draws the Tech Stack usage relations too. */
export const catalogGraphModule = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: [catalogGraphApi],
});
