import { compatWrapper } from '@backstage/core-compat-api';
import { Content } from '@backstage/core-components';
import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import {
  PageBlueprint,
  SubPageBlueprint,
} from '@backstage/frontend-plugin-api';
import TrackChangesIcon from '@material-ui/icons/TrackChanges';
import { radarRouteRef } from './routes';

/**
 * `page:tech-stack` — the Tech Radar page at `/tech-radar`. Its route, title
 * and icon are what the app's navigation turns into the "Tech Radar" sidebar
 * item; its sub-pages are the tabs.
 */
export const techRadarPage = PageBlueprint.make({
  params: {
    path: '/tech-radar',
    title: 'Tech Radar',
    icon: <TrackChangesIcon fontSize="inherit" />,
    routeRef: radarRouteRef,
  },
});

/**
 * `sub-page:tech-stack/radar` — the first tab (`/tech-radar` opens it): the
 * radar with one sector per guide section, filters kept in the URL, and the
 * per-layer tables.
 */
export const techRadarSubPage = SubPageBlueprint.make({
  name: 'radar',
  attachTo: { id: 'page:tech-stack', input: 'pages' },
  params: {
    path: 'radar',
    title: 'Radar',
    loader: () =>
      import('../components/TechRadarPage').then(m => (
        <ReactRouterV6PageRouter>
          {compatWrapper(
            <Content>
              <m.RadarTab />
            </Content>,
          )}
        </ReactRouterV6PageRouter>
      )),
  },
});

/**
 * `sub-page:tech-stack/adoption` — the adoption tab at `/tech-radar/adoption`:
 * which teams use which technologies, with filters kept in the URL.
 */
export const adoptionSubPage = SubPageBlueprint.make({
  name: 'adoption',
  attachTo: { id: 'page:tech-stack', input: 'pages' },
  params: {
    path: 'adoption',
    title: 'Adoption',
    loader: () =>
      import('../components/AdoptionPage').then(m => (
        <ReactRouterV6PageRouter>
          {compatWrapper(
            <Content>
              <m.AdoptionView />
            </Content>,
          )}
        </ReactRouterV6PageRouter>
      )),
  },
});

/**
 * `sub-page:tech-stack/campaigns` — the campaigns tab at
 * `/tech-radar/campaigns`: the migration campaigns of `techStack.campaigns`
 * with their remaining components per team and CSV export.
 */
export const campaignsSubPage = SubPageBlueprint.make({
  name: 'campaigns',
  attachTo: { id: 'page:tech-stack', input: 'pages' },
  params: {
    path: 'campaigns',
    title: 'Campaigns',
    loader: () =>
      import('../components/CampaignsPage').then(m => (
        <ReactRouterV6PageRouter>
          {compatWrapper(
            <Content>
              <m.CampaignsView />
            </Content>,
          )}
        </ReactRouterV6PageRouter>
      )),
  },
});
