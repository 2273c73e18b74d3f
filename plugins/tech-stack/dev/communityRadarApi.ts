import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import {
  TechRadarApi,
  techRadarApiRef,
} from '@backstage-community/plugin-tech-radar';
import type { CommunityRadarData } from './benchData';

/** The data the community radar loads next: set by the bench page before it renders the radar. */
export const communityRadarSource: { data?: CommunityRadarData } = {};

/** The community radar's loader, answering with the bench page's data. */
export const communityRadarApi = ApiBlueprint.make({
  name: 'community-tech-radar',
  params: defineParams =>
    defineParams({
      api: techRadarApiRef,
      deps: {},
      factory: (): TechRadarApi => ({
        load: async () => {
          if (!communityRadarSource.data) {
            throw new Error('radar bench: no community radar data set');
          }
          return communityRadarSource.data;
        },
      }),
    }),
});
