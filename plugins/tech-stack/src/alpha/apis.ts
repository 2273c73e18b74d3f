import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { techStackApiRef, TechStackClient } from '../api';

/**
 * `api:tech-stack` — the TechStack API: the {@link TechStackClient} on the
 * app's discovery and fetch APIs, so requests carry the user's credentials.
 */
export const techStackApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: techStackApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new TechStackClient({ discoveryApi, fetchApi }),
    }),
});
