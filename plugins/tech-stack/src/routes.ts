import { createRouteRef } from '@backstage/core-plugin-api';

/** The route of the tech radar page. */
export const rootRouteRef = createRouteRef({
  id: 'tech-stack',
});
