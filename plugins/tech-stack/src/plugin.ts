import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { techStackApiRef, TechStackClient } from './api';
import { rootRouteRef } from './routes';

/** The Tech Stack frontend plugin. */
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

/** The tech radar page, with the per-layer tables. */
export const TechRadarPage = techStackPlugin.provide(
  createRoutableExtension({
    name: 'TechRadarPage',
    component: () =>
      import('./components/TechRadarPage').then(m => m.TechRadarPage),
    mountPoint: rootRouteRef,
  }),
);
