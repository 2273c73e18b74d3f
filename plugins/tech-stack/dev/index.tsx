/*
 * Development and benchmark app of the plugin, never part of a portal:
 * `yarn workspace @techstack/plugin-tech-stack start` serves it on
 * http://localhost:3001 (dev/app-config.yaml). Its `/radar-bench` page is the
 * harness of bench/radar.bench.ts: our radar and the community one
 * (@backstage-community/plugin-tech-radar, a dev dependency only) on the same
 * generated data.
 */
import '@backstage/cli/asset-types';
import ReactDOM from 'react-dom/client';
import { createApp } from '@backstage/frontend-defaults';
import {
  createFrontendModule,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
// this dev app is an app of its own, styled as the portal is
// eslint-disable-next-line @backstage/no-ui-css-imports-in-non-frontend
import '@backstage/ui/css/styles.css';
import { communityRadarApi } from './communityRadarApi';

const radarBenchPage = PageBlueprint.make({
  name: 'radar-bench',
  params: {
    path: '/radar-bench',
    // the page reads its query with React Router
    loader: () =>
      import('./RadarBenchPage').then(m => (
        <ReactRouterV6PageRouter>
          <m.RadarBenchPage />
        </ReactRouterV6PageRouter>
      )),
  },
});

const benchModule = createFrontendModule({
  pluginId: 'app',
  extensions: [radarBenchPage, communityRadarApi],
});

// the catalog gives the radar's entity links their route
const app = createApp({ features: [catalogPlugin, benchModule] });

ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
