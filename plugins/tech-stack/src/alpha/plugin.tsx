import {
  createFrontendPlugin,
  OverridableFrontendPlugin,
  RouteRef,
} from '@backstage/frontend-plugin-api';
import TrackChangesIcon from '@material-ui/icons/TrackChanges';
import { techStackApi } from './apis';
import {
  technologyOverviewEntityCard,
  teamToolsEntityCard,
  techStackEntityCard,
} from './entityCards';
import { technologyEntityContent } from './entityContent';
import { techStackPickerFormField } from './formFields';
import {
  adoptionSubPage,
  campaignsSubPage,
  techRadarPage,
  techRadarSubPage,
} from './pages';
import { radarRouteRef } from './routes';

/**
 * The Tech Stack frontend plugin for the new frontend system: everything the
 * legacy `techStackPlugin` and its extensions provide, as extensions —
 *
 * - `api:tech-stack` — the TechStack API;
 * - `page:tech-stack` — the Tech Radar page at `/tech-radar` (and its sidebar
 *   item), with the tabs `sub-page:tech-stack/radar`,
 *   `sub-page:tech-stack/adoption` and `sub-page:tech-stack/campaigns`;
 * - `entity-content:tech-stack/technology` — the Technology tab;
 * - `entity-card:tech-stack/technology-overview`,
 *   `entity-card:tech-stack/tech-stack`, `entity-card:tech-stack/team-tools` —
 *   the cards for Technology, Component and Group overviews;
 * - `scaffolder-form-field:tech-stack/tech-stack-picker` — the
 *   `TechStackPicker` scaffolder field.
 *
 * @alpha
 */
export const techStackPlugin: OverridableFrontendPlugin<{ root: RouteRef }> =
  createFrontendPlugin({
    pluginId: 'tech-stack',
    title: 'Tech Radar',
    icon: <TrackChangesIcon fontSize="inherit" />,
    extensions: [
      techStackApi,
      techRadarPage,
      techRadarSubPage,
      adoptionSubPage,
      campaignsSubPage,
      technologyEntityContent,
      technologyOverviewEntityCard,
      techStackEntityCard,
      teamToolsEntityCard,
      techStackPickerFormField,
    ],
    routes: { root: radarRouteRef },
  });
