import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import type { JSX } from 'react';
import { techStackApiRef, TechStackClient } from './api';
import {
  TechStackPicker,
  techStackPickerValidation,
} from './components/TechStackPicker';
import type { TechRadarPageProps } from './components/TechRadarPage';
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
export const TechRadarPage: (props: TechRadarPageProps) => JSX.Element =
  techStackPlugin.provide(
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
export const EntityTechnologyContent: () => JSX.Element =
  techStackPlugin.provide(
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
export const EntityTechnologyOverviewCard: () => JSX.Element =
  techStackPlugin.provide(
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

/**
 * Scaffolder field `TechStackPicker`: one technology per layer of the stack
 * guide, the adopt choice preselected, hold choices disabled with their reason.
 *
 * @public
 */
export const TechStackPickerFieldExtension = techStackPlugin.provide(
  createScaffolderFieldExtension({
    name: 'TechStackPicker',
    component: TechStackPicker,
    validation: techStackPickerValidation,
  }),
);

/**
 * The "Tech stack" card of a Component: its technologies with rings, how each
 * was found, and hold / off-guide flags.
 *
 * @public
 */
export const EntityTechStackCard: (props: { title?: string }) => JSX.Element =
  techStackPlugin.provide(
    createComponentExtension({
      name: 'EntityTechStackCard',
      component: {
        lazy: () =>
          import('./components/EntityTechStackCard').then(
            m => m.EntityTechStackCard,
          ),
      },
    }),
  );

/**
 * The "Tools used by this team" card of a Group: technologies by ring with
 * component counts, flags and the share of usages on adopt.
 *
 * @public
 */
export const EntityTeamToolsCard: (props: { title?: string }) => JSX.Element =
  techStackPlugin.provide(
    createComponentExtension({
      name: 'EntityTeamToolsCard',
      component: {
        lazy: () =>
          import('./components/EntityTeamToolsCard').then(
            m => m.EntityTeamToolsCard,
          ),
      },
    }),
  );
