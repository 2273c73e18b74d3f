import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { techStackApiRef, TechStackClient } from './api';
import { rootRouteRef } from './routes';

/**
 * The Tech Stack frontend plugin (legacy frontend system).
 *
 * @public
 */
export const techStackPlugin = createPlugin({
  id: 'tech-stack',
  apis: [
    createApiFactory({
      api: techStackApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new TechStackClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The tech radar page, with filters and the per-layer tables.
 *
 * @public
 */
export const TechRadarPage = techStackPlugin.provide(
  createRoutableExtension({
    name: 'TechRadarPage',
    component: () =>
      import('./components/TechRadarPage').then(m => m.TechRadarPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The content of a Technology entity page (use inside an `EntityLayout.Route`
 * for kind `Technology`).
 *
 * @public
 */
export const EntityTechnologyContent = techStackPlugin.provide(
  createComponentExtension({
    name: 'EntityTechnologyContent',
    component: {
      lazy: () =>
        import('./components/EntityTechnologyContent').then(
          m => m.EntityTechnologyContent,
        ),
    },
  }),
);

/**
 * The overview card of a Technology entity (ring, description, aliases, guide link).
 *
 * @public
 */
export const EntityTechnologyOverviewCard = techStackPlugin.provide(
  createComponentExtension({
    name: 'EntityTechnologyOverviewCard',
    component: {
      lazy: () =>
        import('./components/EntityTechnologyContent').then(
          m => m.EntityTechnologyOverviewCard,
        ),
    },
  }),
);
