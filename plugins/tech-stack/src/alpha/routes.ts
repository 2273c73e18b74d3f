import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { rootRouteRef } from '../routes';

/**
 * The route of the radar page in the new frontend system: the legacy
 * `rootRouteRef` converted, so links made with either system resolve to the
 * same page.
 */
export const radarRouteRef = convertLegacyRouteRef(rootRouteRef);
