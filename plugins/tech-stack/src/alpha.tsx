/**
 * The Tech Stack plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */
import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  OverridableFrontendPlugin,
  PageBlueprint,
  RouteRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import TrackChangesIcon from '@material-ui/icons/TrackChanges';
import { techStackApiRef, TechStackClient } from './api';
import { rootRouteRef } from './routes';

const radarRouteRef = convertLegacyRouteRef(rootRouteRef);

/** The TechStack API client. */
const techStackApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: techStackApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new TechStackClient({ discoveryApi, fetchApi }),
    }),
});

/** The radar page at `/tech-radar`; its title and icon make the nav item. */
const techRadarPage = PageBlueprint.make({
  params: {
    path: '/tech-radar',
    title: 'Tech Radar',
    icon: <TrackChangesIcon />,
    routeRef: radarRouteRef,
    loader: () =>
      import('./components/TechRadarPage').then(m =>
        compatWrapper(<m.TechRadarPage />),
      ),
  },
});

/** The "Technology" tab of Technology entities. */
const technologyEntityContent = EntityContentBlueprint.make({
  name: 'technology',
  params: {
    path: '/technology',
    title: 'Technology',
    filter: 'kind:technology',
    loader: () =>
      import('./components/EntityTechnologyContent').then(m =>
        compatWrapper(<m.EntityTechnologyContent />),
      ),
  },
});

/** The "Tech stack" card on Component pages. */
const techStackEntityCard = EntityCardBlueprint.make({
  name: 'tech-stack',
  params: {
    filter: 'kind:component',
    loader: () =>
      import('./components/EntityTechStackCard').then(m =>
        compatWrapper(<m.EntityTechStackCard />),
      ),
  },
});

/** The "Tools used by this team" card on Group pages. */
const teamToolsEntityCard = EntityCardBlueprint.make({
  name: 'team-tools',
  params: {
    filter: 'kind:group',
    loader: () =>
      import('./components/EntityTeamToolsCard').then(m =>
        compatWrapper(<m.EntityTeamToolsCard />),
      ),
  },
});

/**
 * The Tech Stack frontend plugin, new frontend system.
 *
 * @alpha
 */
const techStackPlugin: OverridableFrontendPlugin<{ root: RouteRef }> =
  createFrontendPlugin({
    pluginId: 'tech-stack',
    title: 'Tech Radar',
    icon: <TrackChangesIcon />,
    extensions: [
      techStackApi,
      techRadarPage,
      technologyEntityContent,
      techStackEntityCard,
      teamToolsEntityCard,
    ],
    routes: { root: radarRouteRef },
  });

export default techStackPlugin;
